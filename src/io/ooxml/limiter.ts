// At most N jobs at once and M waiting; beyond that a job is refused at once (the caller's BUSY error), so
// a burst of uploads queues briefly instead of piling up work the machine cannot do.

export interface Limiter {
  run<T>(job: () => Promise<T>): Promise<T>;
}

export function createLimiter(maxConcurrent: number, maxQueued: number, busy: () => Error): Limiter {
  let active = 0;
  const waiting: Array<() => void> = [];
  return {
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
