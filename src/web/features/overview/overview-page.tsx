// The organisation's home. Journeys, measurements and scores arrive with later issues; until then
// it says so, and points to the first useful steps the member's role allows.
import { roleCan } from "../../../core/roles.js";
import { useI18n } from "../../i18n.js";
import { Link } from "../../router.js";
import { orgPath, type OrgPageProps } from "../../routes.js";
import { useSignedIn } from "../../session.js";
import { Icon, type IconName } from "../../ui/icon.js";
import { PageHeader } from "../../ui/page.js";

export function OverviewPage({ organisation }: OrgPageProps) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const role = organisation.role ?? "viewer";
  const firstName = user.name.trim().split(/\s+/)[0] ?? user.name;

  const steps: Array<{ icon: IconName; title: string; text: string; to: string; external?: boolean }> = [
    ...(roleCan(role, "manage_members")
      ? [{ icon: "users" as const, title: t("overview.step.invite"), text: t("overview.step.inviteText"), to: orgPath(organisation.id, "members") }]
      : [{ icon: "users" as const, title: t("overview.step.team"), text: t("overview.step.teamText"), to: orgPath(organisation.id, "members") }]),
    ...(roleCan(role, "configure")
      ? [{ icon: "key" as const, title: t("overview.step.apiKey"), text: t("overview.step.apiKeyText"), to: orgPath(organisation.id, "api-keys") }]
      : []),
    { icon: "link", title: t("overview.step.docs"), text: t("overview.step.docsText"), to: "/api/docs", external: true },
  ];

  return (
    <>
      <PageHeader title={t("overview.title")} description={t("overview.greeting", { name: firstName, organisation: organisation.name })} />
      <section className="hero" aria-labelledby="overview-coming">
        <div className="hero__art" aria-hidden="true">
          <span className="hero__dot hero__dot--1" />
          <span className="hero__line" />
          <span className="hero__dot hero__dot--2" />
          <span className="hero__line" />
          <span className="hero__dot hero__dot--3" />
        </div>
        <h2 id="overview-coming" className="hero__title">
          {t("overview.placeholder")}
        </h2>
        <p className="hero__text">{t("overview.placeholderText")}</p>
      </section>
      <section aria-labelledby="overview-next">
        <h2 id="overview-next" className="section-title">
          {t("overview.next")}
        </h2>
        <ul className="tiles">
          {steps.map((step) => (
            <li key={step.to}>
              {step.external ? (
                <a className="tile" href={step.to}>
                  <TileContent {...step} />
                </a>
              ) : (
                <Link className="tile" to={step.to}>
                  <TileContent {...step} />
                </Link>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function TileContent({ icon, title, text }: { icon: IconName; title: string; text: string }) {
  return (
    <>
      <span className="tile__icon">
        <Icon name={icon} size={18} />
      </span>
      <span className="tile__title">{title}</span>
      <span className="tile__text">{text}</span>
      <Icon name="chevronRight" className="tile__arrow" />
    </>
  );
}
