// Report paths (finance.threePublic[1].total): the one implementation lives in core, shared with the server.
export * from '../../../src/core/paths/report-paths';
