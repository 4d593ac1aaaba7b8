project = "Provkommun"
language = "sv"
extensions = ["sphinx_kommun"]
html_sidebars = {"**": []}
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
# a Stockholm case
kommun_profile = "stockholm"
