/** The printable report's style sheet: A4 landscape pages (the tables are wide), tables that repeat their heads, colours kept when printed. */
export const REPORT_CSS = `
@page { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 10pt/1.35 "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #111; margin: 0 auto; max-width: 273mm; }
h1 { font-size: 16pt; margin: 0 0 3mm; }
h2 { font-size: 12pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 0.4mm solid #333; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 5mm; margin: 0; }
dl.meta dt { color: #555; }
dl.meta dd { margin: 0; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; }
table.narrow { width: auto; min-width: 90mm; }
th, td { padding: 1mm 1.5mm; border-bottom: 0.2mm solid #ccc; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: 600; }
th.group { text-align: center; border-left: 0.2mm solid #bbb; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
th.num { white-space: normal; }
table.entries { table-layout: fixed; }
table.entries td, table.entries th { overflow-wrap: anywhere; }
table.entries th:nth-child(1) { width: 24%; }
table.entries th:nth-child(2), table.entries th:nth-child(5), table.entries th:nth-child(7) { width: 9%; }
table.entries th:nth-child(3), table.entries th:nth-child(4) { width: 8%; }
table.entries th:nth-child(6) { width: 13%; }
table.entries th:nth-child(n + 8) { width: 6.66%; }
.nowrap { white-space: nowrap; }
tr.all td { font-weight: 600; border-top: 0.3mm solid #888; }
tr.unexplained td { color: #b3261e; font-weight: 600; }
small { color: #555; }
.muted { color: #555; margin: 0 0 2mm; }
.verdict { margin: 3mm 0; padding: 2mm 3mm; border: 0.5mm solid; font-size: 12pt; font-weight: 700; }
.verdict.ready, .ok { color: #1b6e35; }
.verdict.not-ready, .not-ok { color: #b3261e; }
.verdict.ready { border-color: #1b6e35; }
.verdict.not-ready { border-color: #b3261e; }
svg.chart { display: block; max-width: 200mm; }
svg.chart text { font: 11px "Segoe UI", "Helvetica Neue", Arial, sans-serif; fill: #111; }
svg.chart .bar-positive { fill: #1f5fa8; }
svg.chart .bar-negative { fill: #c05621; }
svg.chart .bar-zero { fill: #999; }
svg.chart .zero { stroke: #111; stroke-width: 1; }
@media screen { body { padding: 10mm; } }
@media print {
  body { max-width: none; }
  thead { display: table-header-group; }
  tr, svg.chart, .verdict { break-inside: avoid; }
  section.checklist { break-inside: avoid; }
}
`;
