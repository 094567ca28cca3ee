// 电子签署: who signed which version as which role, and whether the signature still matches the content
// (签名已失效（内容已修改） once anything changed). Offers the signatures this user may give now.
import { Button, Empty, List, Tag, Tooltip } from 'antd';
import { SIGNATURE_ROLE_LABEL } from '../../../../src/core/workflow/index';
import type { Signing } from './signing';

interface Props {
  signing: Signing;
}

function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function SignaturePanel({ signing }: Props) {
  const { signatures, offered, latest, ask } = signing;
  return (
    <div className="jx-signatures" data-testid="signatures">
      <div className="jx-subtitle">
        <span>电子签署</span>
        <span>
          {offered.map((r) => (
            <Button key={r} size="small" style={{ marginLeft: 8 }} onClick={() => ask(r)}>
              以{SIGNATURE_ROLE_LABEL[r]}身份签署
            </Button>
          ))}
        </span>
      </div>
      {signatures && signatures.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无电子签署" />
      ) : (
        <List
          size="small"
          loading={signatures === null}
          dataSource={[...(signatures ?? [])].sort((a, b) => (a.signedAt < b.signedAt ? 1 : -1))}
          renderItem={(s) => (
            <List.Item className={s.valid ? '' : 'jx-sig-invalid'} data-valid={s.valid}>
              <div className="jx-sig">
                <div>
                  <b>{s.signerName}</b>（{SIGNATURE_ROLE_LABEL[s.role]}）签署第 {s.version} 版 · {when(s.signedAt)}
                  {latest.get(s.role) !== s && <Tag style={{ marginLeft: 6 }}>已被新签署取代</Tag>}
                </div>
                {s.opinion && <div className="jx-sig-opinion">意见：{s.opinion}</div>}
                {s.valid && <div className="jx-sig-code">验证码：{s.code}（打印在报告上，可在公开网站 /public/verify 查验）</div>}
              </div>
              {s.valid ? (
                <Tag color="success">签名有效</Tag>
              ) : (
                <Tooltip title="签署后报告内容又被修改，签名与当前内容不再一致，需要重新签署。">
                  <Tag color="error">签名已失效（内容已修改）</Tag>
                </Tooltip>
              )}
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
