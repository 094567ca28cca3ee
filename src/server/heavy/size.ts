// Whether a document is "large": about how many bytes its JSON would take, counted without building it
// and stopping as soon as the threshold is passed, so the check itself costs little even for a huge one.
export function isLarge(value: unknown, thresholdBytes: number): boolean {
  let bytes = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') bytes += v.length * 2 + 3; // CJK text is 3 bytes a character in UTF-8; keys and quotes
    else if (v === null || typeof v !== 'object') bytes += 8;
    else if (Array.isArray(v)) {
      bytes += 2 + v.length;
      for (const x of v) stack.push(x);
    } else {
      for (const [k, x] of Object.entries(v)) {
        bytes += k.length + 4;
        stack.push(x);
      }
    }
    if (bytes > thresholdBytes) return true;
  }
  return false;
}
