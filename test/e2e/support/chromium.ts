// Debian's chromium driven by playwright-core (never a downloaded browser). Missing chromium: a loud
// warning and a skipped suite; with CI=true a missing chromium fails the run.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env.JIXIAO_CHROMIUM, '/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'];

export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function findChromium(): string | null {
  for (const c of CANDIDATES) if (c && existsSync(c)) return c;
  return null;
}

export const isCI = process.env.CI === 'true' || process.env.CI === '1';

export function warnMissing(): void {
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!! 未找到 Chromium：浏览器端到端测试（test/e2e）全部跳过。\n!! Chromium not found: the browser end-to-end suite is SKIPPED.\n` +
      `!! Install it with: apt-get update && apt-get install -y chromium fonts-noto-cjk\n!! (With CI=true a missing Chromium fails the run.)\n${line}\n`,
  );
}

export async function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: ARGS });
}
