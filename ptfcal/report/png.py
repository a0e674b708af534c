"""A chart as a PNG image, for the .docx: the one module that imports Pillow (the `docx` extra).

The same layout as the SVG (charts.py), drawn at twice its size so it prints sharply. The
text is in the first of the usual system fonts found (DejaVu Sans on Linux, Arial on Windows and
macOS; Pillow looks in the system's font folders); with none, Pillow's bundled font, which has
no accented letters: the text is then written without its accents (« Prevues ») rather than
with holes. Same machine, same bytes.
"""

from __future__ import annotations

import io

from .charts import BAR, GAP, LABEL, PALETTE, TOP, WIDTH, Chart, _short

SCALE = 2
FONTS = ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "arial.ttf", "Arial.ttf",
         "Arial Unicode.ttf")


def _font(size: int):
    from PIL import ImageFont

    for name in FONTS:
        try:
            return ImageFont.truetype(name, size), True
        except OSError:
            continue
    return ImageFont.load_default(size=size), False


def _plain(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c)).encode("ascii", "replace").decode()


def png(chart: Chart) -> bytes:
    from PIL import Image, ImageDraw

    s = SCALE
    image = Image.new("RGB", (WIDTH * s, chart.height() * s), "white")
    draw = ImageDraw.Draw(image)
    font, full = _font(12 * s)
    small, _ = _font(11 * s)
    say = (lambda t: t) if full else _plain
    scale = (WIDTH - LABEL - 50) / chart.top if chart.top else 0
    x = LABEL
    for i, name in enumerate(chart.series):
        draw.rectangle((x * s, 8 * s, (x + 12) * s, 20 * s), fill=PALETTE[i])
        draw.text(((x + 16) * s, 8 * s), say(name), fill="black", font=font)
        x += 30 + 7 * len(name)
    y = TOP
    for label, values in zip(chart.labels, chart.values, strict=True):
        block = len(chart.series) * BAR
        draw.text(((LABEL - 6) * s, (y + block / 2) * s), say(_short(label)), fill="black",
                  font=font, anchor="rm")
        for i, value in enumerate(values):
            w = round(value * scale)
            if w:
                draw.rectangle((LABEL * s, y * s, (LABEL + w) * s - 1, (y + BAR - 2) * s - 1),
                               fill=PALETTE[i % len(PALETTE)])
            draw.text(((LABEL + w + 4) * s, (y + (BAR - 2) / 2) * s), str(value),
                      fill="black", font=small, anchor="lm")
            y += BAR
        y += GAP
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
