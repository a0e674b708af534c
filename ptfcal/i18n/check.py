"""Messages of the checks, of their report, and of the period a report covers."""

from __future__ import annotations

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
    "chk.one-un": {
        "fr": "{what} {year} : {count} entités des Nations Unies y sont convoquées chacune de "
              "son côté ({who}) ; les textes souhaitent une participation « dans l'esprit de la "
              "réforme One UN », le système parlant d'une voix (agence coordinatrice : {agency})",
        "en": "{what} {year}: {count} UN entities are convened each on its own ({who}); the "
              "texts wish a participation 'in the spirit of the One UN reform', the system "
              "speaking with one voice (coordinating agency: {agency})",
    },
    "chk.one-un.unknown": {"fr": "à renseigner", "en": "to be recorded"},
    "chk.holder.tripartite": {
        "fr": "le trinôme de {body}",
        "en": "the tripartite of {body}",
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
    "chk.after-sunday": {
        "fr": "{what} le {day} : {why} ; vérifier le communiqué du ministère du Travail",
        "en": "{what} on {day}: {why}; check the Ministry of Labour's communiqué"},
    "chk.half-day": {
        "fr": "{what} le {day} se tient après {until} : {why}",
        "en": "{what} on {day} runs past {until}: {why}"},
    "chk.unconfirmed-holiday": {
        "fr": "{holiday} : la date estimée, le {day}, est passée et n'est toujours pas "
              "confirmée ; enregistrer la date annoncée : {command}",
        "en": "{holiday}: the estimated date, {day}, is past and still not confirmed; record "
              "the announced date: {command}"},
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
    "chk.conflict.many": {
        "fr": "{count} réunions se chevauchent le {day} à {time} ; présence requise à toutes : "
              "{who} — {meetings}",
        "en": "{count} meetings overlap on {day} at {time}; needed at all of them: {who} — "
              "{meetings}",
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
