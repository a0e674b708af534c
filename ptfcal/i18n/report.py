"""Messages of `ptfcal report`: the year's bilan and the programme the retreat adopts."""

from __future__ import annotations


def _m(fr: str, en: str) -> dict[str, str]:
    return {"fr": fr, "en": en}


REPORT_MESSAGES: dict[str, dict[str, str]] = {
    "rep.title": _m("Bilan {period} des cadres de concertation des PTF",
                    "{period} review of the PTF coordination bodies"),
    "rep.subtitle": _m("Situation au {day}", "As of {day}"),
    "rep.scope": _m("Instance : {body}", "Body: {body}"),
    "rep.nothing": _m(
        "Aucune réunion de la période n'a encore de compte rendu enregistré (présences, "
        "décisions ou actions) : les chiffres de tenue et de participation sont vides.",
        "No meeting of the period has a record yet (attendance, decisions or actions): the "
        "figures of meetings held and participation are empty."),
    "rep.p.generated": _m("Établi par ptfcal à partir du calendrier et de ses règles.",
                          "Made by ptfcal from the calendar and its rules."),
    "rep.generated": _m("Établi par ptfcal à partir du calendrier et des comptes rendus "
                        "enregistrés. Seules des institutions sont nommées.",
                        "Made by ptfcal from the calendar and the recorded meetings. Only "
                        "institutions are named."),
    # sections
    "rep.s.regularity": _m("Régularité des réunions", "Regularity of the meetings"),
    "rep.s.gaps": _m("Plus long intervalle entre deux réunions tenues",
                     "Longest gap between two meetings held"),
    "rep.s.cancelled": _m("Réunions annulées et déplacées", "Meetings cancelled and moved"),
    "rep.s.participation": _m("Participation des institutions", "Participation of the "
                              "institutions"),
    "rep.s.per-body": _m("Participation par instance", "Participation per body"),
    "rep.s.breaches": _m("Délégations de plus de deux personnes (règle des deux par pays)",
                         "Delegations of more than two people (two-per-country rule)"),
    "rep.s.follow-up": _m("Décisions et suivi des actions", "Decisions and follow-up of the "
                          "actions"),
    "rep.s.by-owner": _m("Actions par institution responsable", "Actions per owning "
                         "institution"),
    "rep.s.open": _m("Actions encore ouvertes", "Actions still open"),
    "rep.s.earlier": _m("Actions des années précédentes encore ouvertes",
                        "Actions of earlier years still open"),
    "rep.s.conformity": _m("Conformité aux textes : constats de la vérification",
                           "Conformity with the texts: the check's findings"),
    "rep.s.previous": _m("Comparaison avec {year}", "Compared with {year}"),
    # what the figures mean, said on the page itself
    "rep.n.regularity": _m(
        "Tenues : réunions dont les présences, une décision ou une action sont enregistrées. "
        "Sans compte rendu : réunions passées au {day}, ni annulées ni enregistrées. Chaque "
        "réunion compte une seule fois parmi les tenues, les annulées, les sans compte rendu "
        "et les à venir ; une réunion déplacée compte aussi parmi les déplacées.",
        "Held: meetings whose attendance, a decision or an action is recorded. Not recorded: "
        "meetings past on {day}, neither cancelled nor recorded. Each meeting counts once "
        "among held, cancelled, not recorded and upcoming; a moved meeting also counts among "
        "the moved."),
    "rep.n.participation": _m(
        "Comptées sur les réunions tenues dont les présences sont enregistrées ({count}) : "
        "les autres ne disent pas qui est venu. Convoquée : l'institution siège à la réunion "
        "selon les textes ; absente : ni enregistrée présente, ni excusée ; taux de "
        "présence : présente / convoquée.",
        "Counted over the meetings held whose attendance is recorded ({count}): the others do "
        "not say who came. Convened: the institution sits at the meeting by the texts; "
        "absent: neither recorded present nor excused; attendance rate: present / convened."),
    "rep.n.conformity": _m(
        "Nombre : constats de la vérification des règles pour la période. Une information "
        "dit le plus souvent ce qui n'a pas pu être vérifié faute de données (à renseigner) "
        "et compte une fois pour toutes les réunions de l'année qu'elle concerne.",
        "Count: findings of the rules' check for the period. An information finding mostly says "
        "what could not be verified for want of data (to be filled in) and counts once for all "
        "the meetings of the year it concerns."),
    "rep.s.years": _m("Réunions tenues sur prévues, année par année",
                      "Meetings held out of planned, year by year"),
    "rep.n.years": _m(
        "Pour chaque année : réunions tenues / réunions prévues ou ajoutées (annulées "
        "comprises) ; la dernière ligne, le taux de présence des institutions convoquées.",
        "Each year: meetings held / meetings planned or added (cancelled ones included); the "
        "last row, the attendance rate of the institutions convened."),
    # columns
    "rep.c.body": _m("Instance", "Body"),
    "rep.c.type": _m("Type de réunion", "Meeting type"),
    "rep.c.planned": _m("Prévues", "Planned"),
    "rep.c.extra": _m("Ajoutées", "Added"),
    "rep.c.held": _m("Tenues", "Held"),
    "rep.c.cancelled": _m("Annulées", "Cancelled"),
    "rep.one-cancelled": _m("Annulée", "Cancelled"),
    "rep.one-moved": _m("Déplacée", "Moved"),
    "rep.c.moved": _m("Déplacées", "Moved"),
    "rep.c.not-recorded": _m("Sans compte rendu", "Not recorded"),
    "rep.c.upcoming": _m("À venir", "Upcoming"),
    "rep.c.date": _m("Date", "Date"),
    "rep.c.what": _m("Réunion", "Meeting"),
    "rep.c.reason": _m("Motif", "Reason"),
    "rep.c.gap": _m("Plus long intervalle (jours)", "Longest gap (days)"),
    "rep.c.between": _m("Entre", "Between"),
    "rep.c.rule-gap": _m("Selon les règles (jours)", "By the rules (days)"),
    "rep.c.institution": _m("Institution", "Institution"),
    "rep.c.convened": _m("Convoquée", "Convened"),
    "rep.c.present": _m("Présente", "Present"),
    "rep.c.excused": _m("Excusée", "Excused"),
    "rep.c.absent": _m("Absente", "Absent"),
    "rep.c.rate": _m("Taux de présence", "Attendance rate"),
    "rep.c.meetings": _m("Réunions avec présences", "Meetings with attendance"),
    "rep.c.average": _m("Institutions présentes en moyenne", "Institutions present on "
                        "average"),
    "rep.c.never": _m("Jamais venues", "Never came"),
    "rep.c.delegation": _m("Délégation", "Delegation"),
    "rep.c.people": _m("Personnes", "People"),
    "rep.c.decisions": _m("Décisions", "Decisions"),
    "rep.c.created": _m("Créées", "Created"),
    "rep.c.done": _m("Faites à temps", "Done on time"),
    "rep.c.done-late": _m("Faites en retard", "Done late"),
    "rep.c.open": _m("En cours", "Open"),
    "rep.c.overdue": _m("En retard", "Overdue"),
    "rep.c.dropped": _m("Abandonnées", "Dropped"),
    "rep.c.owner": _m("Responsable", "Owner"),
    "rep.c.action": _m("Action", "Action"),
    "rep.c.due": _m("Échéance", "Due"),
    "rep.c.given": _m("Décidée le", "Given on"),
    "rep.c.rule": _m("Règle", "Rule"),
    "rep.c.severity": _m("Gravité", "Severity"),
    "rep.c.count": _m("Nombre", "Count"),
    "rep.c.figure": _m("Indicateur", "Figure"),
    "rep.c.period": _m("Période", "Period"),
    "rep.c.section": _m("Rubrique", "Section"),
    "rep.c.subject": _m("Objet", "Subject"),
    "rep.c.detail": _m("Détail", "Detail"),
    "rep.c.value": _m("Valeur", "Value"),
    "rep.total": _m("Total", "Total"),
    "rep.none": _m("aucune", "none"),
    "rep.no-reason": _m("motif non enregistré", "no reason recorded"),
    "rep.no-gap": _m("moins de deux réunions tenues", "fewer than two meetings held"),
    "rep.beyond": _m("au-delà des règles", "beyond the rules"),
    "rep.no-due": _m("sans échéance", "no due date"),
    "rep.sev.error": _m("erreur", "error"),
    "rep.sev.warning": _m("avertissement", "warning"),
    "rep.sev.info": _m("information", "information"),
    "rep.rate-overall": _m("Taux de présence global", "Overall attendance rate"),
    "rep.findings-errors": _m("Constats : erreurs", "Findings: errors"),
    "rep.findings-warnings": _m("Constats : avertissements", "Findings: warnings"),
    # charts: titles, series, text alternatives
    "rep.chart.held": _m("Réunions tenues et prévues par instance",
                         "Meetings held and planned per body"),
    "rep.chart.participation": _m("Présences, excuses et absences par institution",
                                  "Present, excused and absent per institution"),
    "rep.chart.actions": _m("Actions par état", "Actions by status"),
    "rep.chart.alt.held": _m("{body} : tenues {held}, prévues {planned}",
                             "{body}: held {held}, planned {planned}"),
    "rep.chart.alt.participation": _m(
        "{institution} : présente {present}, excusée {excused}, absente {absent}",
        "{institution}: present {present}, excused {excused}, absent {absent}"),
    "rep.chart.alt.actions": _m("{status} : {count}", "{status}: {count}"),
    "rep.chart.empty": _m("Rien à représenter pour la période.", "Nothing to chart for the "
                          "period."),
    # csv sections
    "rep.k.bodies": _m("Régularité", "Regularity"),
    "rep.k.institutions": _m("Participation", "Participation"),
    "rep.k.attendance": _m("Participation par instance", "Participation per body"),
    "rep.k.actions": _m("Actions", "Actions"),
    "rep.k.actions-body": _m("Actions par instance", "Actions per body"),
    "rep.k.actions-owner": _m("Actions par responsable", "Actions per owner"),
    "rep.k.decisions": _m("Décisions", "Decisions"),
    "rep.k.conformity": _m("Conformité", "Conformity"),
    "rep.k.gaps": _m("Intervalles", "Gaps"),
    # the command
    "rep.written": _m("Bilan écrit dans {path}", "Review written to {path}"),
    "rep.p.written": _m("Programme écrit dans {path}", "Programme written to {path}"),
    "rep.no-docx": _m(
        "--format docx a besoin de python-docx et de Pillow, une installation facultative : "
        "pip install 'ptfcal[docx]' ; --format html écrit la même page sans eux",
        "--format docx needs python-docx and Pillow, an optional install: "
        "pip install 'ptfcal[docx]'; --format html writes the same page without them"),
    "rep.not-ours": _m(
        "{where} existe et n'est pas un bilan écrit par ptfcal, ou il a été modifié depuis : "
        "rien n'est écrit ; donnez un autre nom, ou déplacez ce fichier",
        "{where} exists and is not a review ptfcal wrote, or it was changed since: nothing "
        "written; give another name, or move that file away"),
    "rep.progress": _m("Bilan {period}", "Review {period}"),
    "rep.not-body": _m("--body {value} : ce n'est pas une instance ; instances connues : "
                       "{known}", "--body {value}: not a body; known bodies: {known}"),
    "rep.binary-stdout": _m(
        "--format {format} écrit un fichier binaire : donnez --output FICHIER",
        "--format {format} writes a binary file: give --output FILE"),
    "rep.no-browser": _m(
        "--format pdf imprime la page HTML avec Chromium ou Google Chrome, introuvable ici ; "
        "installez-en un (Debian : apt-get install chromium) ou écrivez la page "
        "(--format html) et imprimez-la en PDF depuis un navigateur",
        "--format pdf prints the HTML page with Chromium or Google Chrome, not found here; "
        "install one (Debian: apt-get install chromium) or write the page (--format html) "
        "and print it to PDF from a browser"),
    "rep.browser-failed": _m("Chromium n'a pas imprimé le PDF : {why}",
                             "Chromium did not print the PDF: {why}"),
    "rep.programme-format": _m(
        "--programme s'écrit en html, docx ou pdf, pas en {format}",
        "--programme is written as html, docx or pdf, not {format}"),
    "rep.programme-years": _m(
        "--programme est le programme d'une seule année (par exemple 2028), pas de {period}",
        "--programme is the programme of one year (2028, say), not of {period}"),
    # the programme
    "rep.p.title": _m("Programme {year} des cadres de concertation des PTF",
                      "{year} programme of the PTF coordination bodies"),
    "rep.p.subtitle": _m("Proposé pour adoption à la retraite annuelle ; dates établies le "
                         "{day}",
                         "Proposed for adoption at the annual retreat; dates as of {day}"),
    "rep.p.meetings": _m("Réunions par instance et par mois", "Meetings per body and month"),
    "rep.p.deadlines": _m("Échéances", "Deadlines"),
    "rep.p.roles": _m("Rôles de l'année", "The year's roles"),
    "rep.p.role": _m("Rôle", "Role"),
    "rep.p.holder": _m("Assuré par", "Held by"),
    "rep.p.cdf": _m("Chef de file", "Lead donor"),
    "rep.p.deputy": _m("Chef de file adjoint", "Deputy lead donor"),
    "rep.p.troika": _m("Troïka", "Troika"),
    "rep.p.un": _m("Agence de coordination du Système des Nations unies",
                   "UN coordinating agency"),
    "rep.p.tripartite": _m("Coordination tripartite : {body}", "Tripartite coordination: "
                           "{body}"),
    "rep.p.no-roles": _m("Rôles de {year} non encore enregistrés", "Roles of {year} not yet "
                         "recorded"),
    "rep.p.tentative": _m("date à confirmer selon l'annonce d'une fête musulmane",
                          "date to be confirmed when an Islamic holiday is announced"),
    "rep.p.deadline": _m("Échéance", "Deadline"),
    "rep.p.none": _m("aucune réunion prévue", "no meeting planned"),
}
