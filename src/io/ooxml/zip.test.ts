import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { resolveLimits } from './limits';
import { zerosDeflated } from './testing/hostile';
import { writeZip } from './testing/zip-writer';
import { openZip } from './zip';

const limits = resolveLimits();
const enc = new TextEncoder();

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code ?? `not an ImportError: ${String(e)}`;
  }
  return 'no error';
}

describe('openZip', () => {
  it('reads entries written by fflate, stored and deflated, case-insensitively', () => {
    const bytes = zipSync({ 'a.xml': enc.encode('<a>甲</a>'), 'B/c.txt': [enc.encode('x'.repeat(5000)), { level: 0 }] });
    const zip = openZip(bytes, limits);
    expect(zip.names).toEqual(['a.xml', 'B/c.txt']);
    expect(zip.readText('A.XML')).toBe('<a>甲</a>');
    expect(zip.read('b/c.txt').length).toBe(5000);
    expect(code(() => zip.read('missing.xml'))).toBe('OOXML.MISSING_PART');
  });

  it('drops a UTF-8 BOM and reads UTF-16LE with a BOM', () => {
    const u16 = new Uint8Array([0xff, 0xfe, ...Array.from('<a/>').flatMap((c) => [c.charCodeAt(0), 0])]);
    const zip = openZip(writeZip([{ name: 'a.xml', data: new Uint8Array([0xef, 0xbb, 0xbf, 0x3c, 0x62, 0x2f, 0x3e]) }, { name: 'b.xml', data: u16 }]), limits);
    expect(zip.readText('a.xml')).toBe('<b/>');
    expect(zip.readText('b.xml')).toBe('<a/>');
  });

  it('caps the file size, entry count and declared total before inflating', () => {
    const small = writeZip([{ name: 'a.xml', data: 'x' }]);
    expect(code(() => openZip(small, resolveLimits({ maxCompressedBytes: 10 })))).toBe('OOXML.ZIP_TOO_LARGE');
    const many = writeZip(Array.from({ length: 30 }, (_, i) => ({ name: `e${i}`, data: '' })));
    expect(code(() => openZip(many, resolveLimits({ maxEntries: 20 })))).toBe('OOXML.TOO_MANY_ENTRIES');
    const declared = writeZip([{ name: 'a.xml', data: 'x', declaredSize: 200 * 1024 * 1024 }]);
    expect(code(() => openZip(declared, limits))).toBe('OOXML.ZIP_BOMB');
  });

  it('refuses a declared ratio over 100:1 for large entries, not for small ones', () => {
    const big = writeZip([{ name: 'a.xml', data: new Uint8Array(4 * 1024 * 1024) }]);
    expect(code(() => openZip(big, limits))).toBe('OOXML.ZIP_BOMB');
    const tiny = writeZip([{ name: 'a.xml', data: new Uint8Array(100 * 1024) }]); // ~1000:1 but small
    expect(openZip(tiny, limits).read('a.xml').length).toBe(100 * 1024);
  });

  it('stops inflating when the output passes the declared size (a lying header)', () => {
    const lying = writeZip([{ name: 'a.xml', compressed: zerosDeflated(64), declaredSize: 1000, crc: 0 }]);
    const zip = openZip(lying, limits);
    expect(code(() => zip.read('a.xml'))).toBe('OOXML.ZIP_BOMB');
  });

  it('refuses unsafe names, duplicates, symlinks and encryption', () => {
    for (const name of ['../../evil', '/abs.xml', 'C:/x.xml', 'a\\..\\b', 'a/../../b', 'nul\0.xml']) {
      expect(code(() => openZip(writeZip([{ name, data: 'x' }]), limits)), name).toBe('OOXML.PATH_TRAVERSAL');
    }
    expect(code(() => openZip(writeZip([{ name: 'a.xml', data: 'x' }, { name: 'A.xml', data: 'y' }]), limits))).toBe('OOXML.UNSAFE_ENTRY');
    const link = writeZip([{ name: 'l', data: '/etc/passwd', madeBy: 0x031e, externalAttrs: (0o120777 << 16) >>> 0 }]);
    expect(code(() => openZip(link, limits))).toBe('OOXML.UNSAFE_ENTRY');
    expect(code(() => openZip(writeZip([{ name: 'a.xml', data: 'x', flags: 1 }]), limits))).toBe('OOXML.ENCRYPTED');
    // Names that are Object.prototype keys are just names.
    const proto = openZip(writeZip([{ name: '__proto__', data: 'p' }, { name: 'constructor', data: 'c' }]), limits);
    expect(proto.readText('__proto__')).toBe('p');
  });

  it('refuses overlapping entries, nested archives and unknown methods', () => {
    const overlap = writeZip([{ name: 'a.xml', data: 'x' }, { name: 'b.xml', sameOffsetAs: 0, data: 'x' }]);
    expect(code(() => openZip(overlap, limits))).toBe('OOXML.ZIP_BOMB');
    const inner = zipSync({ 'x.xml': enc.encode('<x/>') });
    const nested = openZip(writeZip([{ name: 'word/document.xml', data: inner }]), limits);
    expect(code(() => nested.readText('word/document.xml'))).toBe('OOXML.NESTED_ARCHIVE');
    const bz = openZip(writeZip([{ name: 'a.xml', data: 'x', method: 12, compressed: enc.encode('x') }]), limits);
    expect(code(() => bz.read('a.xml'))).toBe('OOXML.UNSUPPORTED_METHOD');
  });

  it('turns truncation and corruption anywhere into clean errors', () => {
    const good = zipSync({ 'word/document.xml': enc.encode('<w:document>' + '甲乙'.repeat(5000) + '</w:document>') });
    const codes = new Set<string>();
    for (let cut = 0; cut < good.length; cut += Math.max(1, Math.floor(good.length / 97))) {
      codes.add(code(() => openZip(good.subarray(0, cut), limits).read('word/document.xml')));
    }
    expect([...codes].every((c) => c === 'OOXML.TRUNCATED' || c === 'OOXML.CORRUPT')).toBe(true);
    const flipped = new Uint8Array(good);
    flipped[60] = flipped[60]! ^ 0xff; // inside the deflate stream
    expect(['OOXML.CORRUPT', 'OOXML.TRUNCATED', 'OOXML.ZIP_BOMB']).toContain(code(() => openZip(flipped, limits).read('word/document.xml')));
    const stored = writeZip([{ name: 'a.xml', data: 'hello', method: 0, crc: 1234 }]);
    expect(code(() => openZip(stored, limits).read('a.xml'))).toBe('OOXML.CORRUPT');
  });
});
