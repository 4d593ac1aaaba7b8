project = "Luleå kommuns handlingar"
language = "sv"
extensions = ["sphinx_kommun"]
html_sidebars = {"**": []}
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
kommun_municipality = "Luleå kommun"
