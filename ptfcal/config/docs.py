"""The configuration reference (docs/configuration.md), generated from the schema itself so the
documentation cannot drift from what the loader accepts."""

from __future__ import annotations

from .loader import FILE_SCHEMAS
from .reader import walk_fields


def reference() -> str:
    lines = [
        "# Configuration reference",
        "",
        "Generated from the schema in `ptfcal/config/loader.py` "
        "(`python -m pytest --update-golden` rewrites it). Every file is strict: a key not "
        "listed here is an error.",
        "",
    ]
    for file, fields in FILE_SCHEMAS.items():
        lines += [f"## `{file}`", "", "| key | required | expected | meaning |",
                  "|---|---|---|---|"]
        for key, spec in walk_fields(fields):
            expected = spec.conv.expected.en.replace("|", "\\|")
            lines.append(f"| `{key}` | {'yes' if spec.required else ''} | {expected} | "
                         f"{spec.doc.replace('|', '/')} |")
        lines.append("")
    return "\n".join(lines)
