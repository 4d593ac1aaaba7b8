project = "Handlingar – Luleå kommun"
language = "sv"
extensions = ["sphinx_kommun"]
html_sidebars = {"**": []}
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
kommun_profile = "kommun"
kommun_municipality = "Luleå kommun"
kommun_ledamoter = "ledamoter.toml"
