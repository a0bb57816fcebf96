// The "Form" tab: variant, wording per language (the default text as placeholder), brand, colour with
// its contrast check, experience name, thank-you text, redirect and open/closed; a live phone preview.
import { useEffect, useId, useMemo, useState, type FormEvent } from "react";
import {
  checkBrandColour,
  defaultQuestionTexts,
  defaultThankYou,
  formConfigSchema,
  formLimits,
  formVariants,
  genericExperience,
  questionsOf,
  type FormConfig,
  type FormConfigInput,
  type FormVariant,
  type QuestionId,
} from "../../../core/forms/index.js";
import { languages, type Language } from "../../../core/i18n/languages.js";
import { intlLocales, type MessageKey } from "../../../core/i18n/messages.js";
import { ApiError } from "../../api.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { ChoiceField, TextField } from "../../ui/field.js";
import { Panel } from "../../ui/page.js";
import { useToast } from "../../ui/toast.js";
import { FormPreview } from "./form-preview.js";
import { formsApi, type FormConfigData, type FormVersion, type TouchpointForm } from "./forms-api.js";

const languageNames: Record<Language, string> = { es: "Español", en: "English", pt: "Português" };

/** How the placeholders are written in the texts of each dashboard language (any of them works in any form language). */
const placeholderTokens: Record<Language, { experienceToken: string; brandToken: string; emotionToken: string }> = {
  es: { experienceToken: "{experiencia}", brandToken: "{marca}", emotionToken: "{emoción}" },
  en: { experienceToken: "{experience}", brandToken: "{brand}", emotionToken: "{emotion}" },
  pt: { experienceToken: "{experiência}", brandToken: "{marca}", emotionToken: "{emoção}" },
};

type PerLanguageText = Record<Language, string>;

/** The editor's state: every text as typed (empty = use the default), so inputs stay controlled. */
interface Draft {
  variant: FormVariant;
  wording: Record<Language, Partial<Record<QuestionId, string>>>;
  brandName: string;
  logoUrl: string;
  brandColour: string;
  experienceName: PerLanguageText;
  thankYou: PerLanguageText;
  redirectUrl: string;
  open: boolean;
}

const perLanguage = (record: Partial<Record<Language, string>>): PerLanguageText => ({ es: record.es ?? "", en: record.en ?? "", pt: record.pt ?? "" });

function toDraft(config: FormConfigData): Draft {
  return {
    variant: config.variant,
    wording: { es: { ...config.wording.es }, en: { ...config.wording.en }, pt: { ...config.wording.pt } },
    brandName: config.brandName,
    logoUrl: config.logoUrl ?? "",
    brandColour: config.brandColour,
    experienceName: perLanguage(config.experienceName),
    thankYou: perLanguage(config.thankYou),
    redirectUrl: config.redirectUrl ?? "",
    open: config.open,
  };
}

/** What PUT takes: only the variant's own questions, empty texts left out, URLs null when empty. */
function toInput(draft: Draft): FormConfigInput {
  const ids = new Set(questionsOf(draft.variant).map((q) => q.id));
  const wording = Object.fromEntries(
    languages.flatMap((language) => {
      const texts = Object.entries(draft.wording[language]).filter(([id, text]) => ids.has(id as QuestionId) && text?.trim());
      return texts.length > 0 ? [[language, Object.fromEntries(texts)]] : [];
    }),
  );
  return {
    variant: draft.variant,
    wording,
    brandName: draft.brandName,
    logoUrl: draft.logoUrl.trim() || null,
    brandColour: draft.brandColour,
    experienceName: draft.experienceName,
    thankYou: draft.thankYou,
    redirectUrl: draft.redirectUrl.trim() || null,
    open: draft.open,
  } as FormConfigInput;
}

/** Field errors keyed by path ("brandName", "wording.es.csat"), from the schema or the server. */
type Errors = Record<string, string>;

function pathOf(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join(".");
}

export function FormSettings({
  orgId,
  form,
  versions,
  canEdit,
  onSaved,
}: {
  orgId: string;
  form: TouchpointForm;
  versions: FormVersion[] | null;
  canEdit: boolean;
  onSaved(form: TouchpointForm): void;
}) {
  const { t: translate, formatDateTime, language: uiLanguage } = useI18n();
  const t: typeof translate = (key, params) => translate(key, { ...placeholderTokens[uiLanguage], ...params });
  const toast = useToast();
  const [draft, setDraft] = useState<Draft>(() => toDraft(form.config));
  const [textLanguage, setTextLanguage] = useState<Language>(uiLanguage);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const colourId = useId();

  useEffect(() => setDraft(toDraft(form.config)), [form]);

  const saved = useMemo(() => JSON.stringify(toInput(toDraft(form.config))), [form]);
  const dirty = JSON.stringify(toInput(draft)) !== saved;
  const parsed = formConfigSchema.safeParse(toInput(draft));
  /** The preview shows the draft when it is valid, else the last valid configuration. */
  const [previewConfig, setPreviewConfig] = useState<FormConfig>(() => formConfigSchema.parse(toInput(toDraft(form.config))));
  useEffect(() => {
    if (parsed.success) setPreviewConfig(parsed.data);
    // Parsing is cheap and its result is compared by content.
  }, [JSON.stringify(parsed.success ? parsed.data : null)]);

  const update = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  const setWording = (id: QuestionId, text: string) =>
    setDraft((current) => ({ ...current, wording: { ...current.wording, [textLanguage]: { ...current.wording[textLanguage], [id]: text } } }));
  const setPerLanguage = (field: "experienceName" | "thankYou", text: string) =>
    setDraft((current) => ({ ...current, [field]: { ...current[field], [textLanguage]: text } }));

  const messageFor = (path: string): string => {
    if (path === "brandName") return t("formPage.field.brandName", { max: formLimits.brandNameMax });
    if (path === "logoUrl") return t("formPage.field.logoUrl");
    if (path === "redirectUrl") return t("formPage.field.redirectUrl");
    if (path === "brandColour") return t("formPage.field.brandColour");
    if (path.startsWith("wording.")) return t("formPage.field.question", { max: formLimits.questionTextMax });
    if (path.startsWith("experienceName.")) return t("formPage.field.text", { max: formLimits.experienceNameMax });
    if (path.startsWith("thankYou.")) return t("formPage.field.text", { max: formLimits.thankYouMax });
    return t("formPage.invalid");
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of parsed.error.issues) found[pathOf(issue.path)] ??= messageFor(pathOf(issue.path));
      setErrors(found);
      setFailure(t("formPage.invalid"));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const result = await formsApi.saveForm(orgId, form.touchpointId, toInput(draft));
      toast(result.newVersion ? t("formPage.savedVersion", { version: result.version }) : t("formPage.saved"));
      onSaved(result);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const found: Errors = {};
        for (const { field } of error.fieldErrors) {
          const path = field.replace(/^body\.?/, "");
          found[path] ??= messageFor(path);
        }
        setErrors(found);
        setFailure(t("formPage.invalid"));
      } else setFailure(describeProblem(t, error));
    } finally {
      setBusy(false);
    }
  };

  const colour = checkBrandColour(draft.brandColour);
  const ratio = (value: number) => value.toLocaleString(intlLocales[uiLanguage], { maximumFractionDigits: 1 });
  const languageError = (lang: Language) => Object.keys(errors).some((path) => path.split(".")[1] === lang && !path.startsWith("brand"));

  return (
    <div className="form-editor">
      <form className="form-editor__form" onSubmit={submit} noValidate aria-labelledby="form-settings-title">
        <h2 id="form-settings-title" className="visually-hidden">
          {t("formPage.tab.settings")}
        </h2>
        {!canEdit ? <Callout tone="info">{t("formPage.readOnly")}</Callout> : null}
        {failure ? <Callout tone="danger">{failure}</Callout> : null}
        <fieldset className="form-editor__fieldset" disabled={!canEdit}>
          <Panel title={t("formPage.state.title")} description={t("formPage.state.description")} labelledBy="form-state">
            <label className="switch">
              <input type="checkbox" role="switch" checked={draft.open} onChange={(event) => update({ open: event.target.checked })} aria-describedby="form-open-hint" />
              <span className="switch__track" aria-hidden="true" />
              <span className="switch__label">{t("formPage.state.open")}</span>
            </label>
            <p id="form-open-hint" className="field__hint">
              {t("formPage.state.openHint")}
            </p>
          </Panel>

          <Panel title={t("formPage.variant.title")} description={t("formPage.variant.description")} labelledBy="form-variant">
            <ChoiceField<FormVariant>
              legend={t("formPage.variant.legend")}
              name="variant"
              value={draft.variant}
              onChange={(variant) => update({ variant })}
              options={formVariants.map((value) => ({ value, label: t(`formPage.variant.${value}`), description: t(`formPage.variant.${value}.description`) }))}
            />
          </Panel>

          <Panel title={t("formPage.brand.title")} description={t("formPage.brand.description")} labelledBy="form-brand">
            <div className="form-editor__grid">
              <TextField
                label={t("formPage.brand.name")}
                value={draft.brandName}
                onChange={(event) => update({ brandName: event.target.value })}
                error={errors.brandName}
                maxLength={formLimits.brandNameMax * 2}
                autoComplete="organization"
              />
              <div className={`field${errors.brandColour ? " is-invalid" : ""}`}>
                <label className="field__label" htmlFor={colourId}>
                  {t("formPage.brand.colour")}
                </label>
                <div className="colour-input">
                  <input
                    type="color"
                    className="colour-input__swatch"
                    value={colour.ok || colour.reason === "low_contrast" ? colour.colour : "#000000"}
                    onChange={(event) => update({ brandColour: event.target.value })}
                    aria-label={t("formPage.brand.colourPicker")}
                  />
                  <input
                    id={colourId}
                    className="input input--mono"
                    value={draft.brandColour}
                    onChange={(event) => update({ brandColour: event.target.value })}
                    aria-invalid={errors.brandColour ? true : undefined}
                    aria-describedby={`${colourId}-hint${errors.brandColour ? ` ${colourId}-error` : ""}`}
                    spellCheck={false}
                  />
                </div>
                <p id={`${colourId}-hint`} className="field__hint">
                  {t("formPage.brand.colourHint")}
                </p>
                {errors.brandColour ? (
                  <p id={`${colourId}-error`} className="field__error">
                    {errors.brandColour}
                  </p>
                ) : null}
              </div>
            </div>
            {colour.ok ? (
              <p className="contrast contrast--ok">{t("formPage.brand.contrastOk", { ratio: ratio(colour.ratio) })}</p>
            ) : colour.reason === "low_contrast" ? (
              <Callout tone="warning" title={t("formPage.brand.contrastLowTitle")}>
                <p>{t("formPage.brand.contrastLow", { ratio: ratio(colour.ratio), shade: colour.suggestion })}</p>
                {canEdit ? (
                  <Button size="sm" onClick={() => update({ brandColour: colour.suggestion })}>
                    {t("formPage.brand.useShade", { shade: colour.suggestion })}
                  </Button>
                ) : null}
              </Callout>
            ) : null}
            <TextField
              label={t("formPage.brand.logo")}
              hint={t("formPage.brand.logoHint")}
              value={draft.logoUrl}
              onChange={(event) => update({ logoUrl: event.target.value })}
              error={errors.logoUrl}
              inputMode="url"
              placeholder="https://"
              spellCheck={false}
            />
          </Panel>

          <Panel
            title={t("formPage.texts.title")}
            description={t("formPage.texts.description")}
            labelledBy="form-texts"
            actions={
              <div className="segmented" role="group" aria-label={t("formPage.texts.language")}>
                {languages.map((code) => (
                  <button key={code} type="button" lang={code} className="segmented__option" aria-pressed={code === textLanguage} onClick={() => setTextLanguage(code)}>
                    <span aria-hidden="true">{code.toUpperCase()}</span>
                    <span className="visually-hidden">{languageNames[code]}</span>
                    {languageError(code) ? <span className="segmented__alert" aria-label={t("formPage.invalid")} /> : null}
                  </button>
                ))}
              </div>
            }
          >
            <div className="form-editor__texts" lang={textLanguage}>
              <TextField
                label={t("formPage.texts.experience")}
                hint={t("formPage.texts.experienceHint", { fallback: genericExperience[textLanguage] })}
                value={draft.experienceName[textLanguage]}
                onChange={(event) => setPerLanguage("experienceName", event.target.value)}
                placeholder={genericExperience[textLanguage]}
                error={errors[`experienceName.${textLanguage}`]}
              />
              <p className="form-editor__placeholders">{t("formPage.texts.placeholders")}</p>
              {questionsOf(draft.variant).map((question) => (
                <TextField
                  key={`${textLanguage}.${question.id}`}
                  label={t(`formPage.question.${question.id}` as MessageKey)}
                  value={draft.wording[textLanguage][question.id] ?? ""}
                  onChange={(event) => setWording(question.id, event.target.value)}
                  placeholder={defaultQuestionTexts[question.id][textLanguage]}
                  error={errors[`wording.${textLanguage}.${question.id}`] ?? errors[`wording.${textLanguage}`]}
                />
              ))}
              <div className={`field${errors[`thankYou.${textLanguage}`] ? " is-invalid" : ""}`}>
                <label className="field__label" htmlFor={`${colourId}-thanks`}>
                  {t("formPage.texts.thankYou")}
                </label>
                <textarea
                  id={`${colourId}-thanks`}
                  className="input form-editor__textarea"
                  rows={2}
                  value={draft.thankYou[textLanguage]}
                  onChange={(event) => setPerLanguage("thankYou", event.target.value)}
                  placeholder={defaultThankYou[textLanguage]}
                />
                {errors[`thankYou.${textLanguage}`] ? <p className="field__error">{errors[`thankYou.${textLanguage}`]}</p> : null}
              </div>
            </div>
          </Panel>

          <Panel title={t("formPage.after.title")} description={t("formPage.after.description")} labelledBy="form-after">
            <TextField
              label={t("formPage.after.redirect")}
              hint={t("formPage.after.redirectHint")}
              value={draft.redirectUrl}
              onChange={(event) => update({ redirectUrl: event.target.value })}
              error={errors.redirectUrl}
              inputMode="url"
              placeholder="https://"
              spellCheck={false}
            />
          </Panel>
        </fieldset>

        {canEdit ? (
          <div className={dirty ? "form-editor__bar form-editor__bar--dirty" : "form-editor__bar"}>
            <p className="form-editor__note">{dirty ? t("formPage.unsaved") : t("formPage.versionNote")}</p>
            <Button disabled={!dirty || busy} onClick={() => { setDraft(toDraft(form.config)); setErrors({}); setFailure(null); }}>
              {t("formPage.discard")}
            </Button>
            <Button type="submit" variant="primary" busy={busy} disabled={!dirty}>
              {t("formPage.save")}
            </Button>
          </div>
        ) : null}

        {versions ? (
          <Panel title={t("formPage.versions.title")} description={t("formPage.versionNote")} labelledBy="form-versions" flush>
            <ol className="versions">
              {versions.map((version) => (
                <li key={version.version} className="versions__item">
                  <span className="versions__number">{t("formPage.version", { version: version.version })}</span>
                  <span className="versions__who">{version.createdBy ? version.createdBy.name ?? "—" : t("formPage.versions.initial")}</span>
                  <time className="versions__when" dateTime={version.createdAt}>
                    {formatDateTime(version.createdAt)}
                  </time>
                </li>
              ))}
            </ol>
          </Panel>
        ) : null}
      </form>

      <aside className="form-editor__preview" aria-labelledby="form-preview-title">
        <h2 id="form-preview-title" className="form-editor__preview-title">
          {t("formPage.preview.title")}
        </h2>
        <p className="form-editor__preview-text">{t("formPage.preview.description")}</p>
        <FormPreview config={previewConfig} language={textLanguage} link={form.link} />
      </aside>
    </div>
  );
}
