// The page-sized spinner shown while the session or a screen's chunk loads: plain CSS (styles.css), as
// it is part of the first download, where antd's Spin and its motion library would cost more than it.
export function Loading() {
  return (
    <div className="jx-center-page" role="status" aria-live="polite">
      <span className="jx-spinner" aria-hidden="true" />
      <span className="jx-loading-text">正在加载…</span>
    </div>
  );
}
