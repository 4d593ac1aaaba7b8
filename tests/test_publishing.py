"""What may be published: ``:publiceras: nej`` and Sphinx's page sources."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.testing import warning_lines, warnings_of

from .conftest import append, edit, html_text

#: What the unpublished yttrande says, and nothing published may hold.
SECRETS = (
    "811218-9876",
    "stadsdelens egna förutsättningar",
    "utgår från lokala behov",
    "lämnar synpunkter",
    "Förslag till beslut",
)


def unpublished_case(src: Path) -> Path:
    """The case with Kungsholmen's yttrande marked not to be published."""
    path = src / "yttrande-kungsholmen.rst"
    edit(path, "förutsättningar.", "förutsättningar, enligt 811218-9876.")
    path.write_text(
        ":publiceras: nej\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8"
    )
    return src


def output_text(outdir: Path) -> dict[str, str]:
    """Every file the build wrote (doctrees aside), as text."""
    found = {}
    for path in outdir.rglob("*"):
        if not path.is_file() or ".doctrees" in path.parts:
            continue
        data = path.read_bytes()
        if path.name == "objects.inv":
            head, _sep, body = data.partition(b"zlib.\n")
            data = head + zlib.decompress(body)
        found[str(path.relative_to(outdir))] = data.decode("utf-8", "replace")
    return found


def test_an_unpublished_yttrande_leaves_nothing_in_the_output(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = unpublished_case(project_copy("case"))
    html = build(src)
    assert warnings_of(html) == ""
    latex = build(src, "latex", builddir=src / "_latex")
    assert warnings_of(latex) == ""
    files = {**output_text(html.outdir), **output_text(latex.outdir)}
    assert "yttrande-kungsholmen.html" in files
    leaks = {
        (name, secret)
        for name, text in files.items()
        for secret in SECRETS
        if secret in text and not name.startswith("_static")
    }
    # the other yttranden have a Förslag till beslut of their own
    assert {leak for leak in leaks if "kungsholmen" in leak[0]} == set()
    assert {leak for leak in leaks if leak[1] != "Förslag till beslut"} == set()
    assert not list(html.outdir.glob("_sources/**/*.txt"))


def test_the_unpublished_page_and_what_others_say_of_it(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    app = build(unpublished_case(project_copy("case")))
    own = html_text(app.outdir / "yttrande-kungsholmen.html")
    assert "Kungsholmens stadsdelsnämnd Den här handlingen publiceras inte." in own
    utlatande = html_text(app.outdir / "utlatande.html")
    assert "Kungsholmens stadsdelsnämnds yttrande publiceras inte." in utlatande
    assert (
        "Kungsholmens stadsdelsnämnd har besvarat remissen; yttrandet publiceras inte."
        in utlatande
    )
    overview = html_text(app.outdir / "index.html")
    assert "Yttrande Kungsholmens stadsdelsnämnd – publiceras inte" in overview
    remiss = html_text(app.outdir / "remiss.html")
    assert "Kungsholmens stadsdelsnämnd Yttrande (publiceras inte) –" in remiss
    # links to it still land on its page
    page = (app.outdir / "utlatande.html").read_text(encoding="utf-8")
    assert 'href="yttrande-kungsholmen.html#ks-2019-1899-yttrande-kungsholmens' in page


def test_a_publiceras_value_that_is_neither_ja_nor_nej_warns_and_hides(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    path = src / "yttrande-kungsholmen.rst"
    path.write_text(
        ":publiceras: kanske\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8"
    )
    app = build(src)
    assert warning_lines(app) == [
        "yttrande-kungsholmen.rst:1: WARNING: :publiceras: ska vara 'ja' eller "
        "'nej', inte 'kanske'; handlingen publiceras inte [kommun.option]"
    ]
    assert "förutsättningar" not in html_text(app.outdir / "yttrande-kungsholmen.html")


def test_page_sources_are_copied_only_in_an_internal_build_that_asks(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    # (Sphinx makes the folder; it stays empty)
    assert not list(build(src).outdir.glob("_sources/**/*.txt"))
    append(src / "conf.py", "html_copy_source = True\n")
    app = build(src, freshenv=True, builddir=src / "_own")
    assert not list(app.outdir.glob("_sources/**/*.txt"))
    assert warning_lines(app) == [
        "conf.py:8: WARNING: html_copy_source gäller inte när handlingarna byggs "
        "för publicering: "
        "sidornas källtext publiceras inte (kommun_publication = 'internal' "
        "kopierar den) [kommun.config]"
    ]
    app = build(
        src,
        freshenv=True,
        builddir=src / "_internal",
        confoverrides={"kommun_publication": "internal"},
    )
    assert (app.outdir / "_sources" / "utlatande.rst.txt").is_file()


def test_personnummer_are_found_in_options_and_at_their_own_line(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    path = src / "yttrande-kungsholmen.rst"
    edit(
        path,
        ":sammanfattning: vill att insatserna utgår från lokala behov",
        ":sammanfattning: vill att insatserna utgår från lokala behov,\n"
        "      som 19811218-9876 har påpekat",
    )
    edit(
        path,
        "   Insatserna bör bygga på stadsdelens egna förutsättningar.",
        "   Insatserna bör bygga på stadsdelens egna\n"
        "   förutsättningar, som 811218 9876 har\n"
        "   påpekat.",
    )
    app = build(src)
    rst = path.read_text(encoding="utf-8").splitlines()
    option = next(n for n, line in enumerate(rst, 1) if "19811218-9876" in line)
    content = next(n for n, line in enumerate(rst, 1) if "811218 9876" in line)
    message = (
        "ser ut som ett personnummer; maskera det i texten eller märk det med "
        ":personuppgift: (den publicerade versionen maskerar det) [kommun.personnummer]"
    )
    assert warning_lines(app) == [
        f"yttrande-kungsholmen.rst:{option}: WARNING: '19811218-XXXX' {message}",
        f"yttrande-kungsholmen.rst:{content}: WARNING: '811218 XXXX' {message}",
    ]


# -- public and internal builds ------------------------------------------------------

MARKED = (
    "Insatserna bör bygga på stadsdelens egna förutsättningar, enligt "
    ":personuppgift:`Eva Lind, Fleminggatan 4,\n   19811218-9876`.\n\n"
    "   .. sekretess:: 18 kap. 2 § offentlighets- och sekretesslagen (2009:400)\n\n"
    "      Polisen spanar mot bilmålvakter på Kungsholmen.\n\n"
)
PRIVATE = ("Eva Lind", "Fleminggatan", "811218-9876", "bilmålvakter")


def marked_case(src: Path) -> Path:
    edit(
        src / "yttrande-kungsholmen.rst",
        "Insatserna bör bygga på stadsdelens egna förutsättningar.\n",
        MARKED,
    )
    return src


def test_a_public_build_masks_marked_data_and_leaves_secrets_out(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    app = build(marked_case(project_copy("case")))
    assert warnings_of(app) == ""  # a personnummer marked as personal data
    text = html_text(app.outdir / "yttrande-kungsholmen.html")
    assert "egna förutsättningar, enligt [personuppgift]." in text
    assert (
        "Uppgifter har utelämnats med stöd av 18 kap. 2 § offentlighets- och "
        "sekretesslagen (2009:400)." in text
    )
    # the quote in the remissammanställning too
    assert "enligt [personuppgift]." in html_text(app.outdir / "utlatande.html")
    written = output_text(app.outdir)
    doctrees = {
        str(path): path.read_bytes()
        for path in Path(app.doctreedir).rglob("*")
        if path.is_file()
    }
    for value in PRIVATE:
        assert [name for name, data in written.items() if value in data] == []
        assert [name for name, data in doctrees.items() if value.encode() in data] == []


def test_an_internal_build_shows_everything_marked(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = marked_case(project_copy("case"))
    path = src / "yttrande-kungsholmen.rst"
    path.write_text(":publiceras: nej\n\n" + path.read_text("utf-8"), "utf-8")
    app = build(src, confoverrides={"kommun_publication": "internal"})
    page = (app.outdir / "yttrande-kungsholmen.html").read_text("utf-8")
    assert '<span class="kommun-personuppgift">Eva Lind, Fleminggatan 4,' in page
    assert "kommun-sekretess-intern" in page
    text = html_text(app.outdir / "yttrande-kungsholmen.html")
    assert (
        "Den här handlingen publiceras inte; den visas bara i den interna "
        "versionen." in text
    )
    assert "Sekretess (18 kap. 2 § offentlighets- och sekretesslagen (2009:400))" in (
        text
    )
    for value in PRIVATE:
        assert value in page


def test_a_personnummer_is_masked_in_every_part_of_a_public_build(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    edit(
        src / "yttrande-kungsholmen.rst",
        ":sammanfattning: vill att insatserna utgår från lokala behov",
        ":sammanfattning: vill att insatserna utgår från lokala behov (811218-9876)",
    )
    app = build(src)
    assert "[kommun.personnummer]" in warnings_of(app)
    beredning = html_text(app.outdir / "utlatande.html")
    assert "utgår från lokala behov (811218-XXXX)." in beredning
    assert [n for n, data in output_text(app.outdir).items() if "9876" in data] == []


def test_a_secret_passage_without_its_ground_is_warned_about(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    path = src / "yttrande-kungsholmen.rst"
    edit(
        path,
        "Insatserna bör bygga på stadsdelens egna förutsättningar.\n",
        "Insatserna bör bygga på stadsdelens egna förutsättningar.\n\n"
        "   .. sekretess::\n\n      Hemlig text.\n",
    )
    app = build(src)
    line = next(
        n
        for n, text in enumerate(path.read_text("utf-8").splitlines(), 1)
        if "sekretess::" in text
    )
    assert warning_lines(app) == [
        f"yttrande-kungsholmen.rst:{line}: WARNING: sekretess utan lagrum: ange "
        "grunden efter direktivet [kommun.missing]"
    ]
    assert "Uppgifter har utelämnats." in html_text(
        app.outdir / "yttrande-kungsholmen.html"
    )
    assert "Hemlig text" not in html_text(app.outdir / "yttrande-kungsholmen.html")


# -- the tillgänglighetsredogörelse ---------------------------------------------------


def test_the_accessibility_statement_is_filled_in_from_the_settings(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    (src / "tillganglighet.rst").write_text(
        ":orphan:\n\nTillgänglighet\n==============\n\n.. tillgänglighetsredogörelse::\n",
        encoding="utf-8",
    )
    settings = {
        "webbplats": "Kommunens handlingar",
        "organisation": "Testkommun",
        "epost": "kansliet@testkommun.se",
        "status": "helt",
        "bedomd": "2026-11-30",
    }
    app = build(src, confoverrides={"kommun_accessibility": settings})
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "tillganglighet.html")
    for sentence in (
        "Testkommun står bakom den här webbplatsen.",
        "hur Kommunens handlingar uppfyller lagen om tillgänglighet",
        "Hur tillgänglig är webbplatsen? Webbplatsen är helt förenlig med lagen",
        "kan du kontakta oss: kansliet@testkommun.se.",
        "Tillsyn Myndigheten för digital förvaltning (Digg) har ansvaret",
        "Den senaste bedömningen gjordes den 30 november 2026.",
    ):
        assert sentence in text
    # what a kommun must fill in, and a value that is wrong
    settings.pop("epost")
    app = build(src, freshenv=True, confoverrides={"kommun_accessibility": settings})
    assert warning_lines(app) == [
        "tillganglighet.rst:6: WARNING: tillgänglighetsredogörelsen saknar 'epost' "
        "i kommun_accessibility [kommun.config]"
    ]
    settings["status"] = "nästan"
    app = build(src, freshenv=True, confoverrides={"kommun_accessibility": settings})
    assert "entry 'status' must be 'helt', 'delvis' or 'inte'" in warnings_of(app)


def test_what_a_public_build_takes_out_keeps_every_line_in_rest_and_myst() -> None:
    """The text redaction itself: the lines stay (warnings keep their
    numbers), a role over two lines still parses, the options stay."""
    from sphinx_kommun.reading.masking import MASKED, _drop_secrets, _mask_roles

    rest = (
        "Se :personuppgift:`Eva Lind,\n   Fleminggatan 4` här.\n\n"
        ".. sekretess:: 18 kap. 2 § OSL\n   :class: x\n\n   Hemligt.\n   Mer.\n\n"
        "Efter.\n"
    )
    masked = _drop_secrets(_mask_roles(rest))
    assert masked.count("\n") == rest.count("\n")
    assert "Eva" not in masked and "Fleminggatan" not in masked
    assert f":personuppgift:`{MASKED[:-1]}\n   {MASKED[-1]}` här." in masked
    assert "Hemligt" not in masked and "Mer." not in masked
    assert ".. sekretess:: 18 kap. 2 § OSL\n   :class: x\n" in masked
    assert masked.endswith("Efter.\n")
    myst = (
        "Se {personuppgift}`Eva Lind` här.\n\n"
        "```{sekretess} 18 kap. 2 § OSL\n:class: x\n\nHemligt.\n```\n\nEfter.\n"
    )
    masked = _drop_secrets(_mask_roles(myst))
    assert masked.count("\n") == myst.count("\n")
    assert f"{{personuppgift}}`{MASKED}`" in masked and "Eva" not in masked
    assert "Hemligt" not in masked and ":class: x\n" in masked
    assert "```\n\nEfter.\n" in masked
