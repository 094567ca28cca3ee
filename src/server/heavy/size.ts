// Whether a document is "large": about how many bytes of UTF-8 JSON it would take, counted without
// building it and stopping as soon as the threshold is passed, so the check costs little even for a huge
// one. Stored text and request bodies are measured the same way (utf8Bytes).
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function isLarge(value: unknown, thresholdBytes: number): boolean {
  let bytes = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') bytes += utf8Bytes(v) + 3;
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
