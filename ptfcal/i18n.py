"""Every text a user reads, in French (the default) and English, from one catalogue.

Names of bodies, meetings and rules come from the configuration (both languages); this module
holds the rest: day and month names, and the messages of reports and the command line.
"""

from __future__ import annotations

from datetime import date, datetime

WEEKDAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS = {
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}

MONTHS_SHORT = {
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin",
           "juil.", "août", "sept.", "oct.", "nov.", "déc."),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}

MESSAGES: dict[str, dict[str, str]] = {
    # generate
    "summary.title": {
        "fr": "Calendrier {year} des PTF — {count} événements",
        "en": "PTF calendar {year} — {count} events",
    },
    "summary.body": {"fr": "Instance", "en": "Body"},
    "summary.events": {"fr": "Événements", "en": "Events"},
    "summary.meetings": {"fr": "Réunions", "en": "Meetings"},
    "summary.deadlines": {"fr": "Échéances", "en": "Deadlines"},
    "summary.moved.title": {
        "fr": "Dates déplacées (week-end ou jour férié)",
        "en": "Dates moved (weekend or public holiday)",
    },
    "summary.moved.none": {
        "fr": "Aucune date déplacée.", "en": "No date moved.",
    },
    "summary.moved.from": {"fr": "Date prévue", "en": "Rule date"},
    "summary.moved.to": {"fr": "Nouvelle date", "en": "New date"},
    "summary.moved.event": {"fr": "Événement", "en": "Event"},
    "summary.moved.why": {"fr": "Motif", "en": "Reason"},
    "summary.skipped": {
        "fr": "Occurrence non tenue (jour non ouvré) : {title}, {day} ({reason})",
        "en": "Occurrence not held (non-working day): {title}, {day} ({reason})",
    },
    "summary.files": {
        "fr": "{feeds} flux ICS, events.json et events.csv écrits dans {path}",
        "en": "{feeds} ICS feeds, events.json and events.csv written to {path}",
    },
    "summary.config": {"fr": "Configuration : {path}", "en": "Configuration: {path}"},
    "validate.ok": {
        "fr": "Configuration valide : {path} ({bodies} instances, {types} types de réunion, "
        "{institutions} institutions)",
        "en": "Configuration is valid: {path} ({bodies} bodies, {types} meeting types, "
        "{institutions} institutions)",
    },
    "error.line": {"fr": "erreur : {message}", "en": "error: {message}"},
    "error.count": {
        "fr": "{count} erreur(s) dans la configuration ; aucun fichier n'a été modifié.",
        "en": "{count} error(s) in the configuration; no file was changed.",
    },
    # shift reasons
    "shift.weekend": {"fr": "week-end", "en": "weekend"},
    "shift.moved": {"fr": "reportée du {day} ({why})", "en": "moved from {day} ({why})"},
    "shift.advanced": {
        "fr": "avancée du {day} ({why})", "en": "brought forward from {day} ({why})",
    },
    "shift.kept": {
        "fr": "maintenue un jour non ouvré ({why})", "en": "kept on a non-working day ({why})",
    },
    "shift.follows": {"fr": "suit la date de : {what}", "en": "follows the date of: {what}"},
    "interim.outgoing": {
        "fr": "intérim : Chef de file sortant {year}",
        "en": "interim: outgoing lead {year}",
    },
    "interim.deputy": {"fr": "suppléance", "en": "deputy"},
    "role.unknown": {"fr": "à renseigner", "en": "to be recorded"},
    "government": {"fr": "Gouvernement", "en": "Government"},
    # feeds
    "feed.all": {"fr": "Tous les événements", "en": "All events"},
    "feed.deadlines": {"fr": "Échéances et jalons", "en": "Deadlines and milestones"},
    "feed.desc.body": {
        "fr": "Réunions et échéances de l'instance {name}, {year}.",
        "en": "Meetings and deadlines of {name}, {year}.",
    },
    "feed.desc.institution": {
        "fr": "Tout ce à quoi {name} prend part, {year}.",
        "en": "Everything {name} takes part in, {year}.",
    },
    "feed.desc.all": {
        "fr": "Calendrier complet des cadres de concertation des PTF au Mali, {year}.",
        "en": "Full calendar of the PTF coordination bodies in Mali, {year}.",
    },
    "feed.desc.deadlines": {
        "fr": "Échéances légales et jalons annuels, {year}.",
        "en": "Legal deadlines and annual milestones, {year}.",
    },
    "ics.chair": {"fr": "Présidence", "en": "Chair"},
    "ics.secretariat": {"fr": "Secrétariat", "en": "Secretariat"},
    "ics.participants": {"fr": "Participants", "en": "Participants"},
    "ics.body": {"fr": "Instance", "en": "Body"},
    "ics.type": {"fr": "Type", "en": "Type"},
    "ics.source": {"fr": "Base", "en": "Basis"},
    "ics.rule_date": {"fr": "Date selon la règle", "en": "Rule date"},
    "ics.deadline": {"fr": "Échéance", "en": "Deadline"},
    "ics.rescheduled": {
        "fr": "Date fixée hors de la règle ({rule})",
        "en": "Date set outside the rule ({rule})",
    },
    "ics.enlarged": {"fr": "Élargie à : {who}", "en": "Enlarged to: {who}"},
    "ics.convened": {"fr": "Convoquée par : {who}", "en": "Convened by: {who}"},
    "ics.confirmed": {"fr": "Date confirmée", "en": "Date confirmed"},
    "ics.planned": {"fr": "Date prévisionnelle (règle)", "en": "Planned date (rule)"},
    "level.political": {"fr": "Niveau politique", "en": "Political level"},
    "level.technical": {"fr": "Niveau technique", "en": "Technical level"},
    "level.joint": {"fr": "Cadre conjoint", "en": "Joint framework"},
    "level.ad-hoc": {"fr": "Ad hoc", "en": "Ad hoc"},
    "level.support": {"fr": "Secrétariat", "en": "Support"},
    "level.government": {"fr": "Gouvernement", "en": "Government"},
    "kind.deadline": {"fr": "Échéance", "en": "Deadline"},
    # csv header
    "csv.date": {"fr": "Date", "en": "Date"},
    "csv.last_day": {"fr": "Dernier jour", "en": "Last day"},
    "csv.weekday": {"fr": "Jour", "en": "Weekday"},
    "csv.start": {"fr": "Début", "en": "Start"},
    "csv.end": {"fr": "Fin", "en": "End"},
    "csv.title": {"fr": "Titre", "en": "Title"},
    "csv.body": {"fr": "Instance", "en": "Body"},
    "csv.type": {"fr": "Type de réunion", "en": "Meeting type"},
    "csv.level": {"fr": "Niveau", "en": "Level"},
    "csv.kind": {"fr": "Nature", "en": "Kind"},
    "csv.status": {"fr": "Statut", "en": "Status"},
    "csv.chair": {"fr": "Présidence", "en": "Chair"},
    "csv.secretariat": {"fr": "Secrétariat", "en": "Secretariat"},
    "csv.participants": {"fr": "Participants", "en": "Participants"},
    "csv.nominal": {"fr": "Date selon la règle", "en": "Rule date"},
    "csv.moved": {"fr": "Déplacement", "en": "Moved"},
    "csv.source": {"fr": "Source", "en": "Source"},
    "csv.uid": {"fr": "UID", "en": "UID"},
    "status.planned": {"fr": "prévisionnelle", "en": "planned"},
    "status.confirmed": {"fr": "confirmée", "en": "confirmed"},
    "status.cancelled": {"fr": "annulée", "en": "cancelled"},
    "kind.meeting": {"fr": "Réunion", "en": "Meeting"},
}


def t(key: str, lang: str = "fr", **values: object) -> str:
    """The message `key` in `lang`, with its {placeholders} filled."""
    entry = MESSAGES[key]
    text = entry.get(lang) or entry["fr"]
    return text.format(**values) if values else text


def format_day(day: date, lang: str = "fr", weekday: bool = True) -> str:
    """'mercredi 12 mai 2021' / 'Wednesday 12 May 2021'."""
    name = WEEKDAYS[lang][day.weekday()] + " " if weekday else ""
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{name}{number} {MONTHS[lang][day.month - 1]} {day.year}"


def format_short_day(day: date, lang: str = "fr") -> str:
    """'jeu. 5 nov.' / 'Thu 5 Nov'."""
    weekday = WEEKDAYS[lang][day.weekday()][:3]
    month = MONTHS_SHORT[lang][day.month - 1]
    return f"{weekday}. {day.day} {month}" if lang == "fr" else f"{weekday} {day.day} {month}"


def shift_sentence(day: date, shifted_from: date | None, why: str, lang: str) -> str:
    """'reportée du jeudi 5 novembre 2020 (Tabaski)', or why a date stayed on a day off."""
    if shifted_from is None:
        return t("shift.kept", lang, why=why)
    key = "shift.moved" if day > shifted_from else "shift.advanced"
    return t(key, lang, day=format_day(shifted_from, lang), why=why)


def format_time(moment: datetime) -> str:
    return moment.strftime("%H:%M")
