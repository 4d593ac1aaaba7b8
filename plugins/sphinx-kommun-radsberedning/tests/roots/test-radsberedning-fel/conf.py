project = "Testkommun"
language = "sv"
extensions = ["sphinx_kommun"]
html_sidebars = {"**": []}
# this project tests the rådsberedning plugin alone
kommun_disabled_plugins = ["jamstalldhetsanalys", "attestering"]
# a Stockholm case
kommun_profile = "stockholm"
