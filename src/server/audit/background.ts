// What the server does for the audit log on its own: signed checkpoints of the chain heads every
// JIXIAO_AUDIT_CHECKPOINT_MINUTES, and the summary rows of security-event windows that have closed.
import type { Deps } from '../deps';
import { scheduleCheckpoints } from './checkpoint-timer';
import { flushSecurityEvents } from './security-events';

export function startBackgroundAudit(deps: Deps): { stop(): Promise<void> } {
  const checkpoints = scheduleCheckpoints(deps);
  const every = Math.max(5, deps.config.audit.eventWindowSeconds) * 1000;
  const flusher = setInterval(() => {
    flushSecurityEvents(deps).catch((err: unknown) => deps.logger.error({ err }, '安全事件汇总写入失败'));
  }, every);
  flusher.unref();
  return {
    stop: async () => {
      clearInterval(flusher);
      await checkpoints.stop();
    },
  };
}
