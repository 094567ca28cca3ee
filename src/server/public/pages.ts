// The public disclosure site's own pages, rendered on the server as plain HTML: they work without
// JavaScript, print on A4 and can be mirrored as static files. The report page itself is the official
// rendering (io/export/html) with a navigation bar that does not print.
import { deviationText } from '../../core/bureau/deviation';
import { esc } from '../../io/export/html/escape';
import { PAGE_CSS } from '../../io/export/html/index';
import type { PublicBureau, PublicListItem, VerifiedSignature } from '../use-cases/public-reports';

const SITE = '绩效自评报告公开';

const SITE_CSS = `
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #1f1f1f; }
.jx-public { max-width: 1000px; margin: 0 auto; padding: 0 16px 32px; background: #fff; }
.jx-public-bar { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; max-width: 210mm; margin: 0 auto 8mm; padding: 10px 16px; background: #fff; border-bottom: 2px solid #a8071a; font-family: "Noto Sans CJK SC", sans-serif; font-size: 14px; }
.jx-public-bar .jx-site { font-weight: bold; color: #a8071a; margin-right: auto; }
.jx-public a { color: #0958d9; }
.jx-public table { border-collapse: collapse; width: 100%; font-size: 14px; }
.jx-public th, .jx-public td { border: 1px solid #bbb; padding: 6px 8px; text-align: left; }
.jx-public td.num { text-align: right; font-variant-numeric: tabular-nums; }
.jx-public thead th { background: #f5f5f5; }
.jx-public form { margin: 12px 0; }
.jx-review-note { max-width: 210mm; margin: 0 auto 6mm; padding: 8px 16px; background: #fffbe6; border: 1px solid #ffe58f; font-size: 14px; }
@media print { .jx-public-bar, .jx-review-note, .jx-noprint { display: none !important; } .jx-public { max-width: none; padding: 0; } }
`;

/** The print button: hidden until print.js (same origin, allowed by the CSP) shows it; without JS the browser's own print works. */
const PRINT_BUTTON = '<button type="button" class="jx-print" data-print hidden>打印</button>';
const PRINT_SCRIPT = '<script src="/public/print.js" defer></script>';

function page(title: string, body: string, opts: { pageCss?: boolean } = {}): string {
  return (
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)}</title><style>${opts.pageCss === false ? '' : PAGE_CSS}${SITE_CSS}</style>${PRINT_SCRIPT}</head>` +
    `<body><div class="jx-public">${body}</div></body></html>`
  );
}

function bar(links: Array<[string, string]>): string {
  return `<nav class="jx-public-bar"><a class="jx-site" href="/public">${SITE}</a>${links.map(([href, text]) => `<a href="${esc(href)}">${esc(text)}</a>`).join('')}${PRINT_BUTTON}</nav>`;
}

const score = (n: number | null | undefined) => (n == null ? '—' : String(n));

export function bureausPage(bureaus: readonly PublicBureau[]): string {
  const items = bureaus.map((b) => `<li>${esc(b.name)}：${b.years.map((y) => `<a href="/public/${esc(b.id)}/${y}">${y}年度</a>`).join('　')}</li>`).join('');
  return page(SITE, `${bar([])}<h1>部门整体支出绩效自评报告公开</h1>${items ? `<ul>${items}</ul>` : '<p>尚无已公开的报告。</p>'}`);
}

export function listPage(o: { bureau: { id: string; name: string }; year: number; q: string; items: readonly PublicListItem[] }): string {
  const base = `/public/${o.bureau.id}/${o.year}`;
  const rows = o.items.map((i) =>
    `<tr><td><a href="/public/reports/${esc(i.id)}">${esc(i.departmentName)}</a></td><td>${esc(i.budgetCode)}</td>` +
    `<td class="num">${score(i.selfScore)}</td><td>${esc(i.grade || '—')}</td>` +
    `<td class="num">${i.review ? score(i.review.total) : '—'}</td><td>${esc(i.review?.grade || '—')}</td><td class="num">${i.review ? esc(deviationText(i.deviation)) : '—'}</td>` +
    `<td><a href="/public/reports/${esc(i.id)}/report.pdf">PDF</a> <a href="/public/reports/${esc(i.id)}/report.json">JSON</a></td></tr>`,
  );
  const title = `${o.bureau.name}${o.year}年度部门整体支出绩效自评报告`;
  return page(title,
    bar([[`${base}/opendata.zip`, '开放数据（CSV 数据包）'], [`${base}/datapackage.json`, '数据包描述'], [`${base}/data.json`, 'JSON']]) +
    `<h1>${esc(title)}</h1>` +
    `<form method="get" action="${esc(base)}" class="jx-noprint"><label>按部门查找：<input type="search" name="q" value="${esc(o.q)}" placeholder="部门名称或预算编码"></label> <button type="submit">查找</button></form>` +
    `<table><thead><tr><th>部门（单位）</th><th>预算编码</th><th>自评得分</th><th>自评等次</th><th>复核得分</th><th>复核等次</th><th>偏离度</th><th>下载</th></tr></thead>` +
    `<tbody>${rows.join('') || `<tr><td colspan="8">${o.q ? '没有名称含此关键词的部门。' : '本年度尚无已公开的报告。'}</td></tr>`}</tbody></table>` +
    `<p>共 ${o.items.length} 份。个人电话号码已按预决算公开要求隐去。</p>`,
  );
}

/** The official report page: the standalone rendering with the site's bar (not printed) put in front. */
export function reportPage(o: { html: string; item: PublicListItem; bureauId: string; review: { total: number | null; grade: string; opinion: string } | null }): string {
  const back = `/public/${o.bureauId}/${o.item.year}`;
  const nav = bar([[back, '返回列表'], [`/public/reports/${o.item.id}/report.pdf`, '下载 PDF'], [`/public/reports/${o.item.id}/report.json`, '开放数据 JSON']]);
  const review = o.review
    ? `<div class="jx-review-note">财政复核：${score(o.review.total)}分${o.review.grade ? `（${esc(o.review.grade)}）` : ''}，偏离度 ${esc(deviationText(o.item.deviation))}${o.review.opinion ? `。复核意见：${esc(o.review.opinion)}` : ''}</div>`
    : '';
  return o.html.replace('</style></head><body>', `${SITE_CSS}</style>${PRINT_SCRIPT}</head><body>${nav}${review}`);
}

export function verifyPage(code: string, v: VerifiedSignature | undefined): string {
  const form = `<form method="get" action="/public/verify" class="jx-noprint"><label>验证码：<input name="code" value="${esc(code)}" placeholder="XXXX-XXXX-XXXX"></label> <button type="submit">查验</button></form>`;
  if (!code) return page('电子签名查验', `${bar([])}<h1>电子签名查验</h1>${form}`);
  if (!v) return page('电子签名查验', `${bar([])}<h1>电子签名查验</h1>${form}<p>未找到验证码为“${esc(code)}”的签名记录，请核对打印件上的验证码。</p>`);
  const report = v.report.published
    ? `<a href="/public/reports/${esc(v.report.id)}">${esc(v.report.departmentName)} ${v.report.year ?? ''}年度报告</a>`
    : `${esc(v.report.departmentName)} ${v.report.year ?? ''}年度报告（尚未公开）`;
  return page('电子签名查验',
    `${bar([])}<h1>电子签名查验</h1>${form}<table><tbody>` +
    `<tr><th>验证码</th><td>${esc(v.code)}</td></tr><tr><th>签署人</th><td>${esc(v.signerName)}</td></tr><tr><th>签署身份</th><td>${esc(v.roleLabel)}</td></tr>` +
    `<tr><th>签署时间</th><td>${esc(v.signedAt)}</td></tr><tr><th>报告</th><td>${report}</td></tr>` +
    `<tr><th>状态</th><td>${v.valid ? '有效：所签内容自签署后未改动' : '已失效：签署后所签内容已修改'}</td></tr></tbody></table>`,
  );
}

export function notFoundPage(what: string): string {
  return page('未找到', `${bar([])}<h1>未找到</h1><p>${esc(what)}</p>`);
}

/** Shows the print buttons and prints on click; served as a file so the CSP needs no inline script. */
export const PRINT_JS = `document.querySelectorAll('[data-print]').forEach(function (b) { b.hidden = false; b.addEventListener('click', function () { window.print(); }); });
if (document.documentElement.hasAttribute('data-autoprint')) window.addEventListener('load', function () { window.print(); });
`;
