// Create another organisation (a brand or company); its creator becomes its owner.
import { useState, type FormEvent } from "react";
import { createOrganisationInput, limits } from "../../../core/accounts/schema.js";
import { api } from "../../api.js";
import { describeProblem, fieldErrorsOf, hasFieldErrors, validate, type FieldErrors } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { navigate } from "../../router.js";
import { orgPath } from "../../routes.js";
import { useSession } from "../../session.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { TextField } from "../../ui/field.js";
import { PageHeader, Panel } from "../../ui/page.js";
import { useToast } from "../../ui/toast.js";

export function NewOrganisationPage({ firstOne }: { firstOne: boolean }) {
  const { t } = useI18n();
  const { refresh } = useSession();
  const toast = useToast();
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldMessages = { name: t("field.organisationName", { max: limits.organisationNameMax }) };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const checked = validate(createOrganisationInput, { name }, fieldMessages);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const organisation = await api.createOrganisation(name);
      await refresh();
      toast(t("newOrganisation.created", { name: organisation.name }));
      navigate(orgPath(organisation.id));
    } catch (error) {
      setBusy(false);
      const fieldErrors = fieldErrorsOf(error, fieldMessages);
      setErrors(fieldErrors);
      if (!hasFieldErrors(fieldErrors)) setFailure(describeProblem(t, error));
    }
  };

  return (
    <>
      <PageHeader title={t("newOrganisation.title")} description={t("newOrganisation.description")} />
      {firstOne ? <Callout tone="info">{t("newOrganisation.noneYet")}</Callout> : null}
      <Panel>
        <form className="form form--narrow" onSubmit={submit} noValidate>
          {failure ? <Callout tone="danger">{failure}</Callout> : null}
          <TextField
            label={t("field.label.organisationName")}
            name="name"
            autoComplete="organization"
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={errors.name}
            hint={t("setup.organisationHint")}
            autoFocus
          />
          <div className="form__actions">
            <Button type="submit" variant="primary" busy={busy} icon="plus">
              {t("newOrganisation.submit")}
            </Button>
          </div>
        </form>
      </Panel>
    </>
  );
}
