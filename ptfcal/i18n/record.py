"""Messages of the recording verbs (move, cancel, confirm, add, record, holiday, roles, undo),
of references and of the listings."""

from __future__ import annotations

RECORD_MESSAGES: dict[str, dict[str, str]] = {
    # references
    "ref.syntax": {
        "fr": "{ref} : une référence s'écrit TYPE[.INSTANCE]@AAAA-MM-JJ ou TYPE@AAAA-MM, par "
              "exemple gec-monthly@2020-06 (« ptfcal events ANNÉE » les donne toutes)",
        "en": "{ref}: a reference reads TYPE[.BODY]@YYYY-MM-DD or TYPE@YYYY-MM, e.g. "
              "gec-monthly@2020-06 ('ptfcal events YEAR' lists them all)"},
    "ref.unknown-type": {
        "fr": "{ref} : « {type} » n'est pas un type de réunion ; types connus : {known}",
        "en": "{ref}: '{type}' is not a meeting type; known types: {known}"},
    "ref.unknown-body": {
        "fr": "{ref} : « {body} » ne tient pas ce type de réunion ; instances : {known}",
        "en": "{ref}: '{body}' does not hold this meeting type; bodies: {known}"},
    "ref.bad-date": {
        "fr": "{ref} : {when} n'est pas une date ou un mois qui existe, de {first} à {last}",
        "en": "{ref}: {when} is not an existing date or month, {first} to {last}"},
    "ref.none": {
        "fr": "{ref} : aucune occurrence à cette date ; celles de {year} : {listed}",
        "en": "{ref}: no occurrence on that date; those of {year}: {listed}"},
    "ref.several": {
        "fr": "{ref} désigne {count} occurrences ; précisez : {listed}",
        "en": "{ref} names {count} occurrences; say which: {listed}"},
    # verbs
    "rec.moved": {"fr": "{what} : déplacée au {day} (prévue le {before})",
                  "en": "{what}: moved to {day} (planned on {before})"},
    "rec.moved-back": {"fr": "{what} : ramenée à sa date prévue, le {day} (au lieu du {before})",
                       "en": "{what}: back on its planned date, {day} (instead of {before})"},
    "rec.already": {"fr": "{what} : déjà le {day} ; rien à changer",
                    "en": "{what}: already on {day}; nothing to change"},
    "rec.other-year": {
        "fr": "{what} : une occurrence de {year} reste en {year} (pour une autre année, "
              "annulez-la et ajoutez un événement avec « ptfcal add »)",
        "en": "{what}: an occurrence of {year} stays in {year} (for another year, cancel it "
              "and add an event with 'ptfcal add')"},
    "rec.cancelled": {"fr": "{what} du {day} : annulée (elle reste publiée, marquée annulée)",
                      "en": "{what} of {day}: cancelled (still published, marked cancelled)"},
    "rec.already-cancelled": {"fr": "{what} du {day} : déjà annulée ; rien à changer",
                              "en": "{what} of {day}: already cancelled; nothing to change"},
    "rec.confirmed": {"fr": "{what} du {day} : confirmée", "en": "{what} of {day}: confirmed"},
    "rec.uncancelled": {"fr": "{what} du {day} : rétablie (n'est plus annulée)",
                        "en": "{what} of {day}: restored (no longer cancelled)"},
    "rec.already-confirmed": {"fr": "{what} du {day} : déjà confirmée ; rien à changer",
                              "en": "{what} of {day}: already confirmed; nothing to change"},
    "rec.recorded": {"fr": "{what} du {day} : faits enregistrés",
                     "en": "{what} of {day}: facts recorded"},
    "rec.record-empty": {
        "fr": "rien à enregistrer : donnez --chair, --secretariat, --participants, "
              "--attendance, --location ou --note",
        "en": "nothing to record: give --chair, --secretariat, --participants, --attendance, "
              "--location or --note"},
    "rec.no-record": {"fr": "{what} du {day} : son enregistrement est introuvable",
                      "en": "{what} of {day}: its record cannot be found"},
    "rec.added": {"fr": "{what} le {day} : ajouté", "en": "{what} on {day}: added"},
    "rec.add-body": {
        "fr": "{type} est tenu par plusieurs instances : précisez --body ({known})",
        "en": "{type} is held by several bodies: give --body ({known})"},
    "rec.key-taken": {"fr": "--key {key} : un autre événement {type} porte déjà ce nom",
                      "en": "--key {key}: another {type} event already has this name"},
    "rec.holiday-unknown": {"fr": "{holiday} : fête inconnue ; fêtes : {known}",
                            "en": "{holiday}: unknown holiday; holidays: {known}"},
    "rec.holiday-year": {"fr": "--on {day} : cette date n'est pas en {year}",
                         "en": "--on {day}: this date is not in {year}"},
    "rec.holiday-same": {"fr": "{what} : déjà enregistrée le {day} ; rien à changer",
                         "en": "{what}: already recorded on {day}; nothing to change"},
    "rec.holiday-changed": {"fr": "{what} : date officielle {day} (au lieu du {before})",
                            "en": "{what}: official date {day} (instead of {before})"},
    "rec.holiday-confirmed": {"fr": "{what} : date officielle enregistrée, le {day}",
                              "en": "{what}: official date recorded, {day}"},
    "rec.day-off-same": {"fr": "{day} : déjà un jour chômé enregistré ; rien à changer",
                         "en": "{day}: already a recorded day off; nothing to change"},
    "rec.day-off": {"fr": "{day} : jour chômé enregistré ({name})",
                    "en": "{day}: day off recorded ({name})"},
    "rec.day-off-every": {"fr": "{day} : jour chômé chaque année à partir de {year} ({name})",
                          "en": "{day}: a day off every year from {year} ({name})"},
    # a day off given as a date (move --to, add --on, plan --pin, the circular)
    "dayoff.weekend": {"fr": "{day} est un jour de week-end", "en": "{day} is a weekend day"},
    "dayoff.holiday": {"fr": "{day} est un jour férié : {name}",
                       "en": "{day} is a public holiday: {name}"},
    "dayoff.refused": {
        "fr": "{where} : {why} ; rien n'est écrit. Si c'est bien la date, relancez avec "
              "--allow-day-off",
        "en": "{where}: {why}; nothing written. If it is the date indeed, run again with "
              "--allow-day-off"},
    "dayoff.allowed": {"fr": "Attention : {why} (accepté avec --allow-day-off).",
                       "en": "Warning: {why} (accepted with --allow-day-off)."},
    "rec.roles": {"fr": "Rôles de {year} enregistrés", "en": "Roles of {year} recorded"},
    "rec.roles-empty": {
        "fr": "rien à enregistrer : donnez --chef-de-file, --cdf-deputy, --troika, "
              "--un-coordinating-agency ou --tripartite",
        "en": "nothing to record: give --chef-de-file, --cdf-deputy, --troika, "
              "--un-coordinating-agency or --tripartite"},
    "rec.not-regular": {
        "fr": "{path} n'est pas un fichier ordinaire (un lien ?) : ptfcal ne le modifie pas",
        "en": "{path} is not a regular file (a link?): ptfcal does not edit it"},
    # journal and undo
    # a file an edit or an undo replaces could not be written: every file is as it was
    "rec.in-use": {
        "fr": "{path} est ouvert dans un autre programme (Excel, un éditeur ?) qui empêche de le "
              "remplacer : fermez-le et relancez la commande ; aucun fichier n'a été modifié",
        "en": "{path} is open in another program (Excel, an editor?) that prevents replacing "
              "it: close it and run the command again; no file was changed"},
    "rec.cannot-write": {
        "fr": "impossible d'écrire {path} : {why} ; aucun fichier n'a été modifié",
        "en": "cannot write {path}: {why}; no file was changed"},
    "rec.partial": {
        "fr": "impossible d'écrire {path} : {why} ; ces fichiers, déjà écrits, n'ont pas pu être "
              "rétablis : {files} (« ptfcal undo » les rétablira)",
        "en": "cannot write {path}: {why}; these files were already written and could not be "
              "put back: {files} ('ptfcal undo' restores them)"},
    "journal.not-folder": {"fr": "{path} devrait être le dossier du journal de ptfcal",
                           "en": "{path} should be ptfcal's journal folder"},
    "journal.not-file": {
        "fr": "{path} : entrée du journal abîmée, ce n'est pas un fichier ordinaire (un lien, "
              "un tube ?) ; rien n'a été annulé",
        "en": "{path}: damaged journal entry, not a regular file (a link, a pipe?); nothing "
              "undone"},
    "journal.cannot-read": {"fr": "{path} : lecture impossible ({why}) ; rien n'a été annulé",
                            "en": "{path}: cannot be read ({why}); nothing undone"},
    "journal.outside": {
        "fr": "{path} : entrée du journal abîmée, le chemin « {file} » sort du dossier de "
              "configuration ; rien n'a été annulé (retirez ce fichier pour annuler les "
              "modifications précédentes)",
        "en": "{path}: damaged journal entry, the path '{file}' leads out of the configuration "
              "folder; nothing undone (remove this file to undo the earlier edits)"},
    "journal.entry-too-big": {
        "fr": "cette modification ferait une entrée de journal de {size} octets, au-delà de la "
              "limite de {limit} ; rien n'a été écrit",
        "en": "this edit would make a journal entry of {size} bytes, over the limit of "
              "{limit}; nothing written"},
    "journal.forgotten-one": {
        "fr": "Le journal garde les {entries} dernières modifications ({megabytes} Mo au "
              "plus) : la plus ancienne n'est plus annulable.",
        "en": "The journal keeps the last {entries} edits ({megabytes} MB at most): the "
              "oldest can no longer be undone."},
    "journal.forgotten": {
        "fr": "Le journal garde les {entries} dernières modifications ({megabytes} Mo au "
              "plus) : les {count} plus anciennes ne sont plus annulables.",
        "en": "The journal keeps the last {entries} edits ({megabytes} MB at most): the "
              "{count} oldest can no longer be undone."},
    "file.not-regular": {"fr": "ce n'est pas un fichier ordinaire : un tube, un périphérique ?",
                         "en": "not a regular file: a pipe, a device?"},
    "rec.linked-folder": {
        "fr": "{path} n'est pas un dossier (un lien ?) : ptfcal n'écrit pas au travers d'un lien",
        "en": "{path} is not a folder (a link?): ptfcal does not write through a link"},
    "journal.damaged": {
        "fr": "{path} : entrée du journal illisible ; rien n'a été annulé (retirez ce fichier "
              "pour annuler les modifications précédentes)",
        "en": "{path}: unreadable journal entry; nothing undone (remove this file to undo the "
              "earlier edits)"},
    "journal.changed-since": {
        "fr": "impossible d'annuler « {what} » : {files} a été modifié depuis ; rien n'a été "
              "changé",
        "en": "cannot undo '{what}': {files} changed since; nothing was changed"},
    "undo.empty": {"fr": "Rien à annuler : le journal est vide.",
                   "en": "Nothing to undo: the journal is empty."},
    "undo.done": {"fr": "Annulé : {what} ({files} rétabli à l'identique).",
                  "en": "Undone: {what} ({files} restored byte for byte)."},
    "undo.dropped": {"fr": "Annulé : {what} (la modification n'avait pas été écrite).",
                     "en": "Undone: {what} (the edit had not been written)."},
    # what an edit does
    "out.dry-run": {"fr": "Aperçu, rien n'est écrit : {what}.",
                    "en": "Preview, nothing written: {what}."},
    "out.written": {"fr": "Enregistré : {what}.", "en": "Recorded: {what}."},
    "out.nothing": {"fr": "{what}.", "en": "{what}."},
    "out.file": {"fr": "{path} : {added}, {removed}", "en": "{path}: {added}, {removed}"},
    "out.checks.none": {"fr": "Vérification : aucun changement.",
                        "en": "Check: no change."},
    "out.checks.notes": {
        "fr": "Vérification : aucune erreur ni aucun avertissement ajouté ou levé ; des "
              "informations changent :",
        "en": "Check: no error or warning added or cleared; notes change:"},
    "out.checks": {"fr": "Vérification : {added}, {cleared}.",
                   "en": "Check: {added}, {cleared}."},
    "out.publication.none": {"fr": "Prochaine publication : aucun changement pour les abonnés.",
                             "en": "Next publication: no change for subscribers."},
    "out.publication": {"fr": "Prochaine publication : {counts}.",
                        "en": "Next publication: {counts}."},
    "out.kept": {
        "fr": "{what} : reste le {day} (sa date se déduit de la réunion annulée ; seule "
              "celle-ci est annulée)",
        "en": "{what}: stays on {day} (its date comes from the cancelled meeting; only that one "
              "is cancelled)"},
    "out.undo": {"fr": "Pour revenir en arrière : ptfcal undo", "en": "To go back: ptfcal undo"},
    "out.added": {"fr": "+ {rule} {severity} : {message}", "en": "+ {rule} {severity}: {message}"},
    "out.changed": {"fr": "~ {rule} {severity} : {message}",
                    "en": "~ {rule} {severity}: {message}"},
    "out.cleared": {"fr": "− {rule} {severity} : {message}",
                    "en": "− {rule} {severity}: {message}"},
    "out.more": {"fr": "… et {count} autres", "en": "… and {count} more"},
    "out.from": {"fr": "auparavant {day}", "en": "was {day}"},
    # listings
    "events.title": {"fr": "Occurrences {year}", "en": "Occurrences {year}"},
    "events.ref": {"fr": "Référence", "en": "Reference"},
    "events.date": {"fr": "Date", "en": "Date"},
    "events.planned": {"fr": "Prévue le", "en": "Planned"},
    "events.title-col": {"fr": "Événement", "en": "Event"},
    "events.status": {"fr": "Statut", "en": "Status"},
    "events.none": {"fr": "Aucune occurrence.", "en": "No occurrence."},
    "list.id": {"fr": "Identifiant", "en": "Id"},
    "list.name": {"fr": "Nom", "en": "Name"},
    "list.detail": {"fr": "Précision", "en": "Detail"},
    "list.types": {"fr": "Types de réunion", "en": "Meeting types"},
    "list.bodies": {"fr": "Instances en {year}", "en": "Bodies in {year}"},
    "list.institutions": {"fr": "Institutions en {year}", "en": "Institutions in {year}"},
    "list.holidays": {"fr": "Jours fériés et chômés de {year}",
                      "en": "Public holidays and days off of {year}"},
    "list.holiday-id": {"fr": "Fête (pour « holiday confirm »)",
                        "en": "Holiday (for 'holiday confirm')"},
    # the working folder (ptfcal init)
    "workdir.bundled": {
        "fr": "{path} est la configuration fournie avec ptfcal : ptfcal ne la modifie jamais "
              "(une réinstallation effacerait les changements). Créez un dossier de travail avec "
              "« ptfcal init DOSSIER », puis lancez les commandes depuis DOSSIER (ou avec "
              "--config DOSSIER/config)",
        "en": "{path} is the configuration shipped with ptfcal: ptfcal never edits it (a "
              "reinstall would erase the changes). Make a working folder with 'ptfcal init "
              "FOLDER', then run the commands from FOLDER (or with --config FOLDER/config)"},
    "workdir.exists": {
        "fr": "{path} existe déjà : « ptfcal init » n'écrase rien ; choisissez un autre dossier "
              "ou travaillez dans celui-ci",
        "en": "{path} already exists: 'ptfcal init' overwrites nothing; choose another folder "
              "or work in this one"},
    "workdir.cannot": {"fr": "{path} : impossible de créer le dossier de travail ({why})",
                       "en": "{path}: cannot create the working folder ({why})"},
    "workdir.created": {
        "fr": "Dossier de travail créé : {path} ({count} fichiers copiés de la configuration "
              "fournie, et un .gitignore pour le registre des personnes). Les commandes lancées "
              "depuis {parent} l'utilisent ; la configuration fournie avec ptfcal reste "
              "intacte.",
        "en": "Working folder created: {path} ({count} files copied from the bundled "
              "configuration, and a .gitignore for the register of people). Commands run from "
              "{parent} use it; the configuration shipped with ptfcal stays untouched."},
    "workdir.read-only": {
        "fr": "Configuration fournie avec ptfcal (lecture seule) : {path} — pour enregistrer des "
              "changements, créez un dossier de travail avec « ptfcal init DOSSIER »",
        "en": "Configuration shipped with ptfcal (read-only): {path} — to record changes, make "
              "a working folder with 'ptfcal init FOLDER'"},
}
