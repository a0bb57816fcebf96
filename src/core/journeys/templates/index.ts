// The journey templates a brand can start from, and how one becomes a journey in a language.
import type { Language } from "../../i18n/languages.js";
import { journeyDraftSchema, type JourneyDraft } from "../document.js";
import { noTargets, sortModules } from "../model.js";
import { bankAccountOpening } from "./bank-account-opening.js";
import { ecommercePurchase } from "./ecommerce-purchase.js";
import { hotelStay } from "./hotel-stay.js";
import { restaurantVisit } from "./restaurant-visit.js";
import { saasOnboarding } from "./saas-onboarding.js";
import { telcoSupport } from "./telco-support.js";
import type { JourneyTemplate } from "./types.js";

export type { JourneyTemplate } from "./types.js";

/** Every template, in the order the dashboard offers them. */
export const journeyTemplates: readonly JourneyTemplate[] = [
  ecommercePurchase,
  restaurantVisit,
  bankAccountOpening,
  hotelStay,
  telcoSupport,
  saasOnboarding,
];

export const templateKeys = ["ecommerce_purchase", "restaurant_visit", "bank_account_opening", "hotel_stay", "telco_support", "saas_onboarding"] as const;
export type TemplateKey = (typeof templateKeys)[number];

export function getJourneyTemplate(key: TemplateKey): JourneyTemplate {
  const template = journeyTemplates.find((t) => t.key === key);
  if (!template) throw new Error(`unknown journey template ${key}`);
  return template;
}

/** The journey a template makes in `language`, ready to store (validated like an import). */
export function buildJourneyFromTemplate(template: JourneyTemplate, language: Language): JourneyDraft {
  const text = template.text[language];
  const draft = {
    name: text.name,
    description: text.description,
    scope: text.scope,
    persona: { ...text.persona },
    language,
    stages: template.stages.map((stage) => ({
      name: stage.text[language].name,
      description: stage.text[language].description,
      touchpoints: stage.touchpoints.map((touchpoint) => {
        const t = touchpoint.text[language];
        return {
          name: t.name,
          description: "",
          channel: touchpoint.channel,
          customerNeed: t.need,
          customerExpectation: t.expectation,
          ownerUserId: null,
          modules: sortModules(touchpoint.modules),
          momentOfTruth: touchpoint.momentOfTruth ?? false,
          momentOfTruthReason: t.reason ?? "",
          targets: { ...noTargets, ...touchpoint.targets },
          status: "active" as const,
        };
      }),
    })),
  };
  return journeyDraftSchema.parse(draft);
}
