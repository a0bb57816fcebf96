import { describe, expect, it } from "vitest";
import { analyseText } from "./analyse-text.js";
import { evaluateTextModel, parseTextModel, serialiseTextModel, trainTextModel } from "./text-model.js";
import type { TextExample } from "./text-model.js";
import type { EmotionCode, SentimentLabel } from "./types.js";

// A synthetic "brand": a bike-rental shop whose customers use their own words ("pinchazo", "cadena"),
// which the general lexicon does not know. Sentences are generated from hand-written parts.
const subjects = ["la bici", "la bicicleta", "el casco", "la cadena", "el sillín", "los frenos", "la rueda", "el candado"];
const negative = ["tenía un pinchazo", "chirriaba todo el rato", "se salía cada dos por tres", "venía flojo", "estaba oxidada", "frenaba a medias"];
const neutral = ["era de color azul", "la recogimos a las diez", "era de talla media", "estaba en la tienda del centro", "la devolvimos el domingo", "venía con una cesta"];
const positive = ["iba como la seda", "rodaba suavecita", "estaba a punto", "iba fina", "subía las cuestas sin esfuerzo", "era una gozada"];
const emotionOf: Record<SentimentLabel, EmotionCode> = { negative: "frustration", neutral: "indifference", positive: "joy" };

function makeExamples(): TextExample[] {
  const out: TextExample[] = [];
  const groups: Array<[SentimentLabel, string[]]> = [["negative", negative], ["neutral", neutral], ["positive", positive]];
  for (const [label, predicates] of groups) {
    for (const s of subjects) {
      for (const p of predicates) out.push({ text: `${s} ${p}`, label, emotion: emotionOf[label] });
    }
  }
  return out;
}

// Hold back every fourth example.
const all = makeExamples();
const train = all.filter((_, i) => i % 4 !== 0);
const heldBack = all.filter((_, i) => i % 4 === 0);

describe("trainTextModel", () => {
  it("learns a brand's vocabulary: held-back accuracy at least 0.9 where the lexicon alone is near chance", () => {
    const model = trainTextModel(train, { seed: 7 });
    const scores = evaluateTextModel(model, heldBack);
    expect(scores.n).toBe(heldBack.length);
    expect(scores.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(scores.macroF1).toBeGreaterThanOrEqual(0.9);

    const lexiconRight = heldBack.filter((ex) => analyseText(ex.text).sentiment.label === ex.label).length;
    expect(lexiconRight / heldBack.length).toBeLessThan(0.7);
  });

  it("is deterministic: the same seed gives the same bytes", () => {
    const a = serialiseTextModel(trainTextModel(train, { seed: 42 }));
    const b = serialiseTextModel(trainTextModel(train, { seed: 42 }));
    expect(a).toBe(b);
    const c = serialiseTextModel(trainTextModel(train, { seed: 43 }));
    expect(c).not.toBe(a);
  });

  it("round-trips through its serialised form with identical predictions", () => {
    const model = trainTextModel(train, { seed: 1 });
    const copy = parseTextModel(serialiseTextModel(model));
    for (const ex of heldBack) {
      expect(analyseText(ex.text, { model: copy })).toEqual(analyseText(ex.text, { model }));
    }
  });

  it("stays small", () => {
    const serialised = serialiseTextModel(trainTextModel(train, { seed: 1 }));
    expect(serialised.length).toBeLessThan(500_000);
  });

  it("learns emotions when the examples carry them", () => {
    const model = trainTextModel(train, { seed: 3 });
    let right = 0;
    for (const ex of heldBack) {
      const top = analyseText(ex.text, { model }).emotions[0]?.code;
      if (top === ex.emotion) right++;
    }
    expect(right / heldBack.length).toBeGreaterThanOrEqual(0.8);
  });

  it("derives labels from a score when no label is given", () => {
    const scored = train.map((ex) => ({ text: ex.text, score: ex.label === "negative" ? -0.8 : ex.label === "positive" ? 0.8 : 0 }));
    const model = trainTextModel(scored, { seed: 5 });
    expect(evaluateTextModel(model, heldBack).accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("blends: analyseText reports the blended mode", () => {
    const model = trainTextModel(train, { seed: 1 });
    expect(analyseText("la cadena tenía un pinchazo", { model }).mode).toBe("blended");
    expect(analyseText("la cadena tenía un pinchazo").mode).toBe("lexicon");
  });

  it("rejects something that is not a model", () => {
    expect(() => parseTextModel('{"kind":"other"}')).toThrow();
  });
});
