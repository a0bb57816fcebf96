// Start a journey: from one of the six industry templates (in the person's language, with its stages
// shown as a path) or blank, with a name. Creating opens the new journey's board.
import { useEffect, useState, type FormEvent } from "react";
import { journeyLimits, journeyNameSchema } from "../../../core/journeys/model.js";
import type { TemplateKey } from "../../../core/journeys/templates/index.js";
import { describeProblem, fieldErrorsOf, hasFieldErrors, type FieldErrors } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Link, navigate } from "../../router.js";
import { orgPath, type OrgPageProps } from "../../routes.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { TextField } from "../../ui/field.js";
import { Icon } from "../../ui/icon.js";
import { PageHeader, Spinner } from "../../ui/page.js";
import { useToast } from "../../ui/toast.js";
import { BoardIcon } from "./board-icons.js";
import { journeysApi, type JourneyTemplateSummary } from "./journeys-api.js";
import "./journeys.css";

export function NewJourneyPage({ organisation }: OrgPageProps) {
  const { t, tn, language } = useI18n();
  const toast = useToast();
  const [templates, setTemplates] = useState<JourneyTemplateSummary[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [creating, setCreating] = useState<TemplateKey | "blank" | null>(null);
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});

  useEffect(() => {
    let current = true;
    setTemplates(null);
    journeysApi
      .listTemplates(language)
      .then(({ items }) => current && setTemplates(items))
      .catch((error: unknown) => current && setFailure(describeProblem(t, error)));
    return () => {
      current = false;
    };
    // Reloaded when the language changes: templates are shown in the person's language.
  }, [language]);

  const open = (journeyId: string) => navigate(orgPath(organisation.id, `journeys/${journeyId}`));

  const fromTemplate = async (template: JourneyTemplateSummary) => {
    setFailure(null);
    setCreating(template.key);
    try {
      const journey = await journeysApi.createFromTemplate(organisation.id, template.key, language);
      toast(t("journeys.create.created", { name: journey.name }));
      open(journey.id);
    } catch (error) {
      setFailure(describeProblem(t, error));
      setCreating(null);
    }
  };

  const blank = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const nameMessage = t("journeys.error.name", { max: journeyLimits.journeyNameMax });
    if (!journeyNameSchema.safeParse(name).success) return setErrors({ name: nameMessage });
    setErrors({});
    setCreating("blank");
    try {
      const journey = await journeysApi.create(organisation.id, { name: name.trim(), language });
      toast(t("journeys.create.created", { name: journey.name }));
      open(journey.id);
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error, { name: error instanceof Error && error.message === "name_taken" ? t("problem.name_taken") : nameMessage });
      setErrors(fieldErrors);
      if (!hasFieldErrors(fieldErrors)) setFailure(describeProblem(t, error));
      setCreating(null);
    }
  };

  return (
    <div className="new-journey">
      <Link to={orgPath(organisation.id, "journeys")} className="back-link">
        <BoardIcon name="arrowLeft" size={14} />
        {t("board.back")}
      </Link>
      <PageHeader title={t("journeys.create.title")} description={t("journeys.create.description")} />
      {failure ? <Callout tone="danger">{failure}</Callout> : null}

      <section aria-labelledby="templates-title" className="new-journey__section">
        <div className="new-journey__heading">
          <h2 id="templates-title" className="section-title">
            {t("journeys.create.templates")}
          </h2>
          <p className="new-journey__note">{t("journeys.create.inLanguage")}</p>
        </div>
        {templates === null ? (
          <Spinner label={t("journeys.create.templatesLoading")} />
        ) : (
          <ul className="template-gallery">
            {templates.map((template) => (
              <li key={template.key} className="template-card">
                <p className="template-card__industry">{template.industry}</p>
                <h3 className="template-card__name">{template.name}</h3>
                <p className="template-card__description">{template.description}</p>
                <ol className="template-card__stages" aria-label={tn("journeys.stages", template.counts.stages)}>
                  {template.stages.map((stage) => (
                    <li key={stage}>{stage}</li>
                  ))}
                </ol>
                <p className="template-card__persona">
                  <BoardIcon name="persona" size={14} />
                  {template.persona.name}
                </p>
                <div className="template-card__footer">
                  <span className="template-card__counts">
                    <span>{tn("journeys.touchpoints", template.counts.touchpoints)}</span>
                    <span className="template-card__mot">
                      <BoardIcon name="star" size={12} filled />
                      {tn("journeys.momentsOfTruth", template.counts.momentsOfTruth)}
                    </span>
                  </span>
                  <Button
                    size="sm"
                    variant="secondary"
                    busy={creating === template.key}
                    disabled={creating !== null}
                    aria-label={t("journeys.create.use", { name: template.name })}
                    onClick={() => void fromTemplate(template)}
                  >
                    {t("journeys.create.useShort")}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="blank-title" className="new-journey__section">
        <h2 id="blank-title" className="section-title">
          {t("journeys.create.blank")}
        </h2>
        <form className="blank-journey" onSubmit={blank} noValidate>
          <p className="blank-journey__text">{t("journeys.create.blankText")}</p>
          <div className="blank-journey__row">
            <TextField
              label={t("journeys.create.name")}
              name="name"
              value={name}
              maxLength={journeyLimits.journeyNameMax}
              onChange={(event) => setName(event.target.value)}
              error={errors.name}
              hint={t("journeys.create.nameHint")}
            />
            <Button type="submit" variant="primary" busy={creating === "blank"} disabled={creating !== null && creating !== "blank"}>
              <Icon name="plus" />
              {t("journeys.create.submit")}
            </Button>
          </div>
        </form>
      </section>
    </div>
  );
}
