"""Messages of writing outputs, reading other calendars, the state and lock files, the
server and the command line's options."""

from __future__ import annotations

OUTPUT_MESSAGES: dict[str, dict[str, str]] = {
    "cli.replaced": {
        "fr": "note : la sortie ({encoding}) ne peut pas écrire certains caractères, {count} "
              "remplacés par un point d'interrogation ; PYTHONIOENCODING=utf-8 les garde",
        "en": "the output ({encoding}) cannot write some characters, {count} replaced by a "
              "question mark; PYTHONIOENCODING=utf-8 keeps them"},
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
    "out.personal": {"fr": "{path} : des données personnelles (registre des personnes, journal "
                           "d'envoi des invitations, liste de distribution ou compte rendu "
                           "nominatif) sont dans le "
                           "dossier de sortie, que ptfcal generate publie : déplacez-les hors de "
                           "{where} ou choisissez un autre dossier (--out) ; aucun fichier n'a "
                           "été modifié",
                     "en": "{path}: personal data (the register of people, the invitations' "
                           "outbox, a distribution list or minutes naming people) is in the "
                           "output folder, which "
                           "ptfcal generate publishes: move it out of {where} or choose another "
                           "folder (--out); no file was changed"},
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
    # the ledger of the single files ptfcal wrote (publish/ledger.py)
    "out.not-ours": {
        "fr": "{where} existe déjà et ptfcal ne l'a pas écrit, ou il a été modifié depuis : "
              "ptfcal ne l'écrase pas et rien n'est écrit ; donnez un autre nom avec --output, "
              "ou, si ce fichier peut disparaître, supprimez-le vous-même et relancez",
        "en": "{where} already exists and ptfcal did not write it, or it was changed since: "
              "ptfcal does not overwrite it and nothing is written; give another name with "
              "--output, or, if that file may go, delete it yourself and run again"},
    "out.link-file": {
        "fr": "{where} est un lien symbolique : ptfcal n'écrit pas à travers un lien et rien "
              "n'est écrit ; donnez le chemin du fichier lui-même, ou un autre nom",
        "en": "{where} is a symbolic link: ptfcal does not write through a link and nothing is "
              "written; give the path of the file itself, or another name"},
    "out.ledger-odd": {
        "fr": "{where} (la liste des fichiers écrits par ptfcal) n'est pas un fichier "
              "ordinaire : ptfcal n'y touche pas et rien n'est écrit ; supprimez-le vous-même",
        "en": "{where} (the list of the files ptfcal wrote) is not a regular file: ptfcal "
              "leaves it alone and nothing is written; delete it yourself"},
    "out.ledger-cannot": {
        "fr": "impossible de noter dans {where} le fichier écrit : {why} ; rien n'est écrit "
              "(PTFCAL_STATE_DIR choisit un autre dossier)",
        "en": "cannot note the written file in {where}: {why}; nothing is written "
              "(PTFCAL_STATE_DIR chooses another folder)"},
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
    # the command line's own errors (click's, said again in the user's language)
    "usage.usage": {"fr": "Utilisation : {usage}", "en": "Usage: {usage}"},
    "usage.try": {"fr": "Aide : « {command} {option} ».",
                  "en": "Try '{command} {option}' for help."},
    "usage.did-you-mean": {"fr": " (vouliez-vous dire {names} ?)",
                           "en": " (did you mean {names}?)"},
    "usage.no-option": {"fr": "option inconnue : {name}", "en": "no such option: {name}"},
    "usage.no-command": {"fr": "commande inconnue : {name}", "en": "no such command: {name}"},
    "usage.no-command-given": {"fr": "commande manquante", "en": "missing command"},
    "usage.missing-argument": {"fr": "argument manquant : {name}",
                               "en": "missing argument: {name}"},
    "usage.missing-option": {"fr": "option manquante : {name}", "en": "missing option: {name}"},
    "usage.bad-value": {"fr": "valeur invalide pour {name} : {why}",
                        "en": "invalid value for {name}: {why}"},
    "usage.needs-value": {"fr": "l'option {name} demande une valeur",
                          "en": "option {name} requires a value"},
    "usage.no-value": {"fr": "l'option {name} ne prend pas de valeur",
                       "en": "option {name} does not take a value"},
    "usage.extra": {"fr": "argument en trop : {args}", "en": "unexpected extra argument: {args}"},
    "usage.file": {"fr": "impossible d'ouvrir le fichier « {name} » : {why}",
                   "en": "could not open file '{name}': {why}"},
    "usage.not-a-choice": {"fr": "« {value} » n'est pas l'un des choix possibles : {choices}",
                           "en": "'{value}' is not one of {choices}"},
    "usage.not-a-number": {"fr": "« {value} » n'est pas un nombre",
                           "en": "'{value}' is not a number"},
    "usage.out-of-range": {"fr": "{value} n'est pas dans l'intervalle {range}",
                           "en": "{value} is not in the range {range}"},
    "usage.not-a-boolean": {"fr": "« {value} » n'est ni vrai ni faux",
                            "en": "'{value}' is not a boolean"},
    "usage.no-path": {"fr": "« {path} » n'existe pas", "en": "'{path}' does not exist"},
    "usage.is-file": {"fr": "« {path} » est un fichier, pas un dossier",
                      "en": "'{path}' is a file, not a folder"},
    "usage.is-folder": {"fr": "« {path} » est un dossier, pas un fichier",
                        "en": "'{path}' is a folder, not a file"},
    "usage.aborted": {"fr": "Interrompu.", "en": "Aborted."},
}
