"""Converters that know the domain vocabulary: weekdays and months, selectors of who takes
part, who holds a meeting type, era dates. They read YAML nodes like reader.py's converters."""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..model import InstitutionKind, Role, Term, TermKind, Text
from . import vocab
from .reader import ID_RE, INVALID, Conv, Date, IdRef, ListOf


class Vocab(Conv):
    """A string parsed by one of the `vocab` functions."""

    def __init__(self, parse: Any, expected: Text):
        self.parse = parse
        self.expected = expected

    def __call__(self, node, path, ctx):
        value = self.scalar(node, path, ctx)
        if value is None:
            return INVALID
        try:
            return self.parse(value)
        except vocab.VocabError as exc:
            return ctx.problem(node, path, exc.text)


WORD_TERMS = {
    "all-ptf": Term(TermKind.ALL_PTF),
    "lead": Term(TermKind.LEAD),
    "tripartite": Term(TermKind.TRIPARTITE),
    "dialogue-leaders": Term(TermKind.DIALOGUE_LEADERS),
    "members": Term(TermKind.MEMBERS),
    "parent": Term(TermKind.PARENT),
    "government": Term(TermKind.GOVERNMENT),
    "embassies": Term(TermKind.EMBASSIES),
    **{k.value: Term(TermKind.INSTITUTION_KIND, k.value) for k in InstitutionKind},
    **{r.value: Term(TermKind.ROLE, r.value) for r in Role},
}


class SelectorConv(Conv):
    _words = ("chef-de-file, cdf-deputy, troika, ptf-secretariat, un-coordinating-agency, "
              "all-ptf, bilateral, embassies, multilateral, un, lead, tripartite, "
              "dialogue-leaders, members, parent, government, leads-of <category>, "
              "tripartites-of <category>")
    expected = Text(f"un rôle ou un groupe ({_words}), ou l'identifiant d'une institution ou "
                    "d'une instance ; un seul ou une liste",
                    f"who: a role or group ({_words}), or the id of an institution or a body; "
                    "one or a list")

    def __call__(self, node, path, ctx):
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        terms = []
        for i, item in enumerate(items):
            p = f"{path}[{i}]" if isinstance(node, yaml.SequenceNode) else path
            if not isinstance(item, yaml.ScalarNode) or not item.value.strip():
                return self.fail(item, p, ctx)
            word = item.value.strip()
            m = re.fullmatch(r"(leads-of|tripartites-of) ([a-z0-9-]+)", word)
            if m:
                ctx.ref("category", m[2], item, p)
                terms.append(Term(TermKind(m[1]), m[2]))
            elif word in WORD_TERMS:
                terms.append(WORD_TERMS[word])
            elif ID_RE.match(word):
                ctx.ref("party", word, item, p)
                # a body or an institution: told apart once every file is read
                terms.append(Term(TermKind.INSTITUTION, word))
            else:
                return self.fail(item, p, ctx)
        return tuple(terms)


class HeldBy(Conv):
    expected = Text("un identifiant d'instance, « every <catégorie> », ou une liste",
                    "a body id, 'every <category>', or a list of them")

    def __call__(self, node, path, ctx):
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        result = []
        for i, item in enumerate(items):
            p = f"{path}[{i}]" if isinstance(node, yaml.SequenceNode) else path
            if not isinstance(item, yaml.ScalarNode):
                return self.fail(item, p, ctx)
            m = re.fullmatch(r"every ([a-z0-9-]+)", item.value.strip())
            if m:
                ctx.ref("category", m[1], item, p)
                result.append(("every", m[1]))
                continue
            ident = IdRef("body")(item, p, ctx)
            if ident is INVALID:
                return INVALID
            result.append(("id", ident))
        return tuple(result)


class EraDate(Conv):
    """A date, or the name of a date set in ptfcal.yaml (so an era changes in one place)."""

    expected = Text("une date AAAA-MM-JJ, « reform » ou « secretariat-handover »",
                    "a date YYYY-MM-DD, 'reform' or 'secretariat-handover'")

    def __call__(self, node, path, ctx):
        if isinstance(node, yaml.ScalarNode) and node.value.strip() in ("reform",
                                                                        "secretariat-handover"):
            return node.value.strip()
        return Date()(node, path, ctx)


WEEKDAY = Vocab(vocab.weekday, Text(f"un jour de la semaine ({vocab.WEEKDAY_HELP})",
                                    f"a weekday ({vocab.WEEKDAY_HELP})"))


class Months(Conv):
    expected = Text("des mois : « all except august », ou une liste comme [april, october] "
                    f"({vocab.MONTH_HELP})",
                    "months: 'all except august', or a list such as [april, october] "
                    f"({vocab.MONTH_HELP})")

    def __call__(self, node, path, ctx):
        if isinstance(node, yaml.SequenceNode):
            month = Vocab(vocab.month, Text(f"un mois ({vocab.MONTH_HELP})",
                                            f"a month ({vocab.MONTH_HELP})"))
            found = ListOf(month)(node, path, ctx)
            return INVALID if found is INVALID else tuple(sorted(set(found)))
        return Vocab(vocab.months, self.expected)(node, path, ctx)



class Within(Conv):
    """The group(s) a seat rule's seats belong to, relative to the occurrence's body."""

    WORDS = ("self", "parent", "facing", "paired")
    expected = Text("self (l'instance de la réunion), parent (l'instance au-dessus), facing (les "
                    "Groupes de Dialogue en face de la CPS), paired (les Groupes de Dialogue "
                    "jumelés au cluster), « every <catégorie> » ou un identifiant d'instance",
                    "self (the meeting's body), parent (the body above), facing (the Groupes "
                    "de Dialogue facing the CPS), paired (the Groupes de Dialogue paired with "
                    "the cluster), 'every <category>' or a body id")

    def __call__(self, node, path, ctx):
        value = self.scalar(node, path, ctx)
        if value is None:
            return INVALID
        word = value.strip()
        if word in self.WORDS:
            return (word, "")
        m = re.fullmatch(r"every ([a-z0-9-]+)", word)
        if m:
            ctx.ref("category", m[1], node, path)
            return ("every", m[1])
        ident = IdRef("body")(node, path, ctx)
        return INVALID if ident is INVALID else ("id", ident)
