"""The command line's own errors (an unknown option, a missing argument, a value not among the
choices…) in the user's language.

click (vendored by recent typer as `typer._click`) words them in English; `main` runs the
application without click's standalone handling and hands each of its exceptions here, which
says the same thing in French unless `--lang en` was given. The exceptions are recognised by
their class names and read through their attributes, so that click's own copy and typer's both
work; a message this module does not know keeps click's English words after the French frame.
Imported only when such an error happens: start-up pays nothing.
"""

from __future__ import annotations

import re
import sys

from .. import i18n
from .helptext import language  # noqa: F401 (the command line's language, said here too)


def is_usage_error(exc: BaseException) -> bool:
    return "ClickException" in _names(exc)


def is_abort(exc: BaseException) -> bool:
    return "Abort" in _names(exc)


def _names(exc: BaseException) -> set[str]:
    return {cls.__name__ for cls in type(exc).__mro__}


def report(exc, lang: str) -> int:
    """Print click's error `exc` on stderr in `lang`; its exit code."""
    names = _names(exc)
    if lang != "fr" or "NoArgsIsHelpError" in names:
        exc.show()  # English is click's own; "no arguments" shows the (bilingual) help
        return exc.exit_code
    ctx = getattr(exc, "ctx", None)
    lines = []
    if ctx is not None and "UsageError" in names:
        pieces = " ".join([ctx.command_path, *ctx.command.collect_usage_pieces(ctx)])
        lines.append(i18n.t("usage.usage", lang, usage=pieces))
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(i18n.t("usage.try", lang, command=ctx.command_path,
                                option=ctx.help_option_names[0]))
        lines.append("")
    lines.append(i18n.t("error.line", lang, message=_message(exc, names, ctx, lang)))
    print("\n".join(lines), file=sys.stderr)
    return exc.exit_code


def _hint(exc, ctx) -> str:
    hint = getattr(exc, "param_hint", None)
    param = getattr(exc, "param", None)
    if hint is None and param is not None:
        hint = param.get_error_hint(ctx) if ctx is not None else param.name
    if isinstance(hint, list | tuple):
        hint = " / ".join(hint)
    return str(hint or "").replace("'", "").replace('"', "")


def _guesses(exc, lang: str, text: str = "") -> str:
    found = sorted(getattr(exc, "possibilities", None) or ())
    m = re.search(r"Did you mean (?:one of: )?(.*?)\??\)?$", text)
    if not found and m:  # typer words its own suggestion into the message
        found = [_unquote(name) for name in m[1].split(",")]
    return i18n.t("usage.did-you-mean", lang, names=", ".join(found)) if found else ""


def _message(exc, names: set[str], ctx, lang: str) -> str:
    text = exc.format_message() if hasattr(exc, "format_message") else str(exc)
    if "NoSuchOption" in names:
        return i18n.t("usage.no-option", lang, name=exc.option_name) + _guesses(exc, lang)
    if "NoSuchCommand" in names or text.startswith("No such command"):
        name = getattr(exc, "command_name", None) or _quoted(text)
        return i18n.t("usage.no-command", lang, name=name) + _guesses(exc, lang, text)
    if "MissingParameter" in names:
        param = getattr(exc, "param", None)
        kind = getattr(param, "param_type_name", "") if param is not None else ""
        key = "usage.missing-option" if kind == "option" else "usage.missing-argument"
        return i18n.t(key, lang, name=_hint(exc, ctx))
    if "BadParameter" in names:
        return i18n.t("usage.bad-value", lang, name=_hint(exc, ctx),
                      why=_why(str(exc.message), lang))
    if "FileError" in names:
        return i18n.t("usage.file", lang, name=getattr(exc, "ui_filename", exc.filename),
                      why=exc.message)
    m = re.match(r"Option '?([^' ]+)'? requires an argument", text)
    if m:
        return i18n.t("usage.needs-value", lang, name=m[1])
    m = re.match(r"Option '?([^' ]+)'? does not take a value", text)
    if m:
        return i18n.t("usage.no-value", lang, name=m[1])
    m = re.match(r"Got unexpected extra arguments? ?(?:\(s\))? \((.*)\)", text)
    if m:
        return i18n.t("usage.extra", lang, args=m[1])
    if text.startswith("Missing command"):
        return i18n.t("usage.no-command-given", lang)
    return text


def _quoted(text: str) -> str:
    m = re.search(r"'([^']*)'", text)
    return m[1] if m else text


def _why(message: str, lang: str) -> str:
    """click's reason for refusing a value, in French; ptfcal's own (already bilingual, or
    French) as it is."""
    m = re.match(r"(.*?) is not one of (.*)\.$", message) or \
        re.match(r"(.*?) is not ('[^']*')\.$", message)
    if m:
        choices = ", ".join(_quoted(c.strip()) for c in m[2].split(","))
        return i18n.t("usage.not-a-choice", lang, value=_unquote(m[1]), choices=choices)
    m = re.match(r"(.*) is not a valid (int range|integer|float range|float)\.$", message)
    if m:
        return i18n.t("usage.not-a-number", lang, value=_unquote(m[1]))
    m = re.match(r"(.*) is not in the range (.*)\.$", message)
    if m:
        return i18n.t("usage.out-of-range", lang, value=_unquote(m[1]), range=m[2])
    m = re.match(r"(.*) is not a valid boolean", message)
    if m:
        return i18n.t("usage.not-a-boolean", lang, value=_unquote(m[1]))
    m = re.match(r"(File|Directory|Path) (.*) does not exist\.$", message)
    if m:
        return i18n.t("usage.no-path", lang, path=_unquote(m[2]))
    m = re.match(r"(File|Directory|Path) (.*) is a (file|directory)\.$", message)
    if m:
        return i18n.t("usage.is-file" if m[3] == "file" else "usage.is-folder", lang,
                      path=_unquote(m[2]))
    return message


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value
