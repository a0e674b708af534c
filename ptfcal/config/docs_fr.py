"""French meanings of the configuration keys, for docs/configuration.fr.md (the English doc
string of each Field -> its French)."""

FRENCH: dict[str, str] = {
    "`ptfcal plan` may move its occurrences within `shift_within`": (
        "`ptfcal plan` peut en déplacer les occurrences dans la période `shift_within`"
    ),
    (
        "a date set when planning the year (`ptfcal plan`): the occurrence stays planned, not "
        "confirmed"
    ): (
        "date fixée en planifiant l'année (`ptfcal plan`) : l'occurrence reste prévue, non "
        "confirmée"
    ),
    "time zone of every meeting (A-23)": "fuseau horaire de toutes les réunions (A-23)",
    "working week (A-23)": "semaine de travail (A-23)",
    "country of the public holidays (package `holidays`)": (
        "pays des jours fériés (paquet `holidays`)"
    ),
    "language of the feeds at today's addresses and of the terminal": (
        "langue des flux aux adresses actuelles et du terminal"
    ),
    (
        "every language published (default: fr and en); the others than `language` under "
        "OUT/feeds/<lang>/ and OUT/<year>/<lang>/"
    ): (
        "toutes les langues publiées (par défaut : fr et en) ; les langues autres que `language` "
        "sous OUT/feeds/<langue>/ et OUT/<année>/<langue>/"
    ),
    "2019 architecture before, 5 GT PTF from (A-01)": (
        "architecture de 2019 avant cette date, les 5 GT PTF à partir de celle-ci (A-01)"
    ),
    "Pool Technique before, SEG from (003)": (
        "Pool Technique avant cette date, SEG à partir de celle-ci (003)"
    ),
    "'avant le 30 avril' excludes the 30th (A-16)": "« avant le 30 avril » exclut le 30 (A-16)",
    "meeting types whose placeholder rules are switched on (A-22, A-41)": (
        "types de réunion dont les règles de dates indicatives sont activées (A-22, A-41)"
    ),
    "right-hand side of every UID": "partie droite de chaque UID",
    "prefix of every feed name": "préfixe du nom de chaque flux",
    "subscription feeds": "flux d'abonnement",
    "years before the current one in OUT/feeds": "années précédant l'année en cours dans OUT/feeds",
    "years after the current one in OUT/feeds": "années suivant l'année en cours dans OUT/feeds",
    "refresh hint of every feed, in hours": (
        "fréquence d'actualisation conseillée de chaque flux, en heures"
    ),
    "where OUT is published (links of index.html)": (
        "adresse de publication de OUT (liens de index.html)"
    ),
    "the names of the families of bodies": "les noms des familles d'instances",
    "the `category` of bodies": "la `category` des instances",
    "its name, plural (« Groupes de Dialogue »)": "son nom, au pluriel (« Groupes de Dialogue »)",
    "source documents and legal texts": "documents sources et textes juridiques",
    "id used by `source.text` and `legal_basis`": (
        "identifiant utilisé par `source.text` et `legal_basis`"
    ),
    "title as in the document": "titre tel qu'il figure dans le document",
    "dating, era": "datation, période",
    "PTF institutions": "institutions des PTF",
    "kebab-case id": "identifiant en minuscules et tirets",
    "full name": "nom complet",
    "acronym or short name": "sigle ou nom abrégé",
    "bilateral / multilateral / un (GA membership, One UN rule)": (
        "`bilateral` / `multilateral` / `un` (appartenance au GA, règle d'une seule entité des "
        "Nations Unies dans la Troïka)"
    ),
    "one of its bodies in a sentence, article first, {name} standing for the body's name "
    "(« le Groupe de Dialogue {name} »)": (
        "une de ses instances dans une phrase, article en tête, {name} tenant la place du nom "
        "de l'instance (« le Groupe de Dialogue {name} »)"
    ),
    "who vice-chairs it (the GT CREDD)": "qui en assure la vice-présidence (les GT CREDD)",
    "the French article before its name in a sentence": (
        "l'article placé devant son nom dans une phrase en français"
    ),
    "the English article before its name, if it takes one": (
        "l'article placé devant son nom en anglais, s'il en prend un"
    ),
    (
        "the country or organisation it represents: its delegation's id (France and AFD: france); "
        "default: its own id"
    ): (
        "le pays ou l'organisation qu'elle représente : l'identifiant de sa délégation (France et "
        "AFD : `france`) ; par défaut : son propre identifiant"
    ),
    "first day it takes part (default: always)": (
        "premier jour de sa participation (par défaut : depuis toujours)"
    ),
    "last day it takes part (a partner that left)": (
        "dernier jour de sa participation (partenaire qui s'est retiré)"
    ),
    "remark shown to users": "remarque affichée aux utilisateurs",
    "where its arrival or departure is recorded": "où sont consignés son arrivée ou son départ",
    "id of the source text (000…004) or legal text": (
        "identifiant du texte source (000…004) ou du texte juridique"
    ),
    "section, article or passage": "section, article ou passage",
    "the exact words of the text": "les termes exacts du texte",
    "legal texts the rule rests on": "textes juridiques sur lesquels repose la règle",
    "[PROPOSAL] / [INFERRED] and why": "`[PROPOSAL]` / `[INFERRED]` et le motif",
    "roles by year": "rôles par année",
    "calendar year (CdF term, A-34)": "année civile (mandat du CdF, A-34)",
    "Chef de file des PTF": "Chef de file des PTF",
    "« sa suppléance de l'année » (A-35)": "« sa suppléance de l'année » (A-35)",
    "Troïka (élargie)": "Troïka (élargie)",
    "the UN agency that coordinates the UN system": (
        "l'agence des Nations Unies qui coordonne le système des Nations Unies"
    ),
    "GT PTF id -> its three institutions": "identifiant du GT PTF -> ses trois institutions",
    "Groupe de Dialogue id -> its Nexus focal point (C-GD-5)": (
        "identifiant du Groupe de Dialogue -> son point focal Nexus (C-GD-5)"
    ),
    "Groupe de Dialogue id -> institution -> [expert, binôme] (C-GD-8)": (
        "identifiant du Groupe de Dialogue -> institution -> [expert, binôme] (C-GD-8)"
    ),
    "where the roles are recorded": "où les rôles sont consignés",
    "bodies": "instances",
    "kebab-case id (RULES.md)": "identifiant en minuscules et tirets (RULES.md)",
    "political, technical, joint, ad-hoc, support, government": (
        "`political`, `technical`, `joint`, `ad-hoc`, `support`, `government`"
    ),
    "family of bodies (gt-ptf, gd, cps...)": "famille d'instances (`gt-ptf`, `gd`, `cps`…)",
    "body it belongs to": "instance dont elle relève",
    "first day it exists ('reform' = the reform date)": (
        "premier jour d'existence (« reform » = la date de la réforme)"
    ),
    "last day it exists ('reform' = the day before the reform date)": (
        "dernier jour d'existence (« reform » = la veille de la date de la réforme)"
    ),
    "who chairs it": "qui la préside",
    "who serves as its secretariat": "qui en assure le secrétariat",
    "who takes part": "qui participe",
    "lead institution(s)": "institutions chefs de file",
    "the year `lead` is known for (later years show it « à confirmer »)": (
        "l'année pour laquelle `lead` est connu (les années suivantes l'affichent « à confirmer »)"
    ),
    "CPS sub-groups a GD faces (A-25)": "sous-groupes CPS homologues d'un GD (A-25)",
    "clusters on the same theme (A-30)": "groupes sectoriels sur le même thème (A-30)",
    "2019 groups it continues": "groupes de 2019 dont elle prend la suite",
    "other bodies it belongs to (a CPS under two GT CREDD)": (
        "autres instances dont elle relève (un CPS rattaché à deux GT CREDD)"
    ),
    "meetings it can serve at once as a secretariat (default 1; the SEG is a team)": (
        "réunions dont elle peut assurer le secrétariat en même temps (par défaut 1 ; le SEG est "
        "une équipe)"
    ),
    "where it is described": "où elle est décrite",
    "meeting types and deadlines": "types de réunion et échéances",
    "kebab-case id (RULES.md §4)": "identifiant en minuscules et tirets (RULES.md §4)",
    "name, also the event title": "nom, qui sert aussi de titre de l'événement",
    "short label (month grids, planner)": "libellé court (grilles mensuelles, `planner.html`)",
    "meeting (timed, busy) or deadline (all-day, free)": (
        "réunion `meeting` (avec horaire, occupé) ou échéance `deadline` (journée entière, "
        "disponible)"
    ),
    "level of the meetings": "niveau des réunions",
    "body, bodies, or 'every <category>'": (
        "une instance, plusieurs instances, ou « every <catégorie> »"
    ),
    "date rule; none = entered in years/*.yaml only": (
        "règle de date ; sans règle, les dates sont saisies uniquement dans years/*.yaml"
    ),
    (
        "'second wednesday', 'tuesday before', '7 days before', 'first after', 'spread' or 'spread "
        "monthly' (placeholders)"
    ): (
        "« second wednesday », « tuesday before », « 7 days before », « first after », « spread » "
        "ou « spread monthly » (dates indicatives)"
    ),
    "months the rule applies to": "mois auxquels la règle s'applique",
    "the meeting type a relative day refers to": (
        "le type de réunion auquel se rapporte un jour relatif"
    ),
    "with 'first after': the earlier meeting": "avec « first after » : la réunion antérieure",
    "a legal deadline: 'before D' excludes D itself, 'by D' includes it": (
        "une échéance légale : « before D » exclut le jour D lui-même, « by D » l'inclut"
    ),
    "held as one event with another meeting type": (
        "se tient en un seul événement avec un autre type de réunion"
    ),
    "generated dates stay before this limit": "les dates générées restent en deçà de cette limite",
    "false: a placeholder rule, switched on by `placeholders` in ptfcal.yaml": (
        "`false` : une règle de dates indicatives, activée par `placeholders` dans ptfcal.yaml"
    ),
    "local time (A-07)": "heure locale (A-07)",
    "other hours for an occurrence that shares people with one of the same type at `time` (A-56)": (
        "autres horaires pour une occurrence qui a des participants en commun avec une occurrence "
        "du même type à l'horaire `time` (A-56)"
    ),
    "number of days (A-08)": "nombre de jours (A-08)",
    "when a date is not a working day (A-03)": "lorsqu'une date tombe un jour non ouvré (A-03)",
    "a moved date stays in this window": "une date déplacée reste dans cette période",
    "who chairs (default: the body's chair)": (
        "qui préside (par défaut : la présidence de l'instance)"
    ),
    "secretariat (default: the body's)": "secrétariat (par défaut : celui de l'instance)",
    "who takes part (default: body members)": (
        "qui participe (par défaut : les membres de l'instance)"
    ),
    "title of the combined event": "titre de l'événement commun",
    "generated dates skip August (C-GEN-5)": "les dates générées évitent le mois d'août (C-GEN-5)",
    (
        "rule dates nobody confirmed are published as tentative (default: true for meetings, false "
        "for deadlines)"
    ): (
        "les dates issues de la règle que personne n'a confirmées sont publiées comme provisoires "
        "(par défaut : `true` pour les réunions, `false` pour les échéances)"
    ),
    "text the rule comes from": "texte dont provient la règle",
    (
        "who convenes (default: the PTF secretariat); a government party: `invite` announces "
        "it, never as a request"
    ): (
        "qui convoque (par défaut : le secrétariat des PTF) ; une instance gouvernementale : "
        "`invite` l'annonce pour information, jamais comme une demande de réunion"
    ),
    (
        "the party that convenes (a ministry), or held-by: the body holding each occurrence"
    ): (
        "l'instance qui convoque (un ministère), ou `held-by` : l'instance qui tient chaque "
        "occurrence"
    ),
    "the text that says so": "le texte qui le dit",
    "announced dates of Islamic holidays (replace estimates)": (
        "dates annoncées des fêtes musulmanes (remplacent les estimations)"
    ),
    "which holiday: eid-al-fitr, eid-al-adha, mawlid, mawlid-baptism": (
        "quelle fête : `eid-al-fitr`, `eid-al-adha`, `mawlid`, `mawlid-baptism`"
    ),
    "the officially announced date": "la date officiellement annoncée",
    "communiqué or decree that announced it": "communiqué ou décret qui l'a annoncée",
    "one-off days off declared by the Government": (
        "jours chômés exceptionnels déclarés par le Gouvernement"
    ),
    "the day (a one-off day off)": "le jour (un jour chômé exceptionnel)",
    "the day of each year (with every_year_from)": (
        "le jour de chaque année (avec `every_year_from`)"
    ),
    "a legal day off the package lacks: every year from this one": (
        "un jour chômé légal absent du paquet : chaque année à partir de celle-ci"
    ),
    "…to this one (default: every year)": "…jusqu'à celle-ci (par défaut : chaque année)",
    "a half day off: the day is worked until this time (\"12:30\": « fin des services fixée à "
    "12h30 »), off after it": "une demi-journée chômée : le jour est travaillé jusqu'à cette "
    "heure (\"12:30\" : « fin des services fixée à 12h30 »), chômé après",
    "why it is off": "pourquoi ce jour est chômé",
    "communiqué or decree": "communiqué ou décret",
    "days the package lists that were worked": "jours listés par le paquet qui ont été travaillés",
    "a day the package lists that was worked": "un jour listé par le paquet qui a été travaillé",
    "why": "motif",
    "the rules `ptfcal check` verifies (RULES.md §8)": (
        "les règles que vérifie `ptfcal check` (RULES.md §8)"
    ),
    "rule id (RULES.md §8)": "identifiant de la règle (RULES.md §8)",
    "what the rule says, in one line": "ce que dit la règle, en une ligne",
    "what is verified (closed vocabulary)": "ce qui est vérifié (vocabulaire fermé)",
    "error (HARD), warning (SOFT) or info": "`error` (HARD), `warning` (SOFT) ou `info`",
    "severity of the milder form of a breach": "gravité de la forme atténuée d'un manquement",
    "meeting types it applies to": "types de réunion auxquels elle s'applique",
    "the second group of meeting types": "le second groupe de types de réunion",
    "counting window": "période de décompte",
    "months concerned": "mois concernés",
    "count per body/key/sector": "décompte par instance (`body`), par clé (`key`) ou par "
                                 "secteur (`sector` : par instance et par titre, une CPS tenant "
                                 "une revue par secteur qu'elle couvre)",
    "count": "nombre",
    "minimum count": "nombre minimal",
    "maximum count": "nombre maximal",
    "largest gap between two meetings": "écart maximal entre deux réunions",
    "the rule's day": "le jour de la règle",
    "the limit": "la date limite",
    "a second, later limit": "une seconde date limite, plus tardive",
    "number of days": "nombre de jours",
    "order: every one after all (all) or one after (any)": (
        "ordre : chacune après toutes (`all`) ou au moins une après (`any`)"
    ),
    "the recorded field or relation examined": (
        "le champ ou la relation examinés dans les données enregistrées"
    ),
    "accepted values": "valeurs admises",
    "who is expected": "qui est attendu",
    "body categories": "catégories d'instances",
    "count from the reform date only": "décompte à partir de la date de la réforme uniquement",
    "applies from this year": "s'applique à partir de cette année",
    "an enlarged `then` meeting counts too (A-06)": (
        "une réunion `then` élargie compte aussi (A-06)"
    ),
    "expected number of bodies per category": "nombre attendu d'instances par catégorie",
    "remark": "remarque",
    "the text the rule comes from": "le texte dont provient la règle",
    "the year (must match the file name)": "l'année (doit correspondre au nom du fichier)",
    "facts about rule occurrences: moved, confirmed, cancelled": (
        "faits relatifs aux occurrences des règles : déplacées, confirmées, annulées"
    ),
    "meeting type of the occurrence": "type de réunion de l'occurrence",
    "body (needed when the type has several)": "instance (nécessaire quand le type en a plusieurs)",
    "the date the rule gives (identifies the occurrence)": (
        "la date donnée par la règle (identifie l'occurrence)"
    ),
    "the actual date": "la date effective",
    "the actual time": "l'horaire effectif",
    "the occurrence is not held": "l'occurrence n'a pas lieu",
    "deliberately off the rule's day (C-GEC-1, A-02)": (
        "fixée volontairement hors du jour de la règle (C-GEC-1, A-02)"
    ),
    "bodies invited in addition (A-06)": "instances invitées en plus (A-06)",
    "place": "lieu",
    "who actually chaired (checked: C-GEC-5, C-GA-3)": (
        "qui a effectivement présidé (vérifié : C-GEC-5, C-GA-3)"
    ),
    "who actually served (checked: C-GEC-7)": (
        "qui a effectivement assuré le secrétariat (vérifié : C-GEC-7)"
    ),
    "who actually took part": "qui a effectivement participé",
    "people per institution (checked: C-GEC-6)": (
        "nombre de personnes par institution (vérifié : C-GEC-6)"
    ),
    "where this fact is recorded": "où ce fait est consigné",
    "events no rule generates": "événements qu'aucune règle ne génère",
    "meeting type": "type de réunion",
    "first day": "premier jour",
    (
        "names the event: its UID then stays when its date changes; needed for two events of one "
        "type on one day"
    ): (
        "nomme l'événement : son UID reste alors le même quand sa date change ; nécessaire pour "
        "deux événements d'un même type le même jour"
    ),
    "time (default: the type's)": "horaire (par défaut : celui du type)",
    "title (default: the type's name)": "titre (par défaut : le nom du type)",
    "who convened it (C-GEC-4)": "qui l'a convoqué (C-GEC-4)",
    "why a GA meets (C-GA-4)": "pourquoi le GA se réunit (C-GA-4)",
    "who chairs": "qui préside",
    "who serves as secretariat": "qui assure le secrétariat",
    "people per institution": "nombre de personnes par institution",
    "called off after it was entered (published as cancelled)":
        "annulé après avoir été saisi (publié comme annulé)",
    "people per institution present (checked: C-GEC-6)":
        "nombre de personnes présentes par institution (vérifié : C-GEC-6)",
    "people per institution present": "nombre de personnes présentes par institution",
    "ordre du jour, in order": "ordre du jour, dans l'ordre",
    "institutions excused": "institutions excusées",
    "institutions absent": "institutions absentes",
    "decisions taken": "décisions prises",
    "actions given, followed up until done or dropped":
        "actions décidées, suivies jusqu'à leur réalisation ou leur abandon",
    "the item's title": "intitulé du point",
    "presenting institution": "institution qui présente le point",
    "links to its documents": "liens vers ses documents",
    "what was decided": "ce qui a été décidé",
    "number of its agenda item (1 = the first)": "numéro de son point de l'ordre du jour "
                                                 "(1 = le premier)",
    "stable id: A-<year of the meeting>-<number>, given by `ptfcal action`":
        "identifiant stable : A-<année de la réunion>-<numéro>, donné par « ptfcal action »",
    "what is to be done": "ce qui est à faire",
    "institution responsible": "institution responsable",
    "deadline (not before the meeting)": "échéance (pas avant la réunion)",
    "number of its agenda item": "numéro de son point de l'ordre du jour",
    "open (default), done or dropped": "open (ouverte, par défaut), done (réalisée) ou dropped "
                                       "(abandonnée)",
    "the day it was done or dropped": "jour où elle a été réalisée ou abandonnée",
    "remark on its follow-up": "remarque sur son suivi",
    "who is convened, seat by seat (`lists`, `invite`)":
        "qui est convoqué, siège par siège (`lists`, `invite`)",
    "whose seats, in the group(s) of `in`": "les sièges de qui, dans le ou les groupes de `in`",
    "the seat (`ambassador`: the ambassador of a bilateral, the head of a multilateral, who "
    "« ont rang d'ambassadeur »)":
        "le siège (`ambassador` : l'ambassadeur d'un PTF bilatéral, le chef d'une agence "
        "multilatérale, qui « ont rang d'ambassadeur »)",
    "the group(s): self (default), parent, facing, paired, 'every <category>' or a body id":
        "le ou les groupes : self (par défaut), parent, facing, paired, « every <catégorie> » "
        "ou un identifiant d'instance",
    "true: convened in Cc, may attend (default: required)":
        "true : convoqué en copie, peut participer (par défaut : participation requise)",
    "the text that says who sits": "le texte qui dit qui siège",
}
