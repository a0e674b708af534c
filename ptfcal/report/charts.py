"""Bar charts as data, drawn as inline SVG (the HTML page) or as PNG (the .docx, see png.py).

A chart is rows of bars: one label per row, one bar per series, each bar's value written beside
it. Its text alternative says every figure in words; the same figures are in a table too.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

# colours readable by the colour-blind (Okabe-Ito) and in grey on paper
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9")

WIDTH = 680
LABEL = 210  # width of the labels' column
BAR = 14
GAP = 10
TOP = 34  # room for the legend


@dataclass(frozen=True)
class Chart:
    key: str  # its id in the page: held, participation, actions
    title: str
    series: tuple[str, ...]
    labels: tuple[str, ...]
    values: tuple[tuple[int, ...], ...]  # one tuple per label, one value per series
    alt: str  # the text alternative: every figure in words

    @property
    def top(self) -> int:
        return max((max(v) for v in self.values if v), default=0)

    def height(self) -> int:
        return TOP + len(self.labels) * (len(self.series) * BAR + GAP) + 8


def _short(label: str, size: int = 32) -> str:
    return label if len(label) <= size else label[: size - 1] + "…"


def svg(chart: Chart) -> str:
    """The chart as an <svg> element, its title and text alternative inside (role=img)."""
    height = chart.height()
    scale = (WIDTH - LABEL - 50) / chart.top if chart.top else 0
    ident = f"chart-{chart.key}"
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{ident}" role="img" '
           f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
           f'aria-labelledby="{ident}-t {ident}-d">',
           f'<title id="{ident}-t">{escape(chart.title)}</title>',
           f'<desc id="{ident}-d">{escape(chart.alt)}</desc>']
    x = LABEL
    for i, name in enumerate(chart.series):
        out.append(f'<rect x="{x}" y="8" width="12" height="12" fill="{PALETTE[i]}"/>'
                   f'<text x="{x + 16}" y="18" font-size="12">{escape(name)}</text>')
        x += 30 + 7 * len(name)
    y = TOP
    for label, values in zip(chart.labels, chart.values, strict=True):
        block = len(chart.series) * BAR
        out.append(f'<text x="{LABEL - 6}" y="{y + block / 2 + 4:.0f}" font-size="12" '
                   f'text-anchor="end">{escape(_short(label))}</text>')
        for i, value in enumerate(values):
            w = round(value * scale)
            out.append(f'<rect x="{LABEL}" y="{y}" width="{w}" height="{BAR - 2}" '
                       f'fill="{PALETTE[i % len(PALETTE)]}"/>'
                       f'<text x="{LABEL + w + 4}" y="{y + BAR - 4}" font-size="11">{value}'
                       '</text>')
            y += BAR
        y += GAP
    out.append("</svg>")
    return "".join(out)
