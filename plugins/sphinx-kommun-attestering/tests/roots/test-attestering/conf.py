project = "Testkommun"
language = "sv"
extensions = ["sphinx_kommun"]
html_sidebars = {"**": []}
# this project tests the attestering plugin alone
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning"]
# a Stockholm case
kommun_profile = "stockholm"
