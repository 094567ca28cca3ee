// A report path in the words of the form: the one implementation lives in core, shared with the server's
// validation messages.
export * from '../../../src/core/paths/path-label';
