"""What a kind of document is, declared once.

A :class:`Kind` names its model class, its options (each with its type,
that is how it is read, and its meaning), its parse function (the
directive's options and content → the model and the document's body) and
its renderer (model and body → the nodes every builder writes). The
directive, the domain's object types, the roles, the sphinx-need type, the
printed document and the README's options reference all come from it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from docutils import nodes

from ..domain.model import KommunObject
from .values import OptionValues

#: Reads one option's value: ``OptionValues.date`` …
Read = Callable[[OptionValues, str], Any]


@dataclass(frozen=True)
class Option:
    """A declared option: what it means, and how its value is read."""

    help: str
    read: Read = OptionValues.text


#: Options by type: ``text("what it means")`` …
text = functools.partial(Option, read=OptionValues.text)
date = functools.partial(Option, read=OptionValues.date)
flag = functools.partial(Option, read=OptionValues.flag)
entries = functools.partial(Option, read=OptionValues.entries)
persons = functools.partial(Option, read=OptionValues.persons)
dated_persons = functools.partial(Option, read=OptionValues.dated_persons)
numbered = functools.partial(Option, read=OptionValues.numbered)


#: Parsing: the kind's directive (an
#: :class:`~sphinx_kommun.reading.directive.ObjectDirective`) → the model
#: object (None: nothing to register) and the parsed body.
Parse = Callable[[Any], tuple[KommunObject | None, list[nodes.Node]]]
#: Rendering: the directive, the object (with plugin fields) and the body →
#: the nodes of the document.
Render = Callable[[Any, Any, list[nodes.Node]], list[nodes.Node]]


@dataclass(frozen=True)
class Kind:
    """A kind of object: ``Kind(Remiss, ("remiss",), OPTIONS, parse, render)``."""

    model: type[KommunObject]
    #: directive names; names with å, ä, ö after the ASCII one
    directives: tuple[str, ...]
    options: Mapping[str, Option]
    parse: Parse
    render: Render
    #: what the directive's argument is (``"remissinstansen"``), for the
    #: warning when a required one is missing
    argument: str = ""
    #: whether the argument must be given (else: a warning, the text kept)
    argument_required: bool = False
    #: whether the directive takes an argument at all
    takes_argument: bool = True
    #: the colour of its sphinx-needs type
    colour: str = "#DDDDDD"
    #: a document of its own when printed (its own "Sida 1 (n)")
    printed: bool = True
    #: whether a role refers to it (``:remiss:`KS 2019/1899```)
    role: bool = True

    @property
    def name(self) -> str:
        return self.model.kind

    @property
    def label(self) -> str:
        return self.model.label
