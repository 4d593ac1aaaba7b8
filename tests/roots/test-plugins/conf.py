import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

project = "Testkommun"
language = "sv"
extensions = ["sphinx_kommun"]
html_sidebars = {"**": []}
kommun_plugins = ["provplugin"]
# the example plugins may be installed too; this project tests the hooks alone
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
# a Stockholm case
kommun_profile = "stockholm"
