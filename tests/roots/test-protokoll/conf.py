project = "Härnösands kommuns handlingar"
language = "sv"
extensions = ["sphinx_kommun"]
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
kommun_municipality = "Härnösands kommun"
