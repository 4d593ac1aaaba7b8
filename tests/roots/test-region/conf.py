project = "Regionfullmäktiges handlingar"
language = "sv"
extensions = ["sphinx_kommun"]
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
kommun_profile = "region"
kommun_municipality = "Region Västerbotten"
