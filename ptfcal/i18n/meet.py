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
    "mt.combined-record": {
        "fr": "{type} se tient en un seul événement avec {anchor} : l'ordre du jour, la "
              "participation, les décisions et les actions s'enregistrent sur l'occurrence de "
              "{anchor} (les commandes « ptfcal agenda », « decision »… le font)",
        "en": "{type} is held as one event with {anchor}: the agenda, attendance, decisions and "
              "actions are recorded on {anchor}'s occurrence (the commands 'ptfcal agenda', "
              "'decision'… do so)"},
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
        "fr": "--item {item} : ce point n'existe pas (points à l'ordre du jour de la réunion : "
              "{count} ; « ptfcal agenda RÉF add » en ajoute)",
        "en": "--item {item}: no such item (agenda items of the meeting: {count}; 'ptfcal "
              "agenda REF add' adds one)"},
    "mt.item-used": {
        "fr": "le point {n} porte des décisions ou des actions ({users}) : il reste",
        "en": "item {n} carries decisions or actions ({users}): it stays"},
    "mt.agenda-added": {
        "fr": "{what} du {day} : point {n} « {title} » ajouté à l'ordre du jour",
        "en": "{what} on {day}: item {n} '{title}' added to the agenda"},
    "mt.agenda-removed": {
        "fr": "{what} du {day} : point {n} « {title} » retiré de l'ordre du jour",
        "en": "{what} on {day}: item {n} '{title}' removed from the agenda"},
    "mt.attendance-empty": {
        "fr": "rien à enregistrer : --present, --excused ou --absent",
        "en": "nothing to record: --present, --excused or --absent"},
    "mt.twice-given": {
        "fr": "{inst} est donnée à la fois dans {first} et dans {second}",
        "en": "{inst} is given both in {first} and in {second}"},
    "mt.attendance": {
        "fr": "{what} du {day} : participation enregistrée (institutions présentes : "
              "{present}, excusées : {excused}, absentes : {absent})",
        "en": "{what} on {day}: attendance recorded (institutions present: {present}, "
              "excused: {excused}, absent: {absent})"},
    "mt.decision": {
        "fr": "{what} du {day} : décision n° {n} enregistrée",
        "en": "{what} on {day}: decision no. {n} recorded"},
    "mt.due-option": {
        "fr": "--due {due} : l'échéance est avant la réunion ({day})",
        "en": "--due {due}: the deadline is before the meeting ({day})"},
    "mt.action": {
        "fr": "{what} du {day} : action {id} confiée à {owner}{due}",
        "en": "{what} on {day}: action {id} given to {owner}{due}"},
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
    "mt.on-before": {
        "fr": "--on {on} : l'action {id} ne peut être close avant la réunion qui l'a donnée "
              "({day}) ; --on donne le jour où elle l'a été (par défaut : aujourd'hui)",
        "en": "--on {on}: action {id} cannot be closed before the meeting that gave it ({day}); "
              "--on gives the day it was closed (default: today)"},
    "mt.already-open": {
        "fr": "l'action {id} est déjà ouverte ; rien à changer",
        "en": "action {id} is already open; nothing to change"},
    "mt.reopened": {"fr": "action {id} : rouverte", "en": "action {id}: reopened"},
    "mt.edit-empty": {
        "fr": "rien à corriger : --text, --owner, --due ou --item",
        "en": "nothing to correct: --text, --owner, --due or --item"},
    "mt.edited": {"fr": "action {id} : corrigée", "en": "action {id}: corrected"},
    "mt.unchanged": {
        "fr": "l'action {id} est déjà enregistrée ainsi ; rien à changer",
        "en": "action {id} is already recorded so; nothing to change"},
    "mt.no-decision": {
        "fr": "décision {n} : elle n'existe pas (décisions enregistrées pour la réunion : "
              "{count})",
        "en": "decision {n}: no such decision (decisions recorded for the meeting: {count})"},
    "mt.decision-removed": {
        "fr": "{what} du {day} : décision n° {n} « {text} » retirée",
        "en": "{what} on {day}: decision no. {n} '{text}' removed"},
    "mt.cancelled": {
        "fr": "{what} du {day} est annulée : rien ne s'y enregistre comme tenu (« ptfcal "
              "confirm RÉF » la rétablit)",
        "en": "{what} on {day} is cancelled: nothing is recorded there as held ('ptfcal "
              "confirm REF' restores it)"},
    "mt.status.open": {"fr": "ouverte", "en": "open"},
    "mt.status.done": {"fr": "réalisée", "en": "done"},
    "mt.status.dropped": {"fr": "abandonnée", "en": "dropped"},
    # the agenda and the follow-up
    "mt.followup-title": {"fr": "Suivi des recommandations de la réunion précédente",
                          "en": "Follow-up of the previous meeting's recommendations"},
    "mt.previous-other": {"fr": "{what} du {day}", "en": "{what} on {day}"},
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
    "mt.actions-count": {"fr": "Actions : {count}", "en": "Actions: {count}"},
    "mt.written": {"fr": "tableau de suivi écrit dans {path} (actions : {count})",
                   "en": "follow-up matrix written to {path} (actions: {count})"},
    "mt.col.id": {"fr": "Identifiant", "en": "Id"},
    "mt.col.text": {"fr": "Action", "en": "Action"},
    "mt.col.owner": {"fr": "Responsable", "en": "Owner"},
    "mt.col.due": {"fr": "Échéance", "en": "Due"},
    "mt.col.status": {"fr": "État", "en": "Status"},
    "mt.col.done_on": {"fr": "Close le", "en": "Closed on"},
    "mt.col.meeting": {"fr": "Réunion", "en": "Meeting"},
    "mt.col.meeting_date": {"fr": "Date de la réunion", "en": "Meeting date"},
    "mt.col.body": {"fr": "Instance", "en": "Body"},
    "mt.col.item": {"fr": "Point", "en": "Item"},
    "mt.col.note": {"fr": "Note", "en": "Note"},
}
