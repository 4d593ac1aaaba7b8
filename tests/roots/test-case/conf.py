project = "Testkommun"
language = "sv"
extensions = ["sphinx_kommun"]
# the example plugins may be installed; this project tests the core alone
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
# a Stockholm case
kommun_profile = "stockholm"
