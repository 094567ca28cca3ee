// Numbers as Excel shows them, computed on the decimal string in the file and never through a float:
// "87.2217" stays "87.2217", while binary artefacts written with 17 digits ("0.30000000000000004",
// "87.221699999999998") come back to the 15 significant digits Excel displays.

const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,5}))?$/;
const EXCEL_DIGITS = 15;

export function normalizeNumber(raw: string): string {
  const s = raw.trim();
  const m = NUMBER.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return raw;
  const [, sign, int = '', frac = '', exp] = m;
  let digits = int + frac;
  let point = int.length + (exp ? Number.parseInt(exp, 10) : 0);
  const lead = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(lead);
  point -= lead;
  digits = digits.replace(/0+$/, '');
  if (digits === '') return '0';
  // What the file holds is already what Excel shows: keep it byte for byte.
  if (!exp && digits.length <= EXCEL_DIGITS) return s.startsWith('+') ? s.slice(1) : s;
  if (digits.length > EXCEL_DIGITS) ({ digits, point } = roundDigits(digits, point));
  const body = point - 1 < -20 || point - 1 > 20 ? scientific(digits, point) : plain(digits, point);
  return sign === '-' ? `-${body}` : body;
}

/** Rounds a digit string to 15 significant digits, half away from zero, as Excel's display does. */
function roundDigits(digits: string, point: number): { digits: string; point: number } {
  const kept = digits.slice(0, EXCEL_DIGITS).split('').map(Number);
  if (Number(digits[EXCEL_DIGITS]) >= 5) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === 9) kept[i--] = 0;
    if (i >= 0) kept[i]! += 1;
    else {
      kept.unshift(1);
      point += 1;
    }
  }
  return { digits: kept.join('').replace(/0+$/, ''), point };
}

function plain(digits: string, point: number): string {
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

function scientific(digits: string, point: number): string {
  const e = point - 1;
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${mantissa}E${e < 0 ? '-' : '+'}${Math.abs(e)}`;
}
