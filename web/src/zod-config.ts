// Imported first: zod's schema compiler probes `new Function`, which the server's CSP (no unsafe-eval)
// refuses with a console error. Jitless mode skips the probe; the core's few parses do not need speed.
import { z } from 'zod';

z.config({ jitless: true });
