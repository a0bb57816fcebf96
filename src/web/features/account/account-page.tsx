// The signed-in person's account: name and language, password, and ending every session.
import { useState, type FormEvent } from "react";
import { changePasswordInput, limits, updateAccountInput } from "../../../core/accounts/schema.js";
import { languages, type Language } from "../../../core/i18n/languages.js";
import { api } from "../../api.js";
import { describeProblem, fieldErrorsOf, hasFieldErrors, validate, type FieldErrors } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { useSession, useSignedIn } from "../../session.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { ConfirmDialog } from "../../ui/dialog.js";
import { NewPasswordField, SelectField, TextField } from "../../ui/field.js";
import { PageHeader, SettingsSection } from "../../ui/page.js";
import { useToast } from "../../ui/toast.js";

const languageNames: Record<Language, string> = { es: "Español", en: "English", pt: "Português" };

export function AccountPage() {
  const { t } = useI18n();
  const { signOutEverywhere } = useSession();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <PageHeader title={t("nav.account")} description={t("account.description")} />
      <div className="settings">
        <ProfileForm />
        <PasswordForm />
        <SettingsSection id="account-sessions" title={t("account.sessions.title")} description={t("account.sessions.description")}>
          <Button variant="danger" icon="shield" onClick={() => setConfirming(true)}>
            {t("userMenu.signOutEverywhere")}
          </Button>
        </SettingsSection>
      </div>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t("signOutEverywhere.title")}
        description={t("signOutEverywhere.description")}
        confirmLabel={t("signOutEverywhere.confirm")}
        onConfirm={signOutEverywhere}
        describeError={(error) => describeProblem(t, error)}
      />
    </>
  );
}

function ProfileForm() {
  const { t, language: current, setLanguage } = useI18n();
  const { user } = useSignedIn();
  const { updateUser } = useSession();
  const toast = useToast();
  const [name, setName] = useState(user.name);
  const [language, setLanguageChoice] = useState<Language>(user.language ?? current);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldMessages = { name: t("field.personName", { max: limits.nameMax }), language: t("field.language") };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const checked = validate(updateAccountInput, { name, language }, fieldMessages);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const updated = await api.updateAccount({ name, language });
      updateUser(updated);
      setLanguage(language);
      toast(t("account.profile.saved"));
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error, fieldMessages);
      setErrors(fieldErrors);
      if (!hasFieldErrors(fieldErrors)) setFailure(describeProblem(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <SettingsSection id="account-profile" title={t("account.profile.title")} description={t("account.profile.description")}>
      <form className="form" onSubmit={submit} noValidate>
        {failure ? <Callout tone="danger">{failure}</Callout> : null}
        <TextField label={t("field.label.name")} name="name" autoComplete="name" value={name} onChange={(event) => setName(event.target.value)} error={errors.name} />
        <TextField label={t("field.label.email")} name="email" type="email" value={user.email} readOnly hint={t("account.profile.emailHint")} />
        <SelectField
          label={t("account.profile.language")}
          name="language"
          value={language}
          onChange={(event) => setLanguageChoice(event.target.value as Language)}
          error={errors.language}
        >
          {languages.map((code) => (
            <option key={code} value={code} lang={code}>
              {languageNames[code]}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t("common.save")}
          </Button>
        </div>
      </form>
    </SettingsSection>
  );
}

function PasswordForm() {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const toast = useToast();
  const [values, setValues] = useState({ currentPassword: "", newPassword: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldMessages = {
    currentPassword: t("field.currentPassword"),
    newPassword: t("field.newPassword", { min: limits.passwordMin }),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const checked = validate(changePasswordInput, values, fieldMessages);
    const missingCurrent = values.currentPassword ? {} : { currentPassword: t("field.currentPasswordMissing") };
    if (!checked.ok || !values.currentPassword) return setErrors({ ...(checked.ok ? {} : checked.errors), ...missingCurrent });
    setErrors({});
    setBusy(true);
    try {
      await api.changePassword(values);
      setValues({ currentPassword: "", newPassword: "" });
      toast(t("account.password.changed"));
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error, { ...fieldMessages, currentPassword: t("account.password.wrongCurrent") });
      setErrors(fieldErrors);
      if (!hasFieldErrors(fieldErrors)) setFailure(describeProblem(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <SettingsSection id="account-password" title={t("account.password.title")} description={t("account.password.description")}>
      <form className="form" onSubmit={submit} noValidate>
        {failure ? <Callout tone="danger">{failure}</Callout> : null}
        {/* A hidden username helps password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={user.email} readOnly hidden />
        <TextField
          label={t("account.password.current")}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={(event) => setValues({ ...values, currentPassword: event.target.value })}
          error={errors.currentPassword}
        />
        <NewPasswordField
          label={t("account.password.new")}
          name="newPassword"
          value={values.newPassword}
          onChange={(event) => setValues({ ...values, newPassword: event.target.value })}
          error={errors.newPassword}
        />
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t("account.password.submit")}
          </Button>
        </div>
      </form>
    </SettingsSection>
  );
}
