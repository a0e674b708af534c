"""Messages of the seats: who sits for each body, and why (convene/seats.py, lists)."""

from __future__ import annotations

SEATS_MESSAGES: dict[str, dict[str, str]] = {
    "seat.why": {"fr": "{seat} {of} pour {what}{source}",
                 "en": "{seat} {of} for {what}{source}"},
    "seat.why-rank": {
        "fr": "{seat} {of} pour {what}, qui a rang d'ambassadeur{source}",
        "en": "{seat} {of} for {what}, who ranks as an ambassador{source}"},
    "seat.source": {"fr": " ({text}{ref})", "en": " ({text}{ref})"},
    "seat.role-unknown": {
        "fr": "{role} {year} non enregistré(e) dans roles.yaml "
              "(ptfcal roles {year} --{option} …)",
        "en": "{role} {year} not recorded in roles.yaml (ptfcal roles {year} --{option} …)"},
    "seat.tripartite-unknown": {
        "fr": "coordination tripartite {year} de {body} non enregistrée (ptfcal roles {year} "
              "--tripartite {ident}=A,B,C)",
        "en": "{year} tripartite coordination of {body} not recorded (ptfcal roles {year} "
              "--tripartite {ident}=A,B,C)"},
    "seat.lead-unknown": {
        "fr": "{seat} de {body} non renseigné (lead dans bodies/, ou le registre)",
        "en": "{seat} of {body} not recorded (lead in bodies/, or the register)"},
    "seat.roles-missing": {
        "fr": "ses sièges dépendent des rôles {year}, non enregistrés",
        "en": "its seats depend on the {year} roles, not recorded"},
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
        "fr": "aucune personne du registre des personnes n'occupe ses sièges",
        "en": "nobody in the register of people holds its seats"},
    "seat.unconvened": {
        "fr": "{day} — {what} : personne à convoquer ({why})",
        "en": "{day} — {what}: nobody to convene ({why})"},
    "lst.nobody": {"fr": "personne à convoquer : {why}", "en": "nobody to convene: {why}"},
    "lst.to": {"fr": "À : {line}", "en": "To: {line}"},
    "lst.cc": {"fr": "Cc : {line}", "en": "Cc: {line}"},
    "lst.unconvened": {
        "fr": "{count} sans personne à convoquer :",
        "en": "{count} with nobody to convene:"},
    "lst.cards": {"fr": "{count} dans {path}", "en": "{count} in {path}"},
    "lst.not-ours": {
        "fr": "{path} existe et n'est pas une fiche que ptfcal a écrite : rien n'est remplacé",
        "en": "{path} exists and is not a card ptfcal wrote: nothing is replaced"},
    "lst.unknown-type": {
        "fr": "--type {value} : ce n'est pas un type de réunion{hint} ; types connus : {known}",
        "en": "--type {value}: not a meeting type{hint}; known types: {known}"},
    "lst.unknown-body": {
        "fr": "--body {value} : ce n'est pas une instance{hint} ; instances connues : {known}",
        "en": "--body {value}: not a body{hint}; known bodies: {known}"},
    "lst.not-a-folder": {
        "fr": "{path} existe et n'est pas un dossier : --format vcf écrit une fiche par "
              "personne dans un dossier, ou toutes dans un fichier dont le nom finit par .vcf",
        "en": "{path} exists and is not a folder: --format vcf writes one card per person in "
              "a folder, or all of them in a file whose name ends in .vcf"},
    "lst.no-folder": {"fr": "{path} : impossible de créer le dossier ({why})",
                      "en": "{path}: cannot make the folder ({why})"},
    "lst.optional": {"fr": "(facultatif)", "en": "(optional)"},
    "lst.did-you-mean": {"fr": " (vouliez-vous dire {ident} ?)",
                         "en": " (did you mean {ident}?)"},
    "lst.no-hint": {"fr": "", "en": ""},
    "seat.lead-stale": {"fr": "{why} ; à confirmer (connu pour {year})",
                        "en": "{why}; to be confirmed (known for {year})"},
}
