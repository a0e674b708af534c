"""Messages that say what happened (issue 19 item 7): a restored meeting loses its
cancellation's reason; `roles` does not say « aucun changement » when findings change; click's
own errors in French."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_ptfcal


def ptfcal(config, *args: str, code: int = 0, env=None):
    result = run_ptfcal(*args, "--config", str(config), env=env or {"COLUMNS": "200"})
    assert result.code == code, (result.code, result.out, result.err)
    return result


def test_a_restored_meeting_no_longer_says_why_it_was_cancelled(config_copy) -> None:
    year_file = config_copy / "years" / "2027.yaml"
    ptfcal(config_copy, "cancel", "ga-meeting@2027-10", "--reason", "Report sine die")
    assert "Report sine die" in year_file.read_text(encoding="utf-8")
    restored = ptfcal(config_copy, "confirm", "ga-meeting@2027-10")
    assert "rétablie" in restored.out
    assert "Report sine die" not in year_file.read_text(encoding="utf-8")
    doc = json.loads(ptfcal(config_copy, "events", "2027", "--type", "ga-meeting",
                            "--format", "json").out)
    assert [(o["date"], o["status"]) for o in doc["occurrences"]] == [
        ("2027-04-28", "planned"), ("2027-10-27", "confirmed")]


def test_roles_say_which_notes_they_clear(config_copy) -> None:
    preview = ptfcal(config_copy, "roles", "2028", "--chef-de-file", "allemagne", "--dry-run")
    assert "Vérification : aucun changement." not in preview.out
    assert "Vérification : aucune erreur ni aucun avertissement ajouté ou levé ; des " \
           "informations changent :" in preview.out
    assert "  − C-GEC-5 information : Réunion mensuelle du GEC : présidence non vérifiable " \
           "pour 11 réunions" in preview.out


@pytest.mark.parametrize(("args", "expected"), [
    (["lists", "--format", "xx"],
     "Utilisation : ptfcal lists [OPTIONS] {year}\nAide : « ptfcal lists --help ».\n\n"
     "erreur : valeur invalide pour --format / -f : « xx » n'est pas l'un des choix possibles "
     ": text, csv, json, to-cc, vcf, outlook\n"),
    (["move"], "Utilisation : ptfcal move [OPTIONS] {REF}\nAide : « ptfcal move --help ».\n\n"
     "erreur : argument manquant : REF\n"),
    (["moev"], "Utilisation : ptfcal [OPTIONS] COMMAND [ARGS]...\nAide : « ptfcal --help ».\n\n"
     "erreur : commande inconnue : moev (vouliez-vous dire move ?)\n"),
    (["events", "2027", "--bogus"], "erreur : option inconnue : --bogus (vouliez-vous dire "
     "--body ?)\n"),
    (["events", "1800"], "erreur : valeur invalide pour year : 1800 n'est pas dans "
     "l'intervalle 1990<=x<=2200\n"),
    (["events", "2027x"], "erreur : valeur invalide pour year : « 2027x » n'est pas un "
     "nombre\n"),
    (["move", "x", "--to"], "erreur : l'option --to demande une valeur\n"),
    (["events", "2027", "a", "b"], "erreur : argument en trop : a b\n"),
    (["move", "gec-monthly@2027-02"], "erreur : option manquante : --to\n"),
])
def test_the_command_lines_own_errors_are_in_french(args, expected) -> None:
    for result in (run_ptfcal(*args), run_ptfcal(*args, process=True)):
        assert result.code == 2, result
        assert result.err.endswith(expected), result.err
        assert "Error" not in result.err and "Try '" not in result.err
        assert result.out == ""


def test_the_command_lines_own_errors_stay_english_in_english() -> None:
    result = run_ptfcal("lists", "--format", "xx", "--lang", "en")
    assert result.code == 2
    assert result.err.endswith("Error: Invalid value for '--format' / '-f': 'xx' is not one "
                               "of 'text', 'csv', 'json', 'to-cc', 'vcf', 'outlook'.\n")
    assert run_ptfcal("moev", "-l", "en").err.endswith("No such command 'moev'. Did you mean "
                                                       "'move'?\n")
