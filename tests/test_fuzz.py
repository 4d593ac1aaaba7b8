"""Property-based tests: random input never crashes a build, every warning
names a file and line, and an incremental build after any sequence of edits
equals a fresh build of the same sources.

CI runs a fixed number of examples with a fixed seed. Run longer with, e.g.::

    KOMMUN_FUZZ_EXAMPLES=2000 KOMMUN_FUZZ_SEED=7 .venv/bin/python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from sphinx_kommun.testing import build_once, warnings_of

from .test_incremental import assert_same_pages

SEED = int(os.environ.get("KOMMUN_FUZZ_SEED", "20261122"))
SCALE = float(os.environ.get("KOMMUN_FUZZ_EXAMPLES", "0")) / 240 or 1.0


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        database=None,
        deadline=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


CONF = """\
project = "Fuzz"
language = "sv"
extensions = ["sphinx_kommun"]
html_sidebars = {"**": []}
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
"""

#: A warning's first line: "<file>.rst:<line>: WARNING: ..." (or ERROR, …).
LOCATED = re.compile(r"^\S+\.rst:\d+: (WARNING|ERROR|CRITICAL|SEVERE): ")
LEVEL = re.compile(r"\b(WARNING|ERROR|CRITICAL|SEVERE): ")


def build(src: Path, out: Path, builder: str = "html", fresh: bool = False) -> str:
    """Build; a Python exception fails the test. Returns the warnings."""
    return warnings_of(build_once(builder, src, out, freshenv=fresh))


def assert_located(warnings: str) -> None:
    for line in warnings.splitlines():
        if LEVEL.search(line):
            assert LOCATED.match(line), f"warning without file and line: {line}"


# -- random directives ---------------------------------------------------------------

ALPHABET = st.characters(
    codec="utf-8",
    categories=["L", "N", "Zs"],
    include_characters="åäöÅÄÖ<>&{}\\%$#_^~\"'-/:;.,()[]*!?|=+@",
    exclude_characters="\x00",
)
words = st.text(ALPHABET, min_size=0, max_size=30).map(lambda s: " ".join(s.split()))
dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["2020-02-30", "2020-13-01", "20/9 2020", "", "igår"]),
    words,
)
dnrs = st.one_of(
    st.sampled_from(["KS 2020/1", "KS 2020/2", "KS-2020-1", "SBN 2020/7", ""]), words
)

OPTIONS = {
    "arende": ["rubrik", "ansvarig", "relaterade"],
    "motion": ["inlamnad", "organ", "motionarer"],
    "remiss": ["avsandare", "datum", "svar-senast", "instanser"],
    "yttrande": [
        "forvaltning", "datum", "sammantrade", "handlaggare", "telefon",
        "sammanfattning", "stallning", "beslut", "citera", "undertecknare",
        "attesterat", "bilagor", "rubrik", "underrubrik", "till", "avdelning",
    ],
    "reservation": ["typ", "organ", "forfattare", "avser", "datum"],
    "utlatande": [
        "rotel", "foredragande", "forslag", "tillstyrkt-av", "datum", "ort",
        "undertecknare", "uppgivna-datum", "bilagor", "slutlig",
    ],
    "beslut": ["organ", "datum", "utfall"],
    "sammantrade": ["organ", "datum", "tid", "plats", "arenden"],
    "remissammanstallning": ["delar"],
    "avsnitt": [],
}  # fmt: skip
DATE_OPTIONS = {"datum", "sammantrade", "inlamnad", "svar-senast"}
ARGUMENT = {"arende", "motion", "yttrande", "utlatande", "avsnitt"}


@st.composite
def option_value(draw: st.DrawFn, name: str) -> str:
    if name in DATE_OPTIONS:
        return draw(dates)
    if name == "dnr":
        return draw(dnrs)
    if name in ("stallning", "utfall"):
        return draw(
            st.one_of(
                st.sampled_from(
                    ["avstyrker", "1: bifall; 2: avslag", "3: avslag", "kanske"]
                ),
                words,
            )
        )
    parts = draw(st.lists(words, min_size=1, max_size=3))
    return "; ".join(parts)


@st.composite
def content(draw: st.DrawFn) -> list[str]:
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(
            st.sampled_from(
                ["paragraph", "title", "role", "yrkande", "note-ref", "note"]
            )
        )
        if kind == "title":
            title = draw(words) or "Rubrik"
            lines += [title, "-" * len(title), ""]
        elif kind == "role":
            role = draw(
                st.sampled_from(["yrkande", "yttrande", "arende", "motion", "beslut"])
            )
            target = draw(words).replace("`", "") or "1"
            lines += [f"Se :{role}:`{target}`.", ""]
        elif kind == "note-ref":
            # footnotes and citations, referred to from another section or not
            label = draw(st.sampled_from(["#a", "#b", "C1"]))
            lines += [f"Enligt källan [{label}]_.", ""]
        elif kind == "note":
            label = draw(st.sampled_from(["#a", "#b", "C1"]))
            lines += [f".. [{label}] {draw(words) or 'Källa.'}", ""]
        elif kind == "yrkande":
            lines += [".. yrkande::", "", "   " + (draw(words) or "att något görs"), ""]
        else:
            lines += [draw(words) or "Text.", ""]
    return lines


@st.composite
def directive(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(sorted(OPTIONS)))
    known = OPTIONS[kind]
    # an option may come twice, as a clerk's slip
    names = draw(st.lists(st.sampled_from([*known, "dnr", "id", "okänd"]), max_size=5))
    argument = ""
    # a required argument is sometimes forgotten
    wanted = draw(st.integers(0, 9)) > 0 if kind in ARGUMENT else draw(st.booleans())
    if wanted:
        argument = draw(words) or "Namn"
    lines = [f".. {kind}:: {argument}".rstrip()]
    for name in names:
        value = draw(option_value(name))
        lines.append(f"   :{name}: {value}".rstrip())
        if draw(st.integers(0, 19)) == 0:
            # a line among the options that is no option
            lines.append(f"   {draw(words) or 'datum 2020-01-01'}".rstrip())
    body = draw(content())
    if body and kind != "remissammanstallning":
        lines.append("")
        lines += [f"   {line}".rstrip() for line in body]
    return "\n".join(lines) + "\n"


PAGE_HEAD = """\
Sida
====

"""

INDEX = """\
Fuzz
====

.. arende:: KS 2020/1
   :rubrik: Provärende

.. motion:: Provmotion
   :motionarer: Anna Andersson (S)

   .. yrkande::

      att något görs.

.. remiss::
   :instanser: Socialnämnden; Kulturnämnden

.. toctree::

   sida
"""


@seed(SEED)
@fuzz_settings(200)
@given(st.lists(directive(), min_size=1, max_size=3))
def test_random_directives_never_crash(directives: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        (src / "conf.py").write_text(CONF, encoding="utf-8")
        (src / "index.rst").write_text(INDEX, encoding="utf-8")
        (src / "sida.rst").write_text(
            PAGE_HEAD + "\n".join(directives), encoding="utf-8"
        )
        # HTML and LaTeX both: a writer meets what the generators made
        # (a node it has no visitor for, a footnote whose target is gone)
        for builder in ("html", "latex"):
            warnings = build(src, Path(tmp) / builder, builder, fresh=True)
            assert_located(warnings)


# -- random edit sequences ---------------------------------------------------------------

INSTANSER = [
    "Socialnämnden",
    "Kulturnämnden",
    "Bromma stadsdelsnämnd",
    "Stadsledningskontoret",
]


@dataclass
class Project:
    """A small ärende whose yttranden the edits change, add and remove."""

    root: Path
    yttranden: dict[str, dict[str, str]] = field(default_factory=dict)
    remiss: list[str] = field(default_factory=lambda: INSTANSER[:3])
    counter: int = 0

    def write(self) -> None:
        src = self.root
        src.mkdir(exist_ok=True)
        (src / "conf.py").write_text(CONF, encoding="utf-8")
        pages = "\n".join(f"   {name}" for name in sorted(self.yttranden))
        (src / "index.rst").write_text(
            INDEX.replace(
                ":instanser: Socialnämnden; Kulturnämnden",
                ":svar-senast: 2020-10-01\n   :instanser: " + "; ".join(self.remiss),
            ).replace("   sida\n", "   utlatande\n" + pages + "\n"),
            encoding="utf-8",
        )
        (src / "utlatande.rst").write_text(
            "Utlåtande\n=========\n\n.. utlatande:: Provutlåtande\n   :dnr: KS 2020/1\n"
            "   :forslag: avslag\n\n   Ärendet\n   -------\n\n   Ett prov.\n\n"
            "   Beredning\n   ---------\n\n   .. beredning::\n\n"
            "Remissammanställning\n====================\n\n.. remissammanstallning::\n",
            encoding="utf-8",
        )
        for path in src.glob("y-*.rst"):
            if path.stem not in self.yttranden:
                path.unlink()
        for name, fields in self.yttranden.items():
            text = (
                f"{fields['instans']}\n{'=' * len(fields['instans'])}\n\n"
                f".. yttrande:: {fields['instans']}\n   :dnr: KS 2020/1\n"
                f"   :datum: {fields['datum']}\n   :sammanfattning: {fields['summary']}\n\n"
                f"   Synpunkter och förslag\n   ----------------------\n\n   {fields['text']}\n"
            )
            if fields.get("reservation"):
                text += (
                    f"\n.. reservation::\n   :organ: {fields['instans']}\n"
                    f"   :forfattare: Bo Berg (V)\n\n   {fields['reservation']}\n"
                )
            (src / f"{name}.rst").write_text(text, encoding="utf-8")

    def new_name(self) -> str:
        self.counter += 1
        return f"y-{self.counter}"


edit = st.one_of(
    st.tuples(st.just("text"), st.integers(0, 9), words),
    st.tuples(st.just("date"), st.integers(0, 9), dates),
    st.tuples(st.just("summary"), st.integers(0, 9), words),
    st.tuples(st.just("add"), st.integers(0, 9), st.sampled_from(INSTANSER)),
    st.tuples(st.just("remove"), st.integers(0, 9), st.just("")),
    st.tuples(st.just("rename"), st.integers(0, 9), st.just("")),
    st.tuples(st.just("reservation"), st.integers(0, 9), words),
    st.tuples(st.just("remiss"), st.integers(0, 9), st.sampled_from(INSTANSER)),
)


def apply(project: Project, operation: tuple[str, int, str]) -> None:
    kind, number, value = operation
    names = sorted(project.yttranden)
    name = names[number % len(names)] if names else ""
    if kind == "add" or not name:
        project.yttranden[project.new_name()] = {
            "instans": value if kind == "add" else INSTANSER[0],
            "datum": "2020-09-01",
            "summary": "anser något",
            "text": "Ny text.",
        }
    elif kind == "remove":
        del project.yttranden[name]
    elif kind == "rename":
        project.yttranden[project.new_name()] = project.yttranden.pop(name)
    elif kind == "remiss":
        if value in project.remiss:
            project.remiss.remove(value)
        else:
            project.remiss.append(value)
    elif kind == "text":
        project.yttranden[name]["text"] = value or "Tom."
    elif kind == "date":
        project.yttranden[name]["datum"] = value
    elif kind == "summary":
        project.yttranden[name]["summary"] = value or "anser inget"
    elif kind == "reservation":
        project.yttranden[name]["reservation"] = value


@seed(SEED)
@fuzz_settings(40)
@given(st.lists(edit, min_size=1, max_size=3))
def test_edit_sequences_build_like_fresh_builds(
    operations: list[tuple[str, int, str]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Project(Path(tmp) / "src")
        for instans in INSTANSER[:2]:
            project.yttranden[project.new_name()] = {
                "instans": instans,
                "datum": "2020-09-01",
                "summary": "anser något",
                "text": "Förvaltningen har synpunkter.",
            }
        project.write()
        incremental = Path(tmp) / "inc"
        assert_located(build(project.root, incremental))
        for step, operation in enumerate(operations):
            apply(project, operation)
            project.write()
            assert_located(build(project.root, incremental))
            fresh = Path(tmp) / f"fresh-{step}"
            assert_located(build(project.root, fresh, fresh=True))
            assert_same_pages(incremental / "html", fresh / "html")
            shutil.rmtree(fresh)
