// Dropped submissions are counted in memory and written in one statement every few seconds (and when
// the app closes), so that a flood of bad requests costs no database write per request.
import type { DropReason } from "../../core/responses/sources.js";
import { recordDrops } from "../../db/queries/responses.js";
import type { Kdb } from "../../db/tables.js";

export class DropCounter {
  private counts = new Map<string, { organisationId: string; touchpointId: string; reason: DropReason; count: number }>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kdb,
    private readonly clock: () => number,
    private readonly flushEveryMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Counts one drop; the count reaches the database at the next flush. */
  add(organisationId: string, touchpointId: string, reason: DropReason): void {
    const key = `${organisationId}\u0000${touchpointId}\u0000${reason}`;
    const entry = this.counts.get(key);
    if (entry) entry.count += 1;
    else this.counts.set(key, { organisationId, touchpointId, reason, count: 1 });
    if (!this.timer && this.flushEveryMs > 0) {
      this.timer = setTimeout(() => void this.flush().catch(this.onError), this.flushEveryMs);
      this.timer.unref();
    }
  }

  /** Writes every count gathered so far; resolves when they are committed. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const pending = [...this.counts.values()];
    this.counts = new Map();
    // Flushes run one after another, so a count is never written twice or out of order.
    this.flushing = this.flushing
      .catch(() => undefined)
      .then(() => (pending.length > 0 ? recordDrops(this.db, pending, this.clock()) : undefined));
    return this.flushing;
  }
}
