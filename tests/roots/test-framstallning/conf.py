project = "Uppsala kommuns handlingar"
language = "sv"
extensions = ["sphinx_kommun"]
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
kommun_profile = "kommun"
kommun_municipality = "Uppsala kommun"
html_baseurl = "https://handlingar.uppsala.example/"
kommun_ledamoter = "ledamoter.toml"
