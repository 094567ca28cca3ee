// The print stylesheet of the form. Official font names come first so a finance office PC with the
// real fonts prints them; the free Noto CJK faces stand in elsewhere (Debian: fonts-noto-cjk).
// Everything is scoped under .jx-report so the fragment can sit inside the web app's own styles.

export const FONT_BODY = `"仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif`;
export const FONT_HEADING = `"黑体", "SimHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`;
// 方正小标宋 is one heavy weight. The title asks for bold with font-synthesis off: Noto Serif has a real Bold
// face and uses it, while 方正小标宋, where installed, prints as drawn instead of being smeared bolder.
// (An @font-face alias would do the same, but every extra face costs ~0.2 s of CPU in each PDF export.)
export const FONT_TITLE = `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "Source Han Serif SC", serif`;

const LINE = '0.75pt solid #000';

/** Page box, margins (GB/T 9704 side margins) and the page-number footer; only for standalone documents. */
export const PAGE_CSS = `
@page { size: A4; margin: 25mm 26mm 22mm 28mm;
  @bottom-center { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-family: ${FONT_BODY}; font-size: 10.5pt; color: #000; vertical-align: top; padding-top: 4mm; } }
@page :first { @bottom-center { content: none; } }
html, body { margin: 0; padding: 0; background: #fff; }
@media screen { body { background: #e9e9e9; padding: 8mm 0; } }
`;

export const REPORT_CSS = `
.jx-report { font-family: ${FONT_BODY}; font-size: 12pt; line-height: 1.5; color: #000; background: #fff;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; line-break: strict; overflow-wrap: anywhere; text-size-adjust: none; }
.jx-report *, .jx-report *::before, .jx-report *::after { box-sizing: border-box; }
.jx-report p { margin: 0; }
@media screen { .jx-report { width: 210mm; max-width: 100%; margin: 0 auto; padding: 22mm 26mm 22mm 28mm; box-shadow: 0 1px 6px rgba(0,0,0,.18); } }

.jx-report .jx-cover { display: flex; flex-direction: column; align-items: center; break-after: page; height: 246mm; }
@media screen { .jx-report .jx-cover { height: auto; min-height: 240mm; border-bottom: 1px dashed #aaa; margin-bottom: 14mm; padding-bottom: 14mm; } }
.jx-report .jx-title { font-family: ${FONT_TITLE}; font-weight: bold; font-synthesis: none; font-size: 22pt; line-height: 1.65; text-align: center; margin: 26mm 0 0; letter-spacing: 0.04em; }
.jx-report .jx-title-line { display: block; }
.jx-report .jx-cover-fields { margin-top: 58mm; font-size: 16pt; line-height: 1.6; width: 114mm; }
/* A long name wraps at the body's leading; the fields themselves keep the template's wide spacing. */
.jx-report .jx-cover-field { display: flex; align-items: baseline; margin: 0.7em 0; }
.jx-report .jx-cover-label { flex: 0 0 6.4em; text-align: justify; text-align-last: justify; white-space: nowrap; }
.jx-report .jx-cover-colon { flex: 0 0 1em; }
.jx-report .jx-cover-value { flex: 1 1 auto; }
.jx-report .jx-cover-gap { height: 2.3em; }
.jx-report .jx-cover-issuer { margin-top: auto; font-size: 16pt; padding-bottom: 12mm; }

.jx-report .jx-frame { border: ${LINE}; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
/* Sections are separate framed tables stacked edge to edge so they read as the one bordered form of the template. */
.jx-report .jx-frame + .jx-frame { margin-top: -0.75pt; }
.jx-report .jx-frame-sec { break-after: avoid; }
.jx-report .jx-frame-whole { break-inside: avoid; }
/* hidden: the frame draws the outer edge, the cells only the lines inside. */
.jx-report .jx-form { width: 100%; border-collapse: collapse; border-style: hidden; table-layout: fixed; margin: 0; }
.jx-report .jx-form th, .jx-report .jx-form td { border: ${LINE}; padding: 1.3mm 1.8mm; vertical-align: middle; font-weight: normal; }
.jx-report .jx-form thead { display: table-header-group; }
.jx-report .jx-sec th { font-family: ${FONT_HEADING}; font-size: 14pt; text-align: left; padding: 2mm 2.5mm; }
.jx-report .jx-label { text-align: center; }
.jx-report .jx-head { text-align: center; }
.jx-report .jx-table-title { font-family: ${FONT_HEADING}; font-size: 11pt; text-align: center; }
.jx-report .jx-text { text-align: justify; vertical-align: top; padding-top: 0; padding-bottom: 0; }
/* Long text cells run across pages: their vertical room is margin on the content, not cell padding, because
   margins at a page break are dropped while padding would spill a sliver of empty cell onto the next page. */
.jx-report .jx-text > :first-child { margin-top: 1.3mm; }
.jx-report .jx-text > :last-child { margin-bottom: 1.3mm; }
.jx-report .jx-left { text-align: left; }
.jx-report .jx-center { text-align: center; }
.jx-report .jx-nowrap { white-space: nowrap; }
.jx-report .jx-num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.jx-report .jx-small { font-size: 9pt; line-height: 1.35; }
.jx-report tr.jx-keep, .jx-report .jx-finance tr, .jx-report .jx-overview tr:nth-child(-n+2) { break-inside: avoid; }
/* Rows under a rowspan cannot each avoid breaking (Chromium then moves the whole table to the next page);
   keeping each plain cell whole gives the same clean breaks between rows. */
.jx-report .jx-keep-cells > tr > td:not([rowspan]) { break-inside: avoid; }

.jx-report .jx-finance { font-size: 10.5pt; line-height: 1.35; }
.jx-report .jx-finance th, .jx-report .jx-finance td { padding: 1mm 0.8mm; }
.jx-report .jx-finance td.jx-num { padding-right: 1.5mm; }
.jx-report .jx-finance tbody td { height: 8mm; }
.jx-report .jx-rowname { text-align: left; }

.jx-report .jx-indicators, .jx-report .jx-qualitative { font-size: 10.5pt; line-height: 1.45; }
.jx-report .jx-indicators .jx-level, .jx-report .jx-indicators .jx-side { text-align: center; padding-left: 1mm; padding-right: 1mm; }
.jx-report .jx-note { display: block; font-size: 9pt; line-height: 1.35; margin-top: 1mm; }
.jx-report .jx-corner { border-bottom-style: hidden !important; }
.jx-report .jx-side { border-top-style: hidden !important; }
.jx-report .jx-text p + p { margin-top: 0.6mm; }

.jx-report .jx-evaluators td { height: 9mm; }
.jx-report .jx-sign { padding: 2mm 3mm; }
.jx-report .jx-sign-box { display: flex; flex-direction: column; min-height: 36mm; }
.jx-report .jx-sign-opinion { flex: 1 1 auto; padding: 1mm 0 3mm 2em; text-align: justify; }
.jx-report .jx-sign-line { text-align: right; padding-right: 34mm; }
.jx-report .jx-sign-date { text-align: right; padding-right: 6mm; white-space: pre; }
.jx-report .jx-sign-code { text-align: right; padding-right: 6mm; font-size: 9pt; font-family: monospace, ${FONT_BODY}; }
.jx-report .jx-sign-void { text-align: right; padding-right: 6mm; font-size: 10.5pt; color: #cf1322; }
.jx-report .jx-signer { display: inline-block; min-width: 6em; text-align: left; }
.jx-report .jx-preparer { display: flex; gap: 24mm; padding: 3mm 1mm 5mm; }
.jx-report .jx-fill { display: inline-block; min-width: 6em; }

.jx-report .jx-narrative { padding: 3mm 4mm 5mm; font-size: 12pt; line-height: 1.75; }
.jx-report .jx-narrative p { text-indent: 2em; text-align: justify; orphans: 2; widows: 2; }
.jx-report .jx-part-title { font-family: ${FONT_HEADING}; font-weight: normal; font-size: 12pt; margin: 2.5mm 0 0.5mm; break-after: avoid; }
.jx-report .jx-narrative p.jx-sub { font-weight: bold; break-after: avoid; }

.jx-report .jx-appendix { break-before: page; }
.jx-report .jx-appendix-title { font-family: ${FONT_TITLE}; font-weight: bold; font-synthesis: none; font-size: 16pt; text-align: center; margin: 0 0 4mm; }
.jx-report .jx-score-sheet { font-size: 10.5pt; line-height: 1.4; }
.jx-report .jx-score-sheet th, .jx-report .jx-score-sheet td { padding-left: 1mm; padding-right: 1mm; }

/* What the checker flagged: tinted and outlined, the message in the tooltip. */
.jx-report .jx-flag { outline: 1.2pt solid; outline-offset: -1.2pt; }
.jx-report .jx-flag-error { background: #fff1f0; outline-color: #cf1322; }
.jx-report .jx-flag-warning { background: #fffbe6; outline-color: #d48806; }
.jx-report .jx-flag-info { background: #e6f4ff; outline-color: #1677ff; }
`;

/** The project table's own rules, added only to its pages (the overall report's stylesheet stays as pinned). */
export const PROJECT_CSS = `.jx-report .jx-project-title { margin: 0 0 6mm; font-size: 18pt; }
.jx-report .jx-project { font-size: 10.5pt; line-height: 1.35; }`;
