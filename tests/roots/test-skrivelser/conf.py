project = "Kommunstyrelsens handlingar"
language = "sv"
extensions = ["sphinx_kommun"]
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
# an ordinary kommun, which calls the förvaltning's statement a
# tjänsteutlåtande and files its ärenden as 0456/21
kommun_profile = "kommun"
kommun_municipality = "Göteborgs Stad"
kommun_vocabulary = {
    "statement": "tjänsteutlåtande",
    "statement_definite": "tjänsteutlåtandet",
    "statement_dated": "daterat",
}
