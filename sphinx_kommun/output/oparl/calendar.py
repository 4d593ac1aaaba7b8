"""The meetings as an iCalendar file (RFC 5545), written with the standard
library: one VEVENT a sammanträde, its föredragningslista as the
description. A meeting with a time starts (and ends) at that time in
Swedish time, written in UTC; one without is a whole day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from ...i18n import _
from ...kinds.sammantrade import Sammantrade
from .meetings import times


def escape(text: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11)."""
    for char, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(char, escaped)
    return text


def fold(line: str) -> str:
    """A content line folded at 75 octets (RFC 5545, 3.1), never inside a
    character."""
    parts: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not parts else 74  # a continuation starts with a space
        if len((current + char).encode("utf-8")) > limit:
            parts.append(current)
            current = ""
        current += char
    parts.append(current)
    return "\r\n ".join(parts)


def _moment(value: dt.datetime) -> str:
    if value.tzinfo is None:  # local ("floating") time
        return value.strftime("%Y%m%dT%H%M%S")
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def event(
    meeting: Sammantrade,
    agenda: list[str],
    stamp: str,
    url: str,
    domain: str,
) -> list[str]:
    """The VEVENT of a meeting (none for one without a date)."""
    if meeting.date is None:
        return []
    start, end = times(meeting)
    lines = ["BEGIN:VEVENT", f"UID:{meeting.id}@{domain}", f"DTSTAMP:{stamp}"]
    if start is None:
        day = meeting.date
        lines.append(f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}")
        lines.append(f"DTEND;VALUE=DATE:{(day + dt.timedelta(1)).strftime('%Y%m%d')}")
    else:
        lines.append(f"DTSTART:{_moment(start)}")
        if end is not None:
            lines.append(f"DTEND:{_moment(end)}")
    lines.append(f"SUMMARY:{escape(meeting.title)}")
    if meeting.place:
        lines.append(f"LOCATION:{escape(meeting.place)}")
    if agenda:
        text = _("Föredragningslista:") + "\n" + "\n".join(agenda)
        lines.append(f"DESCRIPTION:{escape(text)}")
    if "://" in url:  # a URI, where the site's address is known
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def calendar(
    name: str,
    meetings: Iterable[Sammantrade],
    describe: Callable[[Sammantrade], tuple[list[str], str, str]],
    domain: str,
) -> str:
    """An iCalendar file of ``meetings``; ``describe`` gives a meeting's
    agenda lines, its DTSTAMP and its page's address."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//sphinx-kommun//sphinx-kommun//SV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for meeting in meetings:
        agenda, stamp, url = describe(meeting)
        lines.extend(event(meeting, agenda, stamp, url, domain))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
