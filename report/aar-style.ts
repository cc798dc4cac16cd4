/**
 * The after-action report's stylesheet, for screen and print (A4, page breaks, running footers):
 * a TypeScript string rather than a .css file because the report is built by the command line
 * under Node as well as in the app, and one import works in Vite, Vitest and tsx alike. The
 * report inlines it (the document is self-contained); `var(--foot)` is replaced with the footer's
 * text by `buildAar`.
 */
import { SIDE_COLOURS } from './series';

const INK = '#1f2933';
const ACCENT = '#12355b';

/** The report's CSS. */
export const AAR_CSS = `
:root{--ink:${INK};--muted:#52606d;--rule:#d9dee3;--soft:#f4f6f8;--accent:${ACCENT};--state:${SIDE_COLOURS.state};--clans:${SIDE_COLOURS.clans};--insurgents:${SIDE_COLOURS.insurgents}}
*{box-sizing:border-box}
html{background:#e9ecef}
body{margin:0;color:var(--ink);font:15px/1.5 "Segoe UI","Helvetica Neue",Helvetica,Arial,"Liberation Sans","DejaVu Sans",sans-serif;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.page{max-width:1060px;margin:24px auto;background:#fff;padding:48px 56px 40px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
h1,h2,h3,h4{color:var(--accent);line-height:1.2;margin:0}
h2{font-size:22px;margin:40px 0 14px;padding-bottom:6px;border-bottom:2px solid var(--accent)}
h2 .num{display:inline-block;min-width:1.6em;color:var(--muted);font-weight:400}
h3{font-size:17px;margin:26px 0 8px}
h4{font-size:14px;margin:0 0 4px}
p{margin:0 0 10px}
.num,.n{font-variant-numeric:tabular-nums}
.cover{border-top:8px solid var(--accent);padding-top:22px}
.kicker{letter-spacing:.14em;text-transform:uppercase;font-size:12px;font-weight:700;color:var(--muted);margin-bottom:10px}
.cover h1{font-size:34px;margin-bottom:8px}
.cover .subtitle{font-size:18px;color:var(--muted);margin-bottom:14px}
.lede{font-size:15px;max-width:60em;color:#323f4b}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:4px 22px;margin:18px 0 0;padding:14px 18px;background:var(--soft);border-left:4px solid var(--accent)}
.meta dt{font-weight:700;color:var(--muted)}.meta dd{margin:0}
.chip{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.4em;vertical-align:-.05em}
.chip.state{background:var(--state)}.chip.clans{background:var(--clans)}.chip.insurgents{background:var(--insurgents)}
.cover{margin-bottom:30px}
.toc{margin:22px 0 0;columns:2;font-size:14px}.toc ol{margin:0;padding-left:1.4em}.toc a{color:var(--accent);text-decoration:none}
.cards{display:grid;grid-template-columns:repeat(3,1fr);gap:14px;margin:6px 0 18px}
.card{border:1px solid var(--rule);border-top:5px solid var(--c);padding:12px 14px;border-radius:3px;break-inside:avoid}
.card.state{--c:var(--state)}.card.clans{--c:var(--clans)}.card.insurgents{--c:var(--insurgents)}
.card .side{font-weight:700}.card .score{font-size:32px;font-weight:700;color:var(--ink);line-height:1.1;margin:4px 0}
.card .sub{font-size:13px;color:var(--muted)}
.badge{display:inline-block;font-size:11px;font-weight:700;letter-spacing:.04em;text-transform:uppercase;background:var(--accent);color:#fff;padding:1px 7px;border-radius:2px;margin-left:6px;vertical-align:2px}
.assessment{margin:0 0 16px;padding-left:1.2em}.assessment li{margin-bottom:4px}
.two{display:grid;grid-template-columns:1fr 1fr;gap:22px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:4px 0 14px}
caption{text-align:left;font-weight:700;color:var(--accent);padding:0 0 6px}
th,td{padding:4px 8px;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
thead th{background:var(--soft);border-bottom:2px solid #9aa5b1;font-size:12px;color:#323f4b}
td.n,th.n{text-align:right;white-space:nowrap}
tbody tr:nth-child(even) td{background:#fbfcfd}
.chg{white-space:nowrap}
table.compact{width:auto;min-width:55%}
.note{font-size:12.5px;color:var(--muted)}
.tl td{font-size:12px}.tl td:first-child{white-space:nowrap}.tl td.tags{font-size:11.5px;color:#323f4b;min-width:16em}.tl td.sc{white-space:nowrap}
.tp{list-style:none;padding:0;margin:0}
.tp>li{border-left:4px solid var(--accent);background:var(--soft);padding:10px 14px;margin:0 0 10px;break-inside:avoid}
.tp .head{font-weight:700}.tp .when{color:var(--muted);font-weight:400;margin-right:.6em}
.tp ul{margin:6px 0 0;padding-left:1.2em;font-size:13.5px}
figure{margin:0 0 22px;break-inside:avoid}
figcaption{font-weight:700;color:var(--accent);margin:0 0 6px;font-size:14px}
figcaption .fn{color:var(--muted);font-weight:400;margin-right:.4em}
figure .src{font-size:11.5px;color:var(--muted);margin-top:2px}
svg.chart{width:100%;height:auto;display:block;font-family:inherit}
.turn{margin:0 0 18px;break-inside:auto}
.turn h3{border-bottom:1px solid var(--rule);padding-bottom:4px}
.turn h3 .when{color:var(--muted);font-weight:400}
.sides{display:grid;grid-template-columns:repeat(3,1fr);gap:12px}
.sidebox{border-top:4px solid var(--c);padding:8px 10px;background:#fcfcfd;font-size:12.5px;break-inside:avoid}
.sidebox.state{--c:var(--state)}.sidebox.clans{--c:var(--clans)}.sidebox.insurgents{--c:var(--insurgents)}
.sidebox .seat{font-size:11.5px;color:var(--muted);margin-bottom:6px}
.lbl{font-size:10px;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:var(--muted);margin:6px 0 3px}
.rationale{margin:0 0 8px;padding:6px 9px;border-left:3px solid var(--c);background:#fff;font-style:italic;white-space:pre-wrap}
.reasons{margin:0 0 8px;padding-left:1.1em;font-style:italic}
.sidebox .plan{margin:0 0 4px;font-weight:600}
.orders{margin:0;padding-left:1.1em}.orders li{margin-bottom:3px}
.orders .k{font-weight:700}
.happened{margin:8px 0 0;font-size:12.5px}.happened ul{margin:2px 0 0;padding-left:1.2em;columns:2;column-gap:28px}.happened li{break-inside:avoid}
.mono{font-family:"DejaVu Sans Mono",Consolas,Menlo,monospace;font-size:12px}
.hashes{columns:3;font-size:12px}.hashes div{break-inside:avoid}
footer{margin-top:36px;padding-top:8px;border-top:1px solid var(--rule);font-size:12px;color:var(--muted)}
@page{margin:16mm 14mm 18mm}
@page wide{size:landscape;margin:14mm 14mm 16mm}
@page{@bottom-left{content:var(--foot);font:9px sans-serif;color:#52606d}@bottom-right{content:counter(page) " / " counter(pages);font:9px sans-serif;color:#52606d}}
@media print{
html{background:#fff}
body{font-size:10.5pt}
.page{max-width:none;margin:0;padding:0;box-shadow:none}
h2{break-before:page;break-after:avoid;font-size:17pt;margin-top:0}
h2.first{break-before:auto}
h3,h4,figcaption{break-after:avoid}
table{font-size:8.5pt}thead{display:table-header-group}tr{break-inside:avoid}
.tl{table-layout:auto;width:100%}.tl td{font-size:8pt}.tl td.tags{font-size:7.5pt;min-width:0;overflow-wrap:anywhere}.tl th{font-size:7.5pt}
svg.chart{max-width:100%}
.cards .score{font-size:24pt}
.sidebox{font-size:8pt}.happened{font-size:8.5pt}.turn h3{font-size:12.5pt}
.toc{columns:2}
.wide{page:wide}
a{color:inherit;text-decoration:none}
}
`;
