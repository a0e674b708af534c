"""Findings -> the check report as versioned JSON (for programs) or Markdown (for a meeting
note). The terminal version is in `render`.

JSON (version 1): {"version": 1, "year": …, "generator": …, "language": …,
"summary": {"error": n, "warning": n, "info": n}, "findings": [{"rule", "severity", "title",
"message", "dates", "events", "source", "suggestions"}]}; see docs/check-json.md.
"""

from __future__ import annotations

import json

from .. import __version__, i18n
from ..model import Model, Severity
from ..publish.ics import source_text
from .audit import Audit
from .kinds import Finding

REPORT_VERSION = 1


def _rule(model: Model, rule_id: str):
    return next(r for r in model.checks if r.id == rule_id)


def _suggestions(f: Finding) -> list[str]:
    return [d.isoformat() for d in (f.suggestions or ()) if d is not None]


def report_json(model: Model, result: Audit, lang: str) -> bytes:
    rules = {r.id: r for r in reversed(model.checks)}  # the first of an id, as _rule finds it
    findings = []
    for f in result.findings:
        rule = rules[f.rule]
        s = rule.source
        findings.append({
            "rule": f.rule,
            "severity": f.severity.value,
            "title": rule.title.get(lang),
            "message": f.message.get(lang),
            "dates": [d.isoformat() for d in f.dates],
            "events": list(f.events),
            "source": {"text": s.text, "ref": s.ref, "quote": s.quote,
                       "legal_basis": list(s.legal_basis)},
            "suggestions": _suggestions(f),
        })
    doc = {
        "version": REPORT_VERSION,
        "year": result.year,
        "years": list(range(result.year, (result.last_year or result.year) + 1)),
        "generator": f"ptfcal {__version__}",
        "language": lang,
        "summary": {s.value: result.count(s) for s in Severity},
        "findings": findings,
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def verdict(result: Audit, lang: str) -> str:
    errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
    if not errors and not warnings:
        return i18n.t("report.clean", lang, year=result.period)
    return i18n.t("report.summary", lang, year=result.period,
                  errors=i18n.count(errors, "error", lang),
                  warnings=i18n.count(warnings, "warning", lang),
                  infos=i18n.count(result.count(Severity.INFO), "info", lang))


def suggestion_text(f: Finding, lang: str) -> str | None:
    if not f.suggestions:
        return None
    before, after = f.suggestions
    if before is None and after is None:
        return i18n.t("report.no-suggestion", lang)
    parts = []
    if before is not None:
        parts.append(i18n.t("report.before", lang, day=i18n.format_day(before, lang)))
    if after is not None:
        parts.append(i18n.t("report.after", lang, day=i18n.format_day(after, lang)))
    return i18n.t("report.suggest", lang, dates=" ; ".join(parts) if lang == "fr"
                  else "; ".join(parts))


def report_markdown(model: Model, result: Audit, lang: str) -> str:
    lines = [f"# {i18n.t('report.title', lang, year=result.period)}", "", verdict(result, lang),
             ""]
    for severity in Severity:
        group = [f for f in result.findings if f.severity is severity]
        if not group:
            continue
        lines += [f"## {i18n.t(f'report.{severity.value}s', lang)} ({len(group)})", ""]
        for f in group:
            rule = _rule(model, f.rule)
            lines.append(f"- **{f.rule}** — {rule.title.get(lang)}  ")
            lines.append(f"  {f.message.get(lang)}  ")
            hint = suggestion_text(f, lang)
            if hint:
                lines.append(f"  {hint}  ")
            lines.append(f"  _{source_text(model, rule.source)}_")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
