// Finding and launching the system Chromium (Debian package `chromium`). We never download a browser:
// the machine's package manager owns it, so security updates arrive with the OS.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_MISSING_MESSAGE =
  '未找到 Chromium 浏览器：请安装 Debian 软件包 chromium（apt-get install -y chromium fonts-noto-cjk）';

export class ChromiumMissingError extends Error {
  readonly code = 'PDF.CHROMIUM_MISSING';
  constructor(detail?: string) {
    super(detail ? `${CHROMIUM_MISSING_MESSAGE}。${detail}` : CHROMIUM_MISSING_MESSAGE);
    this.name = 'ChromiumMissingError';
  }
}

// The real binary first: /usr/bin/chromium is a shell wrapper that only adds a process in front of it.
const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium executable: an explicit path, $JIXIAO_CHROMIUM, or the Debian locations; null when none exists. */
export function findChromium(explicit?: string): string | null {
  const wanted = explicit ?? process.env.JIXIAO_CHROMIUM;
  if (wanted) return existsSync(wanted) ? wanted : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

// stack.md: these were probed with Debian chromium; Playwright adds --headless and a temp profile itself
// (and rejects --user-data-dir here). Network features are off: a report needs nothing from outside.
export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

export async function launchChromium(executablePath?: string): Promise<Browser> {
  const path = findChromium(executablePath);
  if (!path) throw new ChromiumMissingError(executablePath ? `路径不存在：${executablePath}` : undefined);
  try {
    return await chromium.launch({ executablePath: path, args: LAUNCH_ARGS, timeout: 30_000 });
  } catch (err) {
    throw new ChromiumMissingError(`无法启动 ${path}：${(err as Error).message.split('\n')[0]}`);
  }
}
