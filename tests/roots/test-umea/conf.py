project = "Umeå kommun"
language = "sv"
extensions = ["sphinx_kommun"]
# the example plugins may be installed; this project tests the core alone
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
kommun_municipality = "Umeå kommun"
kommun_ledamoter = "ledamoter.toml"
