// 指标库: the indicator library's pure logic (the server stores it, the editor quotes from it).
export * from './model';
export * from './prior-year';
export * from './quote';
export * from './search';
export * from './tree';
export * from './validity';
