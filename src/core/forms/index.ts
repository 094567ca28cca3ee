// Form descriptors (one per template): the schema, its checks and what consumers derive from it.
export * from './schema';
export * from './derive';
export { formProblems, reportHas, type FormProblem } from './check';
export { boundProblems, fieldLimit, type BoundProblem } from './bounds';
