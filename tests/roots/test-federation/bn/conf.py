project = "Byggnadsnämndens yttranden"
language = "sv"
extensions = ["sphinx_kommun"]
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
kommun_municipality = "Umeå kommun"
# the remiss came from kommunstyrelsen's project: its ärende, motion and
# remiss are read from there, so this project's yttrande is checked against
# them (read beside this project in the tests)
kommun_federation = {
    "kommunstyrelsen": (
        "https://handlingar.umea.se/kommunstyrelsen/",
        "../ks/_build/html/kommun-objects.json",
    ),
}
