"""Jämställdhetsanalys: the gender equality analysis of a yttrande or utlåtande.

A sphinx-kommun plugin (entry point ``jamstalldhetsanalys``). It adds the
section kind ``jamstalldhetsanalys``::

    .. avsnitt:: jamstalldhetsanalys
       :bedomning: könsneutral

       Förslaget påverkar kvinnor och män på ungefär samma sätt.

which renders as the section "Jämställdhetsanalys", opening with the
assessment ("Bedömning: könsneutral."), set off by a rule on its left in
HTML (``kommun-jamstalldhet.css``) and in the PDF (``kommunjamstalldhet``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from docutils import nodes

from sphinx_kommun.api import fold, hookimpl, join

__version__ = "0.1.0"

#: The directive name: ``.. jamstalldhetsanalys::`` and ``.. avsnitt:: jamstalldhetsanalys``.
NAME = "jamstalldhetsanalys"
#: The heading (headings are matched in Swedish, whatever the output language).
TITLE = "Jämställdhetsanalys"
#: CSS class of the section in HTML.
HTML_CLASS = "kommun-jamstalldhet"
#: LaTeX environment around the section body (defined in the preamble below).
LATEX_ENVIRONMENT = "kommunjamstalldhet"
#: The stylesheet shipped with the package.
CSS = Path(__file__).parent / "static" / "kommun-jamstalldhet.css"

#: The assessments a clerk may write, with their English form.
ASSESSMENTS: dict[str, str] = {
    "könsneutral": "gender-neutral",
    "påverkar kvinnor och män olika": "affects women and men differently",
    "ej relevant": "not relevant",
}

#: Assessments are matched case-insensitively, with or without å, ä and ö.
_BY_FOLDED = {fold(word): word for word in ASSESSMENTS}


def _allowed() -> str:
    return join([f"'{word}'" for word in ASSESSMENTS], style="or")


def validate_assessment(value: str) -> str:
    """The assessment as written, checked and normalised (``Könsneutral`` → ``könsneutral``).

    :raises ValueError: in Swedish, listing the allowed words.
    """
    word = _BY_FOLDED.get(fold(value))
    if word is not None:
        return word
    if not value.strip():
        raise ValueError(f"bedömningen saknas; skriv {_allowed()}")
    raise ValueError(
        f"'{' '.join(value.split())}' är ingen bedömning; skriv {_allowed()}"
    )


def assessment_text(word: str, language: str) -> tuple[str, str]:
    """(label, assessment) in the output language."""
    if language == "en":
        return "Assessment:", ASSESSMENTS.get(word, word)
    return "Bedömning:", word


def build(
    options: Mapping[str, Any], content: Sequence[nodes.Node], language: str
) -> list[nodes.Node]:
    """The assessment as the first paragraph, then the analysis as written."""
    word = options.get("bedomning")
    if not word:
        return list(content)
    label, assessment = assessment_text(str(word), language)
    paragraph = nodes.paragraph(
        "",
        "",
        nodes.strong(label, label),
        nodes.Text(f" {assessment}."),
        classes=["kommun-jamstalldhet-bedomning"],
    )
    return [paragraph, *content]


@hookimpl
def kommun_section_kinds() -> list[dict[str, Any]]:
    return [
        {
            "name": NAME,
            "aliases": ["jämställdhetsanalys"],
            "title": TITLE,
            "kinds": ("yttrande", "utlatande"),
            "options": {
                "bedomning": {
                    "help": "the assessment: " + ", ".join(ASSESSMENTS),
                    "validate": validate_assessment,
                }
            },
            "build": build,
            "html_class": HTML_CLASS,
            "latex_environment": LATEX_ENVIRONMENT,
        }
    ]


@hookimpl
def kommun_static_files() -> list[str]:
    return [str(CSS)]


#: A block with a coloured rule on its left. ``framed`` (loaded by Sphinx
#: itself) lets it break across pages, the rule continuing on each page.
LATEX_PREAMBLE = r"""
% sphinx-kommun-jamstalldhet: the Jämställdhetsanalys section
\definecolor{kommunjamstalldhetrule}{RGB}{110,60,130}
\newenvironment{kommunjamstalldhet}{%
  \def\FrameCommand{{\color{kommunjamstalldhetrule}\vrule width 2pt}\hspace{10pt}}%
  \MakeFramed{\advance\hsize-\width\FrameRestore}}%
  {\endMakeFramed}
"""


@hookimpl
def kommun_latex_preamble() -> str:
    return LATEX_PREAMBLE
