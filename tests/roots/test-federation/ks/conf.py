project = "Kommunstyrelsens handlingar"
language = "sv"
extensions = ["sphinx_kommun"]
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
kommun_municipality = "Umeå kommun"
# Byggnadsnämnden keeps its yttranden in its own project, published at
# handlingar.umea.se/byggnadsnamnden/; the build reads its file beside it
kommun_federation = {
    "byggnadsnamnden": (
        "https://handlingar.umea.se/byggnadsnamnden/",
        "../bn/_build/html/kommun-objects.json",
    ),
}
