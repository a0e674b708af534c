"""The bilan (or the programme) as one self-contained HTML page: inline SVG charts, the figures
in tables, a print stylesheet for A4. No script, nothing fetched: it works offline from a file."""

from __future__ import annotations

from html import escape

from .charts import svg
from .layout import Section, Table

STYLE = """
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; color: #111;
       max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.35; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #0072B2; padding-bottom: .15rem;
     margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-bottom: .3rem; }
p.lead { color: #333; margin: .2rem 0; }
figure { margin: 1rem 0; }
figcaption { font-weight: bold; margin-bottom: .3rem; }
svg.chart { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: .4rem 0 1rem; width: 100%; }
th, td { border: 1px solid #bbb; padding: .2rem .4rem; vertical-align: top; text-align: left; }
th { background: #e8f1f8; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr:last-child td { font-weight: normal; }
.note { font-size: .85rem; color: #444; margin-top: 2rem; }
@page { size: A4; margin: 15mm 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  th { background: #e8f1f8 !important; print-color-adjust: exact;
       -webkit-print-color-adjust: exact; }
}
"""


def table(t: Table) -> str:
    out = []
    if t.title:
        out.append(f"<h3>{escape(t.title)}</h3>")
    out.append("<table><thead><tr>")
    out += [f'<th scope="col"{_n(i, t)}>{escape(h)}</th>' for i, h in enumerate(t.header)]
    out.append("</tr></thead><tbody>")
    for row in t.rows:
        out.append("<tr>" + "".join(f"<td{_n(i, t)}>{escape(v)}</td>"
                                    for i, v in enumerate(row)) + "</tr>")
    if not t.rows:
        out.append(f'<tr><td colspan="{len(t.header)}">—</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def _n(i: int, t: Table) -> str:
    return ' class="n"' if i in t.numeric else ""


def page(title: str, lead: list[str], body: list[Section], footer: str, lang: str) -> bytes:
    out = ["<!DOCTYPE html>", f'<html lang="{lang}"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           # nothing may be fetched: no script, no remote font or image, not even a favicon
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'; img-src data:\">",
           '<link rel="icon" href="data:,">',
           f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
           f"<h1>{escape(title)}</h1>"]
    out += [f'<p class="lead">{escape(line)}</p>' for line in lead]
    for s in body:
        out.append(f"<section><h2>{escape(s.title)}</h2>")
        out += [f"<p>{escape(p)}</p>" for p in s.paragraphs]
        for chart in s.charts:
            out.append(f'<figure><figcaption>{escape(chart.title)}</figcaption>{svg(chart)}'
                       "</figure>")
        out += [table(t) for t in s.tables]
        out.append("</section>")
    out.append(f'<p class="note">{escape(footer)}</p></body></html>\n')
    return "\n".join(out).encode("utf-8")
