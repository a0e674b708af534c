"""The configuration folder -> a validated `Model`, or a ConfigError listing every problem.

Files (all YAML, all strict):

    ptfcal.yaml        settings and the defaults RULES.md leaves open
    sources.yaml       the source documents and legal texts rules cite
    institutions.yaml  the PTF institutions
    roles.yaml         Chef de file, deputy, Troïka, UN coordinating agency, tripartites, by year
    bodies/*.yaml      every body, with its era (valid_from / valid_until)
    meetings.yaml      meeting types and deadlines, with their date rules
    holidays.yaml      announced dates of Islamic holidays, one-off days off
    years/YYYY.yaml    what the secretariat recorded for one year

This module reads the folder and puts the pieces together; the schema of every file is in
schema.py (with the domain converters of converters.py), validated records become the model's
objects in build.py, and the cross-file checks run in semantics.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import yaml

from .. import i18n
from ..errors import ConfigError, Mark
from ..model import Body, CheckRule, Institution, Model, SourceText, Text, Validity
from ..text import with_article
from .build import _body, _holidays, _meeting_type, _roles, _settings, _terms, _year
from .reader import (
    INVALID,
    KIND_NAMES,
    Collector,
    Ctx,
    Field,
    Ref,
    load_file,
    read_record,
)
from .schema import FILE_SCHEMAS, SETTINGS_FIELDS, _marked  # noqa: F401 (_marked: re-exported)
from .semantics import _check_refs, _check_semantics

KNOWN_FILES = (
    "ptfcal.yaml",
    "sources.yaml",
    "institutions.yaml",
    "roles.yaml",
    "meetings.yaml",
    "holidays.yaml",
    "checks.yaml",
    "categories.yaml",
)


# --- loading -------------------------------------------------------------------------------------


class _Loader:
    def __init__(self, root: Path, overrides: Mapping[str, str] | None = None,
                 remember: bool = True):
        self.root = root
        self.remember = remember  # keep each file's YAML tree for a second load
        # relative path -> the text an edit would write: validated before it is written
        self.overrides = dict(overrides or {})
        self.out = Collector()
        self.refs: list[Ref] = []
        self.marks: dict[tuple[str, str], Mark] = {}  # (kind, id) -> where it is defined
        # every id written in the files, valid record or not: a broken record must not also
        # make each reference to it an "unknown id" error
        self.raw_ids: dict[str, set[str]] = {}

    def relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def exists(self, path: Path) -> bool:
        return self.relative(path) in self.overrides or path.exists()

    def label(self, path: Path) -> str:
        try:
            return str(Path(self.root.name) / path.relative_to(self.root))
        except ValueError:
            return str(path)

    def read(self, path: Path, schema: dict[str, Field]) -> tuple[dict | None, Ctx]:
        label = self.label(path)
        ctx = Ctx(label, self.out, self.refs)
        before = len(self.out.problems)
        node = load_file(path, label, self.out, self.overrides.get(self.relative(path)),
                         remember=self.remember)
        if node is None:
            if len(self.out.problems) == before:
                self.out.add(Mark(label, 1, 1), "", i18n.text("cfg.empty"))
            return None, ctx
        self._note_raw_ids(node)
        values = read_record(node, "", ctx, schema, Text.same(path.name))
        return (None if values is INVALID else values), ctx

    def _note_raw_ids(self, root: yaml.Node) -> None:
        kinds = {"texts": "text", "institutions": "institution", "bodies": "body",
                 "meeting_types": "meeting-type"}
        if not isinstance(root, yaml.MappingNode):
            return
        for key, items in root.value:
            if not isinstance(key, yaml.ScalarNode):
                continue  # a complex key: reported by the schema
            kind = kinds.get(key.value)
            if kind is None or not isinstance(items, yaml.SequenceNode):
                continue
            for item in items.value:
                if not isinstance(item, yaml.MappingNode):
                    continue
                for k, v in item.value:
                    if (isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode)
                            and k.value in ("id", "category")):
                        bucket = kind if k.value == "id" else "category"
                        self.raw_ids.setdefault(bucket, set()).add(v.value.strip())

    def define(self, kind: str, ident: str, mark: Mark) -> bool:
        key = (kind, ident)
        if key in self.marks:
            first = self.marks[key]
            self.out.add(mark, "id", i18n.text("ld.duplicate-id", kind=KIND_NAMES[kind][0],
                                               ident=repr(ident), first=first))
            return False
        self.marks[key] = mark
        return True


def load(root: Path, overrides: Mapping[str, str] | None = None, *, once: bool = False) -> Model:
    """Load and validate every file of the configuration folder `root`; `overrides` (a path
    relative to `root` -> text) replace or add files, as an edit would leave them.

    The files' YAML trees are remembered for a second load (an edit validates the configuration
    before and after it); `once=True` keeps none of them, each dropped once read, for a process
    that loads the configuration once (`generate`'s peak memory is then ~4 MiB lower)."""
    return _load(Path(root), overrides, not once)


def _load(root: Path, overrides: Mapping[str, str] | None, remember: bool) -> Model:
    ld = _Loader(root, overrides, remember)
    if not (root / "ptfcal.yaml").is_file():
        raise ConfigError([_missing(root)])

    # unknown files are errors: a misspelt file name must not be silently ignored
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_dir() or any(part.startswith((".", "__")) for part in path.parts[-2:]):
            continue
        if path.suffix in (".yaml", ".yml") and not (
            rel in KNOWN_FILES
            or rel == "people.yaml"  # the register of people: read by `lists` only
            or re.fullmatch(r"bodies/[^/]+\.yaml", rel)
            or re.fullmatch(r"years/\d{4}\.yaml", rel)
        ):
            ld.out.add(Mark(ld.label(path), 1, 1), "", i18n.text(
                "ld.unknown-file", known=", ".join(KNOWN_FILES)))

    settings_values, settings_ctx = ld.read(root / "ptfcal.yaml", SETTINGS_FIELDS)
    texts = _load_list(ld, root / "sources.yaml", "texts", "text")
    institutions = _load_list(ld, root / "institutions.yaml", "institutions", "institution")
    roles_values, _ = ld.read(root / "roles.yaml", FILE_SCHEMAS["roles.yaml"])
    bodies: list[tuple[dict, Mark]] = []
    body_files = sorted((root / "bodies").glob("*.yaml"))
    if not body_files:
        ld.out.add(Mark(ld.label(root / "bodies"), 1, 1), "", i18n.text("ld.no-bodies"))
    for path in body_files:
        bodies.extend(_load_list(ld, path, "bodies", "body"))
    meetings = _load_list(ld, root / "meetings.yaml", "meeting_types", "meeting-type")
    holidays_values: dict | None = {}
    if ld.exists(root / "holidays.yaml"):
        holidays_values, _ = ld.read(root / "holidays.yaml", FILE_SCHEMAS["holidays.yaml"])
    years: dict[int, tuple[dict, str]] = {}
    year_files = sorted({
        *(p for p in ((root / "years").glob("*.yaml") if (root / "years").is_dir() else ())
          if re.fullmatch(r"\d{4}\.yaml", p.name)),
        *(root / rel for rel in ld.overrides if re.fullmatch(r"years/\d{4}\.yaml", rel))})
    for path in year_files:  # (another name there is an unknown file, reported above)
        values, ctx = ld.read(path, FILE_SCHEMAS["years/YYYY.yaml"])
        if values is None:
            continue
        if values["year"] != int(path.stem):
            ld.out.add(Mark(ctx.file, 1, 1), "year",
                       i18n.text("ld.year-name", year=values["year"], name=path.name))
            continue
        years[values["year"]] = (values, ctx.file)

    body_ids = {v["id"] for v, _ in bodies}
    categories: dict[str, tuple[str, ...]] = {}
    for v, _ in bodies:
        categories[v["category"]] = (*categories.get(v["category"], ()), v["id"])

    settings = _settings(ld.out, settings_ctx, settings_values)
    model_texts = {v["id"]: SourceText(v["id"], v["title"], v.get("note")) for v, _ in texts}
    model_institutions = {
        v["id"]: Institution(
            v["id"], v["name"], v.get("short") or v["name"], v["kind"],
            article=Text(v.get("article", ""), v.get("article_en", "")),
            delegation=v.get("country") or v["id"],
            validity=Validity(v.get("valid_from"), v.get("valid_until")),
            source=v.get("source"), note=v.get("note"))
        for v, _ in institutions
    }
    model_bodies = {v["id"]: _body(v, m, body_ids, settings) for v, m in bodies}
    bodies_v = {v["id"]: v for v, _ in bodies}
    model_types = {v["id"]: _meeting_type(v, m, body_ids, categories) for v, m in meetings}
    model_roles = _roles(ld.out, roles_values)
    model_holidays = _holidays(ld.out, holidays_values or {})
    model_years = {y: _year(v, f, body_ids) for y, (v, f) in years.items()}
    model_checks = _checks(ld, root, body_ids)
    model_categories, called = _categories(ld, root, bodies)
    model_bodies = {k: _phrased(b, bodies_v[k], called.get(b.category))
                    for k, b in model_bodies.items()}

    _check_refs(ld, categories)
    if not ld.out.problems:
        _check_semantics(ld, model_institutions, model_bodies, model_types, model_roles,
                         model_years, settings)
    if ld.out.problems or settings is None:
        raise ConfigError(ld.out.problems)
    return Model(
        settings=settings,
        texts=model_texts,
        institutions=model_institutions,
        bodies=model_bodies,
        meeting_types=model_types,
        roles=model_roles,
        holidays=model_holidays,
        years=model_years,
        checks=model_checks,
        config_dir=str(root),
        categories=model_categories,
    )


def _phrased(body: Body, v: dict, called: Text | None) -> Body:
    """The body with its name in a sentence: its own article, else its category's pattern."""
    if "article" in v or "article_en" in v:
        phrase = Text(with_article(v.get("article", ""), body.name.fr),
                      with_article(v.get("article_en", ""), body.name.en))
    elif called is not None:
        phrase = Text(called.fr.replace("{name}", body.name.fr),
                      called.en.replace("{name}", body.name.en))
    else:
        return body
    return replace(body, phrase=phrase)


def _categories(ld: _Loader, root: Path, bodies: list[tuple[dict, Mark]]
                ) -> tuple[dict[str, Text], dict[str, Text]]:
    """The name of every family of bodies: messages and feeds name them, never by their id;
    and how one of its bodies is called in a sentence, where the file says."""
    names: dict[str, Text] = {}
    called: dict[str, Text] = {}
    path = root / "categories.yaml"
    if ld.exists(path):
        values, _ = ld.read(path, FILE_SCHEMAS["categories.yaml"])
        for v in (values or {}).get("categories", ()):
            if v["id"] in names:
                ld.out.add(v["_mark"], "id", i18n.text("ld.duplicate-id", kind=Text(
                    "une catégorie", "a category"), ident=repr(v["id"]), first="categories.yaml"))
            names[v["id"]] = v["name"]
            if v.get("called"):
                called[v["id"]] = v["called"]
    for v, mark in bodies:
        if v["category"] not in names:
            ld.out.add(mark, "category", i18n.text("ld.category-name",
                                                   category=repr(v["category"])))
            names[v["category"]] = Text.same(v["category"])  # said once
    return names, called


def _missing(root: Path):
    from ..errors import Problem

    return Problem(Mark(str(root / "ptfcal.yaml"), 1, 1), "", i18n.text("ld.not-config"))


def _load_list(ld: _Loader, path: Path, key: str, kind: str) -> list[tuple[dict, Mark]]:
    schema = FILE_SCHEMAS["bodies/*.yaml"] if key == "bodies" else next(
        s for s in FILE_SCHEMAS.values() if key in s
    )
    if not ld.exists(path):
        ld.out.add(Mark(ld.label(path), 1, 1), "", i18n.text("ld.missing-file", key=key))
        return []
    values, _ = ld.read(path, schema)
    result = []
    for item in (values or {}).get(key, ()):
        if ld.define(kind, item["id"], item["_mark"]):
            result.append((item, item["_mark"]))
    return result




def _checks(ld: _Loader, root: Path, body_ids: set[str]) -> tuple[CheckRule, ...]:
    from ..checks.kinds import KINDS

    path = root / "checks.yaml"
    if not ld.exists(path):
        return ()
    values, ctx = ld.read(path, FILE_SCHEMAS["checks.yaml"])
    result = []
    seen: set[str] = set()
    for v in (values or {}).get("checks", ()):
        mark = v["_mark"]
        if v["id"] in seen:
            ld.out.add(mark, "id", i18n.text("ld.rule-twice", rule=v["id"]))
            continue
        seen.add(v["id"])
        kind = KINDS.get(v["check"])
        if kind is None:
            ld.out.add(mark, "check", i18n.text("ld.check-kind", value=repr(v["check"]),
                                                kinds=", ".join(sorted(KINDS))))
            continue
        params = set(v) - {"id", "title", "check", "severity", "lesser", "note", "source",
                           "_mark"}
        for key in sorted(params - kind.allowed):
            ld.out.add(mark, key, i18n.text("ld.check-param", key=key, kind=repr(v["check"]),
                                            takes=", ".join(sorted(kind.allowed)) or "—"))
        # an empty list gives a kind nothing to check (`of: []`): as good as missing
        given = {key for key in params if v[key] != ()}
        for key in sorted(kind.required - given):
            ld.out.add(mark, key, i18n.text("ld.check-needs", kind=repr(v["check"]), key=key))
        # `same-event` compares two meeting types: one alone (or three) has no pair to compare
        if v["check"] == "same-event" and "of" in given and len(v["of"]) != 2:
            ld.out.add(mark, "of", i18n.text("ld.check-pair", kind=repr(v["check"]),
                                             count=len(v["of"])))
        day = v.get("day")
        result.append(CheckRule(
            id=v["id"], kind=v["check"], severity=v["severity"], title=v["title"],
            source=v["source"], of=v.get("of", ()), then=v.get("then", ()), per=v.get("per"),
            months=v.get("months"), by=v.get("by"), exactly=v.get("exactly"),
            at_least=v.get("at_least"), at_most=v.get("at_most"), lesser=v.get("lesser"),
            max_gap_days=v.get("max_gap_days"),
            day=(day[0], int(day[1])) if day else None, deadline=v.get("deadline"),
            late=v.get("late"), days=v.get("days"), mode=v.get("mode", "all"),
            examines=v.get("field"), values=tuple(v.get("values", ())),
            expected=_terms(v.get("expected"), body_ids) or (),
            categories=tuple(v.get("categories", ())), from_reform=v.get("from_reform", False),
            from_year=v.get("from_year"), also_enlarged_to=v.get("also_enlarged_to"),
            counts=dict(v.get("counts", {})), note=v.get("note"), mark=mark,
        ))
    return tuple(result)
