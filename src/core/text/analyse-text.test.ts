import { describe, expect, it } from "vitest";
import { analyseText } from "./analyse-text.js";
import { emotionCodes, topicCodes } from "./types.js";

// All sentences here are written for these tests; none comes from a data set.

const sentiment = (text: string) => analyseText(text).sentiment;
const topicsOf = (text: string) => analyseText(text).topics.map((t) => t.code);

describe("language", () => {
  it("tells Spanish, English and Portuguese apart", () => {
    expect(analyseText("El pedido llegó a tiempo y el repartidor fue muy amable").language).toBe("es");
    expect(analyseText("The order arrived on time and the driver was very kind").language).toBe("en");
    expect(analyseText("O pedido chegou no prazo e o entregador foi muito gentil").language).toBe("pt");
  });

  it("has no language for empty or symbol-only text", () => {
    expect(analyseText("").language).toBeNull();
    expect(analyseText("👍👍").language).toBeNull();
    expect(analyseText("   ").sentiment).toEqual({ label: "neutral", score: 0 });
  });

  it("accepts a known language instead of detecting it", () => {
    expect(analyseText("ok", { language: "pt" }).language).toBe("pt");
  });
});

describe("sentiment", () => {
  it("reads plain praise and complaints in the three languages", () => {
    expect(sentiment("Excelente atención, todo perfecto").label).toBe("positive");
    expect(sentiment("Pésimo servicio, nunca más").label).toBe("negative");
    expect(sentiment("Great service, thank you!").label).toBe("positive");
    expect(sentiment("Terrible experience, the worst airline").label).toBe("negative");
    expect(sentiment("Adorei, o atendimento foi ótimo").label).toBe("positive");
    expect(sentiment("Péssimo, o produto veio quebrado").label).toBe("negative");
  });

  it("keeps a neutral statement neutral", () => {
    expect(sentiment("Hice el pedido el martes por la página").label).toBe("neutral");
    expect(sentiment("I called the store on Monday").label).toBe("neutral");
  });

  it("scores between −1 and +1", () => {
    for (const text of ["excelente excelente excelente!!!", "horrible horrible HORRIBLE 😡😡😡", "meh"]) {
      const { score } = sentiment(text);
      expect(score).toBeGreaterThanOrEqual(-1);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
});

describe("negation", () => {
  it("does not read a negated complaint followed by praise as strongly negative", () => {
    const s = sentiment("no estaba limpio pero el personal fue excelente");
    expect(s.label).not.toBe("negative");
    expect(s.score).toBeGreaterThan(-0.2);
  });

  it("flips a negated positive word", () => {
    expect(sentiment("El hotel no estaba limpio").label).toBe("negative");
    expect(sentiment("The room was not clean").label).toBe("negative");
    expect(sentiment("O quarto não estava limpo").label).toBe("negative");
  });

  it("softens a negated negative word into mild praise", () => {
    const s = sentiment("No está mal, la verdad");
    expect(s.score).toBeGreaterThan(0);
    expect(s.score).toBeLessThan(0.6);
  });

  it("reads an expected action that did not happen as a complaint", () => {
    expect(sentiment("El paquete nunca llegó").label).toBe("negative");
    expect(sentiment("The app doesn't work").label).toBe("negative");
    expect(sentiment("Ninguém respondeu, o produto não chegou").label).toBe("negative");
  });

  it("ends the scope at a comma or a contrast word", () => {
    // "excelente" lies outside the negation of "no".
    expect(sentiment("No tardaron, excelente").label).toBe("positive");
    const a = analyseText("no me gustó la comida pero la vista es preciosa");
    const preciosa = a.terms.find((t) => t.kind === "positive" && a.topics.length > 0 && t.start > 30);
    expect(preciosa?.negated).toBeUndefined();
  });

  it("marks negated terms for highlighting", () => {
    const text = "la habitación no estaba limpia";
    const a = analyseText(text);
    const term = a.terms.find((t) => t.negated);
    expect(term && text.slice(term.start, term.end)).toBe("limpia");
  });
});

describe("pero clauses", () => {
  it("lets what follows pero/but/mas weigh more than what precedes it", () => {
    expect(sentiment("La comida buena pero el servicio pésimo").label).toBe("negative");
    expect(sentiment("La comida regular pero el servicio excelente").label).toBe("positive");
    expect(sentiment("The food was ok but the staff were rude").label).toBe("negative");
    expect(sentiment("O lugar é bonito, mas o atendimento é péssimo").label).toBe("negative");
  });

  it("handles sin embargo and however as contrast", () => {
    expect(sentiment("El precio es alto, sin embargo la calidad es excelente").label).toBe("positive");
    expect(sentiment("Nice hotel. However, the bathroom was filthy and disgusting").label).toBe("negative");
  });
});

describe("intensity", () => {
  it("makes intensifiers stronger and diminishers weaker", () => {
    const plain = sentiment("el personal es amable").score;
    expect(sentiment("el personal es muy amable").score).toBeGreaterThan(plain);
    expect(sentiment("el personal es algo amable").score).toBeLessThan(plain);
    expect(sentiment("the staff were extremely helpful").score).toBeGreaterThan(sentiment("the staff were helpful").score);
  });

  it("counts shouting, elongation and exclamation marks as emphasis", () => {
    const plain = sentiment("es malo").score;
    expect(sentiment("es MALO").score).toBeLessThan(plain);
    expect(sentiment("es malooo!!!").score).toBeLessThan(plain);
  });
});

describe("emoji and emoticons", () => {
  it("reads emoji and emoticons as sentiment and emotion", () => {
    expect(sentiment("😍😍").label).toBe("positive");
    expect(sentiment("el envío 😡").label).toBe("negative");
    expect(sentiment("gracias :)").label).toBe("positive");
    expect(sentiment("otra vez tarde :(").label).toBe("negative");
    expect(analyseText("😡").emotions[0]?.code).toBe("anger");
    expect(analyseText("te quiero ❤️").emotions[0]?.code).toBe("affection");
  });

  it("does not take the colon-slash of a link for an emoticon", () => {
    expect(sentiment("visiten https://example.com/promo").label).toBe("neutral");
  });
});

describe("variants", () => {
  it("knows Spain and Latin-American words", () => {
    expect(sentiment("El sitio está muy chido").label).toBe("positive");
    expect(sentiment("Qué chévere la atención").label).toBe("positive");
    expect(sentiment("El producto es bien chafa").label).toBe("negative");
    expect(sentiment("Una pasada, el trato fue genial").label).toBe("positive");
    expect(sentiment("Estoy cabreado con la compañía").label).toBe("negative");
    expect(analyseText("Estoy enojado con la compañía").emotions[0]?.code).toBe("anger");
    expect(analyseText("Estoy enfadado con la compañía").emotions[0]?.code).toBe("anger");
  });
});

describe("mixed language", () => {
  it("uses every lexicon for a comment that switches language", () => {
    const a = analyseText("The staff was great pero la comida estaba fría");
    expect(["en", "es"]).toContain(a.language);
    expect(a.topics.map((t) => t.code)).toEqual(expect.arrayContaining(["staff", "product_quality"]));
    expect(a.terms.some((t) => t.kind === "contrast")).toBe(true);
  });
});

describe("emotions", () => {
  it("infers METHOD.md codes only", () => {
    const a = analyseText("Estoy furioso, me estafaron y nadie responde. Qué decepción, tengo miedo de perder mi dinero");
    expect(a.emotions.length).toBeGreaterThan(0);
    for (const e of a.emotions) {
      expect(emotionCodes).toContain(e.code);
      expect(e.score).toBeGreaterThan(0);
      expect(e.score).toBeLessThanOrEqual(1);
    }
  });

  it("finds the obvious emotion", () => {
    expect(analyseText("Qué decepción, esperaba mucho más").emotions[0]?.code).toBe("disappointment");
    expect(analyseText("Me preocupa que no llegue a tiempo para el cumpleaños").emotions[0]?.code).toBe("worry");
    expect(analyseText("I'm so frustrated, on hold again for two hours").emotions[0]?.code).toBe("frustration");
    expect(analyseText("Que surpresa boa, superou as expectativas").emotions[0]?.code).toBe("pleasant_surprise");
  });

  it("does not report a negated positive emotion", () => {
    const codes = analyseText("No estoy contento con el servicio").emotions.map((e) => e.code);
    expect(codes).not.toContain("joy");
  });
});

describe("topics", () => {
  it("finds CX topics with their spans and aspect sentiment", () => {
    const text = "La entrega tardó dos semanas y el repartidor fue grosero, pero el precio es barato";
    const a = analyseText(text);
    const codes = a.topics.map((t) => t.code);
    expect(codes).toEqual(expect.arrayContaining(["delivery", "staff", "price"]));
    for (const t of a.topics) for (const m of t.matches) expect(m.end).toBeGreaterThan(m.start);
    const delivery = a.topics.find((t) => t.code === "delivery")!;
    expect(text.slice(delivery.matches[0]!.start, delivery.matches[0]!.end).toLowerCase()).toBe("entrega");
    expect(a.topics.find((t) => t.code === "price")!.sentiment).toBeGreaterThan(0);
  });

  it("covers every topic in some language", () => {
    const found = new Set([
      ...topicsOf("el precio, la entrega, el personal, la calidad, la página web, la espera, la devolución"),
      ...topicsOf("la factura, el embalaje, nadie me informó, estaba sucio"),
      ...topicsOf("fui a comprar ayer con mi hermana y compramos algunas cosas"),
    ]);
    for (const code of topicCodes) expect(found).toContain(code);
  });

  it("finds topics in English and Portuguese", () => {
    expect(topicsOf("I was charged twice on my credit card and still no refund")).toEqual(expect.arrayContaining(["billing", "returns"]));
    expect(topicsOf("A embalagem chegou amassada e o site não funciona")).toEqual(expect.arrayContaining(["packaging", "website_app"]));
  });
});

describe("key phrases", () => {
  it("pairs a topic with the opinion next to it", () => {
    const a = analyseText("El personal muy amable, la habitación sucia.");
    expect(a.keyPhrases).toEqual(expect.arrayContaining(["personal muy amable", "habitación sucia"]));
  });

  it("keeps the negation in the phrase", () => {
    expect(analyseText("no estaba limpio pero el personal fue excelente").keyPhrases).toContain("no estaba limpio");
  });
});

describe("English social posts", () => {
  it("reads set phrases whose words mislead", () => {
    expect(sentiment("Finished the move today and I couldn't be happier").label).toBe("positive");
    expect(sentiment("No worries, the second parcel showed up").label).not.toBe("negative");
    expect(sentiment("The new lamp is not helpful at all").label).toBe("negative");
  });

  it("carries a negation through think, seem and say to the opinion", () => {
    expect(sentiment("I don't think that it's comfortable").label).toBe("negative");
    expect(sentiment("Can't say I was impressed by the show").label).toBe("negative");
  });

  it("reads never-been-so as emphasis and not-only as no negation", () => {
    expect(sentiment("I have never been so disappointed by a haircut").label).toBe("negative");
    expect(sentiment("The soup was not only warm but delicious").label).toBe("positive");
  });

  it("ends the negation at but and lets the second clause lead", () => {
    expect(sentiment("The seats were great but the crew was rude").label).toBe("negative");
    expect(sentiment("The seats were not great but the crew was lovely").label).toBe("positive");
    const a = analyseText("not cheap but worth it");
    const worth = a.terms.find((t) => t.kind === "positive" && t.start >= 14);
    expect(worth?.negated).toBeUndefined();
  });

  it("splits camel-case hashtags into words, with their offsets", () => {
    const text = "Third delay this week #NotHappy";
    const a = analyseText(text);
    expect(a.sentiment.label).toBe("negative");
    const hashtag = a.terms.find((t) => t.kind === "negative" && t.start > 20);
    expect(hashtag && text.slice(hashtag.start, hashtag.end)).toBe("NotHappy");
    const b = analyseText("Third delay this week #NotGood");
    const good = b.terms.find((t) => t.negated);
    expect(good && "Third delay this week #NotGood".slice(good.start, good.end)).toBe("Good");
    expect(sentiment("Picked up my new bike #SoHappy").label).toBe("positive");
    expect(sentiment("Dinner at the corner place #LoveIt").label).toBe("positive");
  });

  it("counts elongated words, capitals and repeated mouths as emphasis", () => {
    expect(sentiment("the cake was goood").label).toBe("positive");
    expect(sentiment("sooo tired of this").label).toBe("negative");
    expect(sentiment("the pizza was GREAT").score).toBeGreaterThan(sentiment("the pizza was great").score);
    expect(sentiment("my parcel is lost :((((").label).toBe("negative");
  });

  it("knows comparatives, superlatives and dropped g's of listed words", () => {
    expect(sentiment("the cutest puppy").label).toBe("positive");
    expect(sentiment("happiest day of the year").label).toBe("positive");
    expect(sentiment("the rudest clerk in town").label).toBe("negative");
    expect(sentiment("lovin the new menu").label).toBe("positive");
  });

  it("does not read names made of opinion words as opinions", () => {
    expect(sentiment("Tonight we watch Bad Moms Club on channel four").label).toBe("neutral");
    expect(sentiment("The soup was bad").label).toBe("negative");
    // Unless the whole text is in title case.
    expect(sentiment("The Soup Was Great And The Waiter Lovely").label).toBe("positive");
  });

  it("leaves Portuguese camel-case hashtags out of the sentiment (mostly names of shows)", () => {
    expect(sentiment("Assistindo o #DomingoLegal agora com a família").label).toBe("neutral");
  });

  it("tells short English comments apart and reads \"oh great\" as sarcasm", () => {
    expect(analyseText("no complaints here").language).toBe("en");
    expect(sentiment("no complaints here").label).toBe("positive");
    expect(sentiment("Oh great, another delay").label).toBe("negative");
  });

  it("ignores mentions and links", () => {
    expect(sentiment("@greatshop https://awesome.example/best").label).toBe("neutral");
  });

  it("reads quotes and commas escaped as \\u2019 and \\u002c", () => {
    expect(sentiment("I didn\\u2019t like it\\u002c sorry").label).toBe("negative");
  });

  it("gives praise asked about less weight than praise given", () => {
    expect(sentiment("Is the new phone any good?").score).toBeLessThan(sentiment("The new phone is good.").score);
  });

  it("does not read a description or question without opinion words as an opinion", () => {
    expect(sentiment("Who is coming to the match on Sunday?").label).toBe("neutral");
    expect(sentiment("The museum opens at nine on weekdays").label).toBe("neutral");
  });
});

describe("long and odd input", () => {
  it("analyses 100 KB of text in well under a second", () => {
    const unit = "El envío llegó tarde pero el personal fue muy amable y el precio justo. ";
    const text = unit.repeat(Math.ceil(100_000 / unit.length));
    const t0 = performance.now();
    const a = analyseText(text);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(a.language).toBe("es");
    expect(a.keyPhrases.length).toBeLessThanOrEqual(5);
    expect(a.topics.length).toBeGreaterThan(0);
  });

  it("copes with 100 KB without a space, of emoji, or of one negation after another", () => {
    for (const text of ["a".repeat(100_000), "😡👍".repeat(25_000), "no ".repeat(33_000) + "bueno", "muy ".repeat(25_000) + "malo"]) {
      const t0 = performance.now();
      const a = analyseText(text);
      expect(performance.now() - t0, text.slice(0, 12)).toBeLessThan(1000);
      expect(a.sentiment.score).toBeGreaterThanOrEqual(-1);
      expect(a.sentiment.score).toBeLessThanOrEqual(1);
    }
  });

  it("finds nothing in an empty text", () => {
    const a = analyseText("");
    expect(a.sentiment).toEqual({ label: "neutral", score: 0 });
    expect(a.emotions).toEqual([]);
    expect(a.topics).toEqual([]);
    expect(a.keyPhrases).toEqual([]);
  });

  it("copes with only punctuation, numbers and control characters", () => {
    for (const text of ["...!!!???", "12345 678", "\u0000\u0001", "@user @user", "#hashtag"]) {
      expect(() => analyseText(text)).not.toThrow();
    }
  });
});

describe("determinism", () => {
  it("gives the same result for the same text", () => {
    const text = "La app se cae siempre 😤 y el soporte no contesta, pero el producto es bueno";
    expect(analyseText(text)).toEqual(analyseText(text));
    expect(JSON.stringify(analyseText(text))).toBe(JSON.stringify(analyseText(text)));
  });
});
