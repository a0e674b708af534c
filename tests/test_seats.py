"""Issue 22, part 1: who sits for each body, from the texts (the `seats:` of meetings.yaml), and
the distribution lists that fill the seats from the register (docs/people-sample.yaml)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ptfcal.config import load
from ptfcal.convene.seats import seats
from ptfcal.model import SeatKind
from tests.conftest import CONFIG, bundled_schedule
from tests.test_convene import register
from tests.test_record import ptfcal


def listed(config: Path, *args: str) -> list[dict]:
    """The occurrences of `lists … --format json`."""
    out = ptfcal(config, "lists", *args, "--format", "json").out
    doc = json.loads(out[out.index("{"):])
    assert doc["format"] == "ptfcal-lists" and doc["version"] == 1
    return doc["occurrences"]


def who(occurrence: dict) -> list[tuple[str, str, str, str]]:
    return [(r["institution"], r["seat"], r["participation"], r["name"])
            for r in occurrence["recipients"]]


def test_a_groupe_de_dialogue_convenes_its_experts_binomes_and_dialogue_leader(
        config_copy: Path) -> None:
    register(config_copy)
    ptfcal(config_copy, "add", "gt-gd-meeting", "--on", "2021-03-16", "--body",
           "gd-autonomisation-femmes")
    [gd] = listed(config_copy, "2021", "--type", "gt-gd-meeting")
    assert gd["reference"] == "gt-gd-meeting.gd-autonomisation-femmes@2021-03-16"
    assert gd["date"] == "2021-03-16" and gd["body"] == "gd-autonomisation-femmes"
    assert who(gd) == [
        ("banque-mondiale", "dialogue-leader", "required", "Elena Fictif"),
        ("pays-bas", "expert", "required", "Samuel Fictif"),
        ("suisse", "expert", "required", "Aïcha Fictif"),
        ("suisse", "binome", "optional", "Karim Fictif"),
    ]
    assert gd["to"] == ["Elena Fictif <elena.banque-mondiale.dialogue-leader@example.org>",
                        "Samuel Fictif <samuel.pays-bas.expert@example.org>",
                        "Aïcha Fictif <aicha.suisse.expert@example.org>"]
    assert gd["cc"] == ["Karim Fictif <karim.suisse.binome@example.org>"]
    assert gd["recipients"][1]["why"]["fr"] == (
        "expert(e) permanent(e) des Pays-Bas pour GD Autonomisation des femmes (001, B.I Les "
        "participants)")
    # every Dialogue Leader line names its Groupe de Dialogue
    text = ptfcal(config_copy, "lists", "2021", "--type", "gt-gd-meeting").out
    assert "BM — Dialogue Leader, GD Autonomisation des femmes : Elena Fictif" in text


def test_the_ambassadors_group_and_the_retreat(config_copy: Path) -> None:
    register(config_copy)
    first = listed(config_copy, "2021", "--type", "ga-meeting")[0]
    assert first["date"] == "2021-04-28"
    seated = who(first)
    # a multilateral's head « a rang d'ambassadeur »: the World Bank's head, not its deputy
    assert ("banque-mondiale", "head", "required", "Awa Exemple") in seated
    assert not any(name == "Moussa Exemple" for *_, name in seated)
    # one ambassador per country: France's, none for the AFD
    assert ("france", "ambassador", "required", "Karim Exemple") in seated
    assert not any(inst == "afd" for inst, *_ in seated)
    bm = next(r for r in first["recipients"] if r["institution"] == "banque-mondiale")
    assert "qui a rang d'ambassadeur" in bm["why"]["fr"]
    # the UN coordinating agency of 2021 is not recorded: an empty seat that says so
    assert [(s["seat"], s["why"]["fr"]) for s in first["empty_seats"]] == [
        ("head", "agence coordinatrice du SNU 2021 non enregistré(e) dans roles.yaml "
                 "(ptfcal roles 2021 --un-coordinating-agency …)")]
    [retreat] = listed(config_copy, "2021", "--type", "annual-retreat")
    assert retreat["date"] == "2021-02-16"
    seated = who(retreat)
    for ambassador in ("Kenji Exemple", "Sofia Exemple", "Karim Exemple", "Tomas Exemple"):
        assert any(ambassador == name and seat == "ambassador" for _, seat, _, name in seated)
    assert ("pays-bas", "head", "required", "Pieter Exemple") in seated
    assert ("pays-bas", "deputy", "optional", "Ingrid Exemple") in seated


def test_2027_with_its_roles_recorded(config_copy: Path) -> None:
    register(config_copy)
    ptfcal(config_copy, "roles", "2027", "--chef-de-file", "banque-mondiale", "--troika",
           "banque-mondiale,pays-bas,suisse,pnud", "--tripartite",
           "gt-ptf-1-economie=allemagne,due,pays-bas")
    ptfcal(config_copy, "add", "pm-troika-meeting", "--on", "2027-03-17")
    [pm] = listed(config_copy, "2027", "--type", "pm-troika-meeting")
    assert who(pm) == [("banque-mondiale", "head", "required", "Awa Exemple"),
                       ("pays-bas", "ambassador", "required", "Kenji Exemple"),
                       ("suisse", "ambassador", "required", "Sofia Exemple"),
                       ("pnud", "head", "required", "Omar Fictif")]
    coordinators = listed(config_copy, "2027", "--type", "gt-coordinators-meeting")
    march = coordinators[0]
    assert march["date"] == "2027-03-09"  # the day before the GEC it prepares
    tripartite = [(i, n) for i, s, _, n in who(march) if s == "tripartite"]
    assert tripartite == [("allemagne", "Moussa Modèle"), ("due", "Claire Modèle")]
    assert ("banque-mondiale", "head", "required", "Awa Exemple") in who(march)
    empty = [(s["institution"], s["seat_body"]) for s in march["empty_seats"]]
    assert empty[0] == ("pays-bas", "gt-ptf-1-economie")  # nobody in the register
    assert ("gt-ptf-2-capital-humain" in {b for _, b in empty})  # roles not recorded
    # a GD meets its ministry: its Dialogue Leader with the tripartite of the GT PTF above
    ptfcal(config_copy, "add", "gd-ministry-meeting", "--on", "2027-04-14", "--body",
           "gd-autonomisation-femmes")
    [ministry] = listed(config_copy, "2027", "--type", "gd-ministry-meeting")
    assert who(ministry) == [
        ("banque-mondiale", "dialogue-leader", "required", "Elena Fictif"),
        ("allemagne", "tripartite", "required", "Moussa Modèle"),
        ("due", "tripartite", "required", "Claire Modèle")]
    assert ministry["recipients"][1]["seat_body"] == "gt-ptf-1-economie"
    assert "(002, IV.12)" in ministry["recipients"][1]["why"]["fr"]


def test_the_coordinators_meeting_says_when_the_years_roles_are_unrecorded(
        config_copy: Path) -> None:
    register(config_copy)
    result = ptfcal(config_copy, "lists", "2021", "--type", "gt-coordinators-meeting")
    lines = result.out.splitlines()
    assert lines[0] == "mardi 9 mars 2021 — Réunion trimestrielle des Coordonnateurs des " \
                       "Groupes thématiques"
    assert lines[2] == ("  Coordonnateurs GT — titulaire (chef d'agence) : non renseigné "
                        "(Troïka 2021 non enregistré(e) dans roles.yaml (ptfcal roles 2021 "
                        "--troika …))")
    assert lines[8] == ("  personne à convoquer : ses sièges dépendent des rôles 2021, non "
                        "enregistrés")
    csv = ptfcal(config_copy, "lists", "2021", "--type", "gt-coordinators-meeting",
                 "--format", "csv")
    assert "4 réunions sans personne à convoquer :" in csv.err
    assert "mardi 9 mars 2021 — Réunion trimestrielle des Coordonnateurs des Groupes " \
           "thématiques : personne à convoquer (ses sièges dépendent des rôles 2021, non " \
           "enregistrés)" in csv.err


def test_a_sector_review_convenes_the_groupes_de_dialogue_facing_its_cps(
        config_copy: Path) -> None:
    register(config_copy)
    ptfcal(config_copy, "add", "sector-review", "--on", "2027-03-25", "--body", "cps-icaepip")
    [review] = listed(config_copy, "2027", "--type", "sector-review")
    assert review["date"] == "2027-03-25"
    assert who(review) == [
        ("banque-mondiale", "dialogue-leader", "required", "Awa Modèle"),
        ("pays-bas", "expert", "required", "Ousmane Fictif"),
        ("suisse", "expert", "required", "Anna Fictif"),
        ("suisse", "binome", "optional", "Daniel Fictif"),
    ]
    assert {r["seat_body"] for r in review["recipients"]} == {"gd-dev-secteur-prive"}
    # the other GD facing the CPS: its leads, not in the register
    assert [(s["institution"], s["seat_body"]) for s in review["empty_seats"]] == [
        ("due", "gd-ecofin-stats"), ("allemagne", "gd-ecofin-stats")]


def test_a_meeting_whose_composition_the_texts_do_not_give_is_reported(
        config_copy: Path) -> None:
    register(config_copy)
    ptfcal(config_copy, "add", "seg-copil-meeting", "--on", "2021-05-19")
    [copil] = listed(config_copy, "2021", "--type", "seg-copil-meeting")
    assert copil["recipients"] == [] and copil["to"] == []
    assert copil["nobody_to_convene"]["fr"] == (
        "les textes ne disent pas qui siège à Réunion du Comité de pilotage du SEG : personne "
        "n'est convoqué")
    out = ptfcal(config_copy, "lists", "2021", "--type", "seg-copil-meeting").out
    assert "  personne à convoquer : les textes ne disent pas qui siège" in out


def test_seats_name_institutions_without_the_register() -> None:
    """The institution-level answer (the bilan's): no person, only the model."""
    model = load(CONFIG)
    events = bundled_schedule(2021).events
    ga = next(e for e in events if e.meeting_type == "ga-meeting")
    assert ga.day == date(2021, 4, 28)
    found = {(s.institution, s.kind, s.required, s.body) for s in seats(model, ga)}
    assert ("banque-mondiale", SeatKind.HEAD, True, "ga") in found
    assert ("france", SeatKind.AMBASSADOR, True, "ga") in found
    assert not any(inst == "afd" for inst, *_ in found)
    assert (None, SeatKind.HEAD, True, "ga") in found  # the UN agency of 2021: not recorded
    gec = next(e for e in events if e.meeting_type == "gec-monthly")
    gec_seats = seats(model, gec)
    assert len([s for s in gec_seats if s.kind is SeatKind.HEAD]) == len(
        [s for s in gec_seats if s.kind is SeatKind.DEPUTY])
    assert all(s.required == (s.kind is SeatKind.HEAD) for s in gec_seats)
    # the Commission Mixte: every PTF's titulaire, and the GT PTF tripartites that prepare it
    cm = next(e for e in events if e.meeting_type == "commission-mixte-session")
    kinds = {s.kind for s in seats(model, cm)}
    assert kinds == {SeatKind.HEAD, SeatKind.TRIPARTITE}


def test_to_cc_lines_and_vcards(config_copy: Path, tmp_path: Path) -> None:
    import vobject

    register(config_copy)
    lines = ptfcal(config_copy, "lists", "2021", "--type", "gt-ptf-coordination", "--body",
                   "gt-ptf-1-economie", "--format", "to-cc").out.splitlines()
    assert lines[0] == "jeudi 7 janvier 2021 — Réunion de coordination tripartite — GT PTF 1"
    assert lines[1] == ("À : Elena Fictif <elena.banque-mondiale.dialogue-leader@example.org>; "
                        "Awa Modèle <awa.banque-mondiale.dialogue-leader@example.org>")
    one = tmp_path / "gd.vcf"
    ptfcal(config_copy, "lists", "2021", "--type", "gt-gd-meeting", "--format", "vcf",
           "--output", str(one))  # no GD meeting: an empty file
    ptfcal(config_copy, "add", "gt-gd-meeting", "--on", "2021-03-16", "--body",
           "gd-autonomisation-femmes")
    ptfcal(config_copy, "lists", "2021", "--type", "gt-gd-meeting", "--format", "vcf",
           "--output", str(one))
    data = one.read_bytes()
    assert b"\n" not in data.replace(b"\r\n", b"")  # CRLF only
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded
    cards = list(vobject.readComponents(data.decode("utf-8")))
    assert [c.version.value for c in cards] == ["3.0"] * 4
    titles = {c.fn.value: c.title.value for c in cards}
    assert titles["Elena Fictif"] == "Dialogue Leader, GD Autonomisation des femmes"
    assert cards[0].org.value == ["Banque mondiale"]
    # accents marked UTF-8 for Outlook for Windows (else read in the system's code page)
    assert titles["Aïcha Fictif"] == "expert(e) permanent(e), GD Autonomisation des femmes"
    assert "FN;CHARSET=UTF-8:Aïcha Fictif\r\n".encode() in data
    assert "N;CHARSET=UTF-8:Fictif;Aïcha;;;\r\n".encode() in data
    assert b"FN:Elena Fictif\r\n" in data  # plain ASCII: no parameter
    # the card file ptfcal wrote was replaced above (the ledger); once edited, it is not
    one.write_bytes(data + b"NOTE:mes notes\r\n")
    refused = ptfcal(config_copy, "lists", "2021", "--type", "gt-gd-meeting", "--format", "vcf",
                     "--output", str(one), code=2)
    assert "ptfcal ne l'écrase pas et rien n'est écrit" in refused.err
    assert one.read_bytes() == data + b"NOTE:mes notes\r\n"
    # Outlook reads one card a file: a folder gets one file per person
    folder = tmp_path / "contacts"
    result = ptfcal(config_copy, "lists", "2021", "--type", "gt-gd-meeting", "--format", "vcf",
                    "--output", str(folder))
    assert "4 fiches vCard dans" in result.err
    files = sorted(p.name for p in folder.iterdir())
    assert files == ["Aïcha-Fictif-aicha.suisse.expert.vcf",
                     "Elena-Fictif-elena.banque-mondiale.dialogue-leader.vcf",
                     "Karim-Fictif-karim.suisse.binome.vcf",
                     "Samuel-Fictif-samuel.pays-bas.expert.vcf"]
    for path in folder.iterdir():
        [card] = list(vobject.readComponents(path.read_text(encoding="utf-8")))
        assert path.name.endswith(card.email.value.split("@")[0] + ".vcf")
    ptfcal(config_copy, "lists", "2021", "--type", "gt-gd-meeting", "--format", "vcf",
           "--output", str(folder))  # its own cards: replaced
    foreign = folder / files[0]
    foreign.write_text("mes notes\n", encoding="utf-8")
    refused = ptfcal(config_copy, "lists", "2021", "--type", "gt-gd-meeting", "--format",
                     "vcf", "--output", str(folder), code=2)
    assert "n'est pas une fiche que ptfcal a écrite" in refused.err
    assert foreign.read_text(encoding="utf-8") == "mes notes\n"


def test_every_lists_json_field_is_documented(config_copy: Path) -> None:
    import re

    register(config_copy)
    doc = (CONFIG.parent / "docs" / "lists-json.md").read_text(encoding="utf-8")
    sections = doc.split("\n## ")
    documented = [set(re.findall(r"^\| `([a-z_]+)` \|", s, re.M)) for s in sections[1:]]
    ga = listed(config_copy, "2021", "--type", "ga-meeting")[0]
    assert documented == [set(ga), set(ga["recipients"][0]), set(ga["empty_seats"][0])]


def test_a_wrong_seat_in_meetings_yaml_is_located(config_copy: Path) -> None:
    path = config_copy / "meetings.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("      - {who: troika, seat: head}\n",
                        "      - {who: troïka, seat: head}\n      - {who: lead, seat: chef, "
                        "in: every nulle-part}\n", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("      - {who: troïka, seat: head}") + 1
    err = ptfcal(config_copy, "lists", "2021", code=2).err
    assert f"meetings.yaml:{line}:15: meeting_types[4].seats[1].who: 'troïka' n'est pas un " \
           "groupe de sièges (members / chef-de-file / troika /" in err
    assert f"meetings.yaml:{line + 1}:27: meeting_types[4].seats[2].seat: 'chef' n'est pas un " \
           "siège (head / deputy / ambassador /" in err
    assert f"meetings.yaml:{line + 1}:37: meeting_types[4].seats[2].in: 'nulle-part' n'est " \
           "pas une catégorie d'instances connue" in err
    assert "3 erreurs dans la configuration" in err


def test_the_2019_coordinators_meeting_convenes_the_troika_and_the_gt_coordinators(
        config_copy: Path) -> None:
    register(config_copy)
    out = ptfcal(config_copy, "lists", "2019", "--type", "gt-coordinators-meeting").out
    march = out.split("\nmardi 11 juin 2019")[0].splitlines()
    assert march[0] == ("mardi 12 mars 2019 — Réunion trimestrielle des Coordonnateurs des "
                        "Groupes thématiques")
    assert march[1:5] == [
        "  BM — titulaire (chef d'agence) : Awa Exemple <awa.banque-mondiale.head@example.org>",
        "  Pays-Bas — titulaire (chef d'agence) : Pieter Exemple "
        "<pieter.pays-bas.head@example.org>",
        "  Suisse — titulaire (chef d'agence) : Lucia Exemple <lucia.suisse.head@example.org>",
        "  MINUSMA — titulaire (chef d'agence) : Lucia Fictif <lucia.minusma.head@example.org>"]
    assert "  FAO — coordonnateur (coordinatrice), EAR : non renseigné" in march


def test_one_vcard_file_per_person_even_with_the_same_name_and_mailbox(
        config_copy: Path, tmp_path: Path) -> None:
    """Two people named alike with the same mailbox name at two domains: two files (one was
    written over the other), the second with its address's digest."""
    import vobject

    register(config_copy, "  - name: \"Jean Dupont\"\n    institution: canada\n"
             "    role: expert\n    body: gd-autonomisation-femmes\n"
             "    email: jean@canada.example.org\n"
             "  - name: \"Jean Dupont\"\n    institution: belgique\n"
             "    role: expert\n    body: gd-autonomisation-femmes\n"
             "    email: jean@belgique.example.org\n")
    ptfcal(config_copy, "add", "gt-gd-meeting", "--on", "2021-03-16", "--body",
           "gd-autonomisation-femmes")
    folder = tmp_path / "contacts"
    result = ptfcal(config_copy, "lists", "2021", "--type", "gt-gd-meeting", "--format", "vcf",
                    "--output", str(folder))
    assert "6 fiches vCard dans" in result.err
    files = sorted(p.name for p in folder.iterdir() if p.name.startswith("Jean"))
    assert len(files) == 2 and "Jean-Dupont-jean.vcf" in files
    mails = sorted(next(vobject.readComponents((folder / name).read_text(encoding="utf-8")))
                   .email.value for name in files)
    assert mails == ["jean@belgique.example.org", "jean@canada.example.org"]


def test_the_english_list_names_seats_in_english(config_copy: Path) -> None:
    register(config_copy)
    lines = ptfcal(config_copy, "lists", "2021", "--type", "ga-meeting", "--lang",
                   "en").out.splitlines()
    assert lines[0] == "Wednesday 28 April 2021 — Ambassadors' Group meeting"
    assert "  WB — head of agency: Awa Exemple <awa.banque-mondiale.head@example.org>" in lines
    assert not any("titulaire" in line for line in lines)


def test_the_health_sector_review_convenes_its_gds_only_and_says_why_nobody(
        config_copy: Path) -> None:
    """The CPS Santé also chairs the GT CREDD Capital humain: its GT PTF is not convened to
    the health review (nor listed as an empty coordinator's seat); the sample register holds
    nobody of GD PSSAN and GD Santé, which is what is said (not the year's roles)."""
    register(config_copy)
    ptfcal(config_copy, "add", "sector-review", "--on", "2027-03-25", "--body",
           "cps-sante-dspf")
    [review] = listed(config_copy, "2027", "--type", "sector-review")
    assert review["recipients"] == []
    assert [(s["institution"], s["seat"], s["seat_body"]) for s in review["empty_seats"]] == [
        ("due", "dialogue-leader", "gd-pssan"), ("pam", "dialogue-leader", "gd-pssan"),
        ("fnuap", "dialogue-leader", "gd-sante")]
    assert review["nobody_to_convene"]["fr"] == (
        "aucune personne du registre des personnes n'occupe ses sièges")


def test_the_text_list_marks_an_optional_seat_in_each_language(config_copy: Path) -> None:
    register(config_copy)
    for lang, line in (
            ("fr", "  Pays-Bas — suppléant(e) (facultatif) : Ingrid Exemple "
                   "<ingrid.pays-bas.deputy@example.org>"),
            ("en", "  Netherlands — deputy (optional): Ingrid Exemple "
                   "<ingrid.pays-bas.deputy@example.org>")):
        out = ptfcal(config_copy, "lists", "2021", "--type", "annual-retreat", "--lang",
                     lang).out
        assert line in out.splitlines()


def test_vcards_to_a_file_that_is_no_folder_are_refused(config_copy: Path,
                                                          tmp_path: Path) -> None:
    """« --output notes.txt » (not .vcf) means a folder; an existing file there was an
    internal error (FileExistsError, exit 70); it is refused and left as it was."""
    register(config_copy)
    notes = tmp_path / "notes.txt"
    notes.write_text("mes notes\n", encoding="utf-8")
    result = ptfcal(config_copy, "lists", "2021", "--type", "ga-meeting", "--format", "vcf",
                    "--output", str(notes), code=2)
    assert f"erreur : {notes} existe et n'est pas un dossier : --format vcf écrit une fiche " \
        "par personne dans un dossier" in result.err
    assert notes.read_text(encoding="utf-8") == "mes notes\n"
