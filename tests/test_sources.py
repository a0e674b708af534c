"""Every quote of the configuration is the source text's own words (issue 11: « the quotes
still match the seed texts verbatim »). The five texts are kept in tests/data/seeds/ (plain-text
exports whose Word emphasis, italics and footnote marks are ignored when comparing)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import CONFIG, bundled_model, run_ptfcal

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
    sources += [(f"{t.id} seats", s.source) for t in model.meeting_types.values()
                for s in t.seats if s.source]
    sources += [(f"{t.id} convened_by", t.convened_by.source)
                for t in model.meeting_types.values() if t.convened_by and t.convened_by.source]
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


# Quotes that several entries share because the text states them all in one passage (issue 19:
# « no two rules share one quote unless the text does »). Key: the quote's first words.
SHARED = {
    "Cette revue se tient en deux sessions": "the CREDD review and its technical session: one "
    "sentence gives both sessions",
    "la lettre circulaire sur le calendrier harmonisé": "the circular and its author, the "
    "Ministry of Economy and Finance, named in the same sentence",
    "d'examiner les conclusions de certaines revues": "the public finance reviews (PAGAM) and "
    "their body, one sentence",
    "on peut adjoindre les rencontres ponctuelles": "the Prime Minister and the PM-Troïka "
    "meeting, one sentence",
    "Secrétariat des GT assuré par le CT-CSLP": "one cell of 002's table gives the secretariat "
    "of all four GT CREDD (and so the AEDD's part and C-SEC-1)",
    "les Groupes de Dialogue seront positionnés en face des 11 CPS": "the eleven CPS are named "
    "together by the text",
    "les sous-groupes de travail CREDD, présidés": "the eleven CREDD sub-groups, one sentence",
    "Cette réunion est présidée par le Chef de File": "the coordinators' body and its chair "
    "rule (C-COORD-2)",
    "Le niveau « flottant » est constitué": "the four 2019 ad hoc groups, listed in one "
    "sentence",
    "une coordination « tripartites »": "the five GT PTF share one lead rule",
    "Tous les anciens GT et SGT deviennent": "the sixteen Groupes de Dialogue, one sentence",
    "Les Binômes des Groupes de Dialogue et les Coordinateurs de Clusters": "the clusters, "
    "one sentence for all",
    "Est géré par un Comité de pilotage": "the SEG steering committee and its meeting",
    "composé de la Cellule Technique du CSLP": "the CT-CSLP and the SHA, named together",
    "Le secrétariat technique de l'ensemble de ces rencontres": "the Cadre Partenarial and "
    "the rule that it serves (C-SEC-2)",
    "Elle a lieu le deuxième mercredi du mois": "the GEC's date rule: the meeting type, the "
    "second Wednesday (C-GEC-1) and the August exception (C-GEC-2) are one sentence",
    "Deux fois par an et plus selon les besoins": "the GA meeting type and its count (C-GA-1)",
    "La retraite annuelle du Groupe des PTF a lieu": "the retreat and its date rule (C-RET-2)",
    "pendant les rencontres trimestrielles": "the coordinators' meeting and its quarterly "
    "count (C-COORD-1)",
    "se coordonnent en participant systématiquement": "the cluster meetings and the rule that "
    "GD and clusters attend each other's (C-GD-3)",
    "Elle se réunit trois fois par an": "the Joint Commission session and its count (C-CM-1)",
    "Les revues sectorielles se tiennent impérativement": "the 30 April deadline and its "
    "check (C-SR-1)",
    "en début d'année": "the GD priorities and their deadline check (C-GD-4)",
    "sur la base des thématiques prioritaires": "the GEC's annual axes and their check (C-RET-3)",
    "la RBC se tient désormais au mois de juin de chaque année": "June (C-RBC-1) and once a "
    "year (C-RBC-2), one sentence",
    "Troïka Elargie (BM CdF PTF 2019": "the 2019 roles and the MINUSMA's seat, one cell",
    "certains PTF (Allemagne, Canada": "the partners of the Pool Technique, one list",
    # who convenes a joint framework (issue 22) quotes the sentence that describes its body
    "ce sont des cadres de dialogue autour des politiques sectorielles": "the sector reviews "
    "and who convenes them, one sentence",
    "l'organe de concertation et de dialogue politique": "the Joint Commission and who "
    "convenes it, one sentence",
    "une décision (n°145) du Ministère": "the Comité Conjoint and who convenes the RBC",
    "elle est organisée par le décret n° 2018-0623": "both sessions of the CREDD review are "
    "convened under the decree that organises it",
}


def _sharing() -> dict[str, list[str]]:
    by_quote: dict[tuple[str, str], list[str]] = {}
    for ident, text, quote in _quotes():
        if ident.endswith(" seats"):  # who sits: the words that also found the body or type
            continue
        by_quote.setdefault((text, _plain(quote)), []).append(ident)
    return {quote: idents for (_, quote), idents in by_quote.items() if len(idents) > 1}


def test_no_two_entries_share_a_quote_unless_the_text_does() -> None:
    shared = _sharing()
    unexplained = {q: who for q, who in shared.items()
                   if not any(q.startswith(_plain(key)) for key in SHARED)}
    assert unexplained == {}
    stale = [key for key in SHARED if not any(q.startswith(_plain(key)) for q in shared)]
    assert stale == []


def test_each_2019_group_quotes_its_own_row_of_the_table() -> None:
    model = bundled_model()
    groups = [b for b in model.bodies.values() if b.category in
              ("gt-2019", "gt-2019-transversal", "sgt-2019")]
    assert len(groups) == 22
    for body in groups:
        assert body.source.quote.startswith(body.name.fr.split(" (")[0]), body.id
    assert _plain("Economie Agricole et Rurale [EAR] (FAO)") == _plain(
        model.bodies["gt19-ear"].source.quote)


PARAGRAPHS = {p.name[:3]: [_plain(line) for line in p.read_text(encoding="utf-8").splitlines()]
              for p in SEEDS.glob("*.txt")}


def _one_paragraph(text: str, quote: str) -> bool:
    parts = [_plain(p) for p in quote.split("…")]
    for paragraph in PARAGRAPHS[text]:
        at = 0
        for part in parts:
            at = paragraph.find(part, at)
            if at < 0:
                break
            at += len(part)
        else:
            return True
    return False


def test_no_quote_glues_two_passages() -> None:
    """A quote is one passage: « … » cuts inside a paragraph, it never joins two (C-ARCH-2
    glued I.3 to II.1)."""
    glued = [ident for ident, text, quote in _quotes()
             if "…" in quote and not _one_paragraph(text, quote)]
    assert glued == []
    assert not _one_paragraph("002", "a adopté la nouvelle configuration à 5 GT adossés à ceux "
                              "du CREDD … désormais alignés sur ceux du CREDD")


def test_the_people_conflict_rule_cites_its_honest_basis() -> None:
    """No text says « nobody at two meetings at once »: RULES.md derives it (C-GEN-3)."""
    rule = next(r for r in bundled_model().checks if r.id == "C-GEN-3")
    assert (rule.source.text, rule.source.quote) == ("rules", None)


def test_the_gt_credd_chairs_are_data(tmp_path, config_copy) -> None:
    """002's table gives each GT CREDD a chair and two vice-chairs: bodies the loader checks,
    named in the meeting's description (not a free-text note)."""
    model = bundled_model()
    chairs = {b: ([t.ref for t in model.bodies[b].chair],
                  [t.ref for t in model.bodies[b].vice_chair])
              for b in sorted(model.bodies) if model.bodies[b].category == "gt-credd"}
    assert chairs == {
        "gt-credd-capital-humain": (["cps-sante-dspf"], ["forum-osc", "cps-education"]),
        "gt-credd-croissance": (["dnp-mef"], ["cps-icaepip", "cnpm"]),
        "gt-credd-dig": (["cdi"], ["cnsc", "cps-atfpsi"]),
        "gt-credd-environnement": (["aedd"], ["cps-eeud", "cne"]),
    }
    (config_copy / "years" / "2022.yaml").write_text(
        "year: 2022\nevents:\n  - type: gt-credd-meeting\n    body: gt-credd-croissance\n"
        "    date: 2022-05-10\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_ptfcal("generate", "2022", "--config", str(config_copy), "--out", str(out))
    assert result.code in (0, 1), result.err
    feed = (out / "2022" / "bodies" / "gt-credd-croissance.ics").read_bytes().decode()
    feed = feed.replace("\r\n ", "").replace("\\,", ",").replace("\\n", "\n")
    assert "Présidence : DNP/MEF\nVice-présidence : CPS Industrie-Commerce, CNPM\n" in feed
