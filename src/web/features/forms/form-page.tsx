// A touchpoint's form, /app/o/:orgId/touchpoints/:touchpointId/form: its settings with a phone
// preview (admins edit, others read), on ?tab=share every way to share it, and on ?tab=responses its
// recent responses (features/responses).
import { useCallback, useEffect, useState, type KeyboardEvent } from "react";
import { roleCan } from "../../../core/roles.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Link, navigate, useLocation } from "../../router.js";
import { orgPath, type OrgPageProps } from "../../routes.js";
import { Callout } from "../../ui/callout.js";
import { PageHeader, Spinner } from "../../ui/page.js";
import { FormIcon } from "./form-icons.js";
import { FormSettings } from "./form-settings.js";
import { formsApi, type FormVersion, type TouchpointForm } from "./forms-api.js";
import { SharePanel } from "./share-panel.js";
import { ResponsesPanel } from "../responses/responses-panel.js";
import { ResponseIcon } from "../responses/response-icons.js";
import "./forms.css";

type Tab = "settings" | "share" | "responses";
const tabs: Tab[] = ["settings", "share", "responses"];
const isTab = (value: string | null): value is Tab => (tabs as Array<string | null>).includes(value);

/** The dashboard path of a touchpoint's form page; the journey board links here. */
export const touchpointFormPath = (orgId: string, touchpointId: string, tab: Tab = "settings") =>
  orgPath(orgId, `touchpoints/${encodeURIComponent(touchpointId)}/form${tab === "settings" ? "" : `?tab=${tab}`}`);

export function FormPage({ organisation, params }: OrgPageProps) {
  const { t } = useI18n();
  const { search, path } = useLocation();
  const touchpointId = params.touchpointId ?? "";
  const requested = search.get("tab");
  const tab: Tab = isTab(requested) ? requested : "settings";
  const [form, setForm] = useState<TouchpointForm | null>(null);
  const [versions, setVersions] = useState<FormVersion[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const canEdit = organisation.role !== null && roleCan(organisation.role, "configure");

  const loadVersions = useCallback(async () => {
    try {
      setVersions((await formsApi.listVersions(organisation.id, touchpointId)).items);
    } catch {
      setVersions(null);
    }
  }, [organisation.id, touchpointId]);

  useEffect(() => {
    let current = true;
    setForm(null);
    formsApi
      .getForm(organisation.id, touchpointId)
      .then((loaded) => {
        if (!current) return;
        setForm(loaded);
        setLoadError(null);
        void loadVersions();
      })
      .catch((error) => current && setLoadError(describeProblem(t, error)));
    return () => {
      current = false;
    };
    // A change of language must not reload the form, so `t` is left out.
  }, [organisation.id, touchpointId, loadVersions]);

  const select = (next: Tab) => navigate(next === "settings" ? path : `${path}?tab=${next}`, { replace: true });
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    const next = event.key === "Home" ? tabs[0] : event.key === "End" ? tabs[tabs.length - 1] : step ? tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length] : undefined;
    if (!next) return;
    event.preventDefault();
    select(next);
    document.getElementById(`form-tab-${next}`)?.focus();
  };

  if (loadError) {
    return (
      <>
        <PageHeader title={t("formPage.title")} />
        <Callout tone="danger">{loadError}</Callout>
      </>
    );
  }
  if (!form) return <Spinner label={t("common.loading")} />;

  const status = !form.open ? "closed" : form.accepting ? "open" : "paused";
  return (
    <div className="form-page">
      <Link to={orgPath(organisation.id, `journeys/${encodeURIComponent(form.journeyId)}`)} className="form-page__back">
        <FormIcon name="arrowLeft" size={14} />
        {t("formPage.back")}
      </Link>
      <PageHeader
        title={t("formPage.heading", { touchpoint: form.touchpointName })}
        description={
          <span className="form-page__meta">
            <span className={`status-dot status-dot--${status}`}>{t(`formPage.status.${status}`)}</span>
            <span>{t("formPage.version", { version: form.version })}</span>
            <a href={form.link} target="_blank" rel="noreferrer" className="form-page__link">
              {form.link.replace(/^https?:\/\//, "")}
            </a>
          </span>
        }
      />
      <div className="tabs" role="tablist" aria-label={t("formPage.tabs")}>
        {tabs.map((name) => (
          <button
            key={name}
            id={`form-tab-${name}`}
            type="button"
            role="tab"
            className="tabs__tab"
            aria-selected={tab === name}
            aria-controls={`form-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => select(name)}
            onKeyDown={onTabKey}
          >
            {name === "responses" ? <ResponseIcon name="inbox" size={15} /> : <FormIcon name={name === "share" ? "qr" : "code"} size={15} />}
            {t(`formPage.tab.${name}`)}
          </button>
        ))}
      </div>
      <div id={`form-panel-${tab}`} role="tabpanel" aria-labelledby={`form-tab-${tab}`} className="form-page__panel">
        {tab === "settings" ? (
          <FormSettings
            orgId={organisation.id}
            form={form}
            versions={versions}
            canEdit={canEdit}
            onSaved={(saved) => {
              setForm(saved);
              void loadVersions();
            }}
          />
        ) : tab === "share" ? (
          <SharePanel orgId={organisation.id} form={form} />
        ) : (
          <ResponsesPanel
            orgId={organisation.id}
            touchpointId={form.touchpointId}
            touchpointName={form.touchpointName}
            variant={form.config.variant}
            role={organisation.role}
            shareHref={touchpointFormPath(organisation.id, touchpointId, "share")}
          />
        )}
      </div>
    </div>
  );
}
