// One app instance of the multi-instance test (testing/instances.ts): its own process, its own
// connections, sharing nothing with the others but the PostgreSQL schema it is given.
import { argon2Hasher } from '../auth/password';
import { createServer } from '../app';
import { openPostgres } from '../db/connect';
import { fakeCheck, fakeImportFile } from './fakes';
import { testConfig } from './harness';

const url = process.env.JIXIAO_INSTANCE_PG_URL!;
const schema = process.env.JIXIAO_INSTANCE_PG_SCHEMA!;
const config = testConfig({ databaseUrl: url, logLevel: 'warn' });
const db = openPostgres({ url, schema, max: 12 });
const app = await createServer(config, { db, prepared: true, deps: { passwords: argon2Hasher(config.argon2), check: fakeCheck, importFile: fakeImportFile } });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
process.on('message', (m) => {
  if (m === 'stop') void app.close().then(() => db.destroy()).then(() => process.exit(0));
});
