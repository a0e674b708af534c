"""Read YAML as marked nodes and convert them against a small declarative schema.

ptfcal never constructs Python objects from YAML: it composes the node tree (safe, with the C
parser when available) and converts each scalar itself, so every value keeps its file:line:column,
duplicate keys are caught, `09:00` stays a time and `on` stays a word. Aliases, custom tags and
oversized files are refused before any work is done on them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, time
from enum import Enum
from pathlib import Path
from typing import Any

import yaml

from ..errors import Mark, Problem
from ..fileio import NotRegular, TooBig, read_bounded
from ..i18n import Counted
from ..i18n import text as msg
from ..text import Text

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 50_000  # values per file; the largest bundled file has 1,500
MAX_DEPTH = 50  # the bundled configuration nests 7 deep
MAX_TEXT = 2_000  # characters of one value: the longest bundled quote has 267; a text is copied
# into every event and feed that shows it, so one huge note would make gigabytes of feeds
STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

INVALID: Any = object()  # a conversion that failed (its problem is already reported)

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# characters of an id: it is copied into every UID, feed name and state entry that uses it (the
# longest bundled one has 42; a 100 KB `--key` once grew a year's publication from 7.8 to 20 MB)
MAX_ID = 64


@dataclass
class Collector:
    """Gathers every problem across every file, so that all are reported at once."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, mark: Mark | None, path: str, message: Text) -> None:
        self.problems.append(Problem(mark, path, message))


def mark_of(file: str, node: yaml.Node) -> Mark:
    return Mark(file, node.start_mark.line + 1, node.start_mark.column + 1)


def load_file(path: Path, label: str, out: Collector, text: str | None = None,
              remember: bool = True) -> yaml.Node | None:
    """Compose one YAML file into a node tree, or report why it cannot be read; `text`: its
    content as an edit would leave it (checked before anything is written); `remember`: keep
    the tree for the next load of the same text."""
    if text is not None:
        if len(text.encode("utf-8")) > MAX_FILE_BYTES:
            out.add(Mark(label, 1, 1), "", msg("cfg.too-big", size=f"{len(text):,}",
                                               limit=f"{MAX_FILE_BYTES:,}"))
            return None
        try:
            return _compose_once(text, label, out, remember)
        except yaml.MarkedYAMLError as exc:
            m = exc.problem_mark or exc.context_mark
            mark = Mark(label, m.line + 1, m.column + 1) if m else Mark(label, 1, 1)
            out.add(mark, "", explain_yaml(exc.problem or exc.context or "?"))
            return None
    try:
        # a pipe or /dev/zero would never end: a regular file only, read up to the limit
        raw = read_bounded(path, MAX_FILE_BYTES)
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        out.add(Mark(label, line, 1), "", msg("cfg.not-utf8"))
        return None
    except TooBig as exc:
        out.add(Mark(label, 1, 1), "", msg("cfg.too-big", size=f"{exc.size:,}",
                                           limit=f"{MAX_FILE_BYTES:,}"))
        return None
    except NotRegular:
        out.add(Mark(label, 1, 1), "", msg("cfg.cannot-read", why=msg("file.not-regular")))
        return None
    except OSError as exc:
        out.add(Mark(label, 1, 1), "", msg("cfg.cannot-read", why=exc.strerror))
        return None
    try:
        return _compose_once(text, label, out, remember)
    except yaml.MarkedYAMLError as exc:
        m = exc.problem_mark or exc.context_mark
        mark = Mark(label, m.line + 1, m.column + 1) if m else Mark(label, 1, 1)
        out.add(mark, "", explain_yaml(exc.problem or exc.context or "?"))
        return None
    except yaml.YAMLError as exc:
        out.add(Mark(label, 1, 1), "", explain_yaml(str(exc)))
        return None


# The parser's messages, said in the user's language. Its own limits (libyaml stops nesting
# at 1,000 levels in some releases) are reported as ptfcal's: the message must not depend on
# which limit is met first.
_YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    (r"exceeded maximum nesting depth", "cfg.too-deep"),
    (r"found character '\\t' that cannot start any token|found a tab character",
     "yaml.tab"),
    (r"mapping values are not allowed", "yaml.colon"),
    (r"did not find expected '-' indicator", "yaml.dash"),
    (r"did not find expected key", "yaml.key"),
    (r"could not find expected ':'", "yaml.no-colon"),
    (r"did not find expected node content|expected the node content", "yaml.node"),
    (r"found unexpected end of stream|found end of stream", "yaml.end"),
    (r"did not find expected ',' or '\]'|expected ',' or '\]'", "yaml.flow-seq"),
    (r"did not find expected ',' or '\}'|expected ',' or '\}'", "yaml.flow-map"),
    (r"found unexpected ':'", "yaml.colon"),
    (r"expected <block end>|did not find expected <document start>", "yaml.indent"),
    (r"found unknown escape character|found unexpected character", "yaml.escape"),
    (r"control characters are not allowed|special characters are not allowed|"
     r"unacceptable character", "yaml.control"),
    (r"found character .*that cannot start any token", "yaml.start"),
    (r"expected a single document", "yaml.documents"),
    (r"found duplicate anchor|found undefined alias|expected alias or anchor", "cfg.alias"),
)


def explain_yaml(problem: str) -> Text:
    """A YAML parser's problem as a message of ptfcal's, in both languages (the parser's own
    words in parentheses when it is not one ptfcal knows)."""
    for pattern, key in _YAML_PROBLEMS:
        if re.search(pattern, problem):
            return msg(key, limit=MAX_DEPTH) if key == "cfg.too-deep" else msg(key)
    return msg("cfg.invalid-yaml", what=problem)


_COMPOSED: dict[str, yaml.Node] = {}  # text -> its tree (never changed once built)


def _compose_once(text: str, label: str, out: Collector, remember: bool) -> yaml.Node | None:
    """`_compose`, remembered for texts that compose without a problem: an edit validates the
    configuration twice (before and after), and most files are the same both times. A process
    that loads once remembers nothing (the trees of the bundled configuration are ~3 MiB)."""
    node = _COMPOSED.get(text)
    if node is not None:
        return node
    before = len(out.problems)
    node = _compose(text, label, out)
    if remember and node is not None and len(out.problems) == before:
        if len(_COMPOSED) >= 64:
            _COMPOSED.pop(next(iter(_COMPOSED)))
        _COMPOSED[text] = node
    return node


def _compose(text: str, label: str, out: Collector) -> yaml.Node | None:
    """The node tree of a single-document YAML text, built from the parser's events without
    recursion (PyYAML's composer recurses once per level: a deeply nested file would exhaust
    the stack). Aliases, non-standard tags, trees deeper than MAX_DEPTH and files of more than
    MAX_NODES values are refused as soon as they are met, before the tree grows further."""

    def at(event) -> Mark:
        return Mark(label, event.start_mark.line + 1, event.start_mark.column + 1)

    loader = _Loader(text)
    try:
        root: yaml.Node | None = None
        # the open collections; for a mapping, the key waiting for its value
        stack: list[list] = []
        count = documents = 0
        ok = True
        while True:
            event = loader.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    out.add(at(event), "", msg("yaml.documents"))
                    return None
                continue
            if isinstance(event, yaml.AliasEvent):
                out.add(at(event), "", msg("cfg.alias"))
                return None
            if isinstance(event, yaml.CollectionEndEvent):
                node = stack.pop()[0]
                node.end_mark = event.end_mark
            elif isinstance(event, yaml.NodeEvent):
                count += 1
                if count > MAX_NODES:
                    out.add(at(event), "", msg("cfg.too-many", limit=f"{MAX_NODES:,}"))
                    return None
                node = _node(loader, event)
                if node.tag not in STANDARD_TAGS:
                    out.add(at(event), "", msg(
                        "cfg.tag", tag=repr(node.tag.replace("tag:yaml.org,2002:", "!!"))))
                    ok = False
                if isinstance(event, yaml.CollectionStartEvent):
                    if len(stack) >= MAX_DEPTH:
                        out.add(at(event), "", msg("cfg.too-deep", limit=MAX_DEPTH))
                        return None
                    stack.append([node, None])
                    continue
            else:
                continue  # stream and document boundaries
            if not stack:
                root = node
            elif isinstance(stack[-1][0], yaml.SequenceNode):
                stack[-1][0].value.append(node)
            elif stack[-1][1] is None:
                stack[-1][1] = node
            else:
                stack[-1][0].value.append((stack[-1][1], node))
                stack[-1][1] = None
        return root if ok else None
    finally:
        loader.dispose()


def _node(loader, event) -> yaml.Node:
    """The node an event opens, its tag resolved as PyYAML's composer would."""
    tag = event.tag
    if isinstance(event, yaml.ScalarEvent):
        if tag is None or tag == "!":
            tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        return yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark,
                               style=event.style)
    kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
    if tag is None or tag == "!":
        tag = loader.resolve(kind, None, event.implicit)
    return kind(tag, [], event.start_mark, None, flow_style=event.flow_style)


# --- conversion context -------------------------------------------------------------------------


@dataclass
class Ref:
    """A reference to an id of some kind, checked once every file is read."""

    kind: str
    value: str
    mark: Mark
    path: str


@dataclass
class Ctx:
    file: str
    out: Collector
    refs: list[Ref]

    def mark(self, node: yaml.Node) -> Mark:
        return mark_of(self.file, node)

    def problem(self, node: yaml.Node | None, path: str, message: Text) -> Any:
        self.out.add(self.mark(node) if node is not None else Mark(self.file, 1, 1), path, message)
        return INVALID

    def ref(self, kind: str, value: str, node: yaml.Node, path: str) -> None:
        self.refs.append(Ref(kind, value, self.mark(node), path))


def show(node: yaml.Node) -> Text:
    """The bad value as the user wrote it, short."""
    if isinstance(node, yaml.ScalarNode):
        value = node.value
        return Text.same(repr(value if len(value) <= 60 else value[:57] + "..."))
    if isinstance(node, yaml.MappingNode):
        return Text("une table", "a mapping")
    return Text("une liste", "a list")


def is_null(node: yaml.Node | None) -> bool:
    return node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"))


# --- converters ----------------------------------------------------------------------------------


class Conv:
    """Converts a node to a value, reporting problems; `expected` is used in messages and docs."""

    expected = Text("une valeur", "a value")

    def __call__(self, node: yaml.Node, path: str, ctx: Ctx) -> Any:
        raise NotImplementedError

    def fail(self, node: yaml.Node, path: str, ctx: Ctx, detail: Text | str = "") -> Any:
        if isinstance(detail, str):
            detail = Text.same(f" ({detail})" if detail else "")
        return ctx.problem(node, path, msg("cfg.not-expected", value=show(node),
                                           expected=self.expected, detail=detail))

    def scalar(self, node: yaml.Node, path: str, ctx: Ctx) -> str | None:
        if not isinstance(node, yaml.ScalarNode) or is_null(node):
            self.fail(node, path, ctx)
            return None
        return node.value


A_TEXT = Text("un texte", "a text")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")  # control characters but tab and newline


class Str(Conv):
    def __init__(self, expected: Text = A_TEXT, pattern: re.Pattern[str] | None = None):
        self.expected = expected
        self.pattern = pattern

    def __call__(self, node, path, ctx):
        value = self.scalar(node, path, ctx)
        if value is None:
            return INVALID
        value = value.strip()
        if not value or (self.pattern and not self.pattern.match(value)):
            return self.fail(node, path, ctx)
        if _CONTROL.search(value):
            return self.fail(node, path, ctx, msg("cfg.control"))
        if len(value) > MAX_TEXT:
            return ctx.problem(node, path, msg("cfg.too-long", size=f"{len(value):,}",
                                               limit=f"{MAX_TEXT:,}"))
        return value


KIND_NAMES = {
    # kind of id -> (how it is expected, how an unknown one is named), French and English
    "body": (Text("un identifiant d'instance", "the id of a body"),
             Text("une instance connue", "a known body")),
    "institution": (Text("un identifiant d'institution", "the id of an institution"),
                    Text("une institution connue", "a known institution")),
    "meeting-type": (Text("un identifiant de type de réunion", "the id of a meeting type"),
                     Text("un type de réunion connu", "a known meeting type")),
    "text": (Text("un identifiant de texte source", "the id of a source text"),
             Text("un texte source connu (sources.yaml)", "a known source text (sources.yaml)")),
    "category": (Text("une catégorie d'instances", "a body category"),
                 Text("une catégorie d'instances connue", "a known body category")),
    "party": (Text("un identifiant d'institution ou d'instance", "the id of an institution or "
                   "a body"),
              Text("une institution ou une instance connue", "a known institution or body")),
    "party-or-category": (Text("une institution, une instance ou une catégorie",
                               "an institution, a body or a category"),
                          Text("une institution, une instance ou une catégorie connue",
                               "a known institution, body or category")),
}


class IdRef(Conv):
    """An id (kebab-case); with a kind, it must name an existing thing of that kind."""

    def __init__(self, kind: str | None = None):
        self.kind = kind
        self.expected = (KIND_NAMES[kind][0] if kind
                         else Text("un identifiant (minuscules et tirets)", "an id (kebab-case)"))

    def __call__(self, node, path, ctx):
        value = self.scalar(node, path, ctx)
        if value is None:
            return INVALID
        if not ID_RE.match(value):
            return ctx.problem(node, path, msg("cfg.bad-id", value=show(node)))
        if len(value) > MAX_ID:
            return ctx.problem(node, path, msg("cfg.long-id", value=show(node),
                                               length=len(value), limit=MAX_ID))
        if self.kind:
            ctx.ref(self.kind, value, node, path)
        return value


class Int(Conv):
    def __init__(self, low: int, high: int):
        self.low, self.high = low, high
        self.expected = Text(f"un nombre entier de {low} à {high}",
                             f"a whole number from {low} to {high}")

    def __call__(self, node, path, ctx):
        value = self.scalar(node, path, ctx)
        if value is None:
            return INVALID
        if not re.fullmatch(r"[+-]?\d{1,9}", value.strip()):
            return self.fail(node, path, ctx)
        number = int(value)
        if not self.low <= number <= self.high:
            return self.fail(node, path, ctx)
        return number


class Bool(Conv):
    expected = Text("true ou false", "true or false")

    def __call__(self, node, path, ctx):
        value = self.scalar(node, path, ctx)
        if value is None:
            return INVALID
        if value.lower() in ("true", "yes", "oui", "vrai"):
            return True
        if value.lower() in ("false", "no", "non", "faux"):
            return False
        return self.fail(node, path, ctx)


class Date(Conv):
    expected = Text("une date écrite AAAA-MM-JJ", "a date written YYYY-MM-DD")

    def __call__(self, node, path, ctx):
        value = self.scalar(node, path, ctx)
        if value is None:
            return INVALID
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            return self.fail(node, path, ctx)
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return ctx.problem(node, path, msg("cfg.no-such-day", value=repr(value.strip())))


_TIME = r"([01]?\d|2[0-3])[:hH]([0-5]\d)"


class TimeOfDay(Conv):
    expected = Text("une heure comme « 12:30 »", "a time of day such as '12:30'")

    def __call__(self, node, path, ctx):
        value = self.scalar(node, path, ctx)
        if value is None:
            return INVALID
        m = re.fullmatch(rf"\s*{_TIME}\s*", value)
        if not m:
            return self.fail(node, path, ctx)
        return time(int(m[1]), int(m[2]))


class TimeRange(Conv):
    expected = Text("une plage horaire comme 09:00-12:00", "a time range such as 09:00-12:00")

    def __call__(self, node, path, ctx):
        from ..model import TimeSlot

        value = self.scalar(node, path, ctx)
        if value is None:
            return INVALID
        m = re.fullmatch(rf"\s*{_TIME}\s*[-–]\s*{_TIME}\s*", value)
        if not m:
            return self.fail(node, path, ctx)
        start = time(int(m[1]), int(m[2]))
        end = time(int(m[3]), int(m[4]))
        if end <= start:
            return ctx.problem(node, path, msg("cfg.end-before-start", value=show(node)))
        return TimeSlot(start, end)


class Choice(Conv):
    """One word from a closed vocabulary (an Enum), with accepted synonyms (French names...)."""

    def __init__(self, enum: type[Enum], what: Text, synonyms: dict[str, Any] | None = None):
        self.enum = enum
        self.words: dict[str, Any] = {str(m.value): m for m in enum}
        for name, member in (synonyms or {}).items():
            self.words[name] = member
        shown = " / ".join(str(m.value) for m in enum)
        self.expected = what + f" ({shown})"

    def __call__(self, node, path, ctx):
        value = self.scalar(node, path, ctx)
        if value is None:
            return INVALID
        key = value.strip().lower()
        if key in self.words:
            return self.words[key]
        return self.fail(node, path, ctx)


class ListOf(Conv):
    def __init__(self, item: Conv, single_ok: bool = True, min_items: int = 0):
        self.item = item
        self.single_ok = single_ok
        self.min_items = min_items
        self.expected = Text(f"une liste ({item.expected.fr})", f"a list of {item.expected.en}")

    def __call__(self, node, path, ctx):
        if isinstance(node, yaml.SequenceNode):
            items = [self.item(n, f"{path}[{i}]", ctx) for i, n in enumerate(node.value)]
        elif self.single_ok and isinstance(node, yaml.ScalarNode) and not is_null(node):
            items = [self.item(node, path, ctx)]
        else:
            return self.fail(node, path, ctx)
        if any(i is INVALID for i in items):
            return INVALID
        if len(items) < self.min_items:
            return ctx.problem(node, path, msg("cfg.min-items",
                                               count=Counted(self.min_items, "item")))
        return tuple(items)


class MapOf(Conv):
    """A mapping from ids to values (e.g. GT PTF id -> its tripartite institutions)."""

    def __init__(self, key: Conv, value: Conv):
        self.key, self.value = key, value
        self.expected = Text(f"une table : {key.expected.fr} → {value.expected.fr}",
                             f"a mapping of {key.expected.en} to {value.expected.en}")

    def __call__(self, node, path, ctx):
        if not isinstance(node, yaml.MappingNode):
            return self.fail(node, path, ctx)
        result: dict[Any, Any] = {}
        ok = True
        for key_node, value_node in node.value:
            key = self.key(key_node, path, ctx)
            if key is INVALID:
                ok = False
                continue
            if key in result:
                ok = ctx.problem(key_node, f"{path}.{key}", msg("cfg.duplicate-key")) and False
                continue
            value = self.value(value_node, f"{path}.{key}", ctx)
            if value is INVALID:
                ok = False
            result[key] = value
        return result if ok else INVALID


class TextConv(Conv):
    """A user-facing text: one string (same in both languages) or {fr: ..., en: ...}."""

    expected = Text("un texte, ou une table avec fr: et en:",
                    "a text, or a mapping with fr: and en:")

    def __call__(self, node, path, ctx):
        from ..model import Text

        if isinstance(node, yaml.ScalarNode):
            value = Str()(node, path, ctx)
            return INVALID if value is INVALID else Text(value, value)
        if isinstance(node, yaml.MappingNode):
            values = read_record(node, path, ctx, TEXT_FIELDS)
            if values is INVALID:
                return INVALID
            return Text(values["fr"], values.get("en") or values["fr"])
        return self.fail(node, path, ctx)


@dataclass(frozen=True)
class Field:
    conv: Conv
    required: bool = False
    doc: str = ""
    default: Any = None


TEXT_FIELDS = {
    "fr": Field(Str(), True, "French (the reference text)"),
    "en": Field(Str(), False, "English (defaults to the French)"),
}


class Record(Conv):
    """A mapping with a fixed set of keys: unknown keys are errors (a typo must not pass)."""

    def __init__(
        self, name: Text, fields: dict[str, Field], build: Callable[..., Any] | None = None
    ):
        self.name = name
        self.fields = fields
        self.build = build
        self.expected = Text(f"une table ({name.fr})", f"a mapping ({name.en})")

    def __call__(self, node, path, ctx):
        values = read_record(node, path, ctx, self.fields, self.name)
        if values is INVALID:
            return INVALID
        if self.build is None:
            return values
        return self.build(values, node, path, ctx)


def read_record(
    node: yaml.Node, path: str, ctx: Ctx, fields: dict[str, Field], name: Text | None = None
) -> Any:
    """Convert a mapping key by key; report unknown, duplicate and missing keys."""
    if not isinstance(node, yaml.MappingNode):
        what = (Text(f"une table ({name.fr})", f"a mapping ({name.en})") if name
                else Text("une table", "a mapping"))
        return ctx.problem(node, path, msg("cfg.not-mapping", value=show(node), what=what,
                                           keys=", ".join(fields)))
    values: dict[str, Any] = {}
    seen: dict[str, yaml.Node] = {}
    seen_values: dict[str, yaml.Node] = {}  # key -> value node, so builders can point at it
    ok = True
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        key_path = f"{path}.{key}" if path else str(key)
        if key is None:
            ctx.problem(key_node, path, msg("cfg.key-word"))
            ok = False
            continue
        if key in seen:
            first = ctx.mark(seen[key])
            ctx.problem(key_node, key_path, msg("cfg.duplicate-key-at", line=first.line))
            ok = False
            continue
        seen[key] = key_node
        seen_values[key] = value_node
        spec = fields.get(key)
        if spec is None:
            hint = _closest(key, list(fields))
            ctx.problem(key_node, key_path, msg(
                "cfg.unknown-key", key=repr(key),
                hint=msg("cfg.did-you-mean", hint=repr(hint)) if hint else "",
                allowed=", ".join(fields)))
            ok = False
            continue
        if is_null(value_node):
            if spec.required:
                ctx.problem(value_node, key_path, msg("cfg.value-required",
                                                      expected=spec.conv.expected))
                ok = False
            continue
        value = spec.conv(value_node, key_path, ctx)
        if value is INVALID:
            ok = False
        else:
            values[key] = value
    values["_nodes"] = seen_values
    for key, spec in fields.items():
        if spec.required and key not in seen:
            ctx.problem(node, f"{path}.{key}" if path else key,
                        msg("cfg.missing-key", key=repr(key), expected=spec.conv.expected))
            ok = False
        elif key not in values and spec.default is not None:
            values[key] = spec.default
    return values if ok else INVALID


def _closest(word: str, choices: list[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.75)
    return found[0] if found else None


def walk_fields(fields: dict[str, Field], prefix: str = "") -> Iterator[tuple[str, Field]]:
    """Every documented key, for the generated configuration reference."""
    for key, spec in fields.items():
        yield prefix + key, spec
        inner = spec.conv.item if isinstance(spec.conv, ListOf) else spec.conv
        if isinstance(inner, Record):
            yield from walk_fields(inner.fields, prefix + key + (".[]." if
                                   isinstance(spec.conv, ListOf) else "."))
