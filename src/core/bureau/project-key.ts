// 项目名称 as two 项目支出绩效自评表 of one department are told apart in a task: spaces and line breaks
// are layout (a name wrapped in a DOCX cell, typed with a stray space), not part of the name.
export function projectKey(name: string | null | undefined): string {
  return (name ?? '').replace(/\s+/g, '');
}
