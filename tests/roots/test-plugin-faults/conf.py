import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

project = "Provkommun"
language = "sv"
extensions = ["sphinx_kommun"]
html_sidebars = {"**": []}
kommun_plugins = ["kaputtplugin"]
# the example plugins may be installed too; this project tests its own alone
kommun_disabled_plugins = ["jamstalldhetsanalys", "radsberedning", "attestering"]
# a Stockholm case
kommun_profile = "stockholm"
