// Types for web/build.mjs (used by scripts/start.mjs and the browser tests).
export declare const distDir: string;
export declare function staleReason(): string | null;
export declare function ensureWebBuild(opts?: { force?: boolean; log?: (message: string) => void }): Promise<boolean>;
export declare function buildWebInto(outDir: string, opts?: { log?: (message: string) => void }): Promise<void>;
export declare function precompress(dir: string): void;
