"""Messages of `ptfcal plan` and `ptfcal circular`."""

from __future__ import annotations

PLAN_MESSAGES: dict[str, dict[str, str]] = {
    "plan.summary": {"fr": "Calendrier {year} planifié : {count}",
                     "en": "{year} planned: {count}"},
    "plan.unknown-type": {
        "fr": "--free {type} : ce n'est pas un type de réunion ; types connus : {known}",
        "en": "--free {type}: not a meeting type; known types: {known}"},
    "plan.pin-year": {
        "fr": "--pin {ref} : l'occurrence et sa date doivent être de {year}",
        "en": "--pin {ref}: the occurrence and its date must be in {year}"},
    "plan.pin-syntax": {
        "fr": "--pin {value} : attendu RÉFÉRENCE=AAAA-MM-JJ, par exemple "
              "gec-monthly@2020-06=2020-06-17",
        "en": "--pin {value}: expected REFERENCE=YYYY-MM-DD, e.g. "
              "gec-monthly@2020-06=2020-06-17"},
    "plan.pin-cancelled": {
        "fr": "--pin {ref} : cette occurrence est annulée ; « ptfcal confirm » la rétablit",
        "en": "--pin {ref}: this occurrence is cancelled; 'ptfcal confirm' restores it"},
    "plan.pin-twice": {"fr": "--pin {ref} : cette occurrence est déjà épinglée",
                       "en": "--pin {ref}: this occurrence is already pinned"},
    "plan.changed": {
        "fr": "La configuration a changé pendant le calcul de la proposition ; relancez "
              "« ptfcal plan ».",
        "en": "The configuration changed while the proposal was computed; run 'ptfcal plan' "
              "again."},
    "plan.pin": {"fr": "{ref} épinglée au {day}", "en": "{ref} pinned on {day}"},
    "plan.reason.pinned": {"fr": "épinglée au {day} (--pin)", "en": "pinned on {day} (--pin)"},
    "plan.reason.makes-room": {
        "fr": "fait place, le {day}, à : {what}", "en": "makes room on {day} for: {what}"},
    "plan.reason.room": {
        "fr": "fait place aux autres dates de la proposition, toutes règles respectées",
        "en": "makes room for the proposal's other dates, every rule kept"},
    "plan.missing": {
        "fr": "« ptfcal plan » a besoin du solveur OR-Tools, une installation facultative : "
              "pip install 'ptfcal[plan]'",
        "en": "'ptfcal plan' needs the OR-Tools solver, an optional install: "
              "pip install 'ptfcal[plan]'"},
    # the report
    "plan.head": {"fr": "Proposition pour {year} : {moves} ({status})",
                  "en": "Proposal for {year}: {moves} ({status})"},
    "plan.status.optimal": {"fr": "optimale", "en": "optimal"},
    "plan.status.feasible": {"fr": "réalisable, non prouvée optimale",
                             "en": "feasible, not proven optimal"},
    "plan.status.infeasible": {"fr": "impossible", "en": "infeasible"},
    "plan.status.unknown": {"fr": "aucune trouvée dans le temps imparti",
                            "en": "none found in the time allowed"},
    "plan.scope": {
        "fr": "{occurrences} occurrences, dont {movable} déplaçables ; objectif {objective}, "
              "borne {bound}, écart {gap} ; {seconds} s, {rounds}",
        "en": "{occurrences} occurrences, {movable} movable; objective {objective}, bound "
              "{bound}, gap {gap}; {seconds} s, {rounds}"},
    "plan.counts": {"fr": "Vérifications : avant, {before} ; après, {after}",
                    "en": "Checks: before, {before}; after, {after}"},
    "plan.none": {"fr": "Rien à déplacer : le calendrier respecte déjà chaque règle possible.",
                  "en": "Nothing to move: the calendar already keeps every rule it can."},
    "plan.remaining": {
        "fr": "Restent {count} qu'aucun déplacement permis ne lève (faits enregistrés, "
              "participants) :",
        "en": "{count} remain that no allowed move clears (recorded facts, participants):"},
    "plan.unfixable": {
        "fr": "Listées à part : les faits enregistrés (une annulation, un déplacement, une "
              "revue tardive) rendent ces règles impossibles à tenir, aucun déplacement ne les "
              "rétablit ; le reste de l'année est planifié sans elles :",
        "en": "Listed apart: the recorded facts (a cancellation, a move, a late review) make "
              "these rules impossible to keep, no move restores them; the rest of the year is "
              "planned without them:"},
    "plan.introduced": {
        "fr": "La vérification trouve encore ces erreurs dans la proposition ; elle n'est pas "
              "enregistrée (augmentez --effort) :",
        "en": "The checker still finds these errors in the proposal; it is not recorded "
              "(raise --effort):"},
    "plan.dry": {
        "fr": "Rien n'est écrit. « ptfcal plan {year} --write » (mêmes options) enregistre "
              "cette proposition ; « ptfcal undo » la retire.",
        "en": "Nothing written. 'ptfcal plan {year} --write' (same options) records this "
              "proposal; 'ptfcal undo' takes it back."},
    "plan.written": {"fr": "Enregistré dans {files}. Pour revenir en arrière : ptfcal undo",
                     "en": "Recorded in {files}. To take it back: ptfcal undo"},
    "plan.infeasible": {
        "fr": "Aucun calendrier {year} ne respecte ensemble ces règles ; rien n'est écrit :",
        "en": "No {year} calendar keeps these rules together; nothing written:"},
    "plan.infeasible.windows": {
        "fr": "Aucun calendrier {year} : une occurrence déplaçable n'a aucun jour ouvré dans "
              "sa période ; rien n'est écrit.",
        "en": "No {year} calendar: a movable occurrence has no working day in its window; "
              "nothing written."},
    "plan.unknown": {
        "fr": "Aucune proposition trouvée avec l'effort accordé (--effort) ; rien n'est "
              "écrit.",
        "en": "No proposal found with the effort allowed (--effort); nothing written."},
    "plan.dates": {"fr": "dates : {dates}", "en": "dates: {dates}"},
    "plan.written-json": {"fr": "Proposition écrite dans {path}",
                          "en": "Proposal written to {path}"},
    # the circular
    "circ.file": {"fr": "{file} : {problem}", "en": "{file}: {problem}"},
    "circ.unreadable": {
        "fr": "{file} : illisible ({why}) ; attendu un fichier CSV en UTF-8 (séparateur « ; » "
              "ou « , »), exporté du tableur",
        "en": "{file}: unreadable ({why}); expected a UTF-8 CSV file (';' or ',' separated), "
              "exported from the spreadsheet"},
    "circ.headers": {
        "fr": "{file}:1 : colonnes attendues {expected} ; trouvées {found}",
        "en": "{file}:1: expected columns {expected}; found {found}"},
    "circ.empty": {"fr": "{file} : aucune revue", "en": "{file}: no review"},
    "circ.too-big-bytes": {"fr": "{file} : plus de {limit} octets ; est-ce bien la circulaire ?",
                           "en": "{file}: more than {limit} bytes; is it really the circular?"},
    "circ.csv": {
        "fr": "{file}:{line} : ligne illisible en CSV ({why}) ; lignes lues avant elle : "
              "{rows} ; rien n'est enregistré",
        "en": "{file}:{line}: not readable as CSV ({why}); rows read before it: {rows}; "
              "nothing recorded"},
    "circ.quote": {
        "fr": "{file}:{line}, colonne {column} : le guillemet ouvert ici n'est refermé que "
              "ligne {end} ; un guillemet de trop ? Lignes lues avant elle : {rows} ; rien "
              "n'est enregistré. (Une cellule sur plusieurs lignes n'est lue que dans un "
              "fichier enregistré par Excel, aux fins de ligne CRLF.)",
        "en": "{file}:{line}, column {column}: the quote opened here only closes on line "
              "{end}; a stray quote? Rows read before it: {rows}; nothing recorded. (A cell "
              "over several lines is read only in a file saved by Excel, with CRLF line "
              "ends.)"},
    "circ.quote-end": {
        "fr": "{file}:{line}, colonne {column} : le guillemet ouvert ici n'est jamais refermé "
              "; un guillemet de trop ? Lignes lues avant elle : {rows} ; rien n'est "
              "enregistré",
        "en": "{file}:{line}, column {column}: the quote opened here is never closed; a stray "
              "quote? Rows read before it: {rows}; nothing recorded"},
    "circ.too-big": {"fr": "{file} : plus de {limit} lignes ; est-ce bien la circulaire ?",
                     "en": "{file}: more than {limit} rows; is it really the circular?"},
    # a row's problems: after « file:line, colonne « X » : »
    "circ.cell": {
        "fr": "{value} n'est pas une date ; attendu AAAA-MM-JJ ou JJ/MM/AAAA",
        "en": "{value} is not a date; expected YYYY-MM-DD or DD/MM/YYYY"},
    "circ.cell-bad": {
        "fr": "un caractère de contrôle, ou plus de {limit} caractères",
        "en": "a control character, or more than {limit} characters"},
    "circ.missing": {"fr": "valeur attendue", "en": "a value is expected"},
    "circ.order": {
        "fr": "le dernier jour ({last}) précède le premier ({first})",
        "en": "the last day ({last}) is before the first ({first})"},
    "circ.year": {"fr": "{day} n'est pas en {year}", "en": "{day} is not in {year}"},
    "circ.long": {"fr": "une revue de {days} jours ? au plus {limit}",
                  "en": "a {days}-day review? at most {limit}"},
    "circ.sector": {
        "fr": "« {value} » ne désigne aucune CPS ni secteur ; connues : {known}",
        "en": "'{value}' names no CPS or sector; known: {known}"},
    "circ.sector-near": {
        "fr": "« {value} » ne désigne aucune CPS ni secteur ; vouliez-vous dire « {near} » ?",
        "en": "'{value}' names no CPS or sector; did you mean '{near}'?"},
    "circ.sector-twice": {
        "fr": "{sector} a déjà une revue ligne {other}",
        "en": "{sector} already has a review on line {other}"},
    "circ.day-off": {
        "fr": "{why} ; si c'est bien la date, relancez avec --allow-day-off",
        "en": "{why}; if it is the date indeed, run again with --allow-day-off"},
    "circ.more": {"fr": "… et {count} autres erreurs", "en": "… and {count} more errors"},
    "circ.unread": {
        "fr": "Lignes illisibles, non enregistrées ({rows}) ; corrigez-les puis relancez la "
              "même commande (ce qui est enregistré le reste tel quel) :\n{problems}",
        "en": "Rows not readable, not recorded ({rows}); correct them then run the same "
              "command again (what is recorded stays as it is):\n{problems}"},
    "circ.strict-unread": {
        "fr": "Refusé (--strict), rien n'est écrit : lignes illisibles ({rows}) :\n{problems}",
        "en": "Refused (--strict), nothing written: rows not readable ({rows}):\n{problems}"},
    "circ.circular-date": {
        "fr": "{file} : date de la circulaire {day} ; attendu AAAA-MM-JJ, de 1990 à 2200",
        "en": "{file}: circular date {day}; expected YYYY-MM-DD, 1990 to 2200"},
    "circ.summary": {"fr": "Circulaire {year} : {count}",
                     "en": "{year} circular: {count}"},
    "circ.review": {"fr": "{what} : {first}{last}, {place}",
                    "en": "{what}: {first}{last}, {place}"},
    "circ.already": {
        "fr": "les revues de la circulaire {year} sont déjà enregistrées telles quelles",
        "en": "the {year} circular's reviews are already recorded as they are"},
    "circ.warnings": {
        "fr": "Enregistrées avec {count} (--lenient : le jour limite lui-même, A-16) :",
        "en": "Recorded with {count} (--lenient: the limit day itself, A-16):"},
    "circ.anyway": {
        "fr": "ÉCARTS AU DÉCRET, enregistrés tels que la circulaire les donne : {count} "
              "(« --strict » les refuse) :",
        "en": "BREAKS OF THE DECREE, recorded as the circular gives them: {count} ('--strict' "
              "refuses them):"},
    "circ.refused": {
        "fr": "Refusé (--strict), rien n'est écrit : {count} (« --lenient » accepte le jour "
              "limite lui-même, avec un avertissement)",
        "en": "Refused (--strict), nothing written: {count} ('--lenient' accepts the limit "
              "day itself, with a warning)"},
    "circ.finding": {"fr": "{file}:{line} : {rule} {message}\n      « {quote} »",
                     "en": "{file}:{line}: {rule} {message}\n      « {quote} »"},
    "circ.on-or-after": {
        "fr": "{what} le {day}, au-delà de la limite : {limit}",
        "en": "{what} on {day}, past the limit: {limit}"},
    "circ.issued-late": {
        "fr": "circulaire datée du {day}, au-delà de la limite : {limit}",
        "en": "circular dated {day}, past the limit: {limit}"},
    "circ.credd": {
        "fr": "{what} le {day}, pas après la session technique du CREDD du {credd}",
        "en": "{what} on {day}, not before the CREDD technical session of {credd}"},
}
