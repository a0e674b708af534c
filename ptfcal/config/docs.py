"""The configuration reference (docs/configuration.md, docs/configuration.fr.md), generated
from the schema itself so the documentation cannot drift from what the loader accepts."""

from __future__ import annotations

from .reader import walk_fields
from .schema import FILE_SCHEMAS

HEADINGS = {
    "en": ("# Configuration reference",
           "*Version française : [configuration.fr.md](configuration.fr.md).*",
           "Generated from the schema in `ptfcal/config/schema.py` (`python -m pytest "
           "--update-golden` rewrites it). Every file is strict: a key not listed here is an "
           "error.",
           "| key | required | expected | meaning |", "yes"),
    "fr": ("# Référence de la configuration",
           "*English version: [configuration.md](configuration.md).*",
           "Produite à partir du schéma de `ptfcal/config/schema.py` (`python -m pytest "
           "--update-golden` la réécrit). Chaque fichier est strict : une clé absente de cette "
           "liste est une erreur.",
           "| clé | obligatoire | attendu | signification |", "oui"),
}


def reference(lang: str = "en") -> str:
    from .docs_fr import FRENCH

    title, other, intro, header, yes = HEADINGS[lang]
    lines = [title, "", other, "", intro, ""]
    for file, fields in FILE_SCHEMAS.items():
        lines += [f"## `{file}`", "", header, "|---|---|---|---|"]
        for key, spec in walk_fields(fields):
            expected = spec.conv.expected.get(lang).replace("|", "\\|")
            meaning = FRENCH[spec.doc] if lang == "fr" else spec.doc
            lines.append(f"| `{key}` | {yes if spec.required else ''} | {expected} | "
                         f"{meaning.replace('|', '/')} |")
        lines.append("")
    return "\n".join(lines)
