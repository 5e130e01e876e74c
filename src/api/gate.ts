/**
 * A first-come, first-served limit on the requests that work the store at once.
 *
 * better-sqlite3 answers synchronously, so a request that awaits k queries goes back to the end of
 * the event loop's queue k times: under overload (200 clients, every request a cache miss) most
 * requests waited ~1 s but some more than 10 s, behind every request that arrived after them. Letting
 * only a few requests in at a time, in arrival order, makes the wait the length of the queue ahead,
 * the same for everyone. PostgreSQL runs queries in parallel, so its gate is wider.
 */
export class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private head = 0;

  constructor(readonly width: number) {
    if (!(width >= 1)) throw new Error(`gate width must be at least 1, not ${width}`);
  }

  /** Run `work` when a place is free, in arrival order. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.width || this.head < this.waiting.length) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.active++;
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** Requests waiting for a place. */
  get queued(): number {
    return this.waiting.length - this.head;
  }

  private release(): void {
    if (this.head < this.waiting.length) {
      // the place passes straight to the next in line (active stays the same)
      const next = this.waiting[this.head];
      this.waiting[this.head++] = noop;
      if (this.head > 1024 && this.head * 2 > this.waiting.length) {
        this.waiting.splice(0, this.head);
        this.head = 0;
      }
      next();
    } else this.active--;
  }
}

const noop = () => {};
