project = "Testkommun"
language = "sv"
extensions = ["sphinx_kommun"]
html_sidebars = {"**": []}
# this project tests the jämställdhetsanalys plugin alone
kommun_disabled_plugins = ["radsberedning", "attestering"]
# a Stockholm case
kommun_profile = "stockholm"
