"""Messages that say what happened (issue 19 item 7): a restored meeting loses its
cancellation's reason; `roles` does not say « aucun changement » when findings change; click's
own errors in French."""

from __future__ import annotations

import json

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
