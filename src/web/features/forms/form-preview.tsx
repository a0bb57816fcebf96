// A phone-sized preview of the form as it is being edited: the same texts the public page renders
// (core/forms renderForm), one question per screen, in the brand's colour. Nothing here is sent.
import { useState, type CSSProperties } from "react";
import { buttonColours, renderForm, type FormConfig } from "../../../core/forms/index.js";
import type { Language } from "../../../core/i18n/languages.js";
import { useI18n } from "../../i18n.js";
import { Button } from "../../ui/button.js";
import { FormIcon } from "./form-icons.js";

const steps = 6; // five questions and the thank-you screen

export function FormPreview({ config, language, link }: { config: FormConfig; language: Language; link: string }) {
  const { t } = useI18n();
  const [step, setStep] = useState(0);
  const rendered = renderForm(config, language, { emotion: "joy" });
  const colours = buttonColours(config.brandColour);
  const style = { "--brand": colours.background, "--brand-text": colours.text } as CSSProperties;
  const question = rendered.questions[step];

  return (
    <div className="form-preview">
      <div className="form-preview__controls">
        <Button size="sm" variant="ghost" disabled={step === 0} onClick={() => setStep(step - 1)} aria-label={t("formPage.preview.previous")}>
          <FormIcon name="chevronLeft" />
        </Button>
        <p className="form-preview__step" aria-live="polite">
          {question ? t("formPage.preview.step", { n: step + 1 }) : t("formPage.preview.thankYou")}
        </p>
        <Button size="sm" variant="ghost" disabled={step === steps - 1} onClick={() => setStep(step + 1)} aria-label={t("formPage.preview.next")}>
          <FormIcon name="chevronRight" />
        </Button>
      </div>
      <div className="phone" lang={language}>
        <div className="phone__screen" style={style}>
          <div className="phone__brand">
            {config.logoUrl ? (
              <span className="phone__logo" title={config.logoUrl}>
                <FormIcon name="image" size={14} />
              </span>
            ) : null}
            <span>{config.brandName}</span>
          </div>
          <div className="phone__progress" aria-hidden="true">
            <span className="phone__progress-bar" data-step={Math.min(step + 1, 5)} />
          </div>
          {question ? (
            <div className="phone__question">
              <p className="phone__text">{question.text}</p>
              {question.question.kind === "emotion" ? (
                <>
                  <div className="phone__emotions">
                    {rendered.emotions.map((emotion, index) => (
                      <span key={emotion.code} className={index === 0 ? "phone__chip is-selected" : "phone__chip"}>
                        {emotion.label}
                      </span>
                    ))}
                  </div>
                  <div className="phone__scale phone__scale--intensity">
                    {rendered.intensities.map((point) => (
                      <span key={point.value} className={point.value === 2 ? "phone__point is-selected" : "phone__point"}>
                        {point.label}
                      </span>
                    ))}
                  </div>
                </>
              ) : question.question.kind === "rating" ? (
                <div className={`phone__scale phone__scale--${question.points.length}`}>
                  {question.points.map((point) => (
                    <span key={point.value} className="phone__point">
                      <strong>{point.value}</strong>
                      {point.label && question.points.length <= 7 ? <small>{point.label}</small> : null}
                    </span>
                  ))}
                  {question.points.length === 11 ? (
                    <span className="phone__ends">
                      <small>{question.points[0]?.label}</small>
                      <small>{question.points[10]?.label}</small>
                    </span>
                  ) : null}
                </div>
              ) : (
                <div className="phone__comment">{t("formPage.preview.commentPlaceholder")}</div>
              )}
            </div>
          ) : (
            <div className="phone__thanks">
              <span className="phone__thanks-mark" aria-hidden="true">
                <FormIcon name="check" size={22} />
              </span>
              <p className="phone__text">{rendered.thankYou}</p>
            </div>
          )}
          <span className="phone__button">{question ? t("formPage.preview.continue") : t("common.close")}</span>
        </div>
      </div>
      <a className="form-preview__open" href={`${link}?lang=${language}`} target="_blank" rel="noreferrer">
        <FormIcon name="external" size={14} />
        {t("formPage.preview.open")}
      </a>
    </div>
  );
}
