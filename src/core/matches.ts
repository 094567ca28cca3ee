// The matches of a global regex, as String.prototype.matchAll gives them, without what matchAll costs
// per call (a cloned RegExp and an iterator), which showed up when profiling checkReport and the importer.
// Callers pass module-level global regexes; lastIndex is reset before and after, so they stay reusable.

/** Every distinct (mapped) match of the global regex `re` in `text`, in order of first appearance. */
export function distinctMatches(re: RegExp, text: string, map: (m: string) => string = (m) => m): string[] {
  const out: string[] = [];
  for (const m of allMatches(re, text)) {
    const s = map(m[0]);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

/** Every match of the global regex `re` in `text`, as `[...text.matchAll(re)]` gives them. */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  // as matchAll does: without the g flag exec would return the first match forever
  if (!re.global) throw new TypeError(`allMatches needs a global regex: ${re}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex++; // like matchAll: an empty match must not loop forever
  }
  re.lastIndex = 0;
  return out;
}
