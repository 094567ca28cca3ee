// Test helper: writes zips byte by byte, so tests can build both ordinary packages and the hostile ones
// no real zip library would produce (lying sizes, traversal names, overlapping entries, encrypted flags).
import { deflateRawSync } from 'node:zlib';
import { crc32Update } from '../crc32';

export interface RawEntry {
  name: string;
  /** The entry's content before compression (ignored when `compressed` is given). */
  data?: Uint8Array | string;
  /** Already-compressed bytes to store as-is (for bombs built without inflating them first). */
  compressed?: Uint8Array;
  method?: 0 | 8 | number;
  /** Overrides of what the headers declare. */
  declaredSize?: number;
  crc?: number;
  flags?: number;
  externalAttrs?: number;
  madeBy?: number;
  /** Point the central record at another entry's local header (overlap bomb). */
  sameOffsetAs?: number;
}

const enc = new TextEncoder();

export function writeZip(entries: RawEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const name = enc.encode(e.name);
    const data = typeof e.data === 'string' ? enc.encode(e.data) : (e.data ?? new Uint8Array());
    const method = e.method ?? 8;
    const body = e.compressed ?? (method === 8 ? deflateRawSync(data) : data);
    const crc = e.crc ?? crc32Update(0, data);
    const size = e.declaredSize ?? data.length;
    const flags = (e.flags ?? 0) | 0x800;
    const local = header(0x04034b50, 30, name, (v) => {
      v.setUint16(4, 20, true);
      v.setUint16(6, flags, true);
      v.setUint16(8, method, true);
      v.setUint32(14, crc, true);
      v.setUint32(18, body.length, true);
      v.setUint32(22, size, true);
      v.setUint16(26, name.length, true);
    });
    const at = e.sameOffsetAs !== undefined ? offsets[e.sameOffsetAs]! : offset;
    offsets.push(at);
    if (e.sameOffsetAs === undefined) {
      locals.push(local, body);
      offset += local.length + body.length;
    }
    centrals.push(
      header(0x02014b50, 46, name, (v) => {
        v.setUint16(4, e.madeBy ?? 20, true);
        v.setUint16(6, 20, true);
        v.setUint16(8, flags, true);
        v.setUint16(10, method, true);
        v.setUint32(16, crc, true);
        v.setUint32(20, body.length, true);
        v.setUint32(24, size, true);
        v.setUint16(28, name.length, true);
        v.setUint32(38, e.externalAttrs ?? 0, true);
        v.setUint32(42, at, true);
      }),
    );
    void i;
  });
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const v = new DataView(eocd.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, entries.length, true);
  v.setUint16(10, entries.length, true);
  v.setUint32(12, cdSize, true);
  v.setUint32(16, offset, true);
  return concat([...locals, ...centrals, eocd]);
}

function header(sig: number, size: number, name: Uint8Array, fill: (v: DataView) => void): Uint8Array {
  const out = new Uint8Array(size + name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, sig, true);
  fill(v);
  out.set(name, size);
  return out;
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
