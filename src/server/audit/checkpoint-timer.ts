// The server writes a checkpoint of the chain heads every few minutes (JIXIAO_AUDIT_CHECKPOINT_MINUTES),
// and only when the heads moved since the last one it wrote, so a quiet night adds nothing.
import { canonicalJson } from './canonical';
import { appendCheckpoint, takeCheckpoint } from './checkpoint';
import type { Deps } from '../deps';

export function scheduleCheckpoints(deps: Pick<Deps, 'db' | 'crypto' | 'config' | 'clock' | 'logger'>): { stop(): Promise<void> } {
  const minutes = deps.config.audit.checkpointMinutes;
  if (minutes <= 0) return { stop: async () => {} };
  let last = '';
  let running: Promise<void> | null = null;
  const tick = () =>
    (running ??= (async () => {
      try {
        const c = await takeCheckpoint(deps.db.kysely, deps.crypto, deps.clock.now().toISOString());
        const heads = canonicalJson(c.chains);
        if (heads !== last && Object.keys(c.chains).length > 0) {
          appendCheckpoint(deps.config.audit.checkpointFile, c);
          last = heads;
        }
      } catch (err) {
        deps.logger.error({ err }, '写入审计检查点失败');
      } finally {
        running = null;
      }
    })());
  const timer = setInterval(tick, minutes * 60_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
      await tick();
    },
  };
}
