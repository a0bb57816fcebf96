import { describe, expect, it } from "vitest";
import { languages } from "../../i18n/languages.js";
import { countDraft } from "../document.js";
import { buildJourneyFromTemplate, getJourneyTemplate, journeyTemplates, templateKeys } from "./index.js";

describe("journey templates", () => {
  it("offers the six templates the issue lists, each under its key", () => {
    expect(journeyTemplates.map((t) => t.key)).toEqual([...templateKeys]);
    for (const key of templateKeys) expect(getJourneyTemplate(key).key).toBe(key);
  });

  for (const template of journeyTemplates) {
    describe(template.key, () => {
      for (const language of languages) {
        it(`builds a valid journey in ${language} with 4–6 stages and moments of truth with reasons`, () => {
          const journey = buildJourneyFromTemplate(template, language);
          const counts = countDraft(journey);
          expect(counts.stages).toBeGreaterThanOrEqual(4);
          expect(counts.stages).toBeLessThanOrEqual(6);
          expect(counts.touchpoints).toBeGreaterThanOrEqual(8);
          expect(counts.momentsOfTruth).toBeGreaterThanOrEqual(2);
          expect(journey.language).toBe(language);
          expect(journey.persona?.name).toBeTruthy();
          expect(journey.scope).toBeTruthy();
          for (const stage of journey.stages) {
            expect(stage.touchpoints.length).toBeGreaterThan(0);
            for (const t of stage.touchpoints) {
              expect(t.customerNeed, t.name).toBeTruthy();
              expect(t.customerExpectation, t.name).toBeTruthy();
              expect(t.modules.length, t.name).toBeGreaterThan(0);
              if (t.momentOfTruth) expect(t.momentOfTruthReason, t.name).toBeTruthy();
              else expect(t.momentOfTruthReason, t.name).toBe("");
            }
          }
        });
      }

      it("has the same shape in every language, and different texts", () => {
        const [es, en, pt] = languages.map((l) => buildJourneyFromTemplate(template, l));
        const shape = (j: typeof es) => j!.stages.map((s) => s.touchpoints.map((t) => [t.channel, t.modules, t.momentOfTruth, t.targets]));
        expect(shape(en)).toEqual(shape(es));
        expect(shape(pt)).toEqual(shape(es));
        expect(en!.name).not.toBe(es!.name);
        expect(en!.stages[0]!.touchpoints[0]!.customerNeed).not.toBe(es!.stages[0]!.touchpoints[0]!.customerNeed);
        expect(pt!.stages[0]!.touchpoints[0]!.customerNeed).not.toBe(es!.stages[0]!.touchpoints[0]!.customerNeed);
      });
    });
  }

  it("covers, across templates, returns, opening the packaging, the invoice, a support call, an e-mail and an event", () => {
    const all = journeyTemplates.flatMap((t) => buildJourneyFromTemplate(t, "en").stages.flatMap((s) => s.touchpoints));
    const channels = new Set(all.map((t) => t.channel));
    for (const channel of ["packaging", "invoice", "phone", "email", "event", "delivery", "training"] as const) expect(channels).toContain(channel);
    expect(all.some((t) => /return/i.test(t.name))).toBe(true);
    const ecommerce = buildJourneyFromTemplate(getJourneyTemplate("ecommerce_purchase"), "es").stages.flatMap((s) => s.touchpoints.map((t) => t.channel));
    for (const channel of ["packaging", "invoice", "phone", "email", "delivery"] as const) expect(ecommerce).toContain(channel);
  });

  it("writes the Spanish e-commerce template in Spanish", () => {
    const journey = buildJourneyFromTemplate(getJourneyTemplate("ecommerce_purchase"), "es");
    expect(journey.name).toBe("Compra online");
    expect(journey.stages.map((s) => s.name)).toEqual(["Descubrimiento", "Compra", "Envío y entrega", "Primer uso", "Ayuda y devoluciones", "Nueva compra"]);
  });
});
