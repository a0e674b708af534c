"""Who chairs, serves and attends a meeting on a given date.

Selectors in the configuration (`chef-de-file`, `troika`, `lead`, `leads-of gt-2019`...) become
a `Party`: a label users read, the institutions behind it (for per-institution feeds) and the
role-holders who must be there in person (for conflicts by people).
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta

from .. import i18n
from ..model import Body, InstitutionKind, Model, Party, Role, Term, TermKind, Text


class Resolver:
    def __init__(self, model: Model):
        self.model = model
        self.all_ptf = tuple(sorted(model.institutions))
        # Who a selector designates depends on the year (roles) and on which bodies are in
        # force (eras): the same answer is given for every date between two of these days.
        boundaries = {model.settings.secretariat_handover}
        for item in (*model.bodies.values(), *model.institutions.values()):
            if item.validity.start:
                boundaries.add(item.validity.start)
            if item.validity.end:
                boundaries.add(item.validity.end + timedelta(days=1))
        self._boundaries = sorted(boundaries)
        self._memo: dict[tuple, Party | None] = {}
        self._together: dict[tuple[int, ...], tuple[tuple, tuple[str, ...], tuple[str, ...]]] = {}

    # --- roles -------------------------------------------------------------------------------

    def chef_de_file(self, day: date) -> tuple[str | None, Text | None]:
        """The GEC chair chain (001, A-36): CdF of the year, its deputy, then the outgoing CdF."""
        roles = self.model.roles.get(day.year)
        if roles and roles.chef_de_file:
            return roles.chef_de_file, None
        if roles and roles.cdf_deputy:
            return roles.cdf_deputy, Text(i18n.t("interim.deputy", "fr"),
                                          i18n.t("interim.deputy", "en"))
        previous = self.model.roles.get(day.year - 1)
        if previous and previous.chef_de_file:
            y = day.year - 1
            return previous.chef_de_file, Text(i18n.t("interim.outgoing", "fr", year=y),
                                               i18n.t("interim.outgoing", "en", year=y))
        return None, None

    def secretariat_body(self, day: date) -> str:
        return "seg" if day >= self.model.settings.secretariat_handover else "pool-technique"

    # --- parties -----------------------------------------------------------------------------

    def party(self, selector: tuple[Term, ...], body: Body, day: date) -> Party | None:
        if not selector:
            return None
        # the year matters only through the roles recorded for it and for the year before
        roles = self.model.roles
        year = day.year if day.year in roles or day.year - 1 in roles else None
        key = (selector, body.id, year, bisect_right(self._boundaries, day))
        if key not in self._memo:
            self._memo[key] = self._party(selector, body, day)
        return self._memo[key]

    def everyone(self, *parties: Party | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The institutions and the role-holders of several parties together, first occurrence
        first; memoised, since the same parties come back for every occurrence of a meeting."""
        key = tuple(map(id, parties))
        found = self._together.get(key)
        # the parties are kept with the result: an id is only trusted for the same objects
        if found is None or any(a is not b for a, b in zip(found[0], parties, strict=True)):
            present = [p for p in parties if p]
            found = (parties, union(p.institutions for p in present),
                     union(p.holders for p in present))
            self._together[key] = found
        return found[1], found[2]

    def _party(self, selector: tuple[Term, ...], body: Body, day: date) -> Party:
        parts = [self._term(t, body, day) for t in selector]
        label = Text(", ".join(p.label.fr for p in parts), ", ".join(p.label.en for p in parts))
        institutions = self.model.institutions
        return Party(
            label=label,
            # a partner takes part only while it is there (MINUSMA left on 31 December 2023)
            institutions=tuple(i for i in union(p.institutions for p in parts)
                               if institutions[i].validity.contains(day)),
            holders=union(p.holders for p in parts),
            interim=any(p.interim for p in parts),
        )

    def _name(self, ident: str) -> Text:
        if ident in self.model.institutions:
            return self.model.institutions[ident].short
        return self.model.bodies[ident].short

    def _names(self, idents: tuple[str, ...]) -> Text:
        unknown = Text(i18n.t("role.unknown", "fr"), i18n.t("role.unknown", "en"))
        if not idents:
            return unknown
        names = [self._name(i) for i in idents]
        return Text(", ".join(n.fr for n in names), ", ".join(n.en for n in names))

    def _term(self, term: Term, body: Body, day: date) -> Party:
        m = self.model
        kind = term.kind
        if kind is TermKind.ROLE:
            return self._role(Role(term.ref), day)
        if kind is TermKind.ALL_PTF:
            return Party(Text("Tous les PTF", "All PTF"), self.all_ptf)
        if kind is TermKind.EMBASSIES:  # one per country: France, not the AFD too
            ids = tuple(i for i in self.all_ptf
                        if m.institutions[i].kind is InstitutionKind.BILATERAL
                        and m.institutions[i].delegation == i)
            return Party(Text("ambassadeurs des PTF bilatéraux", "ambassadors of bilateral PTF"),
                         ids)
        if kind is TermKind.INSTITUTION_KIND:
            ids = tuple(i for i in self.all_ptf if m.institutions[i].kind.value == term.ref)
            labels = {"bilateral": ("PTF bilatéraux", "bilateral PTF"),
                      "multilateral": ("PTF multilatéraux", "multilateral PTF"),
                      "un": ("agences des Nations Unies", "UN agencies")}[term.ref]
            return Party(Text(*labels), ids)
        if kind is TermKind.INSTITUTION:
            return Party(m.institutions[term.ref].short, (term.ref,))
        if kind is TermKind.BODY:
            target = m.bodies[term.ref]
            inner = self._party(target.members, target, day) if target.members else None
            return Party(target.short, inner.institutions if inner else (),
                         (f"body:{target.id}",) + (inner.holders if inner else ()))
        if kind is TermKind.GOVERNMENT:
            return Party(Text(i18n.t("government", "fr"), i18n.t("government", "en")))
        if kind is TermKind.LEAD:
            return self._lead(body, day)
        if kind is TermKind.TRIPARTITE:
            return self._tripartite(body, day)
        if kind is TermKind.PARENT:
            if body.parent is None:
                return Party(Text("—", "—"))
            return self._term(Term(TermKind.BODY, body.parent), body, day)
        if kind is TermKind.MEMBERS:
            return self._party(body.members, body, day) if body.members else Party(body.short)
        if kind is TermKind.DIALOGUE_LEADERS:
            groups = [b for b in m.bodies.values()
                      if b.parent == body.id and b.category == "gd" and b.validity.contains(day)]
            return self._many(groups, lambda b: self._lead(b, day),
                              Text("Dialogue Leaders", "Dialogue Leaders"))
        if kind is TermKind.LEADS_OF:
            groups = [b for b in m.bodies.values()
                      if b.category == term.ref and b.validity.contains(day)]
            category = m.categories.get(term.ref) or Text.same(term.ref)
            return self._many(groups, lambda b: self._lead(b, day),
                              Text(f"Coordonnateurs des {category.fr}",
                                   f"Coordinators of the {category.en}"))
        if kind is TermKind.TRIPARTITES_OF:
            groups = [b for b in m.bodies.values()
                      if b.category == term.ref and b.validity.contains(day)]
            return self._many(groups, lambda b: self._tripartite(b, day),
                              Text("Coordinations tripartites", "Tripartite coordinations"))
        raise AssertionError(kind)

    def _many(self, groups: list[Body], one, label: Text) -> Party:
        parts = [one(b) for b in groups]
        return Party(label, union(p.institutions for p in parts),
                     union(p.holders for p in parts))

    def _lead(self, body: Body, day: date) -> Party:
        leads = tuple(i for i in body.lead if self.model.institutions[i].validity.contains(day))
        names = self._names(leads)
        if leads and body.lead_as_of is not None and day.year > body.lead_as_of:
            # a lead known for an earlier year (inferred from 2019 for the Groupes de Dialogue)
            names = Text(f"{names.fr}, à confirmer", f"{names.en}, to be confirmed")
        return Party(Text(f"{body.short.fr} : {names.fr}", f"{body.short.en}: {names.en}"),
                     leads, (f"lead:{body.id}",))

    def _tripartite(self, body: Body, day: date) -> Party:
        roles = self.model.roles.get(day.year)
        members = roles.tripartite.get(body.id, ()) if roles else ()
        names = self._names(members)
        return Party(Text(f"Coordination tripartite ({names.fr})",
                          f"Tripartite coordination ({names.en})"),
                     members, (f"tripartite:{body.id}",))

    def _role(self, role: Role, day: date) -> Party:
        m = self.model
        roles = m.roles.get(day.year)
        if role is Role.CHEF_DE_FILE:
            ident, interim = self.chef_de_file(day)
            name = self._names((ident,) if ident else ())
            fr, en = f"Chef de file des PTF ({name.fr}", f"PTF lead donor ({name.en}"
            if interim:
                fr, en = f"{fr}, {interim.fr}", f"{en}, {interim.en}"
            return Party(Text(fr + ")", en + ")"), (ident,) if ident else (),
                         ("role:chef-de-file",), interim is not None)
        if role is Role.CDF_DEPUTY:
            ident = roles.cdf_deputy if roles else None
            name = self._names((ident,) if ident else ())
            return Party(Text(f"Suppléance du Chef de file ({name.fr})",
                              f"Deputy lead donor ({name.en})"),
                         (ident,) if ident else (), ("role:cdf-deputy",))
        if role is Role.TROIKA:
            members = roles.troika if roles else ()
            name = self._names(members)
            if day < m.settings.reform_effective:  # 000 (2019) says « Troïka Elargie »
                label = Text(f"Troïka élargie ({name.fr})", f"Enlarged Troika ({name.en})")
            else:  # 001 (2020) says « Troïka »
                label = Text(f"Troïka ({name.fr})", f"Troika ({name.en})")
            return Party(label, members, ("role:troika",))
        if role is Role.PTF_SECRETARIAT:
            body = m.bodies[self.secretariat_body(day)]
            return Party(body.short, (), (f"body:{body.id}",))
        if role is Role.UN_COORDINATING_AGENCY:
            ident = roles.un_coordinating_agency if roles else None
            name = self._names((ident,) if ident else ())
            return Party(Text(f"Agence coordinatrice du SNU ({name.fr})",
                              f"UN coordinating agency ({name.en})"),
                         (ident,) if ident else ())
        raise AssertionError(role)


def union(groups) -> tuple[str, ...]:
    """Items of every group, first occurrence first (order matters for stable output)."""
    seen: dict[str, None] = {}
    for group in groups:
        for item in group:
            seen.setdefault(item, None)
    return tuple(seen)
