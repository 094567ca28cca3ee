// One numbered part of the report, as a card the side navigation can scroll to.
import { Card } from 'antd';
import type { ReactNode } from 'react';

export function Section({ id, title, extra, children }: { id: string; title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card id={id} className="jx-section" title={title} extra={extra} size="small">
      {children}
    </Card>
  );
}

export function SubTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <div className="jx-subtitle">
      <span>{children}</span>
      {extra}
    </div>
  );
}
