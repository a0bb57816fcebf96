// Sign in with e-mail and password. Wrong credentials, too many attempts and an ended session each
// get their own plain sentence.
import { useState, type FormEvent } from "react";
import { api, ApiError } from "../../api.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { useSession } from "../../session.js";
import { AuthLayout } from "../../shell/auth-layout.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { TextField } from "../../ui/field.js";

export function SignInPage({ reason }: { reason: "signed_out" | "expired" | null }) {
  const { t } = useI18n();
  const { start } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const missing = {
      ...(email.trim() ? {} : { email: t("signIn.emailMissing") }),
      ...(password ? {} : { password: t("signIn.passwordMissing") }),
    };
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const session = await api.signIn({ email, password });
      // The app then follows ?next= or opens the last organisation.
      start(session);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.code === "rate_limited") {
        const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 900) / 60));
        setFailure(t("signIn.rateLimited", { minutes }));
      } else if (error instanceof ApiError && error.code === "invalid_credentials") {
        setFailure(t("signIn.invalidCredentials"));
        setPassword("");
      } else {
        setFailure(describeProblem(t, error));
      }
    }
  };

  return (
    <AuthLayout title={t("signIn.title")} subtitle={t("signIn.subtitle")}>
      <form className="form" onSubmit={submit} noValidate>
        {failure ? <Callout tone="danger">{failure}</Callout> : null}
        {!failure && reason === "expired" ? <Callout tone="warning">{t("signIn.expired")}</Callout> : null}
        {!failure && reason === "signed_out" ? <Callout tone="success">{t("signIn.signedOut")}</Callout> : null}
        <TextField
          label={t("field.label.email")}
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.email}
          autoFocus
        />
        <TextField
          label={t("field.label.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.password}
        />
        <Button type="submit" variant="primary" busy={busy} className="button--block">
          {t("signIn.submit")}
        </Button>
        <p className="form__note">{t("signIn.forgot")}</p>
      </form>
    </AuthLayout>
  );
}
