project = "Linköpings kommun"
language = "sv"
extensions = ["sphinx_kommun"]
# the example plugins may be installed; this project tests the core alone
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
kommun_municipality = "Linköpings kommun"
# the nämnd's register as the kansli exports it from its system (made up)
kommun_ledamoter = "register/samhallsbyggnadsnamnden.csv"
