// A bounded-concurrency queue: at most `concurrency` jobs run at once, at most `maxWaiting` wait.
// PDF printing is CPU-bound (about a core per job), so a queue keeps a burst of exports from
// starving the server; a full queue refuses at once rather than letting latency grow without bound.

export class QueueFullError extends Error {
  readonly code = 'PDF.QUEUE_FULL';
  constructor(max: number) {
    super(`PDF 导出排队已满（${max} 个等待中），请稍后再试`);
    this.name = 'QueueFullError';
  }
}

export class TaskQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting = Number.POSITIVE_INFINITY,
  ) {
    if (!(concurrency >= 1)) throw new Error('concurrency must be ≥ 1');
  }

  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new QueueFullError(this.maxWaiting);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await job();
    } finally {
      // Hand the slot straight to the next waiter so `running` never dips and lets a newcomer jump the line.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
