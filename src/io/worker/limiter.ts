// At most N jobs at once and M waiting; beyond that a job is refused at once (the caller's BUSY error), so
// a burst of uploads queues briefly instead of piling up work the machine cannot do.

export interface Limiter {
  run<T>(job: () => Promise<T>): Promise<T>;
  /** jobs running and waiting now */
  readonly load: { active: number; waiting: number };
}

export function createLimiter(maxConcurrent: number, maxQueued: number, busy: () => Error): Limiter {
  let active = 0;
  const waiting: Array<() => void> = [];
  return {
    get load() {
      return { active, waiting: waiting.length };
    },
    async run(job) {
      if (active >= maxConcurrent) {
        if (waiting.length >= maxQueued) throw busy();
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      active++;
      try {
        return await job();
      } finally {
        active--;
        waiting.shift()?.();
      }
    },
  };
}
