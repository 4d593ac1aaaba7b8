"""Sphinx configuration of the sphinx-kommun example project."""

# sphinx-kommun and the plugins are used as installed (make install, or pip
# install): nothing here puts the checkout on sys.path.

project = "Handlingar – Stockholms stad"
language = "sv"
# myst-parser: one yttrande (Skärholmen's) is written in Markdown
extensions = ["myst_parser", "sphinx_kommun"]

exclude_patterns = ["_build"]

# Stockholms stad: borgarråd, tjänsteutlåtanden, the utlåtande, dnr KS 2019/1899
kommun_profile = "stockholm"

html_title = "Handlingar"
# The register of members (an example: abbreviated, the names beyond the
# seeds made up): the kallelse names who is summoned, the page
# Förtroendevalda shows each person, and names link to it
kommun_ledamoter = "ledamoter.toml"
# The banner at the top of every page: the profile's municipality and this
# logo, an example made for this project (no kommun's coat of arms)
kommun_logo = "exempellogotyp.svg"
# No html_sidebars: sphinx-kommun's default sidebar shows the page's ärende
# and the index of all ärenden, not the global table of contents.

# The tillgänglighetsredogörelse (tillganglighet.rst) DOS-lagen requires
kommun_accessibility = {
    "webbplats": "Handlingar",
    "epost": "kansliet@exempel.se",
    "telefon": "08-123 456 00",
    "status": "delvis",
    "brister": [
        "Tabellerna i remissammanställningen rullas i sidled på smala skärmar.",
        "PDF-handlingarna (PDF/A) är inte taggade för skärmläsare; samma "
        "handlingar finns som webbsidor.",
    ],
    "bedomd": "2026-12-06",
    "metod": "Vi har testat webbplatsen med axe-core (WCAG 2.1 nivå A och AA) "
    "i Chromium och granskat den själva.",
}
