import { describe, expect, it } from "vitest";
import { countDraft, journeyDocumentSchema, journeyDraftSchema, toJourneyDocument } from "./document.js";

const draft = journeyDraftSchema.parse({
  name: "Compra online",
  stages: [
    { name: "Compra", touchpoints: [{ name: "Pago", channel: "web", momentOfTruth: true, momentOfTruthReason: "Si falla, abandona" }] },
    { name: "Entrega", touchpoints: [{ name: "Apertura del paquete", channel: "packaging" }] },
  ],
});

describe("journey documents", () => {
  it("round-trips through JSON unchanged", () => {
    const document = toJourneyDocument(draft, Date.UTC(2026, 0, 15));
    const parsed = journeyDocumentSchema.parse(JSON.parse(JSON.stringify(document)));
    expect(parsed.journey).toEqual(draft);
    expect(parsed).toMatchObject({ format: "momentos.journey", version: 1, exportedAt: "2026-01-15T00:00:00.000Z" });
  });

  it("refuses another format or a version it does not know", () => {
    const document = toJourneyDocument(draft, 0);
    expect(journeyDocumentSchema.safeParse({ ...document, version: 2 }).success).toBe(false);
    expect(journeyDocumentSchema.safeParse({ ...document, format: "uxpressia" }).success).toBe(false);
  });

  it("refuses repeated stage names and repeated touchpoint names in a stage, with the path", () => {
    const result = journeyDraftSchema.safeParse({
      name: "J",
      stages: [
        { name: "Compra", touchpoints: [{ name: "Pago" }, { name: " pago" }] },
        { name: "compra" },
      ],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain("stages");
    expect(paths).toContain("stages.0.touchpoints");
  });

  it("allows the same touchpoint name in two different stages", () => {
    expect(journeyDraftSchema.safeParse({ name: "J", stages: [{ name: "A", touchpoints: [{ name: "Correo" }] }, { name: "B", touchpoints: [{ name: "Correo" }] }] }).success).toBe(true);
  });

  it("refuses a moment of truth without a reason", () => {
    const result = journeyDraftSchema.safeParse({ name: "J", stages: [{ name: "A", touchpoints: [{ name: "T", momentOfTruth: true }] }] });
    expect(result.error?.issues[0]?.path.join(".")).toBe("stages.0.touchpoints.0.momentOfTruthReason");
  });

  it("counts stages, touchpoints and moments of truth", () => {
    expect(countDraft(draft)).toEqual({ stages: 2, touchpoints: 2, momentsOfTruth: 1 });
  });
});
