import { describe, expect, it } from "vitest";
import { defaultFormConfig, formConfigSchema, type FormConfigInput } from "./config.js";
import { renderForm, renderQuestionText, renderThankYou } from "./render.js";
import { defaultQuestionTexts, emotionOptions, intensityPoints, scalePoints } from "./wording.js";

const form = (input: Partial<FormConfigInput> = {}) =>
  formConfigSchema.parse({
    brandName: "Acme",
    experienceName: { es: "la entrega de tu pedido", en: "the delivery of your order", pt: "a entrega do seu pedido" },
    ...input,
  });

describe("default wording (METHOD.md §1)", () => {
  it("is word for word the method's", () => {
    expect(defaultQuestionTexts.emotion).toEqual({
      es: "¿Qué sentiste con {experiencia}?",
      en: "What did you feel about {experience}?",
      pt: "O que você sentiu com {experiência}?",
    });
    expect(defaultQuestionTexts.ces.pt).toBe("A {marca} facilitou para mim.");
    expect(defaultQuestionTexts.nps.es).toBe("¿Qué probabilidad hay de que recomiendes {marca} a un amigo o colega?");
    expect(defaultQuestionTexts.comment.en).toBe("What made you feel {emotion}? Tell us in your own words.");
  });

  it("labels every point of every scale in every language", () => {
    for (const language of ["es", "en", "pt"] as const) {
      expect(scalePoints("csat", language).map((p) => p.value)).toEqual([1, 2, 3, 4, 5]);
      expect(scalePoints("csat", language).every((p) => p.label)).toBe(true);
      expect(scalePoints("agree", language).map((p) => p.value)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(scalePoints("agree", language).every((p) => p.label)).toBe(true);
      const nps = scalePoints("nps", language);
      expect(nps.map((p) => p.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(nps[0]?.label).toBeTruthy();
      expect(nps[10]?.label).toBeTruthy();
      expect(intensityPoints(language)).toHaveLength(3);
    }
    expect(scalePoints("agree", "en")[0]?.label).toBe("Strongly disagree");
    expect(scalePoints("agree", "es")[6]?.label).toBe("Totalmente de acuerdo");
    expect(scalePoints("csat", "pt")[4]?.label).toBe("Muito satisfeito(a)");
    expect(intensityPoints("es").map((p) => p.label)).toEqual(["Un poco", "Bastante", "Mucho"]);
  });

  it("says Enfado in Spain and Enojo in Latin America", () => {
    expect(emotionOptions("es-ES").find((e) => e.code === "anger")?.label).toBe("Enfado");
    expect(emotionOptions("es-419").find((e) => e.code === "anger")?.label).toBe("Enojo");
    expect(emotionOptions("pt-BR").map((e) => e.code)).toHaveLength(11);
  });
});

describe("renderQuestionText", () => {
  it("fills the experience and the brand in Spanish, English and Portuguese", () => {
    const f = form();
    expect(renderQuestionText(f, "emotion", "es")).toBe("¿Qué sentiste con la entrega de tu pedido?");
    expect(renderQuestionText(f, "emotion", "en")).toBe("What did you feel about the delivery of your order?");
    expect(renderQuestionText(f, "emotion", "pt")).toBe("O que você sentiu com a entrega do seu pedido?");
    expect(renderQuestionText(f, "ces", "es")).toBe("Acme me lo puso fácil.");
    expect(renderQuestionText(f, "ces", "en")).toBe("Acme made it easy for me.");
    expect(renderQuestionText(f, "ces", "pt")).toBe("A Acme facilitou para mim.");
    expect(renderQuestionText(f, "nps", "pt")).toBe("Qual a probabilidade de você recomendar Acme a um amigo ou colega?");
  });

  it("capitalises {Marca} at the start of a sentence and keeps {marca} as written", () => {
    const f = form({ brandName: "zapatos.com" });
    expect(renderQuestionText(f, "ces", "es")).toBe("Zapatos.com me lo puso fácil.");
    expect(renderQuestionText(f, "nps", "en")).toBe("How likely are you to recommend zapatos.com to a friend or colleague?");
  });

  it("pipes the chosen emotion into question 5, lower-cased", () => {
    const f = form();
    expect(renderQuestionText(f, "comment", "es", { emotion: "joy" })).toBe("¿Qué hizo que sintieras alegría? Cuéntanoslo con tus palabras.");
    expect(renderQuestionText(f, "comment", "en", { emotion: "pleasant_surprise" })).toBe(
      "What made you feel pleasant surprise? Tell us in your own words.",
    );
    expect(renderQuestionText(f, "comment", "pt", { emotion: "frustration" })).toBe("O que fez você sentir frustração? Conte com suas palavras.");
    expect(renderQuestionText(f, "comment", "es-ES", { emotion: "anger" })).toBe("¿Qué hizo que sintieras enfado? Cuéntanoslo con tus palabras.");
    expect(renderQuestionText(f, "comment", "es-MX", { emotion: "anger" })).toBe("¿Qué hizo que sintieras enojo? Cuéntanoslo con tus palabras.");
  });

  it("pipes two emotions joined by the language's 'and'", () => {
    const f = form();
    expect(renderQuestionText(f, "comment", "es", { emotion: ["joy", "worry"] })).toContain("alegría y preocupación");
    expect(renderQuestionText(f, "comment", "en", { emotion: ["joy", "worry"] })).toContain("joy and worry");
    expect(renderQuestionText(f, "comment", "pt", { emotion: ["joy", "worry"] })).toContain("alegria e preocupação");
  });

  it("falls back to a text without an emotion when none is known", () => {
    const f = form();
    expect(renderQuestionText(f, "comment", "es")).toBe("¿Qué te hizo sentir así? Cuéntanoslo con tus palabras.");
    expect(renderQuestionText(f, "comment", "en", { emotion: null })).toBe("What made you feel that way? Tell us in your own words.");
    expect(renderQuestionText(f, "comment", "pt", { emotion: "sadness" as never })).toBe("O que fez você se sentir assim? Conte com suas palavras.");
  });

  it("falls back to a generic experience when the language has no experience name", () => {
    const f = formConfigSchema.parse({ brandName: "Acme", experienceName: { es: "tu visita" } });
    expect(renderQuestionText(f, "emotion", "es")).toBe("¿Qué sentiste con tu visita?");
    expect(renderQuestionText(f, "emotion", "en")).toBe("What did you feel about your experience?");
    expect(renderQuestionText(f, "csat", "pt")).toBe("No geral, quão satisfeito(a) você ficou com a sua experiência?");
  });

  it("uses the form's rewording, with placeholders in any language", () => {
    const f = form({ wording: { en: { nps: "Would you tell a friend about {marca}?", comment: "Why {emoção}?" } } });
    expect(renderQuestionText(f, "nps", "en")).toBe("Would you tell a friend about Acme?");
    expect(renderQuestionText(f, "comment", "en", { emotion: "calm" })).toBe("Why calm?");
    expect(renderQuestionText(f, "comment", "en")).toBe("What made you feel that way? Tell us in your own words.");
    expect(renderQuestionText(f, "nps", "es")).toBe("¿Qué probabilidad hay de que recomiendes Acme a un amigo o colega?");
  });

  it("falls back to the default text when a rewording pipes an emotion not given", () => {
    const f = form({ wording: { es: { csat: "Sentiste {emoción}: ¿qué tan satisfecho/a quedaste?" } } });
    expect(renderQuestionText(f, "csat", "es", { emotion: "joy" })).toBe("Sentiste alegría: ¿qué tan satisfecho/a quedaste?");
    expect(renderQuestionText(f, "csat", "es")).toBe("En general, ¿qué tan satisfecho/a quedaste con la entrega de tu pedido?");
  });

  it("inserts values once, never expanding placeholders inside them, and never escaping them", () => {
    const f = form({ brandName: "{experiencia} <b>Acme</b>" });
    expect(renderQuestionText(f, "ces", "en")).toBe("{experiencia} <b>Acme</b> made it easy for me.");
  });

  it("uses Spanish for an unsupported language and the base language of a locale", () => {
    const f = form();
    expect(renderQuestionText(f, "ces", "fr")).toBe("Acme me lo puso fácil.");
    expect(renderQuestionText(f, "ces", "pt-BR")).toBe("A Acme facilitou para mim.");
  });

  it("renders the variants' own questions and refuses the others", () => {
    const relationship = defaultFormConfig("Acme", "relationship");
    expect(renderQuestionText(relationship, "brand_love", "es")).toBe("Me encanta Acme.");
    expect(renderQuestionText(relationship, "brand_love", "en")).toBe("I love Acme.");
    expect(renderQuestionText(relationship, "brand_love", "pt")).toBe("Eu amo Acme.");
    expect(() => renderQuestionText(relationship, "csat", "es")).toThrow(/no csat question/);
    const content = defaultFormConfig("Acme", "content");
    expect(renderQuestionText(content, "usefulness", "en")).toBe("This content was useful to me.");
    expect(renderQuestionText(content, "usefulness", "es")).toBe("Este contenido me resultó útil.");
    expect(renderQuestionText(content, "usefulness", "pt")).toBe("Este conteúdo foi útil para mim.");
  });

  it("renders the whole form and the thank-you text", () => {
    const f = form({ thankYou: { en: "Cheers!" } });
    const page = renderForm(f, "en-GB", { emotion: "joy" });
    expect(page.language).toBe("en");
    expect(page.questions.map((q) => q.question.id)).toEqual(["emotion", "csat", "ces", "nps", "comment"]);
    expect(page.questions[1]?.points).toHaveLength(5);
    expect(page.questions[2]?.points).toHaveLength(7);
    expect(page.questions[3]?.points).toHaveLength(11);
    expect(page.questions[4]?.text).toContain("feel joy?");
    expect(page.emotions).toHaveLength(11);
    expect(page.thankYou).toBe("Cheers!");
    expect(renderThankYou(f, "es")).toBe("¡Gracias! Tu respuesta nos ayuda a mejorar.");
  });
});
