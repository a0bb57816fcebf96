// Decides what to show for a URL: setup on a fresh instance, sign-in when signed out, an
// invitation for /app/invite/:token, and otherwise the dashboard shell around the page.
import { Suspense, lazy, useEffect, type ReactNode } from "react";
import { useI18n } from "./i18n.js";
import { matchPath, navigate, useLocation } from "./router.js";
import { findOrgPage, mayOpen, orgPath, preloadPageOf } from "./routes.js";
import { pickOrganisation, rememberOrganisation, useSession } from "./session.js";
import { Shell } from "./shell/shell.js";
import { AuthLayout } from "./shell/auth-layout.js";
import { Button } from "./ui/button.js";
import { Callout } from "./ui/callout.js";
import { EmptyState, PageHeader, Spinner } from "./ui/page.js";
import { Icon } from "./ui/icon.js";
import { Link } from "./router.js";
import { SignInPage } from "./features/session/sign-in-page.js";

// Sign-in is in the entry chunk (the first screen when signed out); every other page is loaded on
// first use (routes.tsx for the organisation's pages), behind a Suspense boundary showing the spinner.
const SetupPage = lazy(() => import("./features/setup/setup-page.js").then((m) => ({ default: m.SetupPage })));
const AcceptInvitationPage = lazy(() => import("./features/invitations/accept-invitation-page.js").then((m) => ({ default: m.AcceptInvitationPage })));
const AccountPage = lazy(() => import("./features/account/account-page.js").then((m) => ({ default: m.AccountPage })));
const NewOrganisationPage = lazy(() => import("./features/organisations/new-organisation-page.js").then((m) => ({ default: m.NewOrganisationPage })));

// The page of the URL the dashboard opens on starts downloading alongside the session request.
if (typeof window !== "undefined") preloadPageOf(window.location.pathname);

/** Shows the app's loading state while a page's chunk arrives (inside the shell when there is one). */
function Loading({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return <Suspense fallback={<Spinner label={t("common.loading")} />}>{children}</Suspense>;
}

/** Replaces the URL (no history entry) once rendered. */
function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/** Only same-site dashboard paths may be a post-sign-in destination. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith("/app/") && !next.startsWith("//") ? next : null;
}

export function App() {
  const { t } = useI18n();
  const { state, reload } = useSession();
  const { path, search, href } = useLocation();

  if (state.status === "loading") return <Spinner label={t("common.loading")} />;

  if (state.status === "unreachable") {
    return (
      <AuthLayout title={t("unreachable.title")}>
        <Callout tone="danger">{t("unreachable.text")}</Callout>
        <div className="form__actions">
          <Button variant="primary" onClick={reload}>
            {t("common.retry")}
          </Button>
        </div>
      </AuthLayout>
    );
  }

  const invite = matchPath("/app/invite/:token", path);
  if (invite) {
    return (
      <Loading>
        <AcceptInvitationPage token={invite.token!} />
      </Loading>
    );
  }

  if (state.status === "setup") {
    if (path !== "/app/setup") return <Redirect to="/app/setup" />;
    return (
      <Loading>
        <SetupPage />
      </Loading>
    );
  }

  if (state.status === "signed_out") {
    if (path !== "/app/sign-in") {
      const keep = state.reason !== "signed_out" && path !== "/app" && path !== "/app/setup";
      const next = keep ? `?next=${encodeURIComponent(href)}` : "";
      return <Redirect to={`/app/sign-in${next}`} />;
    }
    return <SignInPage reason={state.reason} />;
  }

  const { organisations } = state.session;
  const home = pickOrganisation(organisations);

  if (path === "/app" || path === "/app/sign-in" || path === "/app/setup") {
    const next = safeNext(search.get("next"));
    return <Redirect to={next ?? (home ? orgPath(home.id) : "/app/organisations/new")} />;
  }

  if (path === "/app/account") {
    return (
      <Shell organisation={home} crumb={t("nav.account")}>
        <Loading>
          <AccountPage />
        </Loading>
      </Shell>
    );
  }

  if (path === "/app/organisations/new") {
    return (
      <Shell organisation={home} crumb={t("newOrganisation.crumb")}>
        <Loading>
          <NewOrganisationPage firstOne={organisations.length === 0} />
        </Loading>
      </Shell>
    );
  }

  const inOrg = matchPath("/app/o/:orgId/*", path) ?? matchPath("/app/o/:orgId", path);
  if (inOrg) {
    const organisation = organisations.find((o) => o.id === inOrg.orgId);
    const subPath = inOrg["*"] ?? "";
    if (!organisation) {
      return (
        <Shell organisation={home}>
          <NotFound title={t("notFound.organisationTitle")} text={t("notFound.organisationText")} home={home ? orgPath(home.id) : "/app/"} />
        </Shell>
      );
    }
    return <OrganisationPage organisation={organisation} subPath={subPath} />;
  }

  return (
    <Shell organisation={home}>
      <NotFound title={t("notFound.title")} text={t("notFound.text")} home={home ? orgPath(home.id) : "/app/"} />
    </Shell>
  );
}

function OrganisationPage({ organisation, subPath }: { organisation: import("./api.js").Organisation; subPath: string }) {
  const { t } = useI18n();
  useEffect(() => rememberOrganisation(organisation.id), [organisation.id]);
  const found = findOrgPage(subPath);
  let content: ReactNode;
  let crumb: string | undefined;
  if (!found) {
    content = <NotFound title={t("notFound.title")} text={t("notFound.text")} home={orgPath(organisation.id)} />;
  } else if (!mayOpen(organisation.role, found.page)) {
    crumb = t(found.page.title);
    content = <NotAllowed title={crumb} home={orgPath(organisation.id)} />;
  } else {
    crumb = found.page.path === "" ? undefined : t(found.page.title);
    const { Component } = found.page;
    // The key remounts the page when the organisation changes, so no state leaks across organisations.
    content = (
      <Loading>
        <Component key={`${organisation.id}/${subPath}`} organisation={organisation} params={found.params} />
      </Loading>
    );
  }
  return (
    <Shell organisation={organisation} subPath={subPath} {...(crumb ? { crumb } : {})}>
      {content}
    </Shell>
  );
}

function NotFound({ title, text, home }: { title: string; text: string; home: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={title} />
      <EmptyState icon={<Icon name="info" size={22} />} title={text}>
        <Link to={home} className="button button--secondary">
          {t("notFound.home")}
        </Link>
      </EmptyState>
    </>
  );
}

function NotAllowed({ title, home }: { title: string; home: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={title} />
      <EmptyState icon={<Icon name="lock" size={22} />} title={t("notAllowed.title")}>
        <p>{t("notAllowed.text")}</p>
        <Link to={home} className="button button--secondary">
          {t("notFound.home")}
        </Link>
      </EmptyState>
    </>
  );
}
