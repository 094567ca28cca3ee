// The reviewer's return notes on cells of one table, written out under the table so they can be read
// beside the cells without hovering (the cells themselves carry a 退 mark).
import { Button } from 'antd';
import { useEditor } from './editor-context';

export function ReturnNotes({ prefix, describe }: { prefix: string; describe: (path: string) => string }) {
  const ctx = useEditor();
  const notes = ctx.returnsUnder(prefix);
  if (notes.length === 0) return null;
  return (
    <div className="jx-return-notes" role="note">
      {notes.map(({ path, record }, i) => (
        <div key={`${path}-${i}`} className="jx-return-note">
          <Button size="small" type="link" onClick={() => ctx.jumpTo(path)}>
            {describe(path)}
          </Button>
          退回意见：{record.reason}
        </div>
      ))}
    </div>
  );
}
