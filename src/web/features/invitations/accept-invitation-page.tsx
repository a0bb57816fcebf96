// /app/invite/:token — what the invitation offers, then accept it: signed in with one click, or by
// creating an account. Expired, revoked or used links get a friendly explanation instead.
import { useEffect, useState, type FormEvent } from "react";
import { acceptInvitationInput, limits } from "../../../core/accounts/schema.js";
import { api, ApiError, type InvitationPreview, type Session } from "../../api.js";
import { describeProblem, fieldErrorsOf, hasFieldErrors, validate, type FieldErrors } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Link, navigate } from "../../router.js";
import { orgPath } from "../../routes.js";
import { useSession } from "../../session.js";
import { AuthLayout } from "../../shell/auth-layout.js";
import { RoleBadge } from "../../ui/brand.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { NewPasswordField, TextField } from "../../ui/field.js";
import { Spinner } from "../../ui/page.js";

type Preview = { status: "loading" } | { status: "invalid" } | { status: "missing" } | { status: "failed"; message: string } | { status: "open"; invitation: InvitationPreview };

export function AcceptInvitationPage({ token }: { token: string }) {
  const { t } = useI18n();
  const { state } = useSession();
  const [preview, setPreview] = useState<Preview>({ status: "loading" });

  useEffect(() => {
    let live = true;
    api.previewInvitation(token).then(
      (invitation) => live && setPreview({ status: "open", invitation }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.code === "invitation_invalid") setPreview({ status: "invalid" });
        else if (error instanceof ApiError && (error.status === 404 || error.status === 400)) setPreview({ status: "missing" });
        else setPreview({ status: "failed", message: describeProblem(t, error) });
      },
    );
    return () => {
      live = false;
    };
    // Only the token decides what to load: a change of language must not load it again.
  }, [token]);

  if (preview.status === "loading") return <Spinner label={t("common.loading")} />;

  if (preview.status !== "open") {
    const title = preview.status === "invalid" ? t("invite.invalidTitle") : preview.status === "missing" ? t("invite.missingTitle") : t("invite.failedTitle");
    const text = preview.status === "invalid" ? t("invite.invalidText") : preview.status === "missing" ? t("invite.missingText") : preview.message;
    return (
      <AuthLayout title={title}>
        <Callout tone="warning">{text}</Callout>
        <div className="form__actions">
          <Link to="/app/" className="button button--secondary">
            {state.status === "signed_in" ? t("invite.goToDashboard") : t("invite.goToSignIn")}
          </Link>
        </div>
      </AuthLayout>
    );
  }

  const { invitation } = preview;
  const subtitle = (
    <>
      {t("invite.subtitle", { organisation: invitation.organisationName })} <RoleBadge role={invitation.role} />
    </>
  );
  return (
    <AuthLayout title={t("invite.title", { organisation: invitation.organisationName })} subtitle={subtitle} wide>
      <p className="auth__lead">{t(`role.${invitation.role}.description`)}</p>
      {state.status === "signed_in" ? (
        <AcceptAsMember token={token} invitation={invitation} session={state.session} onInvalid={() => setPreview({ status: "invalid" })} />
      ) : (
        <AcceptWithNewAccount token={token} invitation={invitation} onInvalid={() => setPreview({ status: "invalid" })} />
      )}
    </AuthLayout>
  );
}

/** The newly joined organisation: the one in `after` that was not in `before`. */
function joinedOrganisation(before: string[], after: Session): string | null {
  return after.organisations.find((o) => !before.includes(o.id))?.id ?? after.organisations[0]?.id ?? null;
}

function AcceptAsMember({ token, invitation, session, onInvalid }: { token: string; invitation: InvitationPreview; session: Session; onInvalid(): void }) {
  const { t } = useI18n();
  const { start, signOut } = useSession();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const otherAddress = invitation.email !== null && invitation.email !== session.user.email;

  const accept = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const before = session.organisations.map((o) => o.id);
      const next = await api.acceptInvitation({ token });
      start(next);
      const joined = joinedOrganisation(before, next);
      navigate(joined ? orgPath(joined) : "/app/", { replace: true });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.code === "invitation_invalid") return onInvalid();
      if (error instanceof ApiError && error.code === "already_member") return setFailure(t("invite.alreadyMember"));
      if (error instanceof ApiError && error.code === "forbidden") return setFailure(t("invite.otherAddress", { email: invitation.email ?? "" }));
      setFailure(describeProblem(t, error));
    }
  };

  return (
    <div className="form">
      {failure ? <Callout tone="danger">{failure}</Callout> : null}
      {otherAddress ? <Callout tone="warning">{t("invite.otherAddress", { email: invitation.email ?? "" })}</Callout> : null}
      <p className="form__note">{t("invite.signedInAs", { name: session.user.name, email: session.user.email })}</p>
      <div className="form__actions form__actions--stack">
        <Button variant="primary" busy={busy} onClick={accept} disabled={otherAddress} className="button--block">
          {t("invite.accept")}
        </Button>
        <Button variant="ghost" onClick={() => void signOut().then(() => navigate(`/app/invite/${token}`, { replace: true }))} className="button--block">
          {t("invite.notYou")}
        </Button>
      </div>
    </div>
  );
}

function AcceptWithNewAccount({ token, invitation, onInvalid }: { token: string; invitation: InvitationPreview; onInvalid(): void }) {
  const { t, language } = useI18n();
  const { start } = useSession();
  const [values, setValues] = useState({ name: "", email: invitation.email ?? "", password: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [emailTaken, setEmailTaken] = useState(false);
  const [busy, setBusy] = useState(false);
  const signInHref = `/app/sign-in?next=${encodeURIComponent(`/app/invite/${token}`)}`;

  const fieldMessages = {
    name: t("field.personName", { max: limits.nameMax }),
    email: invitation.email ? t("invite.emailMustMatch", { email: invitation.email }) : t("field.email"),
    password: t("field.newPassword", { min: limits.passwordMin }),
  };
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues({ ...values, [field]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setEmailTaken(false);
    const input = { token, ...values, language };
    const checked = validate(acceptInvitationInput, input, fieldMessages);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const session = await api.acceptInvitation(input);
      start(session);
      const joined = joinedOrganisation([], session);
      navigate(joined ? orgPath(joined) : "/app/", { replace: true });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.code === "invitation_invalid") return onInvalid();
      if (error instanceof ApiError && error.code === "email_taken") {
        setEmailTaken(true);
        return setErrors({ email: t("invite.emailTaken") });
      }
      const fieldErrors = fieldErrorsOf(error, fieldMessages);
      setErrors(fieldErrors);
      if (!hasFieldErrors(fieldErrors)) setFailure(describeProblem(t, error));
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <h2 className="form__heading">{t("invite.createAccount")}</h2>
      {failure ? <Callout tone="danger">{failure}</Callout> : null}
      <TextField label={t("field.label.name")} name="name" autoComplete="name" value={values.name} onChange={set("name")} error={errors.name} autoFocus />
      <TextField
        label={t("field.label.email")}
        name="email"
        type="email"
        autoComplete="email"
        value={values.email}
        onChange={set("email")}
        error={errors.email}
        readOnly={invitation.email !== null}
        hint={invitation.email ? t("invite.emailFixed") : undefined}
      />
      {emailTaken ? (
        <p className="form__note">
          <Link to={signInHref}>{t("invite.signInInstead")}</Link>
        </p>
      ) : null}
      <NewPasswordField name="password" value={values.password} onChange={set("password")} error={errors.password} />
      <Button type="submit" variant="primary" busy={busy} className="button--block">
        {t("invite.createAndJoin")}
      </Button>
      <p className="form__note form__note--center">
        {t("invite.haveAccount")} <Link to={signInHref}>{t("invite.signInToAccept")}</Link>
      </p>
    </form>
  );
}
