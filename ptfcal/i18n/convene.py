"""Messages of the register of people and of the distribution lists."""

from __future__ import annotations

CONVENE_MESSAGES: dict[str, dict[str, str]] = {
    "ppl.institution": {
        "fr": "« {value} » n'est pas une institution de institutions.yaml",
        "en": "'{value}' is not an institution of institutions.yaml"},
    "ppl.body": {"fr": "« {value} » n'est pas une instance des fichiers bodies/",
                 "en": "'{value}' is not a body of the bodies/ files"},
    "ppl.body-needed": {
        "fr": "le siège « {seat} » se tient dans une instance : indiquez « body »",
        "en": "the seat '{seat}' is held in a body: give 'body'"},
    "ppl.dates": {"fr": "« until » ({end}) précède « from » ({start})",
                  "en": "'until' ({end}) is before 'from' ({start})"},
    "ppl.duplicate": {"fr": "cette personne occupe déjà ce siège ({first})",
                      "en": "this person already holds this seat ({first})"},
    "ppl.empty": {"fr": "le registre est vide : attendu « people: » et une liste de personnes",
                  "en": "the register is empty: expected 'people:' and a list of people"},
    "ppl.missing": {
        "fr": "{path} : pas de registre des personnes ; copiez docs/people-sample.yaml et "
              "complétez-le, ou indiquez --people FICHIER",
        "en": "{path}: no register of people; copy docs/people-sample.yaml and fill it in, "
              "or give --people FILE"},
    "ppl.published": {
        "fr": "{path} : ce dossier est publié ({folder} contient {state}) ; des données "
              "personnelles n'y vont jamais : choisissez un dossier hors de la publication",
        "en": "{path}: this folder is published ({folder} holds {state}); personal data never "
              "goes there: choose a folder outside the publication"},
    "ppl.stands-in": {
        "fr": "{email} occupe déjà le siège « {other} » ({first}) : « {seat} » le remplace en "
              "son absence, ce doit être une autre personne",
        "en": "{email} already holds the seat '{other}' ({first}): '{seat}' stands in for it, "
              "it must be another person"},
    "ppl.shared-address": {
        "fr": "avertissement : {email} occupe aussi le siège « {other} » ({institution}, "
              "{first}){names} ; vérifiez qu'il s'agit bien de la même personne",
        "en": "warning: {email} also holds the seat '{other}' ({institution}, {first}){names}; "
              "check it is the same person"},
    "ppl.other-name": {"fr": " sous le nom « {name} »", "en": " under the name '{name}'"},
    "ppl.summary": {"fr": "{path} : {count}, aucune erreur ({seats})",
                    "en": "{path}: {count}, no error ({seats})"},
    "lst.why": {"fr": "{seat} de {who} pour {what}", "en": "{seat} of {who} for {what}"},
    "lst.over": {
        "fr": "{rule} : {count} personnes convoquées pour une même délégation à {what} du "
              "{day}, au plus {limit} ({who})",
        "en": "{rule}: {count} people convened for one delegation to {what} on {day}, at most "
              "{limit} ({who})"},
    "lst.written": {"fr": "{count} dans {path}", "en": "{count} in {path}"},
    "lst.none": {"fr": "Aucune occurrence ne correspond.", "en": "No occurrence matches."},
    "inv.outbox-link": {"fr": "{path} est un lien : ptfcal ne le suit pas",
                        "en": "{path} is a link: ptfcal does not follow it"},
    "inv.folder": {"fr": "{path} : impossible de créer le dossier ({why})",
                   "en": "{path}: cannot create the folder ({why})"},
    "inv.not-folder": {"fr": "{path} existe et n'est pas un dossier",
                       "en": "{path} exists and is not a folder"},
    "inv.organizer": {"fr": "--organizer {value} : attendu une adresse électronique",
                      "en": "--organizer {value}: expected an e-mail address"},
    "inv.outbox-damaged": {
        "fr": "{path} est illisible ou abîmé ; rien n'est envoyé (il dit ce qui a déjà été "
              "envoyé : réparez-le ou restaurez-le plutôt que de le supprimer)",
        "en": "{path} is unreadable or damaged; nothing sent (it records what was already "
              "sent: repair or restore it rather than delete it)"},
    "inv.outbox-newer": {
        "fr": "{path} a été écrit par une version plus récente de ptfcal (version {version} ; "
              "celle-ci lit la version {known}) : mettez ptfcal à jour ; rien n'est envoyé",
        "en": "{path} was written by a newer ptfcal (version {version}; this one reads "
              "version {known}): upgrade ptfcal; nothing sent"},
    "inv.sequence-limit": {
        "fr": "{uid} : SEQUENCE dépasserait {limit}, la limite d'iCalendar ; rien n'est envoyé",
        "en": "{uid}: SEQUENCE would exceed {limit}, iCalendar's limit; nothing sent"},
    "inv.smtp-url": {
        "fr": "{url} : attendu smtp://hôte[:port], smtp+starttls://utilisateur@hôte[:port] "
              "ou smtps://utilisateur@hôte[:port]",
        "en": "{url}: expected smtp://host[:port], smtp+starttls://user@host[:port] or "
              "smtps://user@host[:port]"},
    "inv.smtp-password": {
        "fr": "le mot de passe ne s'écrit pas dans l'adresse du serveur : variable "
              "d'environnement PTFCAL_SMTP_PASSWORD",
        "en": "the password is not written in the server's address: environment variable "
              "PTFCAL_SMTP_PASSWORD"},
    "inv.no-smtp": {
        "fr": "aucun serveur d'envoi : --smtp URL ou la variable PTFCAL_SMTP_URL",
        "en": "no sending server: --smtp URL or the PTFCAL_SMTP_URL variable"},
    "inv.no-organizer": {
        "fr": "aucune boîte du secrétariat : --organizer ADRESSE ou la variable "
              "PTFCAL_ORGANIZER",
        "en": "no secretariat mailbox: --organizer ADDRESS or the PTFCAL_ORGANIZER variable"},
    "inv.unreachable": {"fr": "serveur {host}:{port} injoignable ({why}) ; rien n'est envoyé",
                        "en": "server {host}:{port} unreachable ({why}); nothing sent"},
    "inv.login": {"fr": "connexion refusée pour {user} ; rien n'est envoyé",
                  "en": "login refused for {user}; nothing sent"},
    "inv.failed": {
        "fr": "le serveur a échoué après l'envoi de {sent} ({why}) ; il en reste {left}, "
              "relancez la même commande pour les envoyer",
        "en": "the server failed after {sent} sent ({why}); {left} left, run the same "
              "command again to send them"},
    "inv.request": {"fr": "invitation", "en": "invitation"},
    "inv.cancel": {"fr": "annulation", "en": "cancellation"},
    "inv.line": {"fr": "{kind}, version {sequence} — {subject} — {count}",
                 "en": "{kind}, version {sequence} — {subject} — {count}"},
    "inv.due": {"fr": "{count} à envoyer", "en": "{count} to send"},
    "inv.sent": {"fr": "{count} ; enregistré dans {path}",
                 "en": "{count}; recorded in {path}"},
    "inv.refused": {"fr": "destinataires refusés par le serveur (non marqués envoyés) : {who}",
                    "en": "recipients the server refused (not marked sent): {who}"},
    "inv.drafts": {"fr": "{count} dans {path} (rien n'est envoyé)",
                   "en": "{count} in {path} (nothing sent)"},
    "inv.nothing": {"fr": "Rien à envoyer : chacun a déjà reçu la dernière version.",
                    "en": "Nothing to send: everyone already has the latest version."},
    "inv.bad-due": {"fr": "--due {value} : attendu un nombre de jours, par exemple 21d",
                    "en": "--due {value}: expected a number of days, e.g. 21d"},
}
