project = "Provkommun"
language = "sv"
extensions = ["sphinx_kommun"]
html_sidebars = {"**": []}
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
kommun_dnr_pattern = r"^SBN \d{4}-\d+$"
# a Stockholm case
kommun_profile = "stockholm"
