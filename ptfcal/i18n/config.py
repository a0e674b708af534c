"""Messages of reading the configuration: YAML, the schema, the rule vocabulary and the
loader."""

from __future__ import annotations

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
    "cfg.long-id": {
        "fr": "{value} : un identifiant de {limit} caractères au plus (celui-ci en a {length})",
        "en": "{value}: an id of at most {limit} characters (this one has {length})"},
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
    "ld.check-pair": {"fr": "une vérification {kind} compare exactement deux types de réunion "
                             "(ici {count})",
                      "en": "a {kind} check compares exactly two meeting types (here {count})"},
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
    "cfg.missing-key": {"fr": "clé obligatoire {key} absente : {expected}",
                        "en": "missing required key {key}: {expected}"},
}
