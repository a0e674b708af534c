"""Messages of the compte rendu (`ptfcal minutes`): its headings, labels and notes, and the
command's own messages."""

from __future__ import annotations

MINUTES_MESSAGES: dict[str, dict[str, str]] = {
    # the document
    "min.title": {"fr": "Compte rendu — {meeting}", "en": "Minutes — {meeting}"},
    "min.draft": {
        "fr": "Projet de compte rendu préparé par ptfcal à partir du calendrier et du relevé de "
              "la réunion ; le secrétariat le complète aux endroits marqués « à compléter ».",
        "en": "Draft minutes prepared by ptfcal from the calendar and the meeting's record; the "
              "secretariat completes them where marked 'to be completed'."},
    "min.blank": {"fr": "à compléter", "en": "to be completed"},
    "min.body": {"fr": "Instance", "en": "Body"},
    "min.meeting": {"fr": "Réunion", "en": "Meeting"},
    "min.date": {"fr": "Date", "en": "Date"},
    "min.days": {"fr": "du {first} au {last}", "en": "{first} to {last}"},
    "min.time": {"fr": "Heure", "en": "Time"},
    "min.time-value": {"fr": "de {start} à {end} (heure de {city}, {offset})",
                       "en": "{start} to {end} ({city} time, {offset})"},
    "min.time-start": {"fr": "{start} (heure de {city}, {offset})",
                       "en": "{start} ({city} time, {offset})"},
    "min.place": {"fr": "Lieu", "en": "Place"},
    "min.chair": {"fr": "Présidence", "en": "Chair"},
    "min.secretariat": {"fr": "Secrétariat", "en": "Secretariat"},
    "min.cancelled": {"fr": "Cette réunion est marquée annulée dans le calendrier.",
                      "en": "This meeting is marked cancelled in the calendar."},
    # attendance
    "min.attendance": {"fr": "Participation", "en": "Attendance"},
    "min.present": {"fr": "Présents", "en": "Present"},
    "min.present-count": {"fr": "Présents : {institutions}, {people}",
                          "en": "Present: {institutions}, {people}"},
    "min.excused": {"fr": "Excusés", "en": "Excused"},
    "min.absent": {"fr": "Absents", "en": "Absent"},
    "min.unrecorded": {"fr": "Convoqués, présence non relevée",
                       "en": "Convened, attendance not recorded"},
    "min.institution": {"fr": "Institution", "en": "Institution"},
    "min.people": {"fr": "Personnes", "en": "People"},
    "min.names": {"fr": "Personnes convoquées (registre privé)",
                  "en": "People convened (private register)"},
    "min.no-names": {
        "fr": "Seules les institutions figurent ici ; les noms des personnes, qui ne sont pas "
              "publiés, s'ajoutent avec « --names » depuis le registre privé.",
        "en": "Only institutions appear here; the names of people, which are not published, "
              "are added with '--names' from the private register."},
    "min.with-names": {
        "fr": "Document interne : il cite des noms de personnes tirés du registre privé ; ne "
              "pas le publier.",
        "en": "Internal document: it quotes names of people from the private register; do not "
              "publish it."},
    # agenda, decisions, actions
    "min.agenda": {"fr": "Ordre du jour", "en": "Agenda"},
    "min.by": {"fr": "Présenté par", "en": "Presented by"},
    "min.docs": {"fr": "Documents", "en": "Documents"},
    "min.discussion": {"fr": "Synthèse des échanges", "en": "Summary of the discussion"},
    "min.decisions": {"fr": "Décisions", "en": "Decisions"},
    "min.actions": {"fr": "Actions", "en": "Actions"},
    "min.other": {"fr": "Décisions et actions hors ordre du jour",
                  "en": "Decisions and actions outside the agenda"},
    "min.action-id": {"fr": "N°", "en": "No."},
    "min.action": {"fr": "Action", "en": "Action"},
    "min.owner": {"fr": "Responsable", "en": "Responsible"},
    "min.due": {"fr": "Échéance", "en": "Due"},
    "min.status": {"fr": "État", "en": "Status"},
    "min.note": {"fr": "Observation", "en": "Note"},
    "min.meeting-of": {"fr": "Réunion", "en": "Meeting"},
    "min.follow-up": {"fr": "Suivi des recommandations de la réunion précédente",
                      "en": "Follow-up of the previous meeting's recommendations"},
    "min.follow-up-none": {
        "fr": "Aucune action de la réunion précédente de cette instance n'est enregistrée.",
        "en": "No action of this body's previous meeting is recorded."},
    "min.status.open": {"fr": "en cours", "en": "open"},
    "min.status.overdue": {"fr": "en cours, échéance dépassée", "en": "open, overdue"},
    "min.status.done": {"fr": "réalisée le {day}", "en": "done on {day}"},
    "min.status.done-undated": {"fr": "réalisée", "en": "done"},
    "min.status.dropped": {"fr": "abandonnée le {day}", "en": "dropped on {day}"},
    "min.status.dropped-undated": {"fr": "abandonnée", "en": "dropped"},
    "min.html-lang": {"fr": "fr", "en": "en"},
    # the command
    "min.written": {"fr": "Compte rendu écrit dans {path}", "en": "Minutes written to {path}"},
    "min.needs-output": {
        "fr": "--format docx écrit un fichier : précisez-le avec --output FICHIER.docx",
        "en": "--format docx writes a file: name it with --output FILE.docx"},
    "min.no-docx": {
        "fr": "le compte rendu au format Word (.docx) a besoin de python-docx, une installation "
              "facultative : pip install 'ptfcal[docx]' (ou --format html / md, sans rien de "
              "plus)",
        "en": "Word minutes (.docx) need python-docx, an optional install: "
              "pip install 'ptfcal[docx]' (or --format html / md, with nothing more)"},
    "min.not-ours": {
        "fr": "{where} existe déjà et n'est pas un compte rendu que ptfcal a écrit et que "
              "personne n'a modifié depuis : ptfcal ne l'écrase pas ; choisissez un autre nom "
              "avec --output",
        "en": "{where} already exists and is not minutes ptfcal wrote and nobody has changed "
              "since: ptfcal does not overwrite it; choose another name with --output"},
    "min.not-meeting": {
        "fr": "{ref} : « {what} » est une échéance, pas une réunion : elle n'a pas de compte "
              "rendu",
        "en": "{ref}: '{what}' is a deadline, not a meeting: it has no minutes"},
    "min.names-private": {
        "fr": "{path} : un compte rendu qui cite des noms de personnes (--names) ne s'écrit ni "
              "dans un dossier publié ({folder}) ni dans le dossier de configuration "
              "({config}) ; choisissez un dossier de travail privé",
        "en": "{path}: minutes that quote names of people (--names) are written neither in a "
              "published folder ({folder}) nor in the configuration folder ({config}); choose "
              "a private working folder"},
}
