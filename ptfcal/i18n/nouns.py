"""Nouns and how many of them: 'aucune erreur', '1 erreur', '5 erreurs'."""

from __future__ import annotations

NOUNS: dict[str, dict[str, tuple[str, str, str]]] = {
    # noun -> language -> (one, many, none)
    "error": {"fr": ("erreur", "erreurs", "aucune erreur"), "en": ("error", "errors", "no error")},
    "warning": {"fr": ("avertissement", "avertissements", "aucun avertissement"),
                "en": ("warning", "warnings", "no warning")},
    "info": {"fr": ("information", "informations", "aucune information"),
             "en": ("note", "notes", "no note")},
    "event": {"fr": ("événement", "événements", "aucun événement"),
              "en": ("event", "events", "no event")},
    "file": {"fr": ("fichier", "fichiers", "aucun fichier"), "en": ("file", "files", "no file")},
    "feed": {"fr": ("flux", "flux", "aucun flux"), "en": ("feed", "feeds", "no feed")},
    "added": {"fr": ("ajout", "ajouts", "aucun ajout"), "en": ("addition", "additions",
                                                            "no addition")},
    "round": {"fr": ("tour de vérification", "tours de vérification", "aucun tour"),
              "en": ("checking round", "checking rounds", "no checking round")},
    "message": {"fr": ("message", "messages", "aucun message"), "en": ("message", "messages",
                                                                     "no message")},
    "message-sent": {"fr": ("message envoyé", "messages envoyés", "aucun message envoyé"),
                     "en": ("message sent", "messages sent", "no message sent")},
    "draft": {"fr": ("brouillon .eml écrit", "brouillons .eml écrits", "aucun brouillon écrit"),
              "en": ("draft .eml written", "drafts .eml written", "no draft written")},
    "person": {"fr": ("personne", "personnes", "aucune personne"), "en": ("person", "people",
                                                                      "nobody")},
    "recipient-row": {"fr": ("ligne de destinataire", "lignes de destinataires",
                             "aucune ligne de destinataire"),
                      "en": ("recipient row", "recipient rows", "no recipient row")},
    "review": {"fr": ("revue", "revues", "aucune revue"), "en": ("review", "reviews",
                                                                "no review")},
    "refusal": {"fr": ("refus", "refus", "aucun refus"), "en": ("refusal", "refusals",
                                                               "no refusal")},
    "moved": {"fr": ("déplacement", "déplacements", "aucun déplacement"),
              "en": ("move", "moves", "no move")},
    "changed": {"fr": ("modification", "modifications", "aucune modification"),
                "en": ("change", "changes", "no change")},
    "cancelled": {"fr": ("annulation", "annulations", "aucune annulation"),
                  "en": ("cancellation", "cancellations", "no cancellation")},
    "removed": {"fr": ("retrait (publié comme annulé)", "retraits (publiés comme annulés)",
                       "aucun retrait"),
                "en": ("removal (published as cancelled)", "removals (published as cancelled)",
                       "no removal")},
    "vcard": {"fr": ("fiche vCard", "fiches vCard", "aucune fiche vCard"),
              "en": ("vCard", "vCards", "no vCard")},
    "meeting": {"fr": ("réunion", "réunions", "aucune réunion"),
                "en": ("meeting", "meetings", "no meeting")},
    "day": {"fr": ("jour", "jours", "aucun jour"), "en": ("day", "days", "no day")},
    "name": {"fr": ("nom", "noms", "aucun nom"), "en": ("name", "names", "no name")},
    "body": {"fr": ("instance", "instances", "aucune instance"),
             "en": ("body", "bodies", "no body")},
    "item": {"fr": ("élément", "éléments", "aucun élément"), "en": ("item", "items", "no item")},
    "file-written": {"fr": ("fichier écrit", "fichiers écrits", "aucun fichier écrit"),
                     "en": ("file written", "files written", "no file written")},
    "file-to-write": {"fr": ("fichier à écrire", "fichiers à écrire", "aucun fichier à écrire"),
                      "en": ("file to write", "files to write", "no file to write")},
    "file-unchanged": {"fr": ("fichier inchangé", "fichiers inchangés", "aucun fichier inchangé"),
                       "en": ("file unchanged", "files unchanged", "no file unchanged")},
    "line-added": {"fr": ("ligne ajoutée", "lignes ajoutées", "aucune ligne ajoutée"),
                   "en": ("line added", "lines added", "no line added")},
    "line-removed": {"fr": ("ligne retirée", "lignes retirées", "aucune ligne retirée"),
                     "en": ("line removed", "lines removed", "no line removed")},
    "finding-added": {"fr": ("constat ajouté", "constats ajoutés", "aucun constat ajouté"),
                      "en": ("finding added", "findings added", "no finding added")},
    "finding-cleared": {"fr": ("constat levé", "constats levés", "aucun constat levé"),
                        "en": ("finding cleared", "findings cleared", "no finding cleared")},
    "institution": {"fr": ("institution", "institutions", "aucune institution"),
                    "en": ("institution", "institutions", "no institution")},
}


class Counted:
    """A number of things, written with its noun in each language by `text()`."""

    def __init__(self, n: int, noun: str):
        self.n, self.noun = n, noun

    def get(self, lang: str) -> str:
        return count(self.n, self.noun, lang)


def count(n: int, noun: str, lang: str = "fr") -> str:
    """'aucune erreur', '1 erreur', '5 erreurs' / 'no error', '1 error', '5 errors'."""
    one, many, none = NOUNS[noun][lang]
    if n == 0:
        return none
    return f"{n} {one if n == 1 else many}"
