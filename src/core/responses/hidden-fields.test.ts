import { describe, expect, it } from "vitest";
import { hiddenFieldsSchema, mergeHiddenFields, noHiddenFields, parseUrlParameters } from "./hidden-fields.js";

const url = (query: string) => parseUrlParameters(new URLSearchParams(query));

describe("parseUrlParameters", () => {
  it("reads customer, order, channel, store, placement and m_* keys", () => {
    const parsed = url("cr=C-123&order=A%2F77&channel=whatsapp&store=Centro&placement=box-2024-07&m_plan=gold&m_segment=vip&lang=pt-BR&source=qr");
    expect(parsed.hidden).toEqual({
      customerReference: "C-123",
      orderReference: "A/77",
      channel: "whatsapp",
      store: "Centro",
      placement: "box-2024-07",
      meta: { plan: "gold", segment: "vip" },
    });
    expect(parsed.language).toBe("pt");
    expect(parsed.source).toBe("qr");
    expect(parsed.ignored).toEqual([]);
  });

  it("takes the long names too, the first one present winning", () => {
    expect(url("customer=C-9&location=Norte").hidden).toMatchObject({ customerReference: "C-9", store: "Norte" });
    const both = url("cr=first&customer=second");
    expect(both.hidden.customerReference).toBe("first");
    expect(both.ignored).toEqual([{ key: "customer", reason: "repeated" }]);
    expect(url("cr=a&cr=b").hidden.customerReference).toBe("a");
  });

  it("reads names case-insensitively", () => {
    expect(url("CR=X&M_Plan=gold&Lang=EN").hidden).toMatchObject({ customerReference: "X", meta: { plan: "gold" } });
    expect(url("Lang=EN").language).toBe("en");
  });

  it("reads an e-mail click's emotion, and ignores unknown ones", () => {
    expect(url("emotion=joy&source=email").emotion).toBe("joy");
    expect(url("emotion=rage").ignored).toEqual([{ key: "emotion", reason: "invalid_value" }]);
  });

  it("refuses sources a link may not claim", () => {
    expect(url("source=api").source).toBeNull();
    expect(url("source=import").ignored).toEqual([{ key: "source", reason: "invalid_value" }]);
    expect(url("lang=fr").language).toBeNull();
  });

  it("ignores hostile keys without using them as keys", () => {
    const parsed = url("__proto__=x&m___proto__=y&constructor=z&m_constructor=ok&m_=empty&m_a-b=1&m_%C3%B1=2&prototype=3");
    expect(Object.getPrototypeOf(parsed.hidden.meta)).toBe(Object.prototype);
    expect(parsed.hidden.meta).toEqual({ constructor: "ok" });
    expect(Object.prototype.hasOwnProperty.call(parsed.hidden.meta, "constructor")).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(parsed.ignored.map((i) => `${i.key}:${i.reason}`)).toEqual([
      "__proto__:unknown_parameter",
      "m___proto__:invalid_key",
      "constructor:unknown_parameter",
      "m_:invalid_key",
      "m_a-b:invalid_key",
      "m_ñ:invalid_key",
      "prototype:unknown_parameter",
    ]);
  });

  it("keeps at most 20 m_* keys", () => {
    const query = Array.from({ length: 25 }, (_, i) => `m_k${i}=v${i}`).join("&");
    const parsed = url(query);
    expect(Object.keys(parsed.hidden.meta)).toHaveLength(20);
    expect(parsed.hidden.meta.k19).toBe("v19");
    expect(parsed.ignored.filter((i) => i.reason === "too_many")).toHaveLength(5);
  });

  it("reads at most 100 parameters", () => {
    const query = Array.from({ length: 150 }, (_, i) => `x${i}=1`).join("&") + "&cr=late";
    const parsed = url(query);
    expect(parsed.hidden.customerReference).toBeNull();
    expect(parsed.ignored).toHaveLength(151);
  });

  it("drops values over their limit instead of cutting them", () => {
    expect(url(`cr=${"a".repeat(128)}`).hidden.customerReference).toHaveLength(128);
    const long = url(`cr=${"a".repeat(129)}&m_note=${"b".repeat(201)}&m_ok=${"😀".repeat(200)}`);
    expect(long.hidden.customerReference).toBeNull();
    expect(long.hidden.meta).toEqual({ ok: "😀".repeat(200) });
    expect(long.ignored).toEqual([
      { key: "cr", reason: "too_long" },
      { key: "m_note", reason: "too_long" },
    ]);
    expect(url(`m_${"k".repeat(41)}=1`).ignored[0]?.reason).toBe("invalid_key");
    expect(url(`m_${"k".repeat(40)}=1`).hidden.meta).toEqual({ ["k".repeat(40)]: "1" });
  });

  it("cleans values: one line, NFC, no control characters; empty ones are ignored", () => {
    const parsed = url("store=%20Tienda%0A%09Centro%00%20&order=&m_x=%20%20&channel=Jose%CC%81");
    expect(parsed.hidden.store).toBe("Tienda Centro");
    expect(parsed.hidden.channel).toBe("José");
    expect(parsed.hidden.orderReference).toBeNull();
    expect(parsed.ignored).toEqual([
      { key: "order", reason: "invalid_value" },
      { key: "m_x", reason: "invalid_value" },
    ]);
  });

  it("keeps markup in values as text", () => {
    expect(url("m_note=%3Cscript%3Ealert(1)%3C%2Fscript%3E").hidden.meta.note).toBe("<script>alert(1)</script>");
  });

  it("reads a parsed query object with repeated values", () => {
    const parsed = parseUrlParameters({ cr: ["one", "two"], m_plan: "gold", skip: undefined });
    expect(parsed.hidden.customerReference).toBe("one");
    expect(parsed.hidden.meta).toEqual({ plan: "gold" });
  });

  it("cuts reported keys to 64 characters", () => {
    expect(url(`${"z".repeat(500)}=1`).ignored[0]?.key).toHaveLength(64);
  });
});

describe("hiddenFieldsSchema (API)", () => {
  it("defaults to no hidden fields", () => {
    expect(hiddenFieldsSchema.parse(undefined)).toEqual(noHiddenFields);
    expect(hiddenFieldsSchema.parse({ customerReference: "C-1" })).toEqual({ ...noHiddenFields, customerReference: "C-1" });
  });

  it("is strict: unknown fields, long values and bad meta are errors", () => {
    expect(hiddenFieldsSchema.safeParse({ customer: "C-1" }).success).toBe(false);
    expect(hiddenFieldsSchema.safeParse({ customerReference: "a".repeat(129) }).success).toBe(false);
    expect(hiddenFieldsSchema.safeParse({ meta: { plan: 1 } }).success).toBe(false);
    expect(hiddenFieldsSchema.safeParse({ meta: { Plan: "x" } }).success).toBe(false);
    expect(hiddenFieldsSchema.safeParse({ meta: ["x"] }).success).toBe(false);
    expect(hiddenFieldsSchema.safeParse({ meta: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, "v"])) }).success).toBe(false);
    expect(hiddenFieldsSchema.safeParse({ meta: { note: "x".repeat(201) } }).success).toBe(false);
  });

  it("refuses __proto__ and friends as meta keys", () => {
    expect(hiddenFieldsSchema.safeParse(JSON.parse('{"meta": {"__proto__": "x"}}')).success).toBe(false);
    expect(hiddenFieldsSchema.safeParse(JSON.parse('{"meta": {"_private": "x"}}')).success).toBe(false);
    const ok = hiddenFieldsSchema.parse(JSON.parse('{"meta": {"constructor": "x"}}'));
    expect(ok.meta).toEqual({ constructor: "x" });
  });
});

describe("mergeHiddenFields", () => {
  it("keeps what is set, fills what is not, adds meta keys", () => {
    const current = { ...noHiddenFields, customerReference: "A", meta: { plan: "gold" } };
    const incoming = { ...noHiddenFields, customerReference: "B", store: "Centro", meta: { plan: "silver", tier: "1" } };
    expect(mergeHiddenFields(current, incoming)).toEqual({ ...noHiddenFields, customerReference: "A", store: "Centro", meta: { plan: "gold", tier: "1" } });
  });
});
