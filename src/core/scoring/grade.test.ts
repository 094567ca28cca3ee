import { describe, expect, it } from 'vitest';
import { gradeFor, gradeMatches } from './grade';
import { TEST_BANDS } from './test-reports';

const MOF = [
  { min: 0, label: '差', aliases: ['较差'] },
  { min: 80, label: '良', aliases: ['良好'] },
  { min: 60, label: '中', aliases: ['合格', '一般'] },
  { min: 90, label: '优', aliases: ['优秀'] },
];

describe('gradeFor', () => {
  it('uses half-open bands [min, next min)', () => {
    expect(gradeFor(100, TEST_BANDS)).toBe('优秀');
    expect(gradeFor(90, TEST_BANDS)).toBe('优秀');
    expect(gradeFor(89.995, TEST_BANDS)).toBe('良好');
    expect(gradeFor(89.99, TEST_BANDS)).toBe('良好');
    expect(gradeFor(80, TEST_BANDS)).toBe('良好');
    expect(gradeFor(79.999, TEST_BANDS)).toBe('合格');
    expect(gradeFor(60, TEST_BANDS)).toBe('合格');
    expect(gradeFor(59.99, TEST_BANDS)).toBe('不合格');
    expect(gradeFor(0, TEST_BANDS)).toBe('不合格');
  });

  it('does not depend on the order the bands are listed in', () => {
    expect(gradeFor(97, MOF)).toBe('优');
    expect(gradeFor(85, MOF)).toBe('良');
    expect(gradeFor(60, MOF)).toBe('中');
    expect(gradeFor(12, MOF)).toBe('差');
  });

  it('has no grade without a score or below every band', () => {
    expect(gradeFor(null, TEST_BANDS)).toBeNull();
    expect(gradeFor(undefined, TEST_BANDS)).toBeNull();
    expect(gradeFor(Number.NaN, TEST_BANDS)).toBeNull();
    expect(gradeFor(-1, TEST_BANDS)).toBeNull();
  });
});

describe('gradeMatches', () => {
  it('accepts the label or any alias of the band the score is in', () => {
    expect(gradeMatches('优秀', 97, TEST_BANDS)).toBe(true);
    expect(gradeMatches('优', 97, TEST_BANDS)).toBe(true);
    expect(gradeMatches('中', 70, TEST_BANDS)).toBe(true);
    expect(gradeMatches('一般', 79.99, TEST_BANDS)).toBe(true);
    expect(gradeMatches('差', 59.99, TEST_BANDS)).toBe(true);
    expect(gradeMatches('优秀', 97, MOF)).toBe(true);
  });

  it('ignores whitespace, including full-width spaces', () => {
    expect(gradeMatches(' 优 秀 ', 97, TEST_BANDS)).toBe(true);
    expect(gradeMatches('良\u3000好', 85, TEST_BANDS)).toBe(true);
  });

  it('rejects a label of another band, the edge included', () => {
    expect(gradeMatches('优秀', 89.99, TEST_BANDS)).toBe(false);
    expect(gradeMatches('良好', 97, TEST_BANDS)).toBe(false);
    expect(gradeMatches('良', 90, TEST_BANDS)).toBe(false);
    expect(gradeMatches('合格', 59.99, TEST_BANDS)).toBe(false);
    // an alias of a different band does not count
    expect(gradeMatches('优', 85, TEST_BANDS)).toBe(false);
  });

  it('rejects blank labels and missing scores', () => {
    expect(gradeMatches('', 97, TEST_BANDS)).toBe(false);
    expect(gradeMatches('  ', 97, TEST_BANDS)).toBe(false);
    expect(gradeMatches(null, 97, TEST_BANDS)).toBe(false);
    expect(gradeMatches('优秀', null, TEST_BANDS)).toBe(false);
  });
});
