// The 项目支出绩效自评表 (财预〔2020〕10号 附件1): its 执行率 line and its 定性 levels.
export * from './execution';
export * from './qualitative';
