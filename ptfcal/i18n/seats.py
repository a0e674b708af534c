"""Messages of the seats: who sits for each body, and why (convene/seats.py, lists)."""

from __future__ import annotations

SEATS_MESSAGES: dict[str, dict[str, str]] = {
    "seat.why": {"fr": "{seat} de {who} pour {what}{source}",
                 "en": "{seat} of {who} for {what}{source}"},
    "seat.why-rank": {
        "fr": "{seat} de {who} pour {what}, qui a rang d'ambassadeur{source}",
        "en": "{seat} of {who} for {what}, who ranks as an ambassador{source}"},
    "seat.source": {"fr": " ({text}{ref})", "en": " ({text}{ref})"},
    "seat.role-unknown": {
        "fr": "{role} {year} non renseigné(e) : {seat} pour {what} (ptfcal roles {year} …)",
        "en": "{role} {year} not recorded: {seat} for {what} (ptfcal roles {year} …)"},
    "seat.tripartite-unknown": {
        "fr": "coordination tripartite {year} de {body} non renseignée : {seat} pour {what} "
              "(ptfcal roles {year} --tripartite {ident}=…)",
        "en": "{year} tripartite coordination of {body} not recorded: {seat} for {what} "
              "(ptfcal roles {year} --tripartite {ident}=…)"},
    "seat.lead-unknown": {
        "fr": "chef de file de {body} non renseigné : {seat} pour {what}",
        "en": "lead of {body} not recorded: {seat} for {what}"},
    "seat.role.chef-de-file": {"fr": "Chef de file des PTF", "en": "PTF lead donor"},
    "seat.role.troika": {"fr": "Troïka", "en": "Troika"},
    "seat.role.un-coordinating-agency": {"fr": "agence coordinatrice du SNU",
                                         "en": "UN coordinating agency"},
    "seat.none": {
        "fr": "les textes ne disent pas qui siège à {what} : personne n'est convoqué",
        "en": "the texts do not say who sits at {what}: nobody is convened"},
    "seat.nobody-found": {
        "fr": "aucune institution à convoquer pour {what} ce jour-là ({why})",
        "en": "no institution to convene for {what} that day ({why})"},
    "seat.facing-none": {"fr": "aucun Groupe de Dialogue en face de {body}",
                         "en": "no Groupe de Dialogue faces {body}"},
    "seat.paired-none": {"fr": "aucun Groupe de Dialogue jumelé à {body}",
                         "en": "no Groupe de Dialogue is paired with {body}"},
    "seat.empty-register": {
        "fr": "aucune personne du registre n'occupe ses sièges",
        "en": "nobody in the register holds its seats"},
    "seat.unconvened": {
        "fr": "{day} — {what} : personne à convoquer ({why})",
        "en": "{day} — {what}: nobody to convene ({why})"},
}
