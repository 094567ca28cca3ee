// Report paths (parse, format, get and set by path) live in core, where the exporters and the bounds
// read them too.
export * from '../../../src/core/paths';
