// Run first: zod's schema compiler probes `new Function`, which the server's CSP (no unsafe-eval)
// refuses with a console error. Jitless mode skips the probe; the core's few parses do not need speed.
// zod keeps its configuration on globalThis (zod/v4/core/core.js, `__zod_globalConfig`), so it is set
// here without importing zod, which the login page would otherwise download (zod-config.test.ts checks
// that zod still reads it from there).
const g = globalThis as { __zod_globalConfig?: Record<string, unknown> };
g.__zod_globalConfig = Object.assign(g.__zod_globalConfig ?? {}, { jitless: true });

export {};
