// Group commit: the writes of concurrent requests are gathered for a few milliseconds and committed
// together, so that durability (one fsync or one PostgreSQL commit per batch, not per request) costs
// no throughput. Each caller's promise settles only after its batch is committed.

export interface GroupCommitOptions {
  /**
   * Longest a write waits for company while a commit slot is free; 0 flushes at the end of the
   * current event-loop turn. While every slot is busy, writes wait for one anyway and form the next batch.
   */
  maxWaitMs: number;
  /** A batch is flushed as soon as it holds this many writes. */
  maxBatch: number;
  /**
   * Batches handed to `flush` before the first of them is committed (default 1). With 2, the next
   * batch is on its way while the previous one commits, which hides the hand-over latency; `flush`
   * must then keep batches in order itself (a single writer does).
   */
  maxInFlight?: number;
}

type Pending<T, R> = { item: T; resolve: (value: R) => void; reject: (error: unknown) => void };

/**
 * Batches items and hands each batch to `flush`, which must return one result per item, in order.
 * At most `maxInFlight` batches are in flight; items that arrive meanwhile form the next batch. If `flush`
 * throws, every item of that batch is rejected with the error (nothing of it was committed).
 */
export class GroupCommitter<T, R> {
  private queue: Pending<T, R>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  private inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly flush: (items: T[]) => Promise<R[]>,
    private readonly options: GroupCommitOptions,
  ) {}

  /** Queues an item; resolves with its result once its batch is committed. */
  submit(item: T): Promise<R> {
    if (this.closed) return Promise.reject(new Error("the writer is closed"));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.queue.length >= this.options.maxBatch) this.kick();
      else if (this.inFlight.size < (this.options.maxInFlight ?? 1)) {
        // A commit slot is free: flush once the requests that arrived in this turn of the event
        // loop are queued too (maxWaitMs = 0), or after maxWaitMs to gather more company.
        if (this.options.maxWaitMs <= 0) this.immediate ??= setImmediate(() => this.kick());
        else this.timer ??= setTimeout(() => this.kick(), this.options.maxWaitMs);
      }
      // Otherwise every slot is busy: the batch grows until one frees, which kicks it.
    });
  }

  /** Flushes what is queued and refuses new items; resolves when everything is committed. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.queue.length > 0 || this.inFlight.size > 0) {
      this.kick();
      await Promise.all(this.inFlight);
    }
  }

  private kick(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.immediate) {
      clearImmediate(this.immediate);
      this.immediate = null;
    }
    if (this.inFlight.size >= (this.options.maxInFlight ?? 1) || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.options.maxBatch);
    const running: Promise<void> = this.run(batch).finally(() => {
      this.inFlight.delete(running);
      if (this.queue.length > 0) {
        if (this.queue.length >= this.options.maxBatch) this.kick();
        else this.timer ??= setTimeout(() => this.kick(), 0);
      }
    });
    this.inFlight.add(running);
  }

  private async run(batch: Pending<T, R>[]): Promise<void> {
    try {
      const results = await this.flush(batch.map((p) => p.item));
      batch.forEach((pending, index) => pending.resolve(results[index]!));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }
}
