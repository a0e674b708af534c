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
    "shift.uncertain": {"fr": "à un jour de la date estimée de la {holiday}, le {day}",
                        "en": "a day from the estimated date of {holiday}, {day}"},
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


CHECK_MESSAGES: dict[str, dict[str, str]] = {
    # {what} is an event's title, {day} a date; lists are joined by the caller
    "chk.day-rule": {
        "fr": "{what} le {day} : ce n'est pas le {rule} du mois ({expected})",
        "en": "{what} on {day}: not the {rule} of the month ({expected})",
    },
    "chk.day-rule.moved": {
        "fr": "{what} le {day} au lieu du {expected} ({why})",
        "en": "{what} on {day} instead of {expected} ({why})",
    },
    "chk.rescheduled": {"fr": "date fixée hors de la règle", "en": "set outside the rule"},
    "chk.moved-holiday": {
        "fr": "déplacée d'un jour non ouvré", "en": "moved off a non-working day",
    },
    "chk.not-in-months": {"fr": "{what} le {day} : pas en {months}",
                          "en": "{what} on {day}: not in {months}"},
    "chk.in-months": {"fr": "{what} le {day} : doit se tenir en {months}",
                      "en": "{what} on {day}: must be held in {months}"},
    "chk.count.missing": {
        "fr": "{what} : {found} dans {window} (au moins {expected})",
        "en": "{what}: {found} in {window} (at least {expected})",
    },
    "chk.count.extra": {
        "fr": "{what} : {found} dans {window} (au plus {expected})",
        "en": "{what}: {found} in {window} (at most {expected})",
    },
    "chk.count.gap": {
        "fr": "{what} : {days} jours entre le {first} et le {second} (au plus {limit})",
        "en": "{what}: {days} days between {first} and {second} (at most {limit})",
    },
    "chk.roles-ahead": {
        "fr": "Rôles de {year} non enregistrés à l'approche du 1er janvier : {who} "
              "(config/roles.yaml)",
        "en": "Roles of {year} not recorded as 1 January approaches: {who} "
              "(config/roles.yaml)",
    },
    "chk.no-data": {
        "fr": "{what} : aucune donnée pour {year} ; la règle n'a pas pu être vérifiée",
        "en": "{what}: no data for {year}; the rule could not be checked",
    },
    "chk.deadline": {
        "fr": "{what} le {day} : trop tard ({limit})",
        "en": "{what} on {day}: too late ({limit})",
    },
    "chk.deadline.late": {
        "fr": "{what} le {day} : bien après le début d'année ({limit})",
        "en": "{what} on {day}: well after the start of the year ({limit})",
    },
    "chk.deadline.on-limit": {
        "fr": "{what} le {day} : le jour même de la limite ({limit}), accepté en lecture souple",
        "en": "{what} on {day}: on the limit day itself ({limit}), accepted in the lenient reading",
    },
    "chk.gap": {
        "fr": "{first}, qui finit le {end}, et {second}, le {start} : {days} d'écart, au "
              "moins {limit} requis",
        "en": "{first}, ending {end}, and {second}, on {start}: {days} apart, at least "
              "{limit} required",
    },
    "chk.order": {
        "fr": "{second} le {day} : doit venir après {first} ({before})",
        "en": "{second} on {day}: must come after {first} ({before})",
    },
    "chk.order.any": {
        "fr": "aucune réunion « {second} » après {first} du {day}",
        "en": "no « {second} » after {first} on {day}",
    },
    "chk.within-before": {
        "fr": "{body} : pas de {what} dans les {days} jours avant {then} du {day}",
        "en": "{body}: no {what} in the {days} days before {then} on {day}",
    },
    "chk.same-event": {
        "fr": "{first} ({day1}) et {second} ({day2}) ne sont pas tenues ensemble",
        "en": "{first} ({day1}) and {second} ({day2}) are not held together",
    },
    "chk.attribute.missing": {
        "fr": "{what} : {field} non renseigné pour {count}",
        "en": "{what}: {field} not recorded for {count}",
    },
    "chk.attribute": {
        "fr": "{what} le {day} : {field} « {value} », attendu : {expected}",
        "en": "{what} on {day}: {field} '{value}', expected: {expected}",
    },
    "chk.attribute.no-gec": {
        "fr": "{what} le {day} : demandé par le GEC, mais aucun GEC ne le précède",
        "en": "{what} on {day}: requested by the GEC, but no GEC precedes it",
    },
    "chk.chair": {
        "fr": "{what} le {day} : présidé par {who}, attendu {expected}",
        "en": "{what} on {day}: chaired by {who}, expected {expected}",
    },
    "chk.chair.fallback": {
        "fr": "{what} le {day} : présidé par {who}, membre de la Troïka (repli du texte 000)",
        "en": "{what} on {day}: chaired by {who}, a Troika member (000's fallback)",
    },
    "chk.chair.unknown": {
        "fr": "Chef de file {year} non renseigné (config/roles.yaml) ; présidence supposée : "
              "{who}",
        "en": "lead donor {year} not recorded (config/roles.yaml): chair assumed to be {who}",
    },
    "chk.chair.none": {
        "fr": "{what} : présidence non vérifiable pour {count} ({expected} : à renseigner "
              "dans config/roles.yaml)",
        "en": "{what}: chair cannot be checked for {count} ({expected}: to be recorded in "
              "config/roles.yaml)",
    },
    "chk.secretariat": {
        "fr": "{what} : secrétariat {who}, attendu {expected}",
        "en": "{what}: secretariat {who}, expected {expected}",
    },
    "chk.attendance": {
        "fr": "{what} le {day} : {count} personnes pour {who} (au plus {limit} par pays ou "
              "organisation)",
        "en": "{what} on {day}: {count} people for {who} (at most {limit} per country or "
              "organisation)",
    },
    "chk.attendance.missing": {
        "fr": "{what} : participation non enregistrée pour {count} en {year}",
        "en": "{what}: attendance not recorded for {count} in {year}",
    },
    "chk.troika.many": {
        "fr": "Troïka {year} : {count} entités des Nations Unies ({who})",
        "en": "Troika {year}: {count} UN entities ({who})",
    },
    "chk.troika.not-coordinating": {
        "fr": "Troïka {year} : {who} n'est pas l'agence coordinatrice du SNU ({expected})",
        "en": "Troika {year}: {who} is not the UN coordinating agency ({expected})",
    },
    "chk.troika.no-agency": {
        "fr": "Troïka {year} : {who} y siège, mais l'agence coordinatrice du SNU de {year} "
              "n'est pas enregistrée (config/roles.yaml, un_coordinating_agency)",
        "en": "Troika {year}: {who} sits in it, but the UN coordinating agency of {year} is not "
              "recorded (config/roles.yaml, un_coordinating_agency)",
    },
    "chk.troika.before": {
        "fr": "Troïka {year} : règle appliquée à partir de {first} (A-37) ; {who} non vérifié",
        "en": "Troika {year}: rule applied from {first} (A-37); {who} not checked",
    },
    "chk.participants": {
        "fr": "{what} le {day} : il manque parmi les participants : {missing}",
        "en": "{what} on {day}: {missing} missing from the participants",
    },
    "chk.participants.unknown": {
        "fr": "{what} : {who} à renseigner pour {year} (config/roles.yaml)",
        "en": "{what}: {who} not recorded for {year} (config/roles.yaml)",
    },
    "chk.overlap": {
        "fr": "{first} et {second} se chevauchent le {day}",
        "en": "{first} and {second} overlap on {day}",
    },
    "chk.overlap.day": {
        "fr": "{first} et {second} le même jour ({day})",
        "en": "{first} and {second} on the same day ({day})",
    },
    "chk.record.missing": {
        "fr": "{what} : {body} sans données pour {year}",
        "en": "{what}: {body} has no data for {year}",
    },
    "chk.record.pair": {
        "fr": "{body}, {who} : {count} au lieu d'un expert et d'un binôme",
        "en": "{body}, {who}: {count} instead of an expert and a deputy",
    },
    "chk.reference": {
        "fr": "{body} : pas de GT PTF de référence (parent)",
        "en": "{body}: no reference GT PTF (parent)",
    },
    "chk.reference.none": {
        "fr": "aucun Groupe de Dialogue ad hoc n'est défini",
        "en": "no ad hoc Dialogue Group is defined",
    },
    "chk.activity": {
        "fr": "{body} : aucune réunion en {months}",
        "en": "{body}: no meeting in {months}",
    },
    "chk.era.early": {
        "fr": "{what} le {day} : avant la réforme du {reform}",
        "en": "{what} on {day}: before the reform of {reform}",
    },
    "chk.era.late": {
        "fr": "{what} le {day} : après la réforme du {reform}",
        "en": "{what} on {day}: after the reform of {reform}",
    },
    "chk.structure": {
        "fr": "{category} : {found} (il en faut {expected})",
        "en": "{category}: {found} ({expected} expected)",
    },
    "chk.structure.parent": {
        "fr": "{body} : doit relever d'un seul GT PTF",
        "en": "{body}: must belong to exactly one GT PTF",
    },
    "chk.weekend": {"fr": "{what} le {day} : week-end", "en": "{what} on {day}: weekend"},
    "chk.holiday": {"fr": "{what} le {day} : {why}", "en": "{what} on {day}: {why}"},
    "chk.near-estimated": {
        "fr": "{what} le {day}, à un jour de la {holiday} estimée au {when} (date à confirmer) : "
              "si la date annoncée change d'un jour, la réunion tombe un jour férié",
        "en": "{what} on {day}, a day from {holiday} estimated on {when} (to be confirmed): if "
              "the announced date moves by a day, the meeting falls on a public holiday",
    },
    "chk.holiday.estimated": {
        "fr": "{what} le {day} : {why} (date estimée par le paquet holidays ; inscrire la date "
              "annoncée dans config/holidays.yaml)",
        "en": "{what} on {day}: {why} (the holidays package's estimate; record the announced "
              "date in config/holidays.yaml)",
    },
    "chk.conflict": {
        "fr": "{first} et {second} se chevauchent le {day} ; présence requise aux deux : {who}",
        "en": "{first} and {second} overlap on {day}; needed at both: {who}",
    },
    "chk.conflict.institution": {
        "fr": "{what}, {day} à {time} : une même institution attendue à plusieurs réunions "
              "à la fois — {detail}",
        "en": "{what}, {day} at {time}: the same institution expected at several meetings "
              "at once — {detail}",
    },
    "chk.integrity.type": {"fr": "type de réunion inconnu", "en": "unknown meeting type"},
    "chk.integrity.body": {"fr": "instance inconnue", "en": "unknown body"},
    "field.trigger": {"fr": "le motif de la réunion (demande du GEC ou auto-saisine)",
                      "en": "why the meeting is held (the GEC's request or its own initiative)"},
    "field.convened_by": {"fr": "qui l'a convoquée", "en": "who convened it"},
    "value.gec-request": {"fr": "à la demande du GEC", "en": "at the GEC's request"},
    "value.self-referral": {"fr": "par auto-saisine", "en": "on its own initiative"},
    "value.troika": {"fr": "la Troïka", "en": "the Troika"},
    "chk.conflict.pair": {"fr": "{who} ({meetings})", "en": "{who} ({meetings})"},
    "chk.joint-day": {
        "fr": "{what} le même jour que {joint} ({day})",
        "en": "{what} on the same day as {joint} ({day})",
    },
    "chk.august": {"fr": "{what} le {day} : en août", "en": "{what} on {day}: in August"},
    "chk.integrity": {
        "fr": "{what} : {problem} ({value})",
        "en": "{what}: {problem} ({value})",
    },
    "chk.external": {
        "fr": "« {external} » ({source}, {day}, {start}–{end} heure de Bamako) chevauche {what}",
        "en": "« {external} » ({source}, {day}, {start}–{end} Bamako time) overlaps {what}",
    },
    "chk.external.day": {
        "fr": "« {external} » ({source}, toute la journée du {day}) chevauche {what}",
        "en": "« {external} » ({source}, all day on {day}) overlaps {what}",
    },
    "chk.external.holiday": {
        "fr": "« {external} » ({source}) le {day} : {why}",
        "en": "« {external} » ({source}) on {day}: {why}",
    },
    # the report
    "report.title": {"fr": "Vérification du calendrier {year}", "en": "Calendar check {year}"},
    "report.clean": {
        "fr": "Calendrier {year} : aucune erreur, aucun avertissement.",
        "en": "Calendar {year}: no error, no warning.",
    },
    "report.summary": {
        "fr": "Calendrier {year} : {errors}, {warnings}, {infos}.",
        "en": "Calendar {year}: {errors}, {warnings}, {infos}.",
    },
    "report.errors": {"fr": "Erreurs", "en": "Errors"},
    "report.warnings": {"fr": "Avertissements", "en": "Warnings"},
    "report.infos": {"fr": "Informations", "en": "Notes"},
    "report.suggest": {"fr": "Dates possibles : {dates}", "en": "Possible dates: {dates}"},
    "report.before": {"fr": "avant : {day}", "en": "before: {day}"},
    "report.after": {"fr": "après : {day}", "en": "after: {day}"},
    "report.no-suggestion": {
        "fr": "Aucune date proche ne respecte toutes les règles.",
        "en": "No nearby date satisfies every rule.",
    },
    "report.written": {"fr": "Rapport écrit dans {path}", "en": "Report written to {path}"},
    # windows
    "window.year": {"fr": "l'année {year}", "en": "{year}"},
    "window.month": {"fr": "{month} {year}", "en": "{month} {year}"},
    "window.other": {"fr": "la période du {first} au {last}", "en": "{first} to {last}"},
}


CONFIG_MESSAGES: dict[str, dict[str, str]] = {
    # reading YAML
    "cfg.cannot-read": {"fr": "impossible de lire le fichier ({why})",
                        "en": "cannot read the file ({why})"},
    "cfg.too-big": {"fr": "le fichier fait {size} octets ; un fichier de configuration ne peut "
                          "dépasser {limit} octets",
                    "en": "file is {size} bytes; a configuration file may not exceed {limit}"},
    "cfg.not-utf8": {"fr": "le fichier n'est pas en UTF-8", "en": "the file is not valid UTF-8"},
    "cfg.invalid-yaml": {"fr": "syntaxe YAML invalide à cet endroit (l'analyseur dit : {what})",
                         "en": "invalid YAML syntax here (the parser says: {what})"},
    "yaml.tab": {"fr": "tabulation interdite en YAML : indentez avec des espaces",
                 "en": "tabs are not allowed in YAML: indent with spaces"},
    "yaml.colon": {"fr": "deux-points « : » inattendus : une valeur qui contient « : » doit être "
                         "entre guillemets, ou l'indentation est décalée",
                   "en": "unexpected colon ':': a value containing ':' must be quoted, or the "
                         "indentation is off"},
    "yaml.dash": {"fr": "un élément de liste « - » était attendu ici : vérifiez l'indentation",
                  "en": "a list item '-' was expected here: check the indentation"},
    "yaml.key": {"fr": "une clé « nom: » était attendue ici : vérifiez l'indentation (les clés "
                       "d'un même bloc s'alignent)",
                 "en": "a key 'name:' was expected here: check the indentation (the keys of one "
                       "block line up)"},
    "yaml.no-colon": {"fr": "deux-points « : » attendus après la clé",
                      "en": "a colon ':' was expected after the key"},
    "yaml.node": {"fr": "une valeur était attendue ici", "en": "a value was expected here"},
    "yaml.end": {"fr": "fin du fichier inattendue : un guillemet, un crochet ou une accolade "
                       "n'est pas refermé",
                 "en": "unexpected end of the file: a quote, bracket or brace is not closed"},
    "yaml.flow-seq": {"fr": "« , » ou « ] » attendu dans une liste entre crochets",
                      "en": "',' or ']' expected in a bracketed list"},
    "yaml.flow-map": {"fr": "« , » ou « } » attendu entre accolades",
                      "en": "',' or '}' expected between braces"},
    "yaml.indent": {"fr": "indentation incohérente : cette ligne ne s'aligne sur aucun bloc "
                          "ouvert",
                    "en": "inconsistent indentation: this line lines up with no open block"},
    "yaml.escape": {"fr": "séquence d'échappement inconnue entre guillemets doubles (écrivez "
                          "« \\\\ » pour une barre oblique inverse, ou utilisez des guillemets "
                          "simples)",
                    "en": "unknown escape sequence in double quotes (write '\\\\' for a "
                          "backslash, or use single quotes)"},
    "yaml.control": {"fr": "caractère de contrôle interdit dans le fichier",
                     "en": "control character not allowed in the file"},
    "yaml.start": {"fr": "caractère réservé de YAML en début de valeur (« @ », « ` », « % »…) : "
                         "mettez la valeur entre guillemets",
                   "en": "a YAML reserved character starts the value ('@', '`', '%'…): quote "
                         "the value"},
    "yaml.documents": {"fr": "un seul document par fichier (pas de ligne « --- » au milieu)",
                       "en": "one document per file (no '---' line in the middle)"},
    "cfg.no-such-day": {"fr": "{value} : ce jour n'existe pas dans le calendrier",
                        "en": "{value}: no such day in the calendar"},
    "cfg.too-many": {"fr": "plus de {limit} valeurs dans un fichier",
                     "en": "more than {limit} values in one file"},
    "cfg.too-deep": {"fr": "valeurs imbriquées sur plus de {limit} niveaux",
                      "en": "values nested more than {limit} levels deep"},
    "cfg.alias": {"fr": "les ancres et alias YAML (&nom / *nom) ne sont pas acceptés : écrivez la "
                        "valeur en entier",
                  "en": "YAML anchors and aliases (&name / *name) are not supported: write the "
                        "value out"},
    "cfg.tag": {"fr": "l'étiquette YAML {tag} n'est pas acceptée ; seulement des valeurs, des "
                      "listes et des tables",
                "en": "YAML tag {tag} is not allowed; only plain values, lists and mappings"},
    "cfg.empty": {"fr": "le fichier est vide", "en": "the file is empty"},
    # schema
    "cfg.not-expected": {"fr": "{value} n'est pas {expected}{detail}",
                         "en": "{value} is not {expected}{detail}"},
    "cfg.too-long": {"fr": "texte de {size} caractères ; {limit} au plus (un texte est recopié "
                           "dans chaque événement et chaque flux qui le montre)",
                     "en": "a text of {size} characters; {limit} at most (a text is copied into "
                           "every event and feed that shows it)"},
    "cfg.control": {"fr": " (caractères de contrôle)", "en": " (it contains control characters)"},
    "cfg.bad-id": {"fr": "{value} n'est pas un identifiant valide (minuscules, chiffres, « - »)",
                   "en": "{value} is not a valid id (lower-case letters, digits, '-')"},
    "cfg.end-before-start": {"fr": "{value} : la fin doit suivre le début",
                             "en": "{value}: the end must be after the start"},
    "cfg.min-items": {"fr": "il en faut au moins {count}", "en": "needs at least {count}"},
    "cfg.duplicate-key": {"fr": "clé en double", "en": "duplicate key"},
    "cfg.duplicate-key-at": {"fr": "clé en double (première à la ligne {line})",
                             "en": "duplicate key (first at line {line})"},
    "cfg.not-mapping": {"fr": "{value} n'est pas {what} ; clés attendues : {keys}",
                        "en": "{value} is not {what}; expected keys: {keys}"},
    "cfg.key-word": {"fr": "une clé doit être un mot simple", "en": "a key must be a plain word"},
    "cfg.unknown-key": {"fr": "clé inconnue {key}{hint} ; acceptées : {allowed}",
                        "en": "unknown key {key}{hint}; allowed: {allowed}"},
    "cfg.did-you-mean": {"fr": " (vouliez-vous dire {hint} ?)", "en": " (did you mean {hint}?)"},
    "cfg.value-required": {"fr": "une valeur est requise : {expected}",
                           "en": "a value is required: {expected}"},
    "voc.weekday": {"fr": "{value} n'est pas un jour de la semaine ({help})",
                    "en": "{value} is not a weekday ({help})"},
    "voc.day-of-year": {"fr": "{value} n'est pas un jour de l'année comme « 14 janvier » (le 29 "
                              "février n'est pas un jour de chaque année)",
                        "en": "{value} is not a day of the year such as '14 january' (29 "
                              "February is not a day of every year)"},
    "voc.month": {"fr": "{value} n'est pas un mois ({help})",
                  "en": "{value} is not a month ({help})"},
    "voc.nth": {"fr": "{value} n'est pas « <rang> <jour> » (first, second, third, fourth, last + "
                      "{help})",
                "en": "{value} is not '<ordinal> <weekday>' (first, second, third, fourth, last "
                      "+ {help})"},
    "voc.relative": {"fr": "{value} n'est pas un jour relatif : « <jour> before|after » ou "
                           "« <N> days before|after »",
                     "en": "{value} is not a relative day: '<weekday> before|after' or '<N> days "
                           "before|after'"},
    "voc.deadline": {"fr": "{value} n'est pas une échéance : « before 15 january » (le jour même "
                           "est trop tard) ou « by 31 march » (le jour même convient)",
                     "en": "{value} is not a deadline: 'before 15 january' (the day itself is too "
                           "late) or 'by 31 march' (the day itself is allowed)"},
    # the loader
    "ld.alone": {"fr": "« {key} » s'emploie seul : retirez {others}",
                 "en": "'{key}' stands alone: remove {others}"},
    "ld.rule-needs": {"fr": "une règle demande « day », « deadline » ou « combined_with »",
                      "en": "a rule needs 'day', 'deadline' or 'combined_with'"},
    "ld.first-after": {"fr": "« day: first after » demande « of » et « after »",
                       "en": "'day: first after' needs 'of' and 'after'"},
    "ld.relative-of": {"fr": "« day: {day} » est relatif : « of » nomme le type de réunion de "
                             "référence",
                       "en": "'day: {day}' is relative: 'of' names the meeting type it is "
                             "relative to"},
    "ld.needs-months": {"fr": "« day: {day} » demande « months » (par exemple all except august, "
                              "ou [april, october])",
                        "en": "'day: {day}' needs 'months' (e.g. all except august, or [april, "
                              "october])"},
    "ld.not-relative": {"fr": "« day: {day} » n'est pas relatif : retirez « of » / « after »",
                        "en": "'day: {day}' is not relative: remove 'of'/'after'"},
    "ld.after-limit": {"fr": "règle impossible : ses mois ({months}) tombent après sa propre "
                             "limite ({limit})",
                       "en": "impossible rule: its months ({months}) fall after its own limit "
                             "({limit})"},
    "ld.fifth": {"fr": "règle impossible : il n'y a pas de cinquième {weekday} chaque mois "
                       "(utilisez « last »)",
                 "en": "impossible rule: a fifth {weekday} does not exist in every month (use "
                       "'last')"},
    "ld.duplicate-id": {"fr": "identifiant {ident} en double ({kind} ; première définition en "
                              "{first})",
                        "en": "duplicate id {ident} ({kind}; first defined at {first})"},
    "ld.unknown-file": {"fr": "fichier de configuration inconnu ; attendus : {known}, "
                              "bodies/*.yaml ou years/AAAA.yaml",
                        "en": "unknown configuration file; expected {known}, bodies/*.yaml or "
                              "years/YYYY.yaml"},
    "ld.no-bodies": {"fr": "aucun fichier bodies/*.yaml", "en": "no bodies/*.yaml file"},
    "ld.year-name": {"fr": "{year} ne correspond pas au nom du fichier {name}",
                     "en": "{year} does not match the file name {name}"},
    "ld.not-config": {"fr": "ce n'est pas un dossier de configuration ptfcal : ptfcal.yaml est "
                            "absent",
                      "en": "not a ptfcal configuration folder: ptfcal.yaml is missing"},
    "ld.missing-file": {"fr": "fichier absent (il contient « {key} »)",
                        "en": "missing file (it holds '{key}')"},
    "ld.timezone": {"fr": "{value} n'est pas un fuseau horaire IANA connu (par exemple "
                          "Africa/Bamako)",
                    "en": "{value} is not a known IANA time zone (e.g. Africa/Bamako)"},
    "ld.timezone-dst": {"fr": "{value} change d'heure en été : ptfcal publie des fuseaux sans "
                              "heure d'été (comme Africa/Bamako)",
                        "en": "{value} has daylight saving time: ptfcal publishes zones without "
                              "it (such as Africa/Bamako)"},
    "ld.country": {"fr": "{value} : le paquet holidays ne connaît pas les jours fériés de ce pays "
                         "(code ISO à deux lettres, ML pour le Mali)",
                   "en": "{value}: the holidays package has no public holidays for this country "
                         "(two-letter ISO code, ML for Mali)"},
    "ld.occurrence-twice": {"fr": "deux enregistrements pour la même occurrence ({type}, "
                                  "{nominal}) ; le premier est à la ligne {line}",
                            "en": "two records for the same occurrence ({type}, {nominal}); the "
                                  "first is on line {line}"},
    "ld.holiday-twice": {"fr": "{what} est déjà donné à la ligne {line}",
                         "en": "{what} is already given on line {line}"},
    "ld.outside-year": {"fr": "règle impossible : « {rule} » tombe toujours l'année "
                              "précédente",
                        "en": "impossible rule: '{rule}' always falls in the previous year"},
    "ld.day-off-date": {"fr": "un jour chômé a soit une date (« date: 2022-09-23 »), soit un "
                              "jour de l'année répété (« day: 14 janvier » avec "
                              "« every_year_from »)",
                        "en": "a day off has either a date ('date: 2022-09-23') or a day of the "
                              "year repeated ('day: 14 january' with 'every_year_from')"},
    "ld.day-off-every": {"fr": "« day » va avec « every_year_from » (chaque année à partir de), "
                               "« date » sans lui",
                         "en": "'day' goes with 'every_year_from' (every year from), 'date' "
                               "without it"},
    "ld.gone-in-year": {"fr": "{who} n'est pas là en {year} (valid_from / valid_until dans "
                               "institutions.yaml) : il ne peut pas y tenir de rôle",
                         "en": "{who} is not there in {year} (valid_from / valid_until in "
                               "institutions.yaml): it cannot hold a role then"},
    "ld.stagger-time": {"fr": "« stagger » donne d'autres heures que « time » : il faut d'abord "
                              "« time »",
                        "en": "'stagger' gives other hours than 'time': 'time' is needed first"},
    "ld.category-name": {"fr": "la catégorie {category} n'a pas de nom dans categories.yaml",
                         "en": "category {category} has no name in categories.yaml"},
    "ld.roles-twice": {"fr": "les rôles de {year} sont donnés deux fois",
                       "en": "roles for {year} are given twice"},
    "ld.unknown-ref": {"fr": "{value} n'est pas {what}{hint}", "en": "{value} is not {what}{hint}"},
    "ld.reserved": {"fr": "{ident} est réservé à un nom de flux (all, deadlines, level-…)",
                    "en": "{ident} is reserved for a feed name (all, deadlines, level-…)"},
    "ld.both": {"fr": "{ident} désigne à la fois une institution et une instance ; les "
                      "identifiants doivent être distincts",
                "en": "{ident} names both an institution and a body; ids must be distinct"},
    "ld.until-before": {"fr": "{end} est avant valid_from {start}",
                        "en": "{end} is before valid_from {start}"},
    "ld.ancestor": {"fr": "{ident} est son propre ancêtre", "en": "{ident} is its own ancestor"},
    "ld.no-holder": {"fr": "aucune instance ne tient ce type de réunion",
                     "en": "no body holds this meeting type"},
    "ld.needs-time": {"fr": "une réunion demande une heure par défaut, par exemple 09:00-12:00 "
                            "(A-07)",
                      "en": "a meeting needs a default time, e.g. 09:00-12:00 (A-07)"},
    "ld.deadline-time": {"fr": "une échéance dure toute la journée : retirez « time »",
                         "en": "a deadline is an all-day item: remove 'time'"},
    "ld.deadline-kind": {"fr": "une règle « deadline » crée un jalon d'une journée : indiquez "
                               "kind: deadline",
                         "en": "a 'deadline' rule makes an all-day milestone: set kind: deadline"},
    "ld.not-placeholder": {"fr": "cité dans les placeholders de ptfcal.yaml, mais ce n'est pas "
                                 "une règle de substitution (generate: false)",
                           "en": "listed in ptfcal.yaml placeholders, but it is not a "
                                 "placeholder rule (generate: false)"},
    "ld.anchor-bodies": {"fr": "{anchor} est tenu par plusieurs instances ; une règle relative à "
                               "lui doit être tenue par les mêmes instances",
                         "en": "{anchor} is held by several bodies; a rule relative to it must "
                               "be held by the same bodies"},
    "ld.combined-twice": {"fr": "{anchor} est lui-même combiné à une autre réunion ; combinez "
                                "avec celle qui porte la règle de date",
                          "en": "{anchor} is itself combined with another meeting; combine with "
                                "the one that has the date rule"},
    "ld.anchor-months": {"fr": "règle impossible : {anchor} n'a pas d'occurrence en {months}",
                         "en": "impossible rule: {anchor} has no occurrence in {months}"},
    "ld.no-date-rule": {"fr": "{anchor} n'a pas de règle de date",
                        "en": "{anchor} has no date rule"},
    "ld.circular": {"fr": "règle circulaire : {chain}", "en": "circular rule: {chain}"},
    "ld.secretariat-body": {"fr": "le rôle ptf-secretariat demande une instance {ident} (le Pool "
                                  "Technique jusqu'à la passation, le SEG ensuite)",
                            "en": "the role ptf-secretariat needs a body {ident} (the Pool "
                                  "Technique until the handover date, the SEG from it)"},
    "ld.not-gt-ptf": {"fr": "{ident} n'est pas un GT PTF", "en": "{ident} is not a GT PTF"},
    "ld.three": {"fr": "une coordination tripartite compte trois institutions, pas {count}",
                 "en": "a tripartite coordination is three institutions, not {count}"},
    "ld.not-held": {"fr": "{body} ne tient pas {type} (tenu par {by})",
                    "en": "{body} does not hold {type} (held by {by})"},
    "ld.which-body": {"fr": "{type} est tenu par plusieurs instances ; précisez laquelle : {by}",
                      "en": "{type} is held by several bodies; say which: {by}"},
    "ld.not-in-year": {"fr": "{day} n'est pas en {year}", "en": "{day} is not in {year}"},
    "ld.same-key": {"fr": "deux événements de ce type avec la même clé (ou le même jour sans "
                          "clé) : donnez à chacun une « key » distincte",
                    "en": "two events of this type with the same key (or on the same day "
                          "without a key): give each a distinct 'key'"},
    "ld.rule-twice": {"fr": "la règle {rule} est définie deux fois",
                      "en": "rule {rule} is defined twice"},
    "ld.check-kind": {"fr": "{value} n'est pas un genre de vérification ; attendus : {kinds}",
                      "en": "{value} is not a check kind; expected one of {kinds}"},
    "ld.check-param": {"fr": "« {key} » ne s'applique pas à une vérification {kind} (elle prend : "
                             "{takes})",
                       "en": "'{key}' does not apply to a {kind} check (it takes: {takes})"},
    "ld.check-needs": {"fr": "une vérification {kind} demande « {key} »",
                       "en": "a {kind} check needs '{key}'"},
    "ld.no-occurrence": {"fr": "aucune occurrence de {type} pour {body} n'a la date de règle "
                               "{nominal} ; dates de règle en {year} : {listed}",
                         "en": "no {type} occurrence of {body} has the rule date {nominal}; rule "
                               "dates in {year}: {listed}"},
    "ld.official-far": {"fr": "{day} : la bibliothèque « holidays » ne place {holiday} à moins "
                              "de {days} jours de cette date ; vérifiez l'année",
                        "en": "{day}: the holidays package has no date of {holiday} within "
                              "{days} days; check the year"},
    # outputs, other calendars, the server, the command line
    "out.full": {"fr": "plus de place (disque plein ou limite de taille de fichier)",
                 "en": "no space left (disk full or file size limit)"},
    "out.denied": {"fr": "permission refusée (dossier en lecture seule ?)",
                   "en": "permission denied (read-only folder?)"},
    "out.cannot-write": {"fr": "impossible d'écrire {where} : {why} ; aucun fichier n'a été "
                               "modifié",
                         "en": "cannot write {where}: {why}; no file was changed"},
    "out.not-folder": {"fr": "{where} n'est pas un dossier ; aucun fichier n'a été modifié",
                       "en": "{where} is not a folder; no file was changed"},
    "out.link": {"fr": "{where} est un lien symbolique : ptfcal n'écrit ni ne lit à travers un "
                       "lien dans le dossier de sortie ; aucun fichier n'a été modifié",
                 "en": "{where} is a symbolic link: ptfcal neither writes nor reads through a "
                       "link inside the output folder; no file was changed"},
    "out.foreign-kind": {"fr": "{where} n'est pas un fichier ordinaire : ptfcal ne le remplace "
                               "pas ; aucun fichier n'a été modifié",
                         "en": "{where} is not a regular file: ptfcal does not replace it; no "
                               "file was changed"},
    "out.foreign": {"fr": "{where} contient, là où ptfcal doit écrire, {count} que ptfcal n'a "
                          "pas publiés ({paths}) : déplacez-les ou choisissez un autre dossier "
                          "(--out) ; aucun fichier n'a été modifié",
                    "en": "{where} holds, where ptfcal must write, {count} ptfcal did not "
                          "publish ({paths}): move them away or choose another folder (--out); "
                          "no file was changed"},
    "out.bad-path": {"fr": "chemin refusé : {path}", "en": "path refused: {path}"},
    "out.too-big": {"fr": "{where} dépasse {limit} octets ; aucun fichier n'a été modifié",
                    "en": "{where} is larger than {limit} bytes; no file was changed"},
    "out.partial": {"fr": "impossible d'écrire {where} : {why} ; ces fichiers, déjà remplacés, "
                          "n'ont pas pu être rétablis et sont publiés : {paths}",
                    "en": "cannot write {where}: {why}; these files were already replaced, "
                          "could not be restored and are published: {paths}"},
    "out.in-use": {"fr": "fichier ouvert dans un autre programme (Excel ?)",
                   "en": "file open in another program (Excel?)"},
    "out.not-regular": {"fr": "{where} existe et n'est pas un fichier ordinaire : ptfcal ne le "
                              "remplace pas",
                        "en": "{where} exists and is not a regular file: ptfcal does not "
                              "replace it"},
    "out.no-folder": {"fr": "le dossier n'existe pas", "en": "the folder does not exist"},
    "lock.busy": {"fr": "un autre ptfcal travaille dans {where} en ce moment ; relancez quand "
                        "il aura fini (aucun fichier n'a été modifié)",
                  "en": "another ptfcal is working in {where} right now; run again when it is "
                        "done (no file was changed)"},
    "lock.cannot": {"fr": "impossible de verrouiller {path} : {why}",
                    "en": "cannot lock {path}: {why}"},
    "lock.not-file": {"fr": "ce n'est pas un fichier ordinaire", "en": "not a regular file"},
    "state.damaged": {"fr": "état de suivi illisible ({why})",
                      "en": "unreadable change-tracking state ({why})"},
    "state.newer": {"fr": "l'état de suivi a été écrit par une version plus récente de ptfcal "
                          "(format {version} ; celle-ci lit jusqu'au format {known}) : mettez "
                          "ptfcal à jour ; aucun fichier n'a été modifié",
                    "en": "the change-tracking state was written by a newer ptfcal (format "
                          "{version}; this one reads up to format {known}): upgrade ptfcal; no "
                          "file was changed"},
    "ext.too-big": {"fr": "{path} : {size} octets, au-delà des {limit} acceptés",
                    "en": "{path}: {size} bytes, more than the {limit} accepted"},
    "ext.not-file": {"fr": "{path} : ce n'est pas un fichier ordinaire (un tube, un périphérique "
                           "ou un dossier ne se lit pas comme un calendrier)",
                     "en": "{path}: not a regular file (a pipe, a device or a folder is not read "
                           "as a calendar)"},
    "ext.rule-skipped": {"fr": "série {uid} ignorée : {why}",
                         "en": "series {uid} skipped: {why}"},
    "ext.rule-frequency": {"fr": "elle se répète à chaque {freq} (aucun calendrier de réunions "
                                 "ne le fait)",
                           "en": "it repeats {freq} (no meeting calendar does)"},
    "ext.rule-interval": {"fr": "intervalle {interval} (il doit valoir au moins 1)",
                          "en": "interval {interval} (it must be at least 1)"},
    "ext.rule-within-day": {"fr": "elle se répète plusieurs fois par jour (BYHOUR, BYMINUTE, "
                                  "BYSECOND)",
                            "en": "it repeats several times a day (BYHOUR, BYMINUTE, BYSECOND)"},
    "ext.rule-no-day": {"fr": "aucun de ses jours du mois n'existe dans ses mois",
                        "en": "none of its days of the month exists in its months"},
    "ext.series-capped": {"fr": "la série {uid} compte plus de {limit} occurrences dans les "
                                "années vérifiées : seules les {limit} premières sont lues "
                                "(--max-occurrences)",
                          "en": "series {uid} has more than {limit} occurrences in the years "
                                "checked: only the first {limit} are read (--max-occurrences)"},
    "ext.file-capped": {"fr": "plus de {limit} occurrences en tout : la suite du fichier n'est "
                              "pas lue (--max-occurrences)",
                        "en": "more than {limit} occurrences in all: the rest of the file is not "
                              "read (--max-occurrences)"},
    "ext.unknown-zone": {"fr": "série {uid} : le fuseau {tzid} n'est défini nulle part ; ses "
                               "heures sont lues à l'heure de Bamako",
                         "en": "series {uid}: time zone {tzid} is defined nowhere; its times "
                               "are read as Bamako time"},
    "ext.too-slow": {"fr": "{path} : développer ses séries récurrentes demande plus de "
                           "{seconds} s ; le fichier est refusé",
                     "en": "{path}: expanding its recurring series takes more than {seconds} s; "
                           "the file is refused"},
    "warning.line": {"fr": "avertissement : {message}", "en": "warning: {message}"},
    "ext.cannot-read": {"fr": "{path} : impossible de lire le fichier ({why})",
                        "en": "{path}: cannot read the file ({why})"},
    "ext.not-ics": {"fr": "{path} : ce n'est pas un fichier iCalendar (pas de BEGIN:VCALENDAR)",
                    "en": "{path}: not an iCalendar file (no BEGIN:VCALENDAR)"},
    "ext.bad-ics": {"fr": "{path} : calendrier illisible ({why})",
                    "en": "{path}: cannot read this calendar ({why})"},
    "srv.not-folder": {"fr": "{path} : ce n'est pas un dossier (lancez d'abord ptfcal generate)",
                       "en": "{path}: not a folder (run `ptfcal generate` first)"},
    "srv.listen": {"fr": "impossible d'écouter sur {host}:{port} ({why})",
                   "en": "cannot listen on {host}:{port} ({why})"},
    "cli.not-body": {"fr": "--body {value} : ce n'est pas une instance de la configuration",
                     "en": "--body {value}: not a body of the configuration"},
    "cli.not-institution": {"fr": "{option} {value} : ce n'est pas une institution de la "
                                  "configuration ({known})",
                            "en": "{option} {value}: not an institution of the configuration "
                                  "({known})"},
    "cfg.missing-key": {"fr": "clé obligatoire {key} absente : {expected}",
                        "en": "missing required key {key}: {expected}"},
}


NOUNS: dict[str, dict[str, tuple[str, str, str]]] = {
    # noun -> language -> (one, many, none)
    "error": {"fr": ("erreur", "erreurs", "aucune erreur"), "en": ("error", "errors", "no error")},
    "warning": {"fr": ("avertissement", "avertissements", "aucun avertissement"),
                "en": ("warning", "warnings", "no warning")},
    "info": {"fr": ("information", "informations", "aucune information"),
             "en": ("note", "notes", "no note")},
    "event": {"fr": ("événement", "événements", "aucun événement"),
              "en": ("event", "events", "no event")},
    "file": {"fr": ("fichier", "fichiers", "aucun fichier"), "en": ("file", "files", "no file")},
    "feed": {"fr": ("flux", "flux", "aucun flux"), "en": ("feed", "feeds", "no feed")},
    "added": {"fr": ("ajout", "ajouts", "aucun ajout"), "en": ("addition", "additions",
                                                            "no addition")},
    "round": {"fr": ("tour de vérification", "tours de vérification", "aucun tour"),
              "en": ("checking round", "checking rounds", "no checking round")},
    "message": {"fr": ("message", "messages", "aucun message"), "en": ("message", "messages",
                                                                     "no message")},
    "message-sent": {"fr": ("message envoyé", "messages envoyés", "aucun message envoyé"),
                     "en": ("message sent", "messages sent", "no message sent")},
    "draft": {"fr": ("brouillon .eml écrit", "brouillons .eml écrits", "aucun brouillon écrit"),
              "en": ("draft .eml written", "drafts .eml written", "no draft written")},
    "person": {"fr": ("personne", "personnes", "aucune personne"), "en": ("person", "people",
                                                                      "nobody")},
    "recipient-row": {"fr": ("ligne de destinataire", "lignes de destinataires",
                             "aucune ligne de destinataire"),
                      "en": ("recipient row", "recipient rows", "no recipient row")},
    "review": {"fr": ("revue", "revues", "aucune revue"), "en": ("review", "reviews",
                                                                "no review")},
    "refusal": {"fr": ("refus", "refus", "aucun refus"), "en": ("refusal", "refusals",
                                                               "no refusal")},
    "moved": {"fr": ("déplacement", "déplacements", "aucun déplacement"),
              "en": ("move", "moves", "no move")},
    "changed": {"fr": ("modification", "modifications", "aucune modification"),
                "en": ("change", "changes", "no change")},
    "cancelled": {"fr": ("annulation", "annulations", "aucune annulation"),
                  "en": ("cancellation", "cancellations", "no cancellation")},
    "removed": {"fr": ("retrait (publié comme annulé)", "retraits (publiés comme annulés)",
                       "aucun retrait"),
                "en": ("removal (published as cancelled)", "removals (published as cancelled)",
                       "no removal")},
    "meeting": {"fr": ("réunion", "réunions", "aucune réunion"),
                "en": ("meeting", "meetings", "no meeting")},
    "day": {"fr": ("jour", "jours", "aucun jour"), "en": ("day", "days", "no day")},
    "name": {"fr": ("nom", "noms", "aucun nom"), "en": ("name", "names", "no name")},
    "body": {"fr": ("instance", "instances", "aucune instance"),
             "en": ("body", "bodies", "no body")},
    "item": {"fr": ("élément", "éléments", "aucun élément"), "en": ("item", "items", "no item")},
    "file-written": {"fr": ("fichier écrit", "fichiers écrits", "aucun fichier écrit"),
                     "en": ("file written", "files written", "no file written")},
    "file-to-write": {"fr": ("fichier à écrire", "fichiers à écrire", "aucun fichier à écrire"),
                      "en": ("file to write", "files to write", "no file to write")},
    "file-unchanged": {"fr": ("fichier inchangé", "fichiers inchangés", "aucun fichier inchangé"),
                       "en": ("file unchanged", "files unchanged", "no file unchanged")},
    "line-added": {"fr": ("ligne ajoutée", "lignes ajoutées", "aucune ligne ajoutée"),
                   "en": ("line added", "lines added", "no line added")},
    "line-removed": {"fr": ("ligne retirée", "lignes retirées", "aucune ligne retirée"),
                     "en": ("line removed", "lines removed", "no line removed")},
    "finding-added": {"fr": ("constat ajouté", "constats ajoutés", "aucun constat ajouté"),
                      "en": ("finding added", "findings added", "no finding added")},
    "finding-cleared": {"fr": ("constat levé", "constats levés", "aucun constat levé"),
                        "en": ("finding cleared", "findings cleared", "no finding cleared")},
}


from .convene import CONVENE_MESSAGES  # noqa: E402 - the convening messages, kept apart
from .plan import PLAN_MESSAGES  # noqa: E402 - the planner's messages, kept apart
from .record import RECORD_MESSAGES  # noqa: E402 - the verbs' messages, kept apart

_TABLES = (MESSAGES, CHECK_MESSAGES, CONFIG_MESSAGES, RECORD_MESSAGES, PLAN_MESSAGES,
           CONVENE_MESSAGES)


class Counted:
    """A number of things, written with its noun in each language by `text()`."""

    def __init__(self, n: int, noun: str):
        self.n, self.noun = n, noun

    def get(self, lang: str) -> str:
        return count(self.n, self.noun, lang)


def count(n: int, noun: str, lang: str = "fr") -> str:
    """'aucune erreur', '1 erreur', '5 erreurs' / 'no error', '1 error', '5 errors'."""
    one, many, none = NOUNS[noun][lang]
    if n == 0:
        return none
    return f"{n} {one if n == 1 else many}"


def known(message: str) -> bool:
    return any(message in table for table in _TABLES)


def t(message: str, lang: str = "fr", /, **values: object) -> str:
    """The message `message` in `lang`, with its {placeholders} filled."""
    entry = next((table[message] for table in _TABLES if message in table), None)
    if entry is None:
        raise KeyError(message)
    text = entry.get(lang) or entry["fr"]
    return text.format(**values) if values else text


def text(message: str, /, **values: object):
    """The message in both languages; dates, Texts and lists are rendered per language."""
    from ..text import Text

    def render(value: object, lang: str) -> str:
        if isinstance(value, Text | Counted):
            return value.get(lang)
        if isinstance(value, date):
            return format_day(value, lang)
        if isinstance(value, list | tuple):
            return ", ".join(render(v, lang) for v in value)
        return str(value)

    return Text(*(t(message, lang, **{k: render(v, lang) for k, v in values.items()})
                  for lang in ("fr", "en")))


def years_text(years) -> str:
    """2019, 2020, 2021, 2025 -> '2019–2021, 2025'."""
    runs: list[list[int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def deadline_words(deadline, lang: str = "en") -> str:
    """'before 30 April' / 'avant le 30 avril' / 'end of February'."""
    month = MONTHS[lang][deadline.month - 1]
    if deadline.day == 0:
        return f"fin {month}" if lang == "fr" else f"end of {month}"
    if lang == "fr":
        return f"{'avant le' if deadline.strict else 'au plus tard le'} {deadline.day} {month}"
    return f"{'before' if deadline.strict else 'by'} {deadline.day} {month}"


def format_day(day: date, lang: str = "fr", weekday: bool = True) -> str:
    """'mercredi 12 mai 2021' / 'Wednesday 12 May 2021'."""
    name = WEEKDAYS[lang][day.weekday()] + " " if weekday else ""
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{name}{number} {MONTHS[lang][day.month - 1]} {day.year}"


def format_short_day(day: date, lang: str = "fr") -> str:
    """'jeu. 5 nov.' / 'Thu 5 Nov'."""
    weekday = WEEKDAYS[lang][day.weekday()][:3]
    month = MONTHS_SHORT[lang][day.month - 1]
    if lang == "fr":
        return f"{weekday}. {'1er' if day.day == 1 else day.day} {month}"
    return f"{weekday} {day.day} {month}"


def format_day_month(day: date, lang: str = "fr") -> str:
    """'1er janv.' / '1 Jan'."""
    month = MONTHS_SHORT[lang][day.month - 1]
    return f"{'1er' if lang == 'fr' and day.day == 1 else day.day} {month}"


def shift_sentence(day: date, shifted_from: date | None, why: str, lang: str) -> str:
    """'reportée du jeudi 5 novembre 2020 (Tabaski)', or why a date stayed on a day off."""
    if shifted_from is None:
        return t("shift.kept", lang, why=why)
    key = "shift.moved" if day > shifted_from else "shift.advanced"
    return t(key, lang, day=format_day(shifted_from, lang), why=why)


def format_time(moment: datetime) -> str:
    return moment.strftime("%H:%M")
