"""Small, comment-preserving edits of the configuration's YAML files.

The only module that imports ruamel.yaml (a round-trip parser: comments, key order, quoting and
blank lines survive a load and a dump). A file is edited as a tree of `CommentedMap` and
`CommentedSeq`; `Document.text()` gives the file as it would be written. The bundled files use
the house layout (two spaces for a mapping, list items indented by two, no line wrapping), and a
load and dump of any of them with no change gives the same bytes (tested): an edit changes only
the lines of what it changes.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

__all__ = ["Document", "Map", "Seq", "quoted", "flow_list", "flow_map", "new_map"]

Map = CommentedMap
Seq = CommentedSeq


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a long quote onto two lines
    return yaml


class Document:
    """One YAML file being edited."""

    def __init__(self, text: str):
        self.original = text
        self._yaml = _yaml()
        self.data: Any = self._yaml.load(text) if text.strip() else CommentedMap()

    @property
    def keeps_layout(self) -> bool:
        """Does a load and dump give back the file as it is? (False for a file laid out
        another way: an edit then also re-indents it, which the preview's diff shows.)"""
        return self._dump(self._yaml.load(self.original)) == self.original \
            if self.original.strip() else True

    def text(self) -> str:
        return self._dump(self.data)

    def _dump(self, data: Any) -> str:
        out = io.StringIO()
        self._yaml.dump(data, out)
        return out.getvalue()


def quoted(value: str) -> DoubleQuotedScalarString:
    """A free text, written between double quotes as the house files do."""
    return DoubleQuotedScalarString(value)


def flow_list(items: Iterable[Any]) -> CommentedSeq:
    seq = CommentedSeq(list(items))
    seq.fa.set_flow_style()
    return seq


def flow_map(pairs: Iterable[tuple[str, Any]]) -> CommentedMap:
    m = CommentedMap(pairs)
    m.fa.set_flow_style()
    return m


def new_map(pairs: Iterable[tuple[str, Any]]) -> CommentedMap:
    return CommentedMap(pairs)


def items(seq: Any) -> Iterator[tuple[int, CommentedMap]]:
    """(index, mapping) of the mappings of a list (other items are left to validation)."""
    for i, item in enumerate(seq or ()):
        if isinstance(item, CommentedMap):
            yield i, item


def as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def ensure_list(parent: CommentedMap, key: str, after: Iterable[str] = ()) -> CommentedSeq:
    """`parent[key]`, created as an empty block list (after the keys `after`, else at the end)
    when missing or null."""
    current = parent.get(key)
    if isinstance(current, CommentedSeq):
        return current
    seq = CommentedSeq()
    if key in parent:
        parent[key] = seq
        return seq
    keys = list(parent.keys())
    position = len(keys)
    for name in after:  # the first of them present
        if name in keys:
            position = keys.index(name) + 1
            break
    parent.insert(position, key, seq)
    return seq


def remove_item(seq: CommentedSeq, index: int) -> None:
    """Remove an item, keeping the comment lines written above the next item (ruamel keeps
    the comments that follow an item on that item)."""
    del seq[index]


def delete_item(text: str, path: tuple, index: int) -> str:
    """`text` without the `index`-th item of the list at `path` (keys and indexes from the
    root), cut as lines: the comment lines just above the item go with it, the comment lines
    below it (about the next item) stay where they are."""
    yaml = _yaml()
    data = yaml.load(text)
    parent, seq = None, data
    key = None
    for step in path:
        parent, key, seq = seq, step, seq[step]
    lines = text.splitlines(keepends=True)
    start = seq.lc.item(index)[0]
    if len(seq) == 1 and isinstance(parent, CommentedMap):  # the list goes, with its key
        start = parent.lc.key(key)[0]
    if index + 1 < len(seq):
        end = seq.lc.item(index + 1)[0]
    else:
        end = _after_block(parent, key, len(lines))
    # the item's own lines: drop the comments and blank lines at its end (they introduce what
    # follows), and take the comment lines written just above it
    while end > start + 1 and _blank_or_comment(lines[end - 1]):
        end -= 1
    while start > 0 and lines[start - 1].lstrip().startswith("#"):
        start -= 1
    return "".join(lines[:start] + lines[end:])


def _after_block(parent: Any, key: Any, total: int) -> int:
    """The line after the list that is `parent[key]`: the next key of `parent`, or the end."""
    if isinstance(parent, CommentedMap):
        keys = list(parent.keys())
        position = keys.index(key)
        if position + 1 < len(keys):
            return parent.lc.key(keys[position + 1])[0]
    return total


def _blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")
