"""Messages of the convocation: its subject, its formal text, what changed and why, and what
`invite` did (sent, drafted, left for later, could not convene)."""

from __future__ import annotations

CONVOCATION_MESSAGES: dict[str, dict[str, str]] = {
    # subject lines: body, meeting, date
    "conv.subject.request": {"fr": "Convocation : {what} — {day}",
                             "en": "Invitation: {what} — {day}"},
    "conv.subject.provisional": {"fr": "Convocation (date provisoire) : {what} — {day}",
                                 "en": "Invitation (provisional date): {what} — {day}"},
    "conv.subject.update": {"fr": "Mise à jour : {what} — {day}",
                            "en": "Update: {what} — {day}"},
    "conv.subject.update-provisional": {"fr": "Mise à jour (date provisoire) : {what} — {day}",
                                        "en": "Update (provisional date): {what} — {day}"},
    "conv.subject.cancel": {"fr": "Annulation : {what} — {day}",
                            "en": "Cancelled: {what} — {day}"},
    "conv.subject.publish": {"fr": "Pour information : {what} — {day}",
                             "en": "For information: {what} — {day}"},
    "conv.subject.publish-provisional": {
        "fr": "Pour information (date provisoire) : {what} — {day}",
        "en": "For information (provisional date): {what} — {day}"},
    "conv.subject.publish-update-provisional": {
        "fr": "Pour information, mise à jour (date provisoire) : {what} — {day}",
        "en": "For information, update (provisional date): {what} — {day}"},
    "conv.subject.publish-update": {"fr": "Pour information, mise à jour : {what} — {day}",
                                    "en": "For information, update: {what} — {day}"},
    "conv.subject.publish-cancel": {"fr": "Pour information, annulation : {what} — {day}",
                                    "en": "For information, cancelled: {what} — {day}"},
    # the letter
    "conv.from-name": {"fr": "Secrétariat exécutif du GEC (SEG)",
                       "en": "GEC Executive Secretariat (SEG)"},
    "conv.sender": {"fr": "Le Secrétariat exécutif du GEC", "en": "The GEC Executive Secretariat"},
    "conv.salutation": {"fr": "Madame, Monsieur,", "en": "Dear Sir or Madam,"},
    "conv.invite": {
        "fr": "{sender} a l'honneur de vous inviter à la réunion suivante :",
        "en": "{sender} has the honour of inviting you to the following meeting:"},
    "conv.update": {
        "fr": "{sender} vous informe d'un changement concernant la réunion suivante :",
        "en": "{sender} informs you of a change to the following meeting:"},
    "conv.cancel": {
        "fr": "{sender} a le regret de vous informer de l'annulation de la réunion suivante :",
        "en": "{sender} regrets to inform you that the following meeting is cancelled:"},
    "conv.publish": {
        "fr": "{convener} convoque la réunion suivante. {sender} vous la transmet pour "
              "information, afin que vous puissiez l'ajouter à votre calendrier :",
        "en": "{convener} convenes the following meeting. {sender} forwards it to you for "
              "information, so that you can add it to your calendar:"},
    "conv.publish-cancel": {
        "fr": "{convener} a annulé la réunion suivante. {sender} vous en informe :",
        "en": "{convener} has cancelled the following meeting. {sender} informs you:"},
    "conv.body": {"fr": "Instance : {value}", "en": "Body: {value}"},
    "conv.date": {"fr": "Date : {value}", "en": "Date: {value}"},
    "conv.hours": {"fr": "{day}, de {start} à {end} (heure de {city}, {zone})",
                   "en": "{day}, {start} to {end} ({city} time, {zone})"},
    "conv.all-day": {"fr": "{day} (toute la journée)", "en": "{day} (all day)"},
    "conv.days": {"fr": "du {first} au {last}", "en": "{first} to {last}"},
    "conv.place": {"fr": "Lieu : {value}", "en": "Place: {value}"},
    "conv.place-unknown": {"fr": "Lieu : à préciser", "en": "Place: to be announced"},
    "conv.chair": {"fr": "Présidence : {value}", "en": "Chair: {value}"},
    "conv.secretariat": {"fr": "Secrétariat : {value}", "en": "Secretariat: {value}"},
    "conv.convener": {"fr": "Convoquée par : {value}", "en": "Convened by: {value}"},
    "conv.agenda": {"fr": "Ordre du jour :", "en": "Agenda:"},
    "conv.agenda-later": {"fr": "Ordre du jour : à suivre.", "en": "Agenda: to follow."},
    "conv.follow-up": {"fr": "— Suivi des recommandations de la réunion précédente ({count})",
                       "en": "— Follow-up of the previous meeting's recommendations ({count})"},
    "conv.actions": {"fr": "{n} action en suivi", "en": "{n} action to follow up"},
    "conv.actions-many": {"fr": "{n} actions en suivi", "en": "{n} actions to follow up"},
    "conv.agenda-rest": {"fr": "Les autres points suivront.",
                         "en": "The other items will follow."},
    "conv.agenda-by": {"fr": "{n}. {title} (présenté par {by})",
                       "en": "{n}. {title} (presented by {by})"},
    "conv.agenda-item": {"fr": "{n}. {title}", "en": "{n}. {title}"},
    "conv.document": {"fr": "   Document : {url}", "en": "   Document: {url}"},
    "conv.provisional": {
        "fr": "Date provisoire : elle découle du calendrier et n'est pas encore confirmée ; "
              "une mise à jour vous parviendra dès qu'elle le sera.",
        "en": "Provisional date: it follows from the calendar and is not yet confirmed; an "
              "update will reach you once it is."},
    "conv.confirmed-now": {"fr": "La date est désormais confirmée.",
                           "en": "The date is now confirmed."},
    "conv.moved-later": {"fr": "La réunion est reportée {span}", "en": "The meeting is "
                         "postponed from {span}"},
    "conv.moved-earlier": {"fr": "La réunion est avancée {span}", "en": "The meeting is "
                           "brought forward from {span}"},
    "conv.span": {"fr": "du {before} au {after}", "en": "{before} to {after}"},
    "conv.hours-changed": {"fr": "L'horaire change : {after} au lieu de {before}",
                           "en": "The hours change: {after} instead of {before}"},
    "conv.place-changed": {"fr": "Le lieu change : {after} au lieu de {before}",
                           "en": "The place changes: {after} instead of {before}"},
    "conv.place-set": {"fr": "Le lieu est précisé : {after}", "en": "The place is set: {after}"},
    "conv.place-unset": {"fr": "Le lieu annoncé ({before}) n'est plus retenu ; il sera précisé",
                         "en": "The place announced ({before}) no longer holds; it will be "
                               "announced"},
    "conv.cancelled": {"fr": "La réunion du {day} est annulée", "en": "The meeting of {day} "
                       "is cancelled"},
    "conv.reason": {"fr": "{what} : {why}.", "en": "{what}: {why}."},
    "conv.no-reason": {"fr": "{what}.", "en": "{what}."},
    "conv.reply": {
        "fr": "Merci de répondre à cette invitation (Accepter ou Refuser) : votre réponse "
              "parvient au secrétariat, {mailbox}.",
        "en": "Please answer this invitation (Accept or Decline): your answer reaches the "
              "secretariat, {mailbox}."},
    "conv.reply-publish": {
        "fr": "Aucune réponse n'est attendue par ce message ; pour toute question, écrivez au "
              "secrétariat, {mailbox}.",
        "en": "No answer is expected to this message; for any question, write to the "
              "secretariat, {mailbox}."},
    "conv.closing": {
        "fr": "Veuillez agréer, Madame, Monsieur, l'expression de notre haute considération.",
        "en": "Yours faithfully,"},
    # French only: the French part holds no English word (the English follows the dashes)
    "conv.english-below": {"fr": "(version anglaise ci-dessous)",
                           "en": "(version anglaise ci-dessous)"},
    # what `invite` did
    "conv.none-due": {
        "fr": "Aucune réunion à convoquer entre le {first} et le {last} ({types}).",
        "en": "No meeting to convene between {first} and {last} ({types})."},
    "conv.nothing": {"fr": "Rien à envoyer.", "en": "Nothing to send."},
    "conv.every-type": {"fr": "tous types", "en": "every type"},
    "conv.summary": {"fr": "Bilan : {sent} ; {drafted} ; {later} pour plus tard ; "
                           "{unconvened} sans convocation possible.",
                     "en": "Summary: {sent}; {drafted}; {later} left for later; {unconvened} "
                           "that could not be convened."},
    "conv.later-provisional": {
        "fr": "  pour plus tard : {count} à date provisoire (--provisional pour les envoyer "
              "comme telles) : {which}",
        "en": "  left for later: {count} on a provisional date (--provisional sends them as "
              "such): {which}"},
    "conv.later-window": {
        "fr": "  pour plus tard : {count} hors de la fenêtre --due",
        "en": "  left for later: {count} outside the --due window"},
    "conv.unconvened": {
        "fr": "  sans convocation possible : {what} — {why}",
        "en": "  could not be convened: {what} — {why}"},
}
