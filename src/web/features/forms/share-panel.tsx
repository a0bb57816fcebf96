// The "Share" tab: the public link, the QR code (preview, SVG/PNG, placement, printable card), the
// widget snippet, the e-mail snippet (question 1 answered by a click) and an API example.
import { useEffect, useState } from "react";
import { emotionOptions } from "../../../core/forms/index.js";
import { formLimits } from "../../../core/forms/limits.js";
import { languages, type Language } from "../../../core/i18n/languages.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { orgPath } from "../../routes.js";
import { Link } from "../../router.js";
import { Callout } from "../../ui/callout.js";
import { SelectField, TextField } from "../../ui/field.js";
import { Panel, Spinner } from "../../ui/page.js";
import { CopyField } from "./copy-field.js";
import { FormIcon } from "./form-icons.js";
import { formsApi, qrUrl, type ShareAssets, type TouchpointForm } from "./forms-api.js";

const languageNames: Record<Language, string> = { es: "Español", en: "English", pt: "Português" };

/** Waits until typing pauses before asking the server again. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function SharePanel({ orgId, form }: { orgId: string; form: TouchpointForm }) {
  const { t, language } = useI18n();
  const [placement, setPlacement] = useState("");
  const [cardLanguage, setCardLanguage] = useState<Language>(language);
  const [cardSize, setCardSize] = useState<"a6" | "a7">("a6");
  const [emailLanguage, setEmailLanguage] = useState<Language>(language);
  const [mergeTag, setMergeTag] = useState("");
  const [assets, setAssets] = useState<ShareAssets | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const options = useDebounced({ placement, emailLanguage, mergeTag }, 300);
  const placementTooLong = [...placement.trim()].length > formLimits.placementMax;
  const mergeTagInvalid = /[\s"'<>&]/.test(mergeTag.trim());

  useEffect(() => {
    if (placementTooLong || mergeTagInvalid) return;
    let current = true;
    formsApi
      .getShareAssets(orgId, form.touchpointId, { lang: options.emailLanguage, placement: options.placement, customerMergeTag: options.mergeTag })
      .then((loaded) => {
        if (!current) return;
        setAssets(loaded);
        setFailure(null);
      })
      .catch((error) => current && setFailure(describeProblem(t, error)));
    return () => {
      current = false;
    };
    // `t` changes with the language; the assets do not depend on it.
  }, [orgId, form.touchpointId, form.version, options.placement, options.emailLanguage, options.mergeTag]);

  if (failure) return <Callout tone="danger">{failure}</Callout>;
  if (!assets) return <Spinner label={t("common.loading")} />;

  const place = placementTooLong ? "" : placement.trim();
  const qrQuery = { placement: place };
  const download = (kind: "qr.svg" | "qr.png") => `qr-${form.code}${place ? `-${place.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}` : ""}.${kind.slice(3)}`;

  return (
    <div className="share">
      <Panel title={t("share.link.title")} description={t("share.link.description")} labelledBy="share-link">
        <CopyField label={t("share.link.label")} value={assets.link} />
        <p className="share__actions">
          <a className="button button--secondary button--sm" href={assets.link} target="_blank" rel="noreferrer">
            <FormIcon name="external" size={14} />
            {t("share.link.open")}
          </a>
        </p>
      </Panel>

      <Panel title={t("share.qr.title")} description={t("share.qr.description")} labelledBy="share-qr">
        <div className="share-qr">
          <div className="share-qr__code">
            <img src={qrUrl(orgId, form.touchpointId, "qr.svg", qrQuery)} alt={t("share.qr.alt", { touchpoint: form.touchpointName })} width={184} height={184} />
          </div>
          <div className="share-qr__options">
            <TextField
              label={t("share.qr.placement")}
              hint={t("share.qr.placementHint")}
              value={placement}
              onChange={(event) => setPlacement(event.target.value)}
              error={placementTooLong ? t("share.qr.placementTooLong", { max: formLimits.placementMax }) : undefined}
              autoComplete="off"
            />
            <CopyField label={t("share.qr.linkLabel")} value={assets.qrLink} />
            <div className="share__actions">
              <a className="button button--secondary button--sm" href={qrUrl(orgId, form.touchpointId, "qr.svg", qrQuery)} download={download("qr.svg")}>
                <FormIcon name="download" size={14} />
                {t("share.qr.svg")}
              </a>
              <a className="button button--secondary button--sm" href={qrUrl(orgId, form.touchpointId, "qr.png", { ...qrQuery, size: "1024" })} download={download("qr.png")}>
                <FormIcon name="download" size={14} />
                {t("share.qr.png")}
              </a>
            </div>
            <div className="share-qr__card">
              <SelectField label={t("share.qr.cardLanguage")} value={cardLanguage} onChange={(event) => setCardLanguage(event.target.value as Language)}>
                {languages.map((code) => (
                  <option key={code} value={code}>
                    {languageNames[code]}
                  </option>
                ))}
              </SelectField>
              <SelectField label={t("share.qr.cardSize")} value={cardSize} onChange={(event) => setCardSize(event.target.value as "a6" | "a7")}>
                <option value="a6">{t("share.qr.a6")}</option>
                <option value="a7">{t("share.qr.a7")}</option>
              </SelectField>
              <a
                className="button button--primary button--sm"
                href={qrUrl(orgId, form.touchpointId, "qr-card", { ...qrQuery, lang: cardLanguage, size: cardSize })}
                target="_blank"
                rel="noreferrer"
              >
                <FormIcon name="printer" size={14} />
                {t("share.qr.card")}
              </a>
            </div>
          </div>
        </div>
      </Panel>

      <Panel title={t("share.widget.title")} description={t("share.widget.description")} labelledBy="share-widget">
        <CopyField label={t("share.widget.label")} value={assets.widgetSnippet} multiline hint={t("share.widget.hint")} />
      </Panel>

      <Panel title={t("share.email.title")} description={t("share.email.description")} labelledBy="share-email">
        <div className="share-email__options">
          <SelectField label={t("share.email.language")} value={emailLanguage} onChange={(event) => setEmailLanguage(event.target.value as Language)}>
            {languages.map((code) => (
              <option key={code} value={code}>
                {languageNames[code]}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("share.email.mergeTag")}
            hint={t("share.email.mergeTagHint")}
            value={mergeTag}
            onChange={(event) => setMergeTag(event.target.value)}
            error={mergeTagInvalid ? t("share.email.mergeTagInvalid") : undefined}
            autoComplete="off"
          />
        </div>
        <div className="share-email__preview" aria-label={t("share.email.preview")} role="group" lang={emailLanguage}>
          <p className="share-email__question">{assets.emailText.split("\n")[0]}</p>
          <div className="share-email__pills">
            {emotionOptions(emailLanguage).map((emotion) => (
              <span key={emotion.code} className="share-email__pill">
                {emotion.label}
              </span>
            ))}
          </div>
        </div>
        <CopyField label={t("share.email.html")} value={assets.emailHtml} multiline />
        <CopyField label={t("share.email.text")} value={assets.emailText} multiline />
      </Panel>

      <Panel title={t("share.api.title")} description={t("share.api.description")} labelledBy="share-api">
        <CopyField label={t("share.api.label")} value={assets.apiExample} multiline />
        <p className="share__actions">
          <Link to={orgPath(orgId, "api-keys")} className="button button--secondary button--sm">
            {t("share.api.keys")}
          </Link>
          <a className="button button--ghost button--sm" href="/api/docs">
            {t("share.api.docs")}
          </a>
        </p>
      </Panel>
    </div>
  );
}
