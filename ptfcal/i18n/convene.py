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
    "ppl.missing": {
        "fr": "{path} : pas de registre des personnes ; copiez docs/people-sample.yaml et "
              "complétez-le, ou indiquez --people FICHIER",
        "en": "{path}: no register of people; copy docs/people-sample.yaml and fill it in, "
              "or give --people FILE"},
    "ppl.summary": {"fr": "{path} : {count}, aucune erreur ({seats})",
                    "en": "{path}: {count}, no error ({seats})"},
    "lst.why": {"fr": "{seat} de {who} pour {what}", "en": "{seat} of {who} for {what}"},
    "lst.over": {
        "fr": "{rule} : {count} personnes convoquées pour une même délégation à {what} du "
              "{day}, au plus {limit} ({who})",
        "en": "{rule}: {count} people convened for one delegation to {what} on {day}, at most "
              "{limit} ({who})"},
    "lst.written": {"fr": "{count} écrites dans {path}", "en": "{count} written to {path}"},
    "lst.none": {"fr": "Aucune occurrence ne correspond.", "en": "No occurrence matches."},
}
