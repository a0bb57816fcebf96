import { describe, expect, it } from "vitest";
import {
  applyTouchpointUpdate,
  checkTouchpoint,
  createJourneyInput,
  createTouchpointInput,
  findDuplicateNames,
  freeName,
  journeyLimits,
  nameKey,
  noTargets,
  updateTouchpointInput,
  type TouchpointValues,
} from "./model.js";

const base: TouchpointValues = {
  name: "Apertura del paquete",
  description: "",
  channel: "packaging",
  customerNeed: "",
  customerExpectation: "",
  ownerUserId: null,
  modules: ["sense"],
  momentOfTruth: false,
  momentOfTruthReason: "",
  targets: noTargets,
  status: "active",
};

describe("names", () => {
  it("compares names trimmed, case-insensitively and with collapsed spaces", () => {
    expect(nameKey("  Compra   Online ")).toBe(nameKey("compra online"));
    expect(nameKey("ÉXITO")).toBe(nameKey("éxito"));
    expect(nameKey("Compra")).not.toBe(nameKey("Compras"));
  });

  it("reports each repeated name once", () => {
    expect(findDuplicateNames(["Compra", "Entrega", "compra ", "COMPRA", "Uso"])).toEqual(["compra "]);
    expect(findDuplicateNames(["a", "b"])).toEqual([]);
  });

  it("finds a free name by numbering, within the length limit", () => {
    expect(freeName("Compra online", ["Otra"])).toBe("Compra online");
    expect(freeName("Compra online", ["compra online"])).toBe("Compra online (2)");
    expect(freeName("Compra online", ["Compra online", "Compra online (2)"])).toBe("Compra online (3)");
    const long = "x".repeat(journeyLimits.journeyNameMax);
    const free = freeName(long, [long]);
    expect(free.length).toBeLessThanOrEqual(journeyLimits.journeyNameMax);
    expect(free.endsWith(" (2)")).toBe(true);
  });
});

describe("validation", () => {
  it("trims names and rejects empty or too long ones", () => {
    expect(createJourneyInput.parse({ name: "  Compra online " }).name).toBe("Compra online");
    expect(createJourneyInput.safeParse({ name: "   " }).success).toBe(false);
    expect(createJourneyInput.safeParse({ name: "x".repeat(journeyLimits.journeyNameMax + 1) }).success).toBe(false);
  });

  it("applies defaults to a new touchpoint", () => {
    const parsed = createTouchpointInput.parse({ stageId: "stg_1", name: "Factura" });
    expect(parsed).toMatchObject({ channel: "other", modules: [], momentOfTruth: false, status: "active", targets: noTargets, ownerUserId: null });
  });

  it("rejects unknown channels and modules, repeated modules and targets out of range", () => {
    const bad = (body: object) => createTouchpointInput.safeParse({ stageId: "s", name: "n", ...body }).success;
    expect(bad({ channel: "fax" })).toBe(false);
    expect(bad({ modules: ["smell"] })).toBe(false);
    expect(bad({ modules: ["sense", "sense"] })).toBe(false);
    expect(bad({ targets: { nps: 101 } })).toBe(false);
    expect(bad({ targets: { nps: -101 } })).toBe(false);
    expect(bad({ targets: { nps: 10.5 } })).toBe(false);
    expect(bad({ targets: { csat: 100.1 } })).toBe(false);
    expect(bad({ targets: { ces: 0.9 } })).toBe(false);
    expect(bad({ targets: { ces: 7.1 } })).toBe(false);
    expect(bad({ targets: { nps: -100, csat: 0, ces: 7 } })).toBe(true);
    expect(bad({ channel: "packaging", modules: ["sense", "feel", "think", "act", "relate"] })).toBe(true);
  });

  it("needs a reason for a moment of truth", () => {
    expect(checkTouchpoint({ momentOfTruth: true, momentOfTruthReason: " " })).toEqual([
      { field: "momentOfTruthReason", message: "a moment of truth needs a reason" },
    ]);
    expect(checkTouchpoint({ momentOfTruth: true, momentOfTruthReason: "Primer contacto físico" })).toEqual([]);
    expect(checkTouchpoint({ momentOfTruth: false, momentOfTruthReason: "" })).toEqual([]);
  });
});

describe("applyTouchpointUpdate", () => {
  it("changes only what the edit names, and one target without the others", () => {
    const current = { ...base, targets: { nps: 30, csat: 80, ces: null } };
    const next = applyTouchpointUpdate(current, updateTouchpointInput.parse({ targets: { csat: 90, nps: null }, modules: ["feel", "sense"] }));
    expect(next.targets).toEqual({ nps: null, csat: 90, ces: null });
    expect(next.modules).toEqual(["sense", "feel"]);
    expect(next.name).toBe(base.name);
    expect(next.channel).toBe("packaging");
  });

  it("lets the merged result be checked: flagging without a reason fails, with one passes", () => {
    expect(checkTouchpoint(applyTouchpointUpdate(base, { momentOfTruth: true }))).toHaveLength(1);
    expect(checkTouchpoint(applyTouchpointUpdate({ ...base, momentOfTruthReason: "Decide la recompra" }, { momentOfTruth: true }))).toEqual([]);
  });
});
