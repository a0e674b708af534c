"""Messages of a meeting's record: its validation, the verbs agenda, attendance, decision, action
and actions, and the follow-up tables."""

from __future__ import annotations

MEET_MESSAGES: dict[str, dict[str, str]] = {
    # validation of the record (config)
    "mt.presence-twice": {
        "fr": "{inst} est inscrite dans « {key} » et déjà dans « {other} » : une institution est "
              "présente, excusée ou absente, pas deux à la fois",
        "en": "{inst} is listed under '{key}' and already under '{other}': an institution is "
              "present, excused or absent, not two of them"},
    "mt.no-item": {
        "fr": "point {item} de l'ordre du jour : la réunion n'en a que {count} (agenda)",
        "en": "agenda item {item}: the meeting has only {count} (agenda)"},
    "mt.open-done-on": {
        "fr": "l'action {id} est ouverte : « done_on » va avec « status: done » ou « dropped »",
        "en": "action {id} is open: 'done_on' goes with 'status: done' or 'dropped'"},
    "mt.due-before": {
        "fr": "l'action {id} est due le {due}, avant la réunion qui la donne ({day})",
        "en": "action {id} is due on {due}, before the meeting that gives it ({day})"},
    "mt.done-before": {
        "fr": "l'action {id} est close le {done}, avant la réunion qui la donne ({day})",
        "en": "action {id} is closed on {done}, before the meeting that gives it ({day})"},
    "mt.id-year": {
        "fr": "l'action {id} porte l'année {given} ; une action d'une réunion de {year} "
              "s'écrit A-{year}-NNN",
        "en": "action {id} carries the year {given}; an action of a meeting of {year} reads "
              "A-{year}-NNN"},
    "mt.id-twice": {
        "fr": "l'action {id} est déjà enregistrée : un identifiant d'action est unique",
        "en": "action {id} is already recorded: an action id is unique"},
}
