"""The last day to appeal a decision (laglighetsprövning).

Kommunallagen (2017:725) 13 kap. 5 §: an appeal must have come in within
three weeks from the day the justering of the protokoll was announced on
the kommun's anslagstavla. Three weeks from a day is the day of the same
weekday three weeks later. Lagen (1930:173) om beräkning av lagstadgad
tid, 2 §: when the last day is a Saturday, a Sunday or another allmän
helgdag, or midsommarafton, julafton or nyårsafton, the appeal may come in
on the next working day (vardag).

The Swedish public holidays (lagen (1989:253) om allmänna helgdagar) are
computed here with the standard library: the fixed ones, the ones that
follow Easter (Gregorian computus), midsommardagen (the Saturday of 20–26
June) and alla helgons dag (the Saturday of 31 October – 6 November).
"""

from __future__ import annotations

import datetime as dt
import functools

#: Three weeks: the time to appeal (KL 13 kap. 5 §).
APPEAL_TIME = dt.timedelta(weeks=3)


def easter(year: int) -> dt.date:
    """Easter Sunday of ``year`` (the Gregorian computus, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _saturday_between(start: dt.date) -> dt.date:
    """The Saturday of the seven days from ``start``."""
    return start + dt.timedelta(days=(5 - start.weekday()) % 7)


@functools.cache
def holidays(year: int) -> dict[dt.date, str]:
    """The allmänna helgdagar of ``year``, by date, with their names."""
    sunday = easter(year)
    midsummer = _saturday_between(dt.date(year, 6, 20))
    days = {
        dt.date(year, 1, 1): "nyårsdagen",
        dt.date(year, 1, 6): "trettondedag jul",
        sunday - dt.timedelta(days=2): "långfredagen",
        sunday: "påskdagen",
        sunday + dt.timedelta(days=1): "annandag påsk",
        dt.date(year, 5, 1): "första maj",
        sunday + dt.timedelta(days=39): "Kristi himmelsfärdsdag",
        sunday + dt.timedelta(days=49): "pingstdagen",
        dt.date(year, 6, 6): "Sveriges nationaldag",
        midsummer: "midsommardagen",
        _saturday_between(dt.date(year, 10, 31)): "alla helgons dag",
        dt.date(year, 12, 25): "juldagen",
        dt.date(year, 12, 26): "annandag jul",
    }
    return days


def _eves(year: int) -> set[dt.date]:
    """Midsommarafton, julafton and nyårsafton: no working days (1930:173 2 §)."""
    midsummer = _saturday_between(dt.date(year, 6, 20))
    return {
        midsummer - dt.timedelta(days=1),
        dt.date(year, 12, 24),
        dt.date(year, 12, 31),
    }


def is_working_day(day: dt.date) -> bool:
    """Whether ``day`` is a vardag in the sense of lagen (1930:173)."""
    return (
        day.weekday() < 5
        and day not in holidays(day.year)
        and day not in _eves(day.year)
    )


def next_working_day(day: dt.date) -> dt.date:
    """``day`` itself if it is a working day, else the next one."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def last_appeal_day(announced: dt.date) -> dt.date:
    """The last day to appeal a decision whose protokoll's justering was
    announced on the anslagstavla on ``announced``."""
    return next_working_day(announced + APPEAL_TIME)
