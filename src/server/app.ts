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
import { ImportError } from '../io/import/doc';
import { argon2Hasher } from './auth/password';
import type { ServerConfig } from './config';
import { openPostgres, openSqlite } from './db/connect';
import { migrate } from './db/migrate';
import type { Db } from './db/schema';
import { seedDemo } from './demo/seed';
import { findUserByUsername } from './repositories/users';
import { BoundedCache, cryptoRandom, systemClock, type Deps } from './deps';
import { ioExporter } from './exporter';
import { installErrorHandler } from './http/error-handler';
import { adminRoutes } from './http/routes/admin';
import { exportRoutes } from './http/routes/export';
import { orgRoutes } from './http/routes/org';
import { historyRoutes } from './http/routes/history';
import { libraryRoutes } from './http/routes/library';
import { reportRoutes } from './http/routes/reports';
import { sessionRoutes } from './http/routes/session';
import { workflowRoutes } from './http/routes/workflow';
import { installSecurityHeaders } from './http/security-headers';
import { decodeUtf8 } from './utf8';

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
export const defaultImportFile: Deps['importFile'] = (bytes, fileName) => {
  if (typeof importer.importFile !== 'function') throw new ImportError('NOT_IMPLEMENTED', '导入功能尚未就绪，请稍后再试');
  return importer.importFile(bytes, fileName);
};

/**
 * The configured database. `role` says who else uses it: a long-running server checkpoints the SQLite WAL in
 * the background; a cluster worker leaves that to its primary; a CLI command leaves it to SQLite.
 */
export function openDatabase(config: ServerConfig, opts: { role?: 'server' | 'worker' | 'cli' } = {}): Db {
  if (config.databaseUrl) return openPostgres({ url: config.databaseUrl, readUrl: config.databaseReadUrl });
  const checkpoint = { server: 'background', worker: 'external', cli: 'auto' } as const;
  return openSqlite({ file: config.sqliteFile, checkpoint: checkpoint[opts.role ?? 'cli'] });
}

/** Migrations, then the demo data when asked for: once per database, before any server process serves. */
export async function prepareDatabase(db: Db, config: ServerConfig, deps: Pick<Deps, 'passwords' | 'clock' | 'random' | 'importFile'>): Promise<void> {
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
    bodyLimit: 10 * 1024 * 1024,
    // ids in URLs are UUIDs; keep the router strict and case-sensitive
    routerOptions: { ignoreTrailingSlash: true },
  });
  const exporter = ioExporter(config);
  const deps: Deps = {
    db,
    config,
    logger: app.log,
    clock: systemClock,
    random: cryptoRandom,
    passwords: argon2Hasher(config.argon2),
    check: defaultCheck,
    importFile: defaultImportFile,
    exportFile: exporter.exportFile,
    checkCache: new BoundedCache(2000),
    // a parsed report is a few hundred KB of heap: enough for the reports being edited right now
    documentCache: new BoundedCache(64),
    priorYearCache: new BoundedCache(2000),
    ...options.deps,
  };
  if (config.demo && !options.prepared) await seedDemo(db, deps);
  if (!options.db) app.addHook('onClose', () => db.destroy());
  app.addHook('onClose', () => exporter.close());

  // JSON bodies (a save carries a whole report) decoded by ../utf8 instead of Buffer#toString, with
  // Fastify's own parser (prototype-poisoning checks) on the string
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => parseJson(request, decodeUtf8(body as Buffer), done));
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
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  const spa = existsSync(join(config.webDist, 'index.html'));
  installErrorHandler(app, { spaIndex: spa });
  installSecurityHeaders(app, config);

  app.get('/api/health', { schema: { tags: ['系统'], summary: '健康检查' } }, async () => {
    await db.kysely.selectFrom('bureaus').select('id').limit(1).execute();
    // demo: the login page then lists the demo accounts
    return { ok: true, database: db.dialect, demo: config.demo };
  });
  sessionRoutes(app, deps);
  reportRoutes(app, deps);
  workflowRoutes(app, deps);
  historyRoutes(app, deps);
  exportRoutes(app, deps);
  adminRoutes(app, deps);
  orgRoutes(app, deps);
  libraryRoutes(app, deps);
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
