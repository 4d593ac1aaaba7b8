project = "Kommunfullmäktiges handlingar"
language = "sv"
extensions = ["sphinx_kommun"]
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
kommun_profile = "kommun"
kommun_municipality = "Västerås stad"
