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
    "mt.too-many": {
        "fr": "{key} : {count} entrées pour une réunion ; {limit} au plus",
        "en": "{key}: {count} entries for one meeting; {limit} at most"},
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
    # the verbs
    "mt.unknown-institution": {
        "fr": "{option} {value} : ce n'est pas une institution connue{hint} (« ptfcal list "
              "institutions » les donne)",
        "en": "{option} {value}: not a known institution{hint} ('ptfcal list institutions' "
              "lists them)"},
    "mt.hint": {"fr": " ; vouliez-vous dire {hint} ?", "en": "; did you mean {hint}?"},
    "mt.no-item-option": {
        "fr": "--item {item} : la réunion a {count} point(s) à l'ordre du jour (« ptfcal agenda "
              "RÉF add » en ajoute)",
        "en": "--item {item}: the meeting has {count} agenda item(s) ('ptfcal agenda REF add' "
              "adds one)"},
    "mt.item-used": {
        "fr": "le point {n} porte des décisions ou des actions ({users}) : il reste",
        "en": "item {n} carries decisions or actions ({users}): it stays"},
    "mt.agenda-added": {
        "fr": "ordre du jour de {what} du {day} : point {n} « {title} » ajouté",
        "en": "agenda of {what} on {day}: item {n} '{title}' added"},
    "mt.agenda-removed": {
        "fr": "ordre du jour de {what} du {day} : point {n} « {title} » retiré",
        "en": "agenda of {what} on {day}: item {n} '{title}' removed"},
    "mt.attendance-empty": {
        "fr": "rien à enregistrer : --present, --excused ou --absent",
        "en": "nothing to record: --present, --excused or --absent"},
    "mt.twice-given": {
        "fr": "{inst} est donnée à la fois dans {first} et dans {second}",
        "en": "{inst} is given both in {first} and in {second}"},
    "mt.attendance": {
        "fr": "participation à {what} du {day} : {present} institution(s) présente(s), "
              "{excused} excusée(s), {absent} absente(s)",
        "en": "attendance at {what} on {day}: {present} institution(s) present, {excused} "
              "excused, {absent} absent"},
    "mt.decision": {
        "fr": "décision n° {n} de {what} du {day} enregistrée",
        "en": "decision no. {n} of {what} on {day} recorded"},
    "mt.due-option": {
        "fr": "--due {due} : l'échéance est avant la réunion ({day})",
        "en": "--due {due}: the deadline is before the meeting ({day})"},
    "mt.action": {
        "fr": "action {id} de {what} du {day}, confiée à {owner}{due}",
        "en": "action {id} of {what} on {day}, given to {owner}{due}"},
    "mt.due": {"fr": ", échéance le {due}", "en": ", due on {due}"},
    "mt.unknown-action": {
        "fr": "{id} : aucune action enregistrée sous cet identifiant{hint} (« ptfcal actions » "
              "les donne)",
        "en": "{id}: no action is recorded under that id{hint} ('ptfcal actions' lists them)"},
    "mt.already-closed": {
        "fr": "l'action {id} est déjà {status} le {day} ; rien à changer",
        "en": "action {id} is already {status} on {day}; nothing to change"},
    "mt.closed": {"fr": "action {id} : {status} le {day}",
                  "en": "action {id}: {status} on {day}"},
    "mt.status.open": {"fr": "ouverte", "en": "open"},
    "mt.status.done": {"fr": "réalisée", "en": "done"},
    "mt.status.dropped": {"fr": "abandonnée", "en": "dropped"},
    # the agenda and the follow-up
    "mt.followup-title": {"fr": "Suivi des recommandations de la réunion précédente",
                          "en": "Follow-up of the previous meeting's recommendations"},
    "mt.followup-none": {"fr": "aucune action en suivi", "en": "no action to follow up"},
    "mt.agenda-head": {"fr": "Ordre du jour — {what} du {day}",
                       "en": "Agenda — {what} on {day}"},
    "mt.agenda-none": {"fr": "aucun point inscrit (« ptfcal agenda {ref} add TITRE »)",
                       "en": "no item yet ('ptfcal agenda {ref} add TITLE')"},
    "mt.by": {"fr": "présenté par {who}", "en": "presented by {who}"},
    "mt.due-short": {"fr": "échéance {due}", "en": "due {due}"},
    "mt.no-due": {"fr": "sans échéance", "en": "no deadline"},
    "mt.closed-on": {"fr": "{status} le {day}", "en": "{status} on {day}"},
    "mt.overdue": {"fr": "en retard", "en": "overdue"},
    "mt.actions-none": {"fr": "aucune action", "en": "no action"},
    "mt.actions-count": {"fr": "{count} action(s)", "en": "{count} action(s)"},
    "mt.written": {"fr": "{count} action(s) écrite(s) dans {path}",
                   "en": "{count} action(s) written to {path}"},
    "mt.col.id": {"fr": "Identifiant", "en": "Id"},
    "mt.col.text": {"fr": "Action", "en": "Action"},
    "mt.col.owner": {"fr": "Responsable", "en": "Owner"},
    "mt.col.due": {"fr": "Échéance", "en": "Due"},
    "mt.col.status": {"fr": "État", "en": "Status"},
    "mt.col.done_on": {"fr": "Close le", "en": "Closed on"},
    "mt.col.meeting": {"fr": "Réunion", "en": "Meeting"},
    "mt.col.body": {"fr": "Instance", "en": "Body"},
    "mt.col.item": {"fr": "Point", "en": "Item"},
    "mt.col.note": {"fr": "Note", "en": "Note"},
}
