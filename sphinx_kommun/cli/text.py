"""What the command line does to the text it is given or reads."""

from __future__ import annotations


def one_line(text: str) -> str:
    """``text`` as an option's value holds it: on one line, runs of
    whitespace (a line break, a tab) as one space, none at either end."""
    return " ".join(text.split())
