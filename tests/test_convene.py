"""Issue 14, first part: the register of people and the distribution lists (the invitations
are not built yet)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.conftest import CONFIG, run_ptfcal
from tests.test_record import ptfcal

SAMPLE = CONFIG.parent / "docs" / "people-sample.yaml"


def register(config: Path, extra: str = "") -> Path:
    path = config / "people.yaml"
    path.write_text(SAMPLE.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return path


def rows(data: bytes) -> list[dict]:
    assert data.startswith("\ufeff".encode())  # a BOM: Excel reads UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_the_sample_register_checks_clean() -> None:
    result = ptfcal(CONFIG, "people", "check", "--people", str(SAMPLE))
    assert "people-sample.yaml : 51 personnes, aucune erreur" in result.out


def test_gec_lists_convene_at_most_two_per_delegation(config_copy: Path, tmp_path: Path) -> None:
    register(config_copy)
    out = tmp_path / "gec.csv"
    ptfcal(config_copy, "lists", "2020", "--type", "gec-monthly", "--format", "csv",
           "--output", str(out))
    found = rows(out.read_bytes())
    gecs = sorted({r["Date"] for r in found})
    assert gecs[0] == "2020-01-08" and "2020-06-17" in gecs and len(gecs) == 11
    delegations = {"France": "france", "AFD": "france", "États-Unis": "etats-unis",
                   "USAID": "etats-unis"}
    for day in gecs:
        people: dict[str, int] = {}
        for r in found:
            if r["Date"] == day and r["Courriel"]:
                key = delegations.get(r["Institution"], r["Institution"])
                people[key] = people.get(key, 0) + 1
        assert max(people.values()) <= 2, (day, people)
    january = [r for r in found if r["Date"] == "2020-01-08"]
    france = [(r["Institution"], r["Rôle"], r["Participation"]) for r in january
              if r["Institution"] in ("France", "AFD")]
    assert france == [("AFD", "titulaire (chef d'agence)", "requise"),
                      ("France", "titulaire (chef d'agence)", "requise")]
    bm = [(r["Rôle"], r["Participation"], r["Nom"]) for r in january if r["Institution"] == "BM"]
    assert bm == [("titulaire (chef d'agence)", "requise", "Awa Exemple"),
                  ("suppléant(e)", "facultative", "Moussa Exemple")]
    assert all(r["Pourquoi"] for r in found)


def test_a_third_person_for_france_is_a_located_error(config_copy: Path) -> None:
    path = register(config_copy, '  - name: "Louise Surnuméraire"\n    institution: afd\n'
                    "    role: deputy\n    email: louise.afd.deputy@example.org\n")
    line = len(SAMPLE.read_text(encoding="utf-8").splitlines()) + 1
    result = ptfcal(config_copy, "lists", "2020", "--type", "gec-monthly", code=2)
    assert f"people.yaml:{line}:5: role: C-GEC-6 : 3 personnes convoquées pour une même " \
           "délégation à Réunion mensuelle du GEC du mercredi 8 janvier 2020, au plus 2 " \
           "(Aïcha Exemple (France), Elena Exemple (AFD), Louise Surnuméraire (AFD))" \
        in result.err
    assert "1 erreur" in result.err  # once, not once per GEC
    assert path.exists()


def test_a_seat_nobody_holds_is_listed_not_recorded(config_copy: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    start = text.index('  - name: "Claire Exemple"\n    institution: bad\n')
    end = text.index("  - name:", start + 5)
    (config_copy / "people.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    result = ptfcal(config_copy, "lists", "2020", "--type", "gec-monthly")
    assert "BAD — titulaire (chef d'agence) : non renseigné" in result.out


def test_register_errors_are_all_located(config_copy: Path) -> None:
    (config_copy / "people.yaml").write_text(
        "people:\n"
        "  - name: A\n    institution: nulle-part\n    role: head\n    email: a@example.org\n"
        "  - name: B\n    institution: afd\n    role: chef\n    email: b@example.org\n"
        "  - name: C\n    institution: afd\n    role: head\n    email: pas-une-adresse\n"
        "  - name: D\n    institution: afd\n    role: expert\n    email: d@example.org\n"
        "  - name: E\n    institution: afd\n    role: head\n    email: e@example.org\n"
        "  - name: E\n    institution: afd\n    role: head\n    email: e@example.org\n",
        encoding="utf-8")
    err = ptfcal(config_copy, "people", "check", code=2).err
    assert "people.yaml:2:5: institution: « nulle-part » n'est pas une institution" in err
    assert "people.yaml:8:11: people[1].role:" in err
    assert "people.yaml:13:12: people[2].email: 'pas-une-adresse' n'est pas une adresse " \
           "électronique" in err
    assert "people.yaml:14:5: body: le siège « expert » se tient dans une instance" in err
    assert "people.yaml:22:5: cette personne occupe déjà ce siège (people.yaml:18:5)" in err
    missing = run_ptfcal("people", "check", "--people", str(config_copy / "nope.yaml"),
                         "--config", str(config_copy))
    assert missing.code == 2 and "docs/people-sample.yaml" in missing.err


def test_vcard_and_outlook_contacts(config_copy: Path, tmp_path: Path) -> None:
    import vobject

    register(config_copy)
    # the tripartite members are the year's (roles.yaml): recorded first
    ptfcal(config_copy, "roles", "2020", "--tripartite",
           "gt-ptf-1-economie=allemagne,due,pays-bas")
    vcf = tmp_path / "gd.vcf"
    ptfcal(config_copy, "lists", "2020", "--type", "gt-ptf-coordination", "--body",
           "gt-ptf-1-economie", "--format", "vcf", "--output", str(vcf))
    cards = list(vobject.readComponents(vcf.read_text(encoding="utf-8")))
    titles = sorted(c.title.value for c in cards)
    # its tripartite members and the Dialogue Leaders of the GDs under it (not the heads)
    assert titles == ["Dialogue Leader, GD Autonomisation des femmes",
                      "Dialogue Leader, GD Secteur privé",
                      "membre de la coordination tripartite, GT PTF 1",
                      "membre de la coordination tripartite, GT PTF 1"]
    outlook = tmp_path / "contacts.csv"
    ptfcal(config_copy, "lists", "2020", "--type", "gec-monthly", "--format", "outlook",
           "--output", str(outlook))
    lines = outlook.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0] == "First Name,Last Name,E-mail Address,Company,Job Title"
    assert len(lines) - 1 == len({line.split(",")[2] for line in lines[1:]})  # once each


def test_the_register_is_never_published(config_copy: Path, tmp_path: Path) -> None:
    register(config_copy)
    out = tmp_path / "out"
    ptfcal(config_copy, "generate", "2020", "--out", str(out), "--as-of", "2020-07-01")
    emails = [line.split(":", 1)[1].strip() for line in
              SAMPLE.read_text(encoding="utf-8").splitlines() if "email:" in line]
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"example.org" not in data and b"Exemple" not in data, path
            assert not any(e.encode() in data for e in emails), path
    assert not list(out.rglob("people*"))
    # nor the package, nor the repository: excluded from the package data, ignored by git
    root = CONFIG.parent
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert '"ptfcal.bundled_config" = ["people.yaml",' in pyproject.split(
        "[tool.setuptools.exclude-package-data]")[1]
    assert "config/people.yaml" in (root / ".gitignore").read_text(encoding="utf-8")


def test_registers_of_the_wrong_shape_are_located(tmp_path: Path) -> None:
    for content, expected in (("- a\n", "une liste n'est pas une table"),
                              ("people:\n  name: x\n", "une table n'est pas une liste"),
                              ("# rien\n", "le registre est vide")):
        path = tmp_path / "people.yaml"
        path.write_text(content, encoding="utf-8")
        result = run_ptfcal("people", "check", "--people", str(path), "--config", str(CONFIG))
        assert result.code == 2 and expected in result.err, result.err


def test_personal_data_is_never_written_or_read_in_a_published_folder(
        config_copy: Path, tmp_path: Path) -> None:
    """Issue 20, item 2: a list written into the output folder, or an outbox kept there, was
    served with the feeds. A folder that holds a publication (its change-tracking state), or
    is under one, is refused for the lists, the outbox and the register: exit 2, nothing
    written."""
    register(config_copy)
    out = tmp_path / "calendars"
    ptfcal(config_copy, "generate", "2020", "--out", str(out), "--as-of", "2020-07-01")
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    (out / "people.yaml").write_bytes((config_copy / "people.yaml").read_bytes())
    refused = [
        ("lists", "2020", "--format", "csv", "--output", str(out / "2020" / "liste-gec.csv")),
        ("lists", "2020", "--format", "vcf", "--output", str(out / "gec.vcf")),
        # a folder of cards, one a person: in the publication, or the publication itself
        ("lists", "2020", "--format", "vcf", "--output", str(out / "contacts")),
        ("lists", "2020", "--format", "vcf", "--output", str(out)),
        ("lists", "2020", "--format", "json", "--output", str(out / "listes.json")),
        ("invite", "2020", "--organizer", "seg@example.org", "--outbox", str(out / "2020")),
        ("invite", "2020", "--organizer", "seg@example.org", "--outbox", str(out / "outbox")),
        ("lists", "2020", "--people", str(out / "people.yaml")),
        ("people", "check", "--people", str(out / "people.yaml")),
    ]
    for args in refused:
        result = run_ptfcal(*args, "--config", str(config_copy))
        assert result.code == 2, (args, result.out, result.err)
        assert f"ce dossier est publié ({out} contient .ptfcal-state.json) ; des données " \
               "personnelles n'y vont jamais" in result.err, result.err
        assert "Traceback" not in result.err
    (out / "people.yaml").unlink()
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before
    # a link to the published folder is the published folder
    (tmp_path / "elsewhere").symlink_to(out / "2020")
    linked = run_ptfcal("lists", "2020", "--format", "csv", "--output",
                        str(tmp_path / "elsewhere" / "l.csv"), "--config", str(config_copy))
    assert linked.code == 2 and "ce dossier est publié" in linked.err
    # beside the publication, not in it: written
    ptfcal(config_copy, "lists", "2020", "--format", "csv", "--output",
           str(tmp_path / "liste-gec.csv"))
    assert (tmp_path / "liste-gec.csv").read_bytes().startswith("\ufeff".encode())


def test_one_address_in_two_seats_is_flagged_naming_both_lines(config_copy: Path) -> None:
    """Issue 20, item 11: the same address in two seats passed `people check` in silence. In
    a seat and the seat that stands in for it (titulaire and suppléant, expert and binôme) it
    is an error; in two other seats at once a warning, both lines named."""
    path = register(config_copy, "  - name: \"Awa Exemple\"\n"
                                 "    institution: banque-mondiale\n"
                                 "    role: deputy\n"
                                 "    email: Awa.Banque-Mondiale.Head@example.org\n"
                                 "    from: 2021-01-01\n")
    lines = path.read_text(encoding="utf-8").splitlines()
    first = lines.index('  - name: "Awa Exemple"') + 1
    last = len(lines) - 4
    err = ptfcal(config_copy, "people", "check", code=2).err
    assert f"people.yaml:{last}:5: email: Awa.Banque-Mondiale.Head@example.org occupe déjà le " \
           f"siège « titulaire (chef d'agence) » (people.yaml:{first}:5) : « suppléant(e) » le " \
           "remplace en son absence, ce doit être une autre personne" in err

    path = register(config_copy, "  - name: \"A. Exemple\"\n"
                                 "    institution: bad\n"
                                 "    role: ambassador\n"
                                 "    email: awa.banque-mondiale.head@example.org\n")
    result = ptfcal(config_copy, "people", "check")
    said, *warnings = result.err.splitlines()
    assert said == f"Configuration : {config_copy}"  # the folder used, named first
    assert warnings == [
        f"people.yaml:{last}:5: email: avertissement : awa.banque-mondiale.head@example.org "
        "occupe aussi le siège « titulaire (chef d'agence) » (banque-mondiale, "
        f"people.yaml:{first}:5) sous le nom « Awa Exemple » ; vérifiez qu'il s'agit bien de "
        "la même personne"]
    assert "52 personnes, aucune erreur" in result.out
    # seats held one after the other are not flagged
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    email: awa.banque-mondiale.head@example.org\n",
        "    email: awa.banque-mondiale.head@example.org\n    until: 2019-12-31\n", 1)
        .replace("    role: ambassador\n", "    role: ambassador\n    from: 2020-01-01\n"),
        encoding="utf-8")
    assert ptfcal(config_copy, "people", "check").err == f"Configuration : {config_copy}\n"


def test_generate_refuses_a_folder_holding_personal_data(config_copy: Path,
                                                         tmp_path: Path) -> None:
    """The other order of issue 20, item 2: a folder that already holds the register, an
    outbox or a distribution list ptfcal wrote is refused as `generate --out` (exit 2, nothing
    written, the file named), at its top and in the year folders it would write; beside them,
    a file of another name or a published events.csv is no obstacle."""
    register(config_copy)
    lists_csv = tmp_path / "liste.csv"
    ptfcal(config_copy, "lists", "2020", "--type", "gec-monthly", "--format", "csv",
           "--output", str(lists_csv))
    outlook = tmp_path / "contacts.csv"
    ptfcal(config_copy, "lists", "2020", "--type", "gec-monthly", "--format", "outlook",
           "--output", str(outlook))
    vcards = tmp_path / "gec.vcf"
    ptfcal(config_copy, "lists", "2020", "--type", "gec-monthly", "--format", "vcf",
           "--output", str(vcards))
    as_json = tmp_path / "gec.json"
    ptfcal(config_copy, "lists", "2020", "--type", "gec-monthly", "--format", "json",
           "--output", str(as_json))
    cases = [
        ("people.yaml", (config_copy / "people.yaml").read_bytes()),
        ("2020/people.yaml", (config_copy / "people.yaml").read_bytes()),
        (".ptfcal-outbox/outbox.json", b"{}"),
        ("2020/outbox.json", b"{}"),
        ("2021/.ptfcal-outbox/outbox.json", b"{}"),  # a year folder already there
        ("feeds/people.yaml", b"people: []\n"),
        ("liste-gec.csv", lists_csv.read_bytes()),
        ("2020/contacts-gec.csv", outlook.read_bytes()),
        ("2020/gec.vcf", vcards.read_bytes()),
        ("2020/liste-gec.json", as_json.read_bytes()),
    ]
    for rel, data in cases:
        named = rel.removesuffix("/outbox.json") if ".ptfcal-outbox" in rel else rel
        out = tmp_path / "out" / rel.replace("/", "_")
        (out / rel).parent.mkdir(parents=True)
        (out / rel).write_bytes(data)
        before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
        for lang, expected in (
                ("fr", f"{out / named} : des données personnelles (registre des personnes, "
                       "journal d'envoi des invitations, liste de distribution ou compte rendu "
                       "nominatif) sont dans le "
                       "dossier de sortie, que ptfcal generate publie : déplacez-les hors de "
                       f"{out} "
                       "ou choisissez un autre dossier (--out) ; aucun fichier n'a été "
                       "modifié"),
                ("en", f"{out / named}: personal data (the register of people, the "
                       "invitations' outbox, a distribution list or minutes naming people) is "
                       "in the output folder")):
            for dry in ((), ("--dry-run",)):
                result = run_ptfcal("generate", "2020", "--out", str(out), "--as-of",
                                    "2020-07-01", "--config", str(config_copy), "--lang",
                                    lang, *dry)
                assert result.code == 2, (rel, result.out, result.err)
                assert expected in result.err, result.err
                assert "Traceback" not in result.err
        assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before, rel
    # other files are no obstacle: a CSV of the user's, a published year, people's other names
    out = tmp_path / "fine"
    ptfcal(config_copy, "generate", "2020", "--out", str(out), "--as-of", "2020-07-01")
    (out / "notes.csv").write_bytes("\ufeffRéunion;Remarque\r\nGEC;ok\r\n".encode())
    (out / "people-of-2019.txt").write_text("x\n", encoding="utf-8")
    again = run_ptfcal("generate", "2020", "--out", str(out), "--as-of", "2020-07-01",
                       "--config", str(config_copy))
    assert again.code == 0, again.err
