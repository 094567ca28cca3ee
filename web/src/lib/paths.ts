// Report paths (parse, format, get and set by path) live in core, where the exporters, the bounds and the
// server's validation messages read them too.
export * from '../../../src/core/paths/report-paths';
