// Report paths and their names in the form's words.
export * from './report-paths';
