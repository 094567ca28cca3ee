// The text of a string item, <si> in the shared strings or <is> in an inline-string cell, read from XML
// events: plain <t>, or rich-text runs <r><t> joined; phonetic runs (<rPh>) and anything else left out.

export class StringItemReader {
  /** Depth of the <si>/<is> being read; 0 when none. */
  private itemDepth = 0;
  /** Depth of the <t> being collected; 0 when none. */
  private tDepth = 0;
  private inRun = false;
  private s = '';

  get reading(): boolean {
    return this.itemDepth !== 0;
  }

  /** The item element opened at `depth`. */
  start(depth: number): void {
    this.itemDepth = depth;
    this.tDepth = 0;
    this.inRun = false;
    this.s = '';
  }

  /** An element opened inside the item. */
  open(name: string, depth: number): void {
    if (depth === this.itemDepth + 1) {
      if (name === 't') this.tDepth = depth;
      else if (name === 'r') this.inRun = true;
    } else if (depth === this.itemDepth + 2 && this.inRun && name === 't') this.tDepth = depth;
  }

  /** Text at `depth` (its innermost element's); kept when directly inside a collected <t>. Returns the length so far. */
  text(s: string, depth: number): number {
    if (depth === this.tDepth) this.s += s;
    return this.s.length;
  }

  /** An element at `depth` closed; when it is the item itself, its text. */
  close(depth: number): string | undefined {
    if (depth === this.itemDepth) {
      this.itemDepth = 0;
      return this.s;
    }
    if (depth === this.tDepth) this.tDepth = 0;
    else if (depth === this.itemDepth + 1) this.inRun = false;
    return undefined;
  }
}
