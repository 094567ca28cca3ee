// 审计链校验: walks every chain in order and names the first broken link; compares each chain with its
// head row and with the signed checkpoints, so rows deleted at the end or a chain recomputed without the
// key are found too. Reads only: verifying never writes to the log it checks.
import type { CryptoProvider } from '../crypto/provider';
import { sameMac } from '../crypto/provider';
import type { DB } from '../db/schema';
import type { ParsedCheckpoint } from './checkpoint';
import { GENESIS_HASH, LEGACY_CHAIN, chainNames, keyedHash, legacyHash } from './chain';

export interface ChainState {
  chain: string;
  count: number;
  headHash: string;
}

export interface ChainReport {
  ok: boolean;
  /** rows verified, over all chains */
  count: number;
  /** digest of every chain's head: one value the auditor can note down */
  headHash: string;
  chains: ChainState[];
  /** the first row that does not verify, with why (Chinese) */
  firstBroken: { chain: string; seq: number; reason: string } | null;
  checkpoints: { checked: number; invalid: number; latest: string | null; superseded?: number };
}

const KEYED = new Set(['hmac-sha256', 'hmac-sm3']);

type Broken = NonNullable<ChainReport['firstBroken']>;

async function verifyLegacy(db: DB, batch: number): Promise<{ state: ChainState; broken: Broken | null; hashes: Map<number, string> }> {
  let prev = GENESIS_HASH;
  let count = 0;
  let expected: number | null = null;
  const hashes = new Map<number, string>();
  for (let after = 0; ; ) {
    const rows = await db.selectFrom('audit_log').selectAll().where('chain', '=', LEGACY_CHAIN).where('seq', '>', after).orderBy('seq').limit(batch).execute();
    for (const r of rows) {
      const state = { chain: LEGACY_CHAIN, count, headHash: prev };
      const broken = (reason: string) => ({ state, broken: { chain: LEGACY_CHAIN, seq: expected ?? r.seq, reason }, hashes });
      expected ??= 1;
      if (r.seq !== expected) return broken(`缺少第 ${expected} 条记录（下一条为第 ${r.seq} 条），记录可能被删除`);
      if (r.prev_hash !== prev) return broken(`第 ${r.seq} 条记录的前一哈希与链不符，前面的记录可能被改动或删除`);
      if (legacyHash(r) !== r.hash) return broken(`第 ${r.seq} 条记录的内容与其哈希不符，记录已被篡改`);
      prev = r.hash;
      hashes.set(r.seq, r.hash);
      count += 1;
      expected += 1;
      after = r.seq;
    }
    if (rows.length < batch) return { state: { chain: LEGACY_CHAIN, count, headHash: prev }, broken: null, hashes };
  }
}

/** One keyed chain; `want` are the indexes whose hashes checkpoints recorded. */
async function verifyKeyed(db: DB, crypto: CryptoProvider, chain: string, batch: number, want: Set<number>) {
  let prev = GENESIS_HASH;
  let count = 0;
  const seen = new Map<number, string>();
  for (let after = 0; ; ) {
    const rows = await db.selectFrom('audit_log').selectAll().where('chain', '=', chain).where('chain_seq', '>', after).orderBy('chain_seq').limit(batch).execute();
    for (const r of rows) {
      const n = count + 1;
      const broken = (reason: string) => ({ state: { chain, count, headHash: prev }, broken: { chain, seq: n, reason }, seen });
      if (r.chain_seq !== n) return broken(`缺少第 ${n} 条记录（下一条为第 ${r.chain_seq} 条），记录可能被删除`);
      if (r.prev_hash !== prev) return broken(`第 ${n} 条记录的前一哈希与链不符，前面的记录可能被改动或删除`);
      if (!KEYED.has(r.alg)) return broken(`第 ${n} 条记录没有使用带密钥的哈希（${r.alg}），可能是伪造的`);
      if (!sameMac(keyedHash(crypto, r), r.hash)) return broken(`第 ${n} 条记录的内容与其哈希不符，记录已被篡改或链被重新计算`);
      prev = r.hash;
      if (want.has(n)) seen.set(n, r.hash);
      count = n;
      after = n;
    }
    if (rows.length < batch) return { state: { chain, count, headHash: prev }, broken: null, seen };
  }
}

export async function verifyChain(db: DB, crypto: CryptoProvider, opts: { checkpoints?: ParsedCheckpoint[]; batch?: number } = {}): Promise<ChainReport> {
  const batch = opts.batch ?? 1000;
  const parsed = opts.checkpoints ?? [];
  const signed = parsed.flatMap((p) => (p.ok ? [p.checkpoint] : []));
  // a sanctioned restore (jixiao restore) starts the chains again from the restored heads
  const restart = signed.map((c) => c.kind).lastIndexOf('restore');
  const valid = restart >= 0 ? signed.slice(restart) : signed;
  const invalid = parsed.filter((p) => !p.ok);
  const states: ChainState[] = [];
  let firstBroken: Broken | null = null;
  const note = (b: Broken | null) => {
    firstBroken ??= b;
  };
  const checkpointSummary = { checked: valid.length, invalid: invalid.length, latest: valid.at(-1)?.ts ?? null, ...(restart > 0 ? { superseded: restart } : {}) };
  if (invalid[0] && !invalid[0].ok) note({ chain: '检查点', seq: invalid[0].line, reason: `检查点文件第 ${invalid[0].line} 行：${invalid[0].reason}` });

  const heads = new Map((await db.selectFrom('audit_heads').selectAll().execute()).map((h) => [h.chain, h]));
  for (const chain of await chainNames(db)) {
    const want = new Set(valid.flatMap((c) => (c.chains[chain] ? [c.chains[chain]!.seq] : [])));
    let recorded: Map<number, string>;
    if (chain === LEGACY_CHAIN) {
      const r = await verifyLegacy(db, batch);
      states.push(r.state);
      note(r.broken);
      recorded = r.hashes;
    } else {
      const r = await verifyKeyed(db, crypto, chain, batch, want);
      states.push(r.state);
      note(r.broken);
      recorded = r.seen;
      const head = heads.get(chain);
      if (!r.broken && head && (head.seq !== r.state.count || head.hash !== r.state.headHash))
        note({ chain, seq: Math.min(head.seq, r.state.count) + 1, reason: `链头记录为第 ${head.seq} 条，现存记录只到第 ${r.state.count} 条或哈希不符：末尾的记录可能被删除` });
    }
    const state = states.at(-1)!;
    for (const c of valid) {
      const at = c.chains[chain];
      if (!at) continue;
      if (at.seq > state.count && !firstBroken)
        note({ chain, seq: state.count + 1, reason: `检查点（${c.ts}）记载该链已有 ${at.seq} 条记录，现只剩 ${state.count} 条：日志在检查点之后被截断` });
      else if (at.seq <= state.count && recorded.get(at.seq) !== undefined && recorded.get(at.seq) !== at.hash)
        note({ chain, seq: at.seq, reason: `第 ${at.seq} 条记录的哈希与检查点（${c.ts}）不符：日志在检查点之后被重新计算` });
    }
  }
  // every chain a checkpoint knew must still exist
  for (const c of valid)
    for (const chain of Object.keys(c.chains))
      if (!states.some((s) => s.chain === chain)) note({ chain, seq: 1, reason: `检查点（${c.ts}）记载的链已不存在：整条链被删除` });

  const count = states.reduce((n, s) => n + s.count, 0);
  const headHash = crypto.digest(states.map((s) => `${s.chain}:${s.count}:${s.headHash}`).join('\n'));
  return { ok: firstBroken === null, count, headHash, chains: states, firstBroken, checkpoints: checkpointSummary };
}
