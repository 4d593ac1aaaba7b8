project = "Testkommun"
language = "sv"
extensions = ["sphinx_kommun"]
html_sidebars = {"**": []}
