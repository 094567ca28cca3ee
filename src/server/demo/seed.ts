// seedDemo(db): a fictional bureau with its sections, departments, users of every role and reports
// in several states, for `npm start` in demo mode (JIXIAO_DEMO=1 or --demo). Never runs otherwise.
import type { Role } from '../../core/workflow/index';
import { appendAudit } from '../audit/chain';
import { argon2Hasher } from '../auth/password';
import type { CryptoProvider } from '../crypto/provider';
import type { AccountKind, Db } from '../db/schema';
import { cryptoRandom, systemClock, type Clock, type Deps, type PasswordHasher, type Random } from '../deps';
import { insertBureau, insertDepartment, insertSection } from '../repositories/org';
import { findUserByUsername, insertUser } from '../repositories/users';
import { insertDemoBureau } from './bureau';
import { DEPARTMENTS, type DeptKey } from './plan';
import { importSeed } from './reports';
import { demoLibrary, insertDemoLibrary } from './library';

export const DEMO_PASSWORD = 'Jixiao-demo-2026';

export interface SeedOptions {
  /** the audit chain's key (the seed's rows are audited like any other) */
  crypto: CryptoProvider;
  passwords?: PasswordHasher;
  clock?: Clock;
  random?: Random;
  importFile?: Deps['importFile'];
  /** the text report imported as 党群工作部's 2021 draft */
  seedFile?: string;
}


const USERS: Array<{ username: string; name: string; kind: AccountKind; roles: Role[]; dept?: string; section?: string }> = [
  { username: 'demo-preparer', name: '王填报', kind: 'business', roles: ['preparer'], dept: 'dangqun' },
  { username: 'demo-head', name: '李部长', kind: 'business', roles: ['head'], dept: 'dangqun' },
  { username: 'demo-evaluator', name: '赵评价', kind: 'business', roles: ['evaluator', 'leader'], dept: 'dangqun' },
  { username: 'demo-reviewer', name: '陈科长', kind: 'business', roles: ['reviewer'], section: 'admin' },
  { username: 'demo-admin', name: '周绩效', kind: 'business', roles: ['perf_admin'], section: 'perf' },
  { username: 'demo-auditor', name: '吴审计', kind: 'auditor', roles: [] },
  { username: 'demo-preparer2', name: '孙填报', kind: 'business', roles: ['preparer'], dept: 'office' },
  { username: 'demo-preparer3', name: '钱填报', kind: 'business', roles: ['preparer'], dept: 'transport' },
  { username: 'demo-reviewer2', name: '黄科长', kind: 'business', roles: ['reviewer'], section: 'econ' },
  { username: 'demo-sysadmin', name: '郑系统', kind: 'sysadmin', roles: [] },
  { username: 'demo-secadmin', name: '冯安全', kind: 'secadmin', roles: [] },
];

/** Seeds once: returns false when the demo data is already there. */
export async function seedDemo(db: Db, opts: SeedOptions): Promise<boolean> {
  const k = db.kysely;
  if (await findUserByUsername(k, 'demo-admin')) return false;
  const passwords = opts.passwords ?? argon2Hasher({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const clock = opts.clock ?? systemClock;
  const random = opts.random ?? cryptoRandom;
  const at = clock.now().toISOString();
  const hash = await passwords.hash(DEMO_PASSWORD);
  const bureauId = random.uuid();
  const sections = { admin: random.uuid(), econ: random.uuid(), perf: random.uuid() };
  const departments = Object.fromEntries(DEPARTMENTS.map((d) => [d.key, random.uuid()])) as Record<DeptKey, string>;
  const users: Record<string, string> = {};
  const names = Object.fromEntries(DEPARTMENTS.map((d) => [d.key, { name: d.name, code: d.code }]));
  // everything slow (hashing, importing) happens first; the data then goes in as one transaction, so
  // an interrupted first start leaves nothing behind and the next start seeds again
  const seed = await importSeed({ importFile: opts.importFile, seedFile: opts.seedFile }, names.dangqun!);

  await k.transaction().execute(async (trx) => {
    await insertBureau(trx, { id: bureauId, name: '岳州市财政局（演示）', region: '岳州市', created_at: at });
    await insertSection(trx, { id: sections.admin, bureau_id: bureauId, name: '行政政法科', kind: 'counterpart', created_at: at });
    await insertSection(trx, { id: sections.econ, bureau_id: bureauId, name: '经济建设科', kind: 'counterpart', created_at: at });
    await insertSection(trx, { id: sections.perf, bureau_id: bureauId, name: '绩效管理科', kind: 'performance', created_at: at });
    for (const d of DEPARTMENTS)
      await insertDepartment(trx, { id: departments[d.key], bureau_id: bureauId, name: d.name, budget_code: d.code, parent_id: null, section_id: sections[d.section], created_at: at });
    for (const u of USERS) {
      const id = random.uuid();
      users[u.username] = id;
      await insertUser(
        trx,
        {
          id, username: u.username, display_name: u.name, kind: u.kind, password_hash: hash,
          bureau_id: bureauId, department_id: u.dept ? departments[u.dept as keyof typeof departments] : null,
          section_id: u.section ? sections[u.section as keyof typeof sections] : null,
          disabled: 0, failed_count: 0, locked_until: null, password_changed_at: at, created_at: at, updated_at: at,
        },
        u.roles,
      );
    }
    const writer = { dialect: db.dialect, crypto: opts.crypto };
    await appendAudit(trx, writer, at, { event: 'demo_seed', bureauId, actorUsername: 'system', objectType: 'bureau', objectId: bureauId, detail: { users: USERS.map((u) => u.username) } });
    const library = demoLibrary(bureauId, departments.dangqun, random, at, users['demo-admin']!, seed.report);
    await insertDemoBureau(trx, writer, { bureauId, departments, users }, seed, { at, random });
    await insertDemoLibrary(trx, bureauId, library);
  });
  return true;
}
