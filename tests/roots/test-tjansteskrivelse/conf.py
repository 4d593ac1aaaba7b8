project = "Gatu- och samhällsmiljönämndens handlingar"
language = "sv"
extensions = ["sphinx_kommun"]
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
# an ordinary kommun: the default profile
kommun_municipality = "Uppsala kommun"
