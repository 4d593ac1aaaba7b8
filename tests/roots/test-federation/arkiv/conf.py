project = "Umeå kommuns diarium"
language = "sv"
extensions = ["sphinx_kommun"]
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
kommun_municipality = "Umeå kommun"
# the archive's front door: every project of the kommun, each built on its own
kommun_federation = {
    "kommunstyrelsen": (
        "https://handlingar.umea.se/kommunstyrelsen/",
        "../ks/_build/html/kommun-objects.json",
    ),
    "byggnadsnamnden": (
        "https://handlingar.umea.se/byggnadsnamnden/",
        "../bn/_build/html/kommun-objects.json",
    ),
}
