"""What `ptfcal plan` and `ptfcal circular` print."""

from __future__ import annotations

from .. import i18n


def _counts(counts: dict[str, int], lang: str) -> str:
    return ", ".join(i18n.count(counts.get(k, 0), k, lang) for k in ("error", "warning"))


def _number(value: float | None, lang: str) -> str:
    if value is None:
        return "—"
    text = f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"
    return text.replace(".", ",") if lang == "fr" else text


def _gap(value: float | None, lang: str) -> str:
    if value is None:
        return "—"
    text = f"{100 * value:.1f}"
    return (text.replace(".", ",") + " %") if lang == "fr" else text + "%"


def proposal_lines(p, lang: str, written: bool, asked_write: bool) -> list[str]:
    """The proposal as text, one line an item (printed, or written by --output)."""
    out: list[str] = []
    colon = " :" if lang == "fr" else ":"
    out += [warning.get(lang) for warning in p.warnings]
    if p.status == "infeasible":
        if not p.conflicts:
            out.append(i18n.t("plan.infeasible.windows", lang, year=p.year))
            return out
        out.append(i18n.t("plan.infeasible", lang, year=p.year))
        for c in p.conflicts:
            out.append(f"  {'--pin' if c.rule == 'pin' else c.rule}{colon} {c.title.get(lang)}")
            if c.quote and c.rule != "pin":
                out.append(f"      « {c.quote} »")
            elif c.quote:
                out.append(f"      {c.quote}")
            if c.dates:
                days = ", ".join(i18n.format_day(d, lang) for d in c.dates)
                out.append("      " + i18n.t("plan.dates", lang, dates=days))
        return out
    if p.status not in ("optimal", "feasible"):
        out.append(i18n.t("plan.unknown", lang))
        return out
    moves = i18n.count(len(p.moves), "moved", lang)
    out.append(i18n.t("plan.head", lang, year=p.year, moves=moves,
                      status=i18n.t(f"plan.status.{p.status}", lang)))
    out.append("  " + i18n.t("plan.scope", lang, occurrences=p.occurrences, movable=p.movable,
                             objective=_number(p.objective, lang), bound=_number(p.bound, lang),
                             gap=_gap(p.gap, lang), seconds=_number(round(p.seconds, 2), lang),
                             rounds=i18n.count(p.rounds, "round", lang)))
    out.append("  " + i18n.t("plan.counts", lang, before=_counts(p.before, lang),
                             after=_counts(p.after, lang)))
    if not p.moves:
        out.append(i18n.t("plan.none", lang))
    for m in p.moves:
        out.append(f"  {i18n.format_short_day(m.before, lang)} → "
                   f"{i18n.format_short_day(m.after, lang)}  {m.title.get(lang)}  [{m.ref}]")
        for r in m.reasons:
            head = f"{r.rule}{colon} " if r.rule and r.rule != "pin" else ""
            out.append(f"      {head}{r.message.get(lang)}")
    if p.unfixable:
        out.append(i18n.t("plan.unfixable", lang))
        for c in p.unfixable:
            out.append(f"  {c.rule}{colon} {c.title.get(lang)}")
            if c.quote:
                out.append(f"      « {c.quote} »")
            if c.dates:
                days = ", ".join(i18n.format_day(d, lang) for d in c.dates)
                out.append("      " + i18n.t("plan.dates", lang, dates=days))
    if p.introduced:
        out.append(i18n.t("plan.introduced", lang))
        for f in p.introduced:
            out.append(f"  {f.rule}{colon} {f.message.get(lang)}")
    elif p.remaining:
        out.append(i18n.t("plan.remaining", lang,
                          count=i18n.count(len(p.remaining), "error", lang)))
        for f in p.remaining[:10]:
            out.append(f"  {f.rule}{colon} {f.message.get(lang)}")
        if len(p.remaining) > 10:
            out.append("  " + i18n.t("out.more", lang, count=len(p.remaining) - 10))
    if written:
        out.append(i18n.t("plan.written", lang, files=", ".join(sorted(p.files))))
    elif p.moves and not p.introduced:
        out.append(i18n.t("plan.dry", lang, year=p.year))
    return out


def say_circular(findings, lang: str, strict: bool) -> None:
    """The decree's findings on the circular's rows, loudly: with --strict they refuse it,
    otherwise the rows are recorded as the circular gives them (it is what will happen)."""
    errors = [f for f in findings if not f.warning]
    if errors:
        key = "circ.refused" if strict else "circ.anyway"
        noun = "refusal" if strict else "error"
        print(i18n.t(key, lang, count=i18n.count(len(errors), noun, lang)))
    elif findings:
        print(i18n.t("circ.warnings", lang, count=i18n.count(len(findings), "warning", lang)))
    for f in errors if strict and errors else findings:
        print("  " + i18n.t("circ.finding", lang, file=f.file, line=f.line, rule=f.rule,
                            message=f.message.get(lang), quote=f.quote))
