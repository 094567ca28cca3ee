// createServer(config): the Fastify application with its database opened and migrated. Tests call it
// with an in-memory SQLite or a PostgreSQL schema and use inject(); startServer() in start.ts listens.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import * as core from '../core/check';
import * as importer from '../io/import/index';
import { formOf } from '../core/templates/index';
import { ImportError } from '../io/import/doc';
import { argon2Hasher } from './auth/password';
import type { ServerConfig } from './config';
import { loadCryptoProvider } from './crypto/keys';
import { createHeavyWork } from './heavy/pool';
import { openPostgres, openSqlite } from './db/connect';
import { migrate } from './db/migrate';
import type { Db } from './db/schema';
import { seedDemo } from './demo/seed';
import { findUserByUsername } from './repositories/users';
import { BoundedCache, cryptoRandom, systemClock, type Deps } from './deps';
import { ioExporter } from './exporter';
import { requireAuth } from './http/auth-hook';
import { installErrorHandler } from './http/error-handler';
import { accountRoutes } from './http/routes/account';
import { adminRoutes } from './http/routes/admin';
import { auditRoutes } from './http/routes/audit';
import { exportRoutes } from './http/routes/export';
import { orgRoutes } from './http/routes/org';
import { historyRoutes } from './http/routes/history';
import { libraryRoutes } from './http/routes/library';
import { reportRoutes } from './http/routes/reports';
import { reportImportRoutes } from './http/routes/report-import';
import { bureauReviewRoutes } from './http/routes/bureau-review';
import { rectificationRoutes } from './http/routes/rectifications';
import { taskRoutes } from './http/routes/tasks';
import { sessionRoutes } from './http/routes/session';
import { templateRoutes } from './http/routes/templates';
import { serverTemplates } from './templates';
import { workflowRoutes } from './http/routes/workflow';
import { startBackgroundAudit } from './audit/background';
import { installCsrfCheck } from './http/csrf';
import { installJsonParser } from './http/large-json';
import { publicRoutes } from './http/routes/public';
import { batchExportRoutes } from './http/routes/batch-export';
import { startBatchExportWorker } from './use-cases/batch-export';
import { installSecurityHeaders } from './http/security-headers';

export interface CreateServerOptions {
  /** an already-open (and possibly shared) database; otherwise one is opened from config and closed with the app */
  db?: Db;
  /** replace individual dependencies (clock, checker, importer, password hasher …) */
  deps?: Partial<Omit<Deps, 'db' | 'config' | 'logger'>>;
  /** Fastify's logger option; off unless given */
  logger?: boolean | object;
  /** the database is already migrated (and seeded in demo mode) by prepareDatabase: a cluster worker */
  prepared?: boolean;
}

/** The core implementations, looked up at call time so a build without them still starts. */
export const defaultCheck: Deps['check'] = (report, options = {}) => {
  if (typeof core.checkReport !== 'function') throw new Error('checkReport 尚未实现');
  return core.checkReport(report, options);
};
export const defaultImportFile: Deps['importFile'] = (bytes, fileName, opts) => {
  if (typeof importer.importFile !== 'function') throw new ImportError('NOT_IMPLEMENTED', '导入功能尚未就绪，请稍后再试');
  return importer.importFile(bytes, fileName, { form: opts?.template ? formOf(opts.template) : undefined });
};

/**
 * The configured database. `role` says who else uses it: a long-running server checkpoints the SQLite WAL in
 * the background; a cluster worker leaves that to its primary; a CLI command leaves it to SQLite. `readOnly`
 * opens the SQLite file read-only (verification, backups).
 */
export function openDatabase(config: ServerConfig, opts: { role?: 'server' | 'worker' | 'cli'; readOnly?: boolean } = {}): Db {
  if (config.databaseUrl) return openPostgres({ url: config.databaseUrl, readUrl: config.databaseReadUrl });
  const checkpoint = { server: 'background', worker: 'external', cli: 'auto' } as const;
  return openSqlite({ file: config.sqliteFile, checkpoint: checkpoint[opts.role ?? 'cli'], readOnly: opts.readOnly ?? false });
}

/** Migrations, then the demo data when asked for: once per database, before any server process serves. */
export async function prepareDatabase(db: Db, config: ServerConfig, deps: Pick<Deps, 'passwords' | 'clock' | 'random' | 'importFile' | 'crypto'>): Promise<void> {
  await migrate(db);
  // another instance starting beside this one on the same PostgreSQL may seed first: then its data stands
  if (config.demo) await seedDemo(db, deps).catch(async (err: unknown) => {
    if (!(await findUserByUsername(db.kysely, 'demo-admin'))) throw err;
  });
}

export async function createServer(config: ServerConfig, options: CreateServerOptions = {}): Promise<FastifyInstance> {
  const db = options.db ?? openDatabase(config, { role: 'server' });
  if (!options.prepared) await migrate(db);
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: config.trustProxy,
    // the largest report a save may send; multipart uploads have their own limit
    bodyLimit: config.reportMaxBytes + 64 * 1024,
    // ids in URLs are UUIDs; keep the router strict and case-sensitive
    routerOptions: { ignoreTrailingSlash: true },
  });
  const exporter = ioExporter(config);
  const crypto = options.deps?.crypto ?? loadCryptoProvider(config, { create: true, onCreated: (file) => app.log.warn(`已生成密钥文件 ${file}：请妥善备份，多个应用实例须使用同一密钥`) });
  const heavy = options.deps?.heavy ?? createHeavyWork(config, crypto);
  const deps: Deps = {
    db,
    config,
    logger: app.log,
    clock: systemClock,
    random: cryptoRandom,
    passwords: argon2Hasher(config.argon2),
    crypto,
    heavy,
    check: defaultCheck,
    // a file beyond the small size is imported whole (read, mapped) in a capped worker thread
    importFile: (bytes, fileName, opts) => (bytes.byteLength > config.heavy.thresholdBytes ? heavy.importFile(bytes, fileName, opts?.template) : defaultImportFile(bytes, fileName, opts)),
    exportFile: exporter.exportFile,
    checkCache: new BoundedCache(2000),
    templates: serverTemplates(() => db.kysely),
    priorYearCache: new BoundedCache(2000),
    ...options.deps,
  };
  await deps.templates?.sync();
  if (config.demo && !options.prepared) await seedDemo(db, deps);
  if (!options.db) app.addHook('onClose', () => db.destroy());
  app.addHook('onClose', () => exporter.close());
  // onClose hooks run last-registered first: the timers stop before the database closes
  const background = startBackgroundAudit(deps);
  app.addHook('onClose', () => background.stop());
  const batchExports = startBatchExportWorker(deps);
  app.addHook('onClose', () => batchExports.stop());

  // before any plugin, so the plugins' own routes (the API docs) answer errors in the same shape
  const spa = existsSync(join(config.webDist, 'index.html'));
  installErrorHandler(app, { spaIndex: spa });
  installSecurityHeaders(app, config);
  installCsrfCheck(app, deps);
  installJsonParser(app, config);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 5, parts: 8 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Jixiao 绩效自评 API', version: '1.0.0', description: '部门整体支出绩效评价自评报告的填报、签署、审核与公开。所有错误响应为 {error:{code,message}}，message 为中文。' },
    },
    transform: jsonSchemaTransform,
  });
  // the API description is for signed-in users unless configured public (issue 13 §6)
  const docsGate = requireAuth(deps);
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiHooks: config.web.docsPublic ? {} : { onRequest: (request, _reply, done) => void docsGate(request).then(() => done(), done) },
  });

  app.get('/api/health', { schema: { tags: ['系统'], summary: '健康检查' } }, async () => {
    await db.kysely.selectFrom('bureaus').select('id').limit(1).execute();
    // demo: the login page then lists the demo accounts
    return { ok: true, database: db.dialect, demo: config.demo };
  });
  sessionRoutes(app, deps);
  reportRoutes(app, deps);
  reportImportRoutes(app, deps);
  workflowRoutes(app, deps);
  historyRoutes(app, deps);
  exportRoutes(app, deps);
  adminRoutes(app, deps);
  accountRoutes(app, deps);
  auditRoutes(app, deps);
  orgRoutes(app, deps);
  taskRoutes(app, deps);
  bureauReviewRoutes(app, deps);
  rectificationRoutes(app, deps);
  templateRoutes(app, deps);
  libraryRoutes(app, deps);
  publicRoutes(app, deps);
  batchExportRoutes(app, deps);
  if (spa) await app.register(fastifyStatic, { root: config.webDist, wildcard: false, index: ['index.html'], preCompressed: true, setHeaders: cacheHeaders });
  return app;
}

/**
 * The built UI's caching (issue 9): files under assets/ carry a content hash in their name, so a browser or
 * proxy keeps them for a year without asking; index.html names the current ones, so it is revalidated on
 * every load (no-cache: a conditional GET, answered 304 while unchanged). web/build.mjs writes the .br/.gz.
 */
function cacheHeaders(reply: { header(name: string, value: string): unknown }, path: string): void {
  reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
}
