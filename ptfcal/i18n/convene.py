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
    "inv.outbox-in-use": {
        "fr": "{path} est ouvert dans un autre programme qui empêche de le remplacer : "
              "fermez-le et relancez ; aucun message n'a été envoyé",
        "en": "{path} is open in another program that prevents replacing it: close it and "
              "run again; no message was sent"},
    "inv.outbox-unwritable": {
        "fr": "impossible d'écrire {path} : {why} ; aucun message n'a été envoyé",
        "en": "cannot write {path}: {why}; no message was sent"},
    "inv.outbox-link": {"fr": "{path} est un lien : ptfcal ne le suit pas",
                        "en": "{path} is a link: ptfcal does not follow it"},
    "inv.folder": {"fr": "{path} : impossible de créer le dossier ({why})",
                   "en": "{path}: cannot create the folder ({why})"},
    "inv.not-folder": {"fr": "{path} existe et n'est pas un dossier",
                       "en": "{path} exists and is not a folder"},
    "inv.organizer-name": {
        "fr": "--organizer-name {value} : attendu un nom sur une ligne, de 1 à {limit} "
              "caractères",
        "en": "--organizer-name {value}: expected a name on one line, 1 to {limit} "
              "characters"},
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
    "inv.smtp-port": {
        "fr": "{url} : le port doit être un nombre de 1 à 65535 (25, 465 ou 587 d'ordinaire)",
        "en": "{url}: the port must be a number from 1 to 65535 (usually 25, 465 or 587)"},
    "inv.smtp-clear": {
        "fr": "{url} : ptfcal n'envoie ni mot de passe ni jeton sur une connexion non "
              "chiffrée ; utilisez smtps://…:465 ou smtp+starttls://…:587 (smtp:// avec un "
              "utilisateur n'est admis que vers cette machine : localhost, 127.0.0.1, ::1)",
        "en": "{url}: ptfcal sends no password or token over an unencrypted connection; use "
              "smtps://…:465 or smtp+starttls://…:587 (smtp:// with a user is accepted only "
              "towards this machine: localhost, 127.0.0.1, ::1)"},
    "inv.password-ascii": {
        "fr": "PTFCAL_SMTP_PASSWORD contient un caractère non ASCII (accent, espace "
              "insécable…) que la connexion SMTP de ptfcal ne sait pas transmettre ; rien "
              "n'est envoyé. Choisissez un mot de passe ASCII ou passez à OAuth "
              "(PTFCAL_SMTP_TOKEN_COMMAND, ptfcal login microsoft)",
        "en": "PTFCAL_SMTP_PASSWORD holds a non-ASCII character (an accent, a no-break "
              "space…) that ptfcal's SMTP login cannot carry; nothing sent. Choose an ASCII "
              "password or move to OAuth (PTFCAL_SMTP_TOKEN_COMMAND, ptfcal login microsoft)"},
    "inv.user-ascii": {
        "fr": "le nom d'utilisateur de l'adresse du serveur contient un caractère non ASCII "
              "que la connexion SMTP ne sait pas transmettre ; rien n'est envoyé",
        "en": "the user name in the server's address holds a non-ASCII character the SMTP "
              "login cannot carry; nothing sent"},
    "inv.token-refused": {
        "fr": "le serveur a refusé le jeton OAuth pour {user} ({why}) ; rien n'est envoyé. "
              "Le jeton a-t-il expiré, est-il celui de ce compte, porte-t-il le droit "
              "SMTP.Send ? La boîte doit avoir « SMTP authentifié » activé",
        "en": "the server refused the OAuth token for {user} ({why}); nothing sent. Has the "
              "token expired, is it this account's, does it carry the SMTP.Send permission? "
              "The mailbox must have Authenticated SMTP enabled"},
    "inv.basic-disabled": {
        "fr": "le serveur n'accepte plus de mot de passe pour {user} ({why}) ; rien n'est "
              "envoyé. Microsoft 365 et Google Workspace demandent OAuth 2.0 : soit "
              "PTFCAL_SMTP_TOKEN_COMMAND (ou --smtp-token-command) nomme une commande qui "
              "affiche un jeton d'accès (Azure CLI, script PowerShell…), soit « ptfcal login "
              "microsoft » connecte ce compte une fois ; voir « Convocations » dans le README",
        "en": "the server no longer takes a password for {user} ({why}); nothing sent. "
              "Microsoft 365 and Google Workspace require OAuth 2.0: either "
              "PTFCAL_SMTP_TOKEN_COMMAND (or --smtp-token-command) names a command that "
              "prints an access token (Azure CLI, a PowerShell script…), or 'ptfcal login "
              "microsoft' signs this account in once; see \"Convening\" in the README"},
    "inv.too-slow": {
        "fr": "le serveur est trop lent (délais : {message} s par message, {run} s pour "
              "l'envoi entier) : {sent}, il en reste {left} ; relancez la "
              "même commande (voir --message-seconds, --run-seconds)",
        "en": "the server is too slow (deadlines: {message} s per message, {run} s for the "
              "whole run): {sent}, {left} left; run the same command again "
              "(see --message-seconds, --run-seconds)"},
    "inv.token-user": {
        "fr": "un jeton OAuth se présente au nom d'un compte : écrivez-le dans l'adresse du "
              "serveur, par exemple smtp+starttls://seg%40example.org@smtp.office365.com:587",
        "en": "an OAuth token is presented for an account: write it in the server's address, "
              "e.g. smtp+starttls://seg%40example.org@smtp.office365.com:587"},
    "tok.syntax": {
        "fr": "commande de jeton « {command} » illisible ({why})",
        "en": "token command '{command}' cannot be read ({why})"},
    "tok.start": {
        "fr": "la commande de jeton « {command} » ne démarre pas ({why}) ; rien n'est envoyé",
        "en": "the token command '{command}' does not start ({why}); nothing sent"},
    "tok.slow": {
        "fr": "la commande de jeton « {command} » n'a pas répondu en {seconds} s ; arrêtée, "
              "rien n'est envoyé",
        "en": "the token command '{command}' did not answer within {seconds} s; stopped, "
              "nothing sent"},
    "tok.too-much": {
        "fr": "la commande de jeton « {command} » affiche plus de {limit} octets : ce n'est "
              "pas un jeton ; rien n'est envoyé",
        "en": "the token command '{command}' prints more than {limit} bytes: not a token; "
              "nothing sent"},
    "tok.failed": {
        "fr": "la commande de jeton « {command} » a échoué (code {code} : {why}) ; rien "
              "n'est envoyé",
        "en": "the token command '{command}' failed (code {code}: {why}); nothing sent"},
    "tok.no-token": {
        "fr": "la commande de jeton « {command} » n'a pas affiché un jeton (attendu une "
              "seule ligne, sans espace) ; rien n'est envoyé",
        "en": "the token command '{command}' did not print a token (expected one line, no "
              "space); nothing sent"},
    "tok.cache-odd": {
        "fr": "{path} n'est pas un fichier ordinaire (lien, dossier…) ou est trop grand : "
              "ptfcal n'y lit ni n'y écrit de jeton",
        "en": "{path} is not a regular file (a link, a folder…) or is too large: ptfcal "
              "reads and writes no token there"},
    "tok.cache-open": {
        "fr": "{path} est lisible par d'autres que vous (droits {mode}) : ptfcal refuse d'y "
              "lire un jeton ; « chmod 600 » ou une nouvelle connexion",
        "en": "{path} can be read by others than you (mode {mode}): ptfcal refuses to read a "
              "token there; 'chmod 600' or sign in again"},
    "ms.no-msal": {
        "fr": "la connexion Microsoft demande le module optionnel msal : pip install "
              "'ptfcal[m365]' ; ou une commande de jeton (PTFCAL_SMTP_TOKEN_COMMAND)",
        "en": "the Microsoft sign-in needs the optional msal module: pip install "
              "'ptfcal[m365]'; or a token command (PTFCAL_SMTP_TOKEN_COMMAND)"},
    "ms.no-client": {
        "fr": "indiquez l'application enregistrée par l'administrateur Microsoft 365 : "
              "--client-id (ou PTFCAL_MS_CLIENT_ID) et --tenant (ou PTFCAL_MS_TENANT)",
        "en": "give the application your Microsoft 365 administrator registered: --client-id "
              "(or PTFCAL_MS_CLIENT_ID) and --tenant (or PTFCAL_MS_TENANT)"},
    "ms.cache-damaged": {
        "fr": "{path} est abîmé ; reconnectez-vous avec « ptfcal login microsoft »",
        "en": "{path} is damaged; sign in again with 'ptfcal login microsoft'"},
    "ms.network": {
        "fr": "Microsoft injoignable, ou l'application ou le locataire refusés ({why})",
        "en": "Microsoft unreachable, or the application or tenant refused ({why})"},
    "ms.refused": {
        "fr": "Microsoft a refusé la connexion ({why})",
        "en": "Microsoft refused the sign-in ({why})"},
    "ms.expired": {
        "fr": "aucun jeton Microsoft valable pour {user} : « ptfcal login microsoft » à "
              "nouveau ; rien n'est envoyé",
        "en": "no valid Microsoft token for {user}: 'ptfcal login microsoft' again; nothing "
              "sent"},
    "ms.device": {
        "fr": "Pour connecter ptfcal à Microsoft 365, ouvrez {url} dans un navigateur (sur "
              "n'importe quel appareil) et saisissez le code {code} ; il est valable "
              "{minutes} minutes. ptfcal attend…",
        "en": "To connect ptfcal to Microsoft 365, open {url} in a browser (on any device) "
              "and enter the code {code}; it is valid for {minutes} minutes. ptfcal is "
              "waiting…"},
    "ms.done": {
        "fr": "Connecté : {user}. Jeton gardé dans {path} (à vous seul). « ptfcal invite "
              "--send » l'utilise pour smtp+starttls://{quoted}@smtp.office365.com:587",
        "en": "Signed in: {user}. Token kept in {path} (yours alone). 'ptfcal invite --send' "
              "uses it for smtp+starttls://{quoted}@smtp.office365.com:587"},
    "inv.request": {"fr": "invitation", "en": "invitation"},
    "inv.cancel": {"fr": "annulation", "en": "cancellation"},
    "inv.publish": {"fr": "annonce pour information", "en": "announcement for information"},
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
