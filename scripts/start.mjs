#!/usr/bin/env node
// `npm start`: builds the web UI when needed, then serves the whole application in demo mode
// (JIXIAO_DEMO=1 unless set, PORT 8080 unless set) and prints the address and the demo accounts.
// The server is TypeScript, run through tsx's loader; a fresh clone needs only `npm ci` first.
import cluster from 'node:cluster';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';
import { ensureWebBuild } from '../web/build.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
process.chdir(root);
process.env.JIXIAO_DEMO ??= '1';
process.env.PORT ??= '8080';
process.env.JIXIAO_WEB_DIST ??= join(root, 'web', 'dist');
// request logs would bury the address and the demo accounts; LOG_LEVEL=info brings them back
process.env.LOG_LEVEL ??= 'warn';

const DEMO_PASSWORD = 'Jixiao-demo-2026';
const DEMO_USERS = [
  ['demo-preparer', '填报人（党群工作部）'],
  ['demo-head', '部门负责人（党群工作部）'],
  ['demo-evaluator', '评价组成员、组长（党群工作部）'],
  ['demo-reviewer', '财政归口业务科室（行政政法科）'],
  ['demo-admin', '绩效管理科'],
  ['demo-auditor', '审计管理员'],
  ['demo-preparer2', '填报人（党政办公室）'],
  ['demo-preparer3', '填报人（交通运输局，报告被退回并提出了异议）'],
  ['demo-reviewer2', '财政归口业务科室（经济建设科）'],
];

async function main() {
  if (cluster.isWorker) {
    // a server process forked by the primary below: the build, the banner and the demo data are done
    register();
    const { startServer } = await import(pathToFileURL(join(root, 'src', 'server', 'start.ts')).href);
    return startServer();
  }
  console.log('绩效自评：正在启动 …');
  await ensureWebBuild({ log: (m) => console.log(`· ${m}`) });

  register();
  const demo = process.env.JIXIAO_DEMO === '1' || process.env.JIXIAO_DEMO === 'true';
  console.log(`· 正在启动服务器${demo ? '（演示模式：首次启动会建立演示单位、账户和报告）' : ''} …`);
  const { startServer } = await import(pathToFileURL(join(root, 'src', 'server', 'start.ts')).href);
  const { port } = await startServer();

  const url = `http://localhost:${port}`;
  console.log('');
  console.log(`绩效自评已启动：${url}`);
  if (demo) {
    console.log('');
    console.log(`演示账户（密码均为 ${DEMO_PASSWORD}）：`);
    for (const [u, d] of DEMO_USERS) console.log(`  ${u.padEnd(16)} ${d}`);
    console.log('');
    console.log('演示数据仅用于体验；正式使用请以 JIXIAO_DEMO=0 启动，并用 `jixiao user add` 创建管理员。');
  }
  console.log('按 Ctrl+C 停止。');
}

main().catch((err) => {
  console.error('启动失败：', err?.message ?? err);
  if (process.env.DEBUG) console.error(err);
  process.exit(1);
});
