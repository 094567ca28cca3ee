// The 评分表 scoring engine (domain §4): rule types, metrics and grade bands.
export { scoreReport } from './engine';
export { gradeFor, gradeMatches } from './grade';
export { computeMetric, type MetricResult, type SurplusCategory } from './metrics';
export { indicatorGroup, type IndicatorGroup } from './indicator-group';
