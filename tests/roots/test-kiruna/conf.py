# Kiruna kommun's minutes in English, for the mining company's staff and
# new residents: the clerk writes the Swedish keywords, the reader reads
# them in English
project = "Kiruna kommun – minutes in English"
language = "en"
extensions = ["sphinx_kommun"]
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
kommun_municipality = "Kiruna kommun"
kommun_ledamoter = "ledamoter.toml"
