// In-process token buckets for the public form's rate limits (per client address, per touchpoint).
// Each app server keeps its own buckets: with N servers behind a load balancer a client's budget is
// up to N times the configured one. That is acceptable for abuse control; exact global limits would
// cost a shared store on the hot path.

export interface BucketOptions {
  /** Requests allowed at once (the bucket's size). */
  burst: number;
  /** Requests per second the bucket refills with (the sustained rate). */
  perSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key. `take(key, now)` is O(1) and allocates only for a new key. Full buckets
 * are forgotten by a sweep every `sweepEveryMs` (a full bucket is the same as no bucket), and the
 * map never holds more than `maxKeys` keys: beyond that the oldest are dropped, which only ever
 * gives a client a fresh budget, never takes one away.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private nextSweep = 0;

  constructor(
    private readonly options: BucketOptions,
    private readonly maxKeys = 100_000,
    private readonly sweepEveryMs = 10_000,
  ) {}

  /** Takes one token for `key`; false when the key has none left (the request is over the limit). */
  take(key: string, now: number): boolean {
    if (now >= this.nextSweep) this.sweep(now);
    const { burst, perSecond } = this.options;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.evictOldest();
      bucket = { tokens: burst, at: now };
      this.buckets.set(key, bucket);
    } else if (now > bucket.at) {
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
      bucket.at = now;
    }
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** How many keys are tracked (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    this.nextSweep = now + this.sweepEveryMs;
    const { burst, perSecond } = this.options;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * perSecond >= burst) this.buckets.delete(key);
    }
  }

  private evictOldest(): void {
    // Maps iterate in insertion order: the first keys are the oldest.
    let toDrop = Math.max(1, Math.floor(this.maxKeys / 10));
    for (const key of this.buckets.keys()) {
      this.buckets.delete(key);
      if (--toDrop === 0) break;
    }
  }
}
