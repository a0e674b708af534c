"""Messages of publishing: `ptfcal generate` and `show`, shift reasons, feed and
event texts, and the CSV header."""

from __future__ import annotations

PUBLISH_MESSAGES: dict[str, dict[str, str]] = {
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
    "summary.pending": {
        "fr": "Date maintenue, à confirmer : {title}, {day} ({why})",
        "en": "Date kept, to be confirmed: {title}, {day} ({why})",
    },
    "summary.skipped": {
        "fr": "Occurrence non tenue (jour non ouvré) : {title}, {day} ({reason})",
        "en": "Occurrence not held (non-working day): {title}, {day} ({reason})",
    },
    "summary.files": {
        "fr": "{feeds} flux ICS, events.json et events.csv écrits dans {path}",
        "en": "{feeds} ICS feeds, events.json and events.csv written to {path}",
    },
    "summary.files.preview": {
        "fr": "{feeds} flux ICS, events.json et events.csv à écrire dans {path} (rien n'est "
              "écrit)",
        "en": "{feeds} ICS feeds, events.json and events.csv to write to {path} (nothing "
              "written)",
    },
    "summary.feeds": {
        "fr": "{feeds} flux d'abonnement ({first}–{last}) dans {path} ; liens : {index}",
        "en": "{feeds} subscription feeds ({first}–{last}) in {path}; links: {index}",
    },
    "show.title": {"fr": "Calendrier des PTF — {period}", "en": "PTF calendar — {period}"},
    "show.filtered": {"fr": " — filtre : {what}", "en": " — filter: {what}"},
    "show.legend": {"fr": "* déplacée  ! ptfcal check", "en": "* moved  ! ptfcal check"},
    "legend.political": {"fr": "politique", "en": "political"},
    "legend.technical": {"fr": "technique", "en": "technical"},
    "legend.joint": {"fr": "conjoint", "en": "joint"},
    "show.holiday": {"fr": "férié", "en": "holiday"},
    "show.time": {"fr": "Heure", "en": "Time"},
    "show.remarks": {"fr": "Remarques", "en": "Remarks"},
    "show.all-day": {"fr": "journée", "en": "all day"},
    "show.none": {"fr": "Aucun événement.", "en": "No event."},
    "planner.holidays": {"fr": "Jours fériés :", "en": "Public holidays:"},
    "planner.weekend": {"fr": "week-end", "en": "weekend"},
    "planner.holiday": {"fr": "jour férié", "en": "public holiday"},
    "planner.moved": {"fr": "déplacée", "en": "moved"},
    "planner.flagged": {"fr": "à revoir (ptfcal check)", "en": "to review (ptfcal check)"},
    "planner.by-body": {"fr": "Événements par instance", "en": "Events by body"},
    "summary.years": {"fr": "Années publiées", "en": "Years published"},
    "summary.year": {"fr": "Année", "en": "Year"},
    "summary.moved.count": {"fr": "Déplacés", "en": "Moved"},
    "summary.check": {"fr": "Vérification", "en": "Check"},
    "summary.check.counts": {"fr": "{errors}, {warnings}", "en": "{errors}, {warnings}"},
    "summary.config": {"fr": "Configuration : {path}", "en": "Configuration: {path}"},
    "summary.dry-run": {
        "fr": "Simulation (--dry-run) : aucun fichier n'a été écrit ; voici ce que la "
              "publication ferait.",
        "en": "Dry run (--dry-run): no file was written; this is what the publication would "
              "do.",
    },
    "summary.recovered": {
        "fr": "Historique reconstitué à partir de {feeds} publiés dans {path} ({why}) : les "
              "révisions (SEQUENCE) et les annulations déjà publiées sont conservées.",
        "en": "History recovered from {feeds} published in {path} ({why}): the revisions "
              "(SEQUENCE) and cancellations already published are kept.",
    },
    "summary.recovered.missing": {"fr": "état de suivi absent",
                                  "en": "change-tracking state missing"},
    "summary.damaged-copy": {"fr": "L'état illisible est conservé sous {path}.",
                             "en": "The unreadable state is kept as {path}."},
    "summary.damaged-fresh": {
        "fr": "État de suivi illisible ({why}) et aucun flux publié : l'historique repart de "
              "zéro ; l'état illisible est conservé sous {path}.",
        "en": "Unreadable change-tracking state ({why}) and no feed published: history starts "
              "again; the unreadable state is kept as {path}.",
    },
    "summary.first": {
        "fr": "Première publication dans ce dossier : {events}. Les suivantes diront ce qui "
              "change pour les abonnés.",
        "en": "First publication in this folder: {events}. The next ones will say what changes "
              "for subscribers.",
    },
    "summary.no-change": {
        "fr": "Aucun changement pour les abonnés depuis la publication précédente.",
        "en": "No change for subscribers since the previous publication.",
    },
    "summary.changes.title": {
        "fr": "Changements pour les abonnés depuis la publication précédente : {counts}",
        "en": "Changes for subscribers since the previous publication: {counts}",
    },
    "summary.change.what": {"fr": "Changement", "en": "Change"},
    "summary.change.date": {"fr": "Date", "en": "Date"},
    "summary.change.detail": {"fr": "Détail", "en": "Detail"},
    "change.added": {"fr": "ajouté", "en": "added"},
    "change.moved": {"fr": "déplacé", "en": "moved"},
    "change.changed": {"fr": "modifié", "en": "changed"},
    "change.cancelled": {"fr": "annulé", "en": "cancelled"},
    "change.removed": {"fr": "retiré, publié comme annulé", "en": "removed, published as "
                                                                 "cancelled"},
    "change.from": {"fr": "auparavant le {day}", "en": "previously on {day}"},
    "change.aspects": {"fr": "modifié : {aspects}", "en": "changed: {aspects}"},
    "aspect.status": {"fr": "statut", "en": "status"},
    "aspect.title": {"fr": "titre", "en": "title"},
    "aspect.place": {"fr": "lieu", "en": "place"},
    "aspect.time": {"fr": "horaire", "en": "time"},
    "aspect.description": {"fr": "description", "en": "description"},
    "summary.check.line": {
        "fr": "Vérification des années publiées ({years}) : {errors}, {warnings}.",
        "en": "Check of the years published ({years}): {errors}, {warnings}.",
    },
    "summary.check.errors": {
        "fr": "Ces erreurs sont publiées telles quelles (détail dans check.md ; --strict "
              "refuse de publier un calendrier qui en contient) :",
        "en": "These errors are published as they are (details in check.md; --strict refuses "
              "to publish a calendar that has any):",
    },
    "summary.strict": {
        "fr": "Publication refusée (--strict) : {errors} ; aucun fichier n'a été écrit.",
        "en": "Publication refused (--strict): {errors}; no file was written.",
    },
    "summary.written": {"fr": "Fichiers dans {path} : {written}, {unchanged}.",
                        "en": "Files in {path}: {written}, {unchanged}."},
    "summary.large": {
        "fr": "{path} : {size} Ko. Google Agenda ignore les événements au-delà d'environ 1 Mo "
              "par calendrier : réduisez la période des flux (feeds.years_before/years_after).",
        "en": "{path}: {size} KB. Google Calendar ignores events beyond about 1 MB per "
              "calendar: shorten the feeds' period (feeds.years_before/years_after).",
    },
    "summary.kept": {
        "fr": "{feeds} sans événement conservés pour que leur adresse reste valable : {paths}",
        "en": "{feeds} with no event kept so that their address stays valid: {paths}",
    },
    "summary.languages": {"fr": "langues publiées : {langs}", "en": "languages published: "
                                                                   "{langs}"},
    "progress.year": {"fr": "Année {year} ({done}/{total})…", "en": "Year {year} ({done}/"
                                                                   "{total})…"},
    "validate.ok": {
        "fr": "Configuration valide : {path} ({bodies} instances, {types} types de réunion, "
        "{institutions} institutions)",
        "en": "Configuration is valid: {path} ({bodies} bodies, {types} meeting types, "
        "{institutions} institutions)",
    },
    "error.line": {"fr": "erreur : {message}", "en": "error: {message}"},
    "error.count": {
        "fr": "{count} dans la configuration ; aucun fichier n'a été modifié.",
        "en": "{count} in the configuration; no file was changed.",
    },
    # shift reasons
    "shift.weekend": {"fr": "week-end", "en": "weekend"},
    "shift.moved": {"fr": "reportée du {day} : {why}", "en": "moved from {day}: {why}"},
    "shift.advanced": {
        "fr": "avancée du {day} : {why}", "en": "brought forward from {day}: {why}",
    },
    "shift.kept": {
        "fr": "maintenue un jour non ouvré : {why}", "en": "kept on a non-working day: {why}",
    },
    "shift.pending": {
        "fr": "date à confirmer selon l'annonce de la fête : à un jour de la {holiday}, "
              "estimée au {day}",
        "en": "date to be confirmed when the holiday is announced: a day from {holiday}, "
              "estimated on {day}"},
    "shift.pending.on": {
        "fr": "date à confirmer selon l'annonce de la fête : la {holiday} est estimée ce "
              "jour-là",
        "en": "date to be confirmed when the holiday is announced: {holiday} is estimated on "
              "that day"},
    "shift.after-sunday": {
        "fr": "lendemain d'un jour férié tombé un dimanche ({holiday}), souvent déclaré chômé",
        "en": "the day after a holiday that fell on a Sunday ({holiday}), often declared a day "
              "off"},
    "holiday.half": {"fr": " (après-midi chômé, à partir de {time})",
                     "en": " (afternoon off, from {time})"},
    "shift.taken": {"fr": "jour déjà pris par : {what}", "en": "day already taken by: {what}"},
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
        "fr": "Réunions et échéances {name}, {year}.",
        "en": "Meetings and deadlines {name}, {year}.",
    },
    "feed.desc.institution": {
        "fr": "Les réunions auxquelles participe {name}, {year}.",
        "en": "The meetings {name} takes part in, {year}.",
    },
    "feed.desc.institutions": {
        "fr": "Les réunions auxquelles participent {name}, {year}.",
        "en": "The meetings {name} takes part in, {year}.",
    },
    "feed.desc.all": {
        "fr": "Calendrier complet des cadres de concertation des PTF au Mali, {year}.",
        "en": "Full calendar of the PTF coordination bodies in Mali, {year}.",
    },
    "feed.desc.level": {
        "fr": "{name} : réunions et échéances, {year}.",
        "en": "{name}: meetings and deadlines, {year}.",
    },
    "feed.empty": {
        "fr": "Aucun événement pour {year} : l'abonnement reste valable et se remplira dès "
              "qu'un événement sera programmé.",
        "en": "No event for {year}: the subscription stays valid and fills again as soon as "
              "an event is scheduled.",
    },
    "feed.empty.ended": {
        "fr": "Cette instance a pris fin le {day} : l'abonnement reste valable, sans événement "
              "à venir.",
        "en": "This body ended on {day}: the subscription stays valid, with no event to "
              "come.",
    },
    "feed.empty.left": {
        "fr": "Ce partenaire ne prend plus part aux rencontres après le {day} : l'abonnement "
              "reste valable, sans événement à venir.",
        "en": "This partner takes no part in the meetings after {day}: the subscription "
              "stays valid, with no event to come.",
    },
    "feed.empty.unknown": {
        "fr": "Ce calendrier n'est plus alimenté ({year}) : sa configuration l'a retiré. "
              "L'abonnement reste valable, sans événement à venir.",
        "en": "This calendar is no longer fed ({year}): the configuration removed it. The "
              "subscription stays valid, with no event to come.",
    },
    "feed.desc.deadlines": {
        "fr": "Échéances légales et jalons annuels, {year}.",
        "en": "Legal deadlines and annual milestones, {year}.",
    },
    "ics.chair": {"fr": "Présidence", "en": "Chair"},
    "ics.vice-chair": {"fr": "Vice-présidence", "en": "Vice-chairs"},
    "ics.secretariat": {"fr": "Secrétariat", "en": "Secretariat"},
    "ics.participants": {"fr": "Participants", "en": "Participants"},
    "ics.body": {"fr": "Instance", "en": "Body"},
    "ics.type": {"fr": "Type", "en": "Type"},
    "ics.source": {"fr": "Base", "en": "Basis"},
    "ics.rule_date": {"fr": "Date selon la règle", "en": "Rule date"},
    "ics.rescheduled": {
        "fr": "Date fixée hors de la règle ({rule})",
        "en": "Date set outside the rule ({rule})",
    },
    "ics.enlarged": {"fr": "Élargie à : {who}", "en": "Enlarged to: {who}"},
    "ics.convened": {"fr": "Convoquée par : {who}", "en": "Convened by: {who}"},
    "ics.confirmed": {"fr": "Date confirmée", "en": "Date confirmed"},
    "ics.planned": {"fr": "Date prévisionnelle (règle)", "en": "Planned date (rule)"},
    "ics.deadline": {"fr": "Date limite", "en": "Deadline"},
    "ics.deadline.law": {"fr": "Date limite ({law})", "en": "Deadline ({law})"},
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
