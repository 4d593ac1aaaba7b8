"""The preview's fast path: an application kept in memory between builds
(``sphinx-kommun serve``) evaluates only the inputs that can have changed,
and leaves the search index and the pickled environment until it is idle;
after each edit of a sequence its pages equal a fresh build's."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sphinx.application import Sphinx

from sphinx_kommun.cli import serve
from sphinx_kommun.cli.serve import Preview
from sphinx_kommun.cli.sphinxrun import WarningStream, application, session
from sphinx_kommun.generate import incremental, inmemory

from .conftest import edit
from .test_incremental import ALWAYS, SCENARIOS, assert_same_pages, mtimes

#: a ställning changed: the utlåtande and the motion (its answers per
#: att-sats) show it
SCENARIOS_HERE = {
    "ställning": (
        lambda src: edit(
            src / "yttrande-bromma.rst",
            ":stallning: 1: avstyrker; 2: ingen erinran",
            ":stallning: 1: tillstyrker; 2: ingen erinran",
        ),
        {"yttrande-bromma", "utlatande", "motion"},
        {"remiss", "beslut", "yttrande-slk"},
    ),
}
STEPS = {**SCENARIOS, **SCENARIOS_HERE}
#: the scenarios in the order one clerk might make them (the yttrande
#: removed last: earlier scenarios edit it)
SEQUENCE = [name for name in STEPS if name != "remove yttrande"] + ["remove yttrande"]


@pytest.fixture
def kept(project_copy: Callable[[str], Path]) -> Iterator[Sphinx]:
    """One application of the Stockholm case, kept in memory as the
    preview keeps it, its record saved at once."""
    yield from kept_application(project_copy("case"))


def kept_application(src: Path) -> Iterator[Sphinx]:
    with session(src):
        app = application(
            src, "html", src / "_build/html", src / "_build/doctrees", WarningStream()
        )
        incremental.keep_in_memory(app, lambda save: save())
        yield app


def problems(app: Sphinx) -> list[str]:
    stream = app._warning
    assert isinstance(stream, WarningStream)
    found = [str(record) for record in stream.records]
    stream.records.clear()
    return found


def fresh_build(src: Path, out: Path) -> Path:
    """sphinx-build -E in a process of its own (an application of this
    process would take the kept one's docutils registrations with it)."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-E",
            "-q",
            "-b",
            "html",
            "-d",
            out / "doctrees",
            src,
            out / "html",
        ],
        check=True,
        capture_output=True,
    )
    return out / "html"


def test_each_edit_of_a_sequence_equals_a_fresh_build(
    kept: Sphinx,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compared: list[bool] = []
    changed_keys = inmemory.changed_keys

    def spy(*args: Any) -> Any:
        found = changed_keys(*args)
        compared.append(found is not None)
        return found

    monkeypatch.setattr(inmemory, "changed_keys", spy)
    src = Path(kept.srcdir)
    kept.build()
    assert problems(kept) == []
    for number, name in enumerate(SEQUENCE):
        change, must, must_not = STEPS[name]
        before = mtimes(kept.outdir)
        change(src)
        kept.build()
        assert problems(kept) == [], name
        after = mtimes(kept.outdir)
        rewritten = {p for p in after if before.get(p) != after[p]} - ALWAYS
        assert must <= rewritten, f"{name}: not rewritten: {must - rewritten}"
        assert not (must_not & rewritten), f"{name}: needlessly {must_not & rewritten}"
        fresh = fresh_build(src, tmp_path / f"fresh-{number}")
        assert_same_pages(kept.outdir, fresh)
    # each build after the first chose its pages from the changed scopes
    assert compared == [True] * len(SEQUENCE)


def test_an_edit_evaluates_the_keys_of_its_arende_only(
    kept: Sphinx, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept.build()
    memo = incremental._kept[kept].memo
    assert memo is not None
    evaluated: list[tuple[Any, ...]] = []
    changed_keys = inmemory.changed_keys

    def spy(memo: inmemory.Memo, domain: Any, value: Any) -> Any:
        return changed_keys(
            memo, domain, lambda key: evaluated.append(key) or value(key)
        )

    monkeypatch.setattr(inmemory, "changed_keys", spy)
    SCENARIOS["yttrande text"][0](Path(kept.srcdir))
    kept.build()
    assert problems(kept) == []
    # the other ärende's keys (KS 2019/656 on annat.rst) are not evaluated,
    # but for those that may depend on anything (backlinks, references)
    other = [
        key
        for key in memo.values
        if ("KS 2019/656" in key or "ks-2019-656" in key)
        and memo.scopes[key] is not None
    ]
    assert other
    assert evaluated
    assert not set(other) & set(evaluated)
    assert len(evaluated) < len(memo.values)
    # backlinks may come from anywhere; those that are the same relations
    # from the same objects as before are not evaluated (the other ärende's)
    backlinks = [key for key in memo.values if key[:2] == ("call", "backlinks")]
    other_backlinks = [key for key in backlinks if "ks-2019-656" in key[2]]
    assert other_backlinks
    assert not set(other_backlinks) & set(evaluated)


@pytest.fixture
def vasteras(project_copy: Callable[[str], Path]) -> Iterator[Preview]:
    """The preview of Västerås' medborgarförslag about an utegym."""
    preview = Preview(project_copy("medborgarforslag"))
    yield preview
    preview.session.close()


def terms(index: Path) -> dict[str, Any]:
    text = index.read_text(encoding="utf-8")
    found: dict[str, Any] = json.loads(
        text.removeprefix("Search.setIndex(").removesuffix(")")
    )["terms"]
    return found


def test_the_search_index_feeds_objects_and_environment_wait_until_idle(
    vasteras: Preview,
) -> None:
    vasteras.build(fresh_app=True)
    index = vasteras.outdir / "searchindex.js"
    pickle = vasteras.srcdir / "_build" / "preview" / "doctrees" / "environment.pickle"
    vasteras.idle()
    assert "utegym" in terms(index)
    pickled = pickle.stat().st_size
    assert pickled > 0
    written = (vasteras.outdir / "objects.inv").stat().st_mtime_ns
    atom = vasteras.outdir / "feeds" / "arenden.atom"
    feed = atom.read_text(encoding="utf-8")
    assert "Medborgarförslag om ett utegym i Bäckby" in feed
    objects = vasteras.outdir / "kommun-objects.json"
    published = objects.read_text(encoding="utf-8")
    assert "parkprogrammet" in published
    edit(
        vasteras.srcdir / "utegym.rst",
        "finns med i parkprogrammet för 2023.",
        "finns med i parkprogrammet för 2023. Belysningen byts samtidigt.",
    )
    vasteras.build(fresh_app=False)
    assert vasteras.state.builds == 2  # the page reloads
    page = (vasteras.outdir / "utegym.html").read_text(encoding="utf-8")
    assert "Belysningen byts samtidigt." in page
    # what no page waits for is left until the preview is idle
    assert not any(term.startswith("belysning") for term in terms(index))
    assert pickle.stat().st_size == 0
    assert atom.read_text(encoding="utf-8") == feed
    assert objects.read_text(encoding="utf-8") == published
    inventory = vasteras.outdir / "objects.inv"
    assert inventory.stat().st_mtime_ns == written
    vasteras.idle()
    # the ärende's entry says when it was last changed
    assert atom.read_text(encoding="utf-8") != feed
    assert "Belysningen byts samtidigt." in objects.read_text(encoding="utf-8")
    assert inventory.stat().st_mtime_ns > written
    assert any(term.startswith("belysning") for term in terms(index))
    assert pickle.stat().st_size > pickled / 2
    # the next build takes up the index in memory: nothing is lost
    edit(vasteras.srcdir / "utegym.rst", "Belysningen byts", "Belysningen förnyas")
    vasteras.build(fresh_app=False)
    vasteras.idle()
    found = terms(index)
    assert "utegym" in found
    assert any(term.startswith("förny") for term in found)


def test_a_page_added_while_previewing_is_found(
    vasteras: Preview, monkeypatch: pytest.MonkeyPatch
) -> None:
    looked: list[bool] = []
    discover = serve._discover
    monkeypatch.setattr(
        serve, "_discover", lambda *args: looked.append(True) or discover(*args)
    )
    vasteras.build(fresh_app=True)
    first = len(looked)
    assert first > 0
    edit(
        vasteras.srcdir / "utegym.rst",
        "Bäckbyparken",
        "Bäckbyparken (vid Bäckby centrum)",
    )
    vasteras.build(fresh_app=False, same_files=True)
    assert len(looked) == first  # no file added or removed: not looked for
    (vasteras.srcdir / "skotsel.rst").write_text(
        ":orphan:\n\nSkötsel av utegymmet\n====================\n\n"
        "Tekniska förvaltningen sköter utegymmet i Bäckbyparken.\n",
        encoding="utf-8",
    )
    vasteras.build(fresh_app=False, same_files=False)
    assert len(looked) == first + 1
    page = vasteras.outdir / "skotsel.html"
    assert "Tekniska förvaltningen sköter utegymmet" in page.read_text(encoding="utf-8")
    assert "vid Bäckby centrum" in (vasteras.outdir / "utegym.html").read_text(
        encoding="utf-8"
    )


GOTEBORG_EDITS = [
    # a ställning naming one of the joined skrivelser by its own dnr
    (
        "yttranden.rst",
        ":stallning: 0398/21: tillstyrker",
        ":stallning: 0398/21: avstyrker",
    ),
    # the text the tjänsteutlåtande's remissammanställning quotes
    (
        "yttranden.rst",
        "kan tas in i lokalförsörjningsplanen för 2023.",
        "kan tas in i lokalförsörjningsplanen för 2024.",
    ),
    # a ställning on an att-sats of another of the joined skrivelser
    (
        "yttranden.rst",
        "      0412/21:2: tillstyrker",
        "      0412/21:2: avstyrker",
    ),
]


def test_joined_skrivelser_after_each_edit_equal_a_fresh_build(
    project_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    """Göteborg's ärende 0456/21 joins three skrivelser with dnr of their
    own; ställningar name them."""
    src = project_copy("skrivelser")
    for app in kept_application(src):
        app.build()
        assert problems(app) == []
        for number, (name, old, new) in enumerate(GOTEBORG_EDITS):
            edit(src / name, old, new)
            app.build()
            assert problems(app) == [], new
            assert incremental._kept[app].memo is not None
            fresh = fresh_build(src, tmp_path / f"fresh-{number}")
            assert_same_pages(app.outdir, fresh)


def test_what_the_preview_holds_is_frozen_while_idle(vasteras: Preview) -> None:
    """The environment stays in memory between edits; a full collection
    of it during a build would take longer than the build (0.65 s at 500
    ärenden), so it is collected and frozen when the preview is idle."""
    vasteras.build(fresh_app=True)
    vasteras.idle()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    edit(
        vasteras.srcdir / "utegym.rst",
        "finns med i parkprogrammet för 2023.",
        "finns med i parkprogrammet för 2023. Gymmet får tak.",
    )
    vasteras.build(fresh_app=False, same_files=True)
    page = (vasteras.outdir / "utegym.html").read_text(encoding="utf-8")
    assert "Gymmet får tak." in page
    # the build did not unfreeze it (what it no longer holds is freed)
    assert frozen // 2 < gc.get_freeze_count() <= frozen
    vasteras.idle()  # collected and frozen again, with what the build made
    assert gc.get_freeze_count() > frozen // 2
    vasteras.session.close()  # the application left: nothing frozen
    assert gc.get_freeze_count() == 0


def test_the_files_watched_are_the_projects_outside_build_and_hidden_folders(
    tmp_path: Path,
) -> None:
    """What the preview polls: every file of the project with its mtime and
    size, not the output (_build at the top), hidden files and folders
    (.git), or a linked folder's files (as os.walk does not follow links)."""
    (tmp_path / "ks-2025-0417" / "yttranden").mkdir(parents=True)
    (tmp_path / "ks-2025-0417" / "yttranden" / "miljo.rst").write_text("Yttrande\n")
    (tmp_path / "conf.py").write_text("project = 'Västerås'\n")
    (tmp_path / "_build" / "html").mkdir(parents=True)
    (tmp_path / "_build" / "html" / "index.html").write_text("<html></html>")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (tmp_path / ".utkast.rst").write_text("hidden\n")
    (tmp_path / "ks-2025-0417" / "_build").mkdir()  # not the output: watched
    (tmp_path / "ks-2025-0417" / "_build" / "bilaga.rst").write_text("Bilaga\n")
    (tmp_path / "gemensamt").symlink_to(tmp_path / "ks-2025-0417")
    found = serve.snapshot(tmp_path)
    assert sorted(Path(path).relative_to(tmp_path).as_posix() for path in found) == [
        "conf.py",
        "ks-2025-0417/_build/bilaga.rst",
        "ks-2025-0417/yttranden/miljo.rst",
    ]
    conf = (tmp_path / "conf.py").stat()
    assert found[str(tmp_path / "conf.py")] == (conf.st_mtime_ns, conf.st_size)


def test_the_watch_does_what_was_left_a_step_at_a_time(vasteras: Preview) -> None:
    """What a build leaves for when the preview is idle (the search index,
    the feeds, the environment …, then the collector) is done one thing a
    poll, so that an edit saved meanwhile waits for one of them only."""
    vasteras.build(fresh_app=True)
    assert vasteras.deferred is not None
    left = len(vasteras.deferred.pending)
    assert left > 3
    frozen = gc.get_freeze_count()
    for done in range(1, left):
        vasteras.idle(step=True)
        assert len(vasteras.deferred.pending) == left - done
        assert gc.get_freeze_count() == frozen  # the collector comes last
    assert vasteras.left_over()
    vasteras.idle(step=True)  # the last thing: the collector settled
    assert gc.get_freeze_count() > frozen
    assert not vasteras.left_over()
    index = vasteras.outdir / "searchindex.js"
    assert "utegym" in terms(index)
