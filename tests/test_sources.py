"""Every quote of the configuration is the source text's own words (issue 11: « the quotes
still match the seed texts verbatim »). The five texts are kept in tests/data/seeds/ (plain-text
exports whose Word emphasis, italics and footnote marks are ignored when comparing)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import CONFIG, bundled_model

SEEDS = Path(__file__).parent / "data" / "seeds"


def _plain(text: str) -> str:
    text = re.sub(r"<sup>.*?</sup>", "", text)
    text = re.sub(r"</?[a-z]+[^>]*>", "", text).replace("**", "")
    text = text.replace("’", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


TEXTS = {p.name[:3]: _plain(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}


def _quotes():
    model = bundled_model()
    sources = []
    for group in (model.bodies.values(), model.meeting_types.values(), model.checks):
        sources += [(x.id, x.source) for x in group]
    sources += [(f"roles {r.year}", r.source) for r in model.roles.values() if r.source]
    sources += [(i.id, i.source) for i in model.institutions.values() if i.source]
    for facts in model.years.values():
        sources += [(f"{f.meeting_type} {f.nominal}", f.source) for f in facts.occurrences
                    if f.source]
    return [(ident, s.text, s.quote) for ident, s in sources
            if s.quote and s.text in TEXTS]


def test_the_five_texts_are_there() -> None:
    assert sorted(TEXTS) == ["000", "001", "002", "003", "004"]
    assert CONFIG.is_dir()


@pytest.mark.parametrize("ident, text, quote", _quotes(), ids=lambda x: str(x)[:40])
def test_every_quote_is_the_texts_own_words(ident, text, quote) -> None:
    for part in (p.strip() for p in quote.split("…")):  # « … » marks a cut
        assert _plain(part) in TEXTS[text], (ident, text, part)
