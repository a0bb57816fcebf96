import { describe, expect, it } from "vitest";
import { emotionCodes, emotionLabel, emotions, intensityLabels, intensityWeights, isEmotionCode, isIntensity, isNegative, isPositive, valenceOf } from "./emotions.js";

describe("the emotion set", () => {
  it("has the eleven codes of METHOD.md §2 with their valence and arousal", () => {
    expect(emotionCodes).toHaveLength(11);
    expect(emotionCodes.filter(isPositive)).toEqual(["joy", "calm", "pleasant_surprise", "excitement", "affection"]);
    expect(emotionCodes.filter(isNegative)).toEqual(["frustration", "anger", "disappointment", "worry", "distrust"]);
    expect(valenceOf("indifference")).toBe(0);
    expect(isPositive("indifference") || isNegative("indifference")).toBe(false);
    expect(emotions.calm.arousal).toBe("low");
    expect(emotions.affection.arousal).toBe("mid");
    expect(emotions.anger.arousal).toBe("high");
    expect(emotions.worry.arousal).toBe("mid");
  });

  it("weights intensity 1, 2, 3 as 1/3, 2/3, 1", () => {
    expect(intensityWeights[1]).toBeCloseTo(1 / 3, 15);
    expect(intensityWeights[2]).toBeCloseTo(2 / 3, 15);
    expect(intensityWeights[3]).toBe(1);
    expect(intensityLabels.es).toEqual({ 1: "Un poco", 2: "Bastante", 3: "Mucho" });
    expect(isIntensity(2)).toBe(true);
    expect(isIntensity(4)).toBe(false);
  });

  it("recognises codes and nothing else", () => {
    expect(isEmotionCode("pleasant_surprise")).toBe(true);
    expect(isEmotionCode("surprise")).toBe(false);
    expect(isEmotionCode("toString")).toBe(false);
    expect(isEmotionCode(1)).toBe(false);
  });

  it("says Enfado in Spain and Enojo elsewhere", () => {
    expect(emotionLabel("anger", "es-ES")).toBe("Enfado");
    expect(emotionLabel("anger", "es_es")).toBe("Enfado");
    expect(emotionLabel("anger", "es-419")).toBe("Enojo");
    expect(emotionLabel("anger", "es-MX")).toBe("Enojo");
    expect(emotionLabel("anger", "es")).toBe("Enojo");
    expect(emotionLabel("anger", "en-GB")).toBe("Anger");
    expect(emotionLabel("anger", "pt-BR")).toBe("Raiva");
    expect(emotionLabel("joy", "es-ES")).toBe("Alegría");
    expect(emotionLabel("excitement", "es")).toBe("Ilusión");
    expect(emotionLabel("excitement", "pt")).toBe("Entusiasmo");
    expect(emotionLabel("calm", "de")).toBe("Tranquilidad");
  });
});
