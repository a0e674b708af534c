"""What `generate` and `check` need beyond a valid configuration: Mali's holidays for its
country, and a schedule for every year the secretariat recorded facts for (each fact must
name an occurrence the rules give). `validate` runs this too, so that it refuses every
configuration `generate` cannot use."""

from __future__ import annotations

from ..errors import ConfigError, Problem
from ..model import Model
from . import scheduler, workdays


def check(model: Model, years: list[int]) -> None:
    """Raise ConfigError with every problem that scheduling `years` and every year with
    recorded facts would meet."""
    problems: list[Problem] = []
    for year in sorted({*years, *model.years}):
        try:
            calendar = workdays.build(model.settings, model.holidays, [year])
            scheduler.schedule(model, year, calendar)
        except ConfigError as exc:
            problems += [p for p in exc.problems if p not in problems]
    if problems:
        raise ConfigError(problems)
