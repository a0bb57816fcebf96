// A few seconds of memory for form lookups, so the hot path does not read the form and its touchpoint
// for every answer. Staleness: a change to a form (closing it, rewording it) reaches ingestion on this
// app server at once when the change goes through forgetTouchpoint, and on other app servers within
// `ttlMs`. Unknown codes are remembered too, so random codes cannot hammer the database.
import type { FormTarget } from "../../db/queries/forms.js";

interface Entry {
  target: FormTarget | null;
  expiresAt: number;
}

export class FormCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 20_000,
  ) {}

  /** The remembered target (or remembered absence, null); undefined when not remembered or expired. */
  get(key: string, now: number): FormTarget | null | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.target;
  }

  set(key: string, target: FormTarget | null, now: number): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { target, expiresAt: now + this.ttlMs });
  }

  /** Forgets every entry of a touchpoint (by code and by id), e.g. after its form was saved. */
  forgetTouchpoint(touchpointId: string): void {
    for (const [key, entry] of this.entries) {
      if (entry.target?.touchpointId === touchpointId || key.endsWith(`:${touchpointId}`)) this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Cache keys: a public code, or an organisation's touchpoint. */
export const cacheKey = {
  code: (code: string) => `c:${code}`,
  touchpoint: (organisationId: string, touchpointId: string) => `t:${organisationId}:${touchpointId}`,
};
