// zod-config.ts sets jitless mode without importing zod: zod must still read its configuration there.
import { describe, expect, it } from 'vitest';

describe('zod configuration', () => {
  it('is jitless after zod-config runs, as zod itself sees it', async () => {
    await import('./zod-config');
    const { config } = await import('zod/v4/core');
    expect(config().jitless).toBe(true);
  });
});
