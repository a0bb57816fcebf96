// First visit to a fresh instance: create the owner and the first organisation.
import { useState, type FormEvent } from "react";
import { limits, setupInput } from "../../../core/accounts/schema.js";
import { api } from "../../api.js";
import { describeProblem, fieldErrorsOf, hasFieldErrors, validate, type FieldErrors } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { navigate } from "../../router.js";
import { orgPath } from "../../routes.js";
import { useSession } from "../../session.js";
import { AuthLayout } from "../../shell/auth-layout.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { NewPasswordField, TextField } from "../../ui/field.js";

export function SetupPage() {
  const { t, language } = useI18n();
  const { start } = useSession();
  const [values, setValues] = useState({ name: "", email: "", password: "", organisationName: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fieldMessages = {
    name: t("field.personName", { max: limits.nameMax }),
    email: t("field.email"),
    password: t("field.newPassword", { min: limits.passwordMin }),
    organisationName: t("field.organisationName", { max: limits.organisationNameMax }),
  };
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues({ ...values, [field]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const checked = validate(setupInput, { ...values, language }, fieldMessages);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const session = await api.setup({ ...values, language });
      start(session);
      const first = session.organisations[0];
      navigate(first ? orgPath(first.id) : "/app/", { replace: true });
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error, fieldMessages);
      setErrors(fieldErrors);
      if (!hasFieldErrors(fieldErrors)) setFailure(describeProblem(t, error));
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t("setup.title")} subtitle={t("setup.subtitle")} wide>
      <form className="form" onSubmit={submit} noValidate>
        {failure ? <Callout tone="danger">{failure}</Callout> : null}
        <fieldset className="form__section">
          <legend className="form__legend">{t("setup.you")}</legend>
          <TextField label={t("field.label.name")} name="name" autoComplete="name" value={values.name} onChange={set("name")} error={errors.name} autoFocus />
          <TextField label={t("field.label.email")} name="email" type="email" autoComplete="email" value={values.email} onChange={set("email")} error={errors.email} />
          <NewPasswordField name="password" value={values.password} onChange={set("password")} error={errors.password} />
        </fieldset>
        <fieldset className="form__section">
          <legend className="form__legend">{t("setup.organisation")}</legend>
          <TextField
            label={t("field.label.organisationName")}
            name="organisationName"
            autoComplete="organization"
            value={values.organisationName}
            onChange={set("organisationName")}
            error={errors.organisationName}
            hint={t("setup.organisationHint")}
          />
        </fieldset>
        <Button type="submit" variant="primary" busy={busy} className="button--block">
          {t("setup.submit")}
        </Button>
      </form>
    </AuthLayout>
  );
}
