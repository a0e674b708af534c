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


def say_proposal(p, lang: str, written: bool, asked_write: bool) -> None:
    colon = " :" if lang == "fr" else ":"
    if p.status == "infeasible":
        if not p.conflicts:
            print(i18n.t("plan.infeasible.windows", lang, year=p.year))
            return
        print(i18n.t("plan.infeasible", lang, year=p.year))
        for c in p.conflicts:
            print(f"  {'--pin' if c.rule == 'pin' else c.rule}{colon} {c.title.get(lang)}")
            if c.quote and c.rule != "pin":
                print(f"      « {c.quote} »")
            elif c.quote:
                print(f"      {c.quote}")
            if c.dates:
                days = ", ".join(i18n.format_day(d, lang) for d in c.dates)
                print("      " + i18n.t("plan.dates", lang, dates=days))
        return
    if p.status not in ("optimal", "feasible"):
        print(i18n.t("plan.unknown", lang))
        return
    moves = i18n.count(len(p.moves), "moved", lang)
    print(i18n.t("plan.head", lang, year=p.year, moves=moves,
                 status=i18n.t(f"plan.status.{p.status}", lang)))
    print("  " + i18n.t("plan.scope", lang, occurrences=p.occurrences, movable=p.movable,
                        objective=_number(p.objective, lang), bound=_number(p.bound, lang),
                        gap=_gap(p.gap, lang), seconds=_number(round(p.seconds, 2), lang),
                        rounds=i18n.count(p.rounds, "round", lang)))
    print("  " + i18n.t("plan.counts", lang, before=_counts(p.before, lang),
                        after=_counts(p.after, lang)))
    if not p.moves:
        print(i18n.t("plan.none", lang))
    for m in p.moves:
        print(f"  {i18n.format_short_day(m.before, lang)} → "
              f"{i18n.format_short_day(m.after, lang)}  {m.title.get(lang)}  [{m.ref}]")
        for r in m.reasons:
            head = f"{r.rule}{colon} " if r.rule and r.rule != "pin" else ""
            print(f"      {head}{r.message.get(lang)}")
    if p.unfixable:
        print(i18n.t("plan.unfixable", lang))
        for c in p.unfixable:
            print(f"  {c.rule}{colon} {c.title.get(lang)}")
            if c.quote:
                print(f"      « {c.quote} »")
            if c.dates:
                days = ", ".join(i18n.format_day(d, lang) for d in c.dates)
                print("      " + i18n.t("plan.dates", lang, dates=days))
    if p.introduced:
        print(i18n.t("plan.introduced", lang))
        for f in p.introduced:
            print(f"  {f.rule}{colon} {f.message.get(lang)}")
    elif p.remaining:
        print(i18n.t("plan.remaining", lang, count=i18n.count(len(p.remaining), "error", lang)))
        for f in p.remaining[:10]:
            print(f"  {f.rule}{colon} {f.message.get(lang)}")
        if len(p.remaining) > 10:
            print("  " + i18n.t("out.more", lang, count=len(p.remaining) - 10))
    if written:
        print(i18n.t("plan.written", lang, files=", ".join(sorted(p.files))))
    elif p.moves and not p.introduced:
        print(i18n.t("plan.dry", lang, year=p.year))


def say_circular(findings, lang: str) -> None:
    errors = [f for f in findings if not f.warning]
    if errors:
        print(i18n.t("circ.refused", lang, count=i18n.count(len(errors), "refusal", lang)))
    else:
        if not findings:
            return
        print(i18n.t("circ.warnings", lang,
                     count=i18n.count(len(findings), "warning", lang)))
    for f in errors or findings:
        print("  " + i18n.t("circ.finding", lang, file=f.file, line=f.line, rule=f.rule,
                            message=f.message.get(lang), quote=f.quote))
