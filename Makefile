# The example handlingar: `make handlingar` installs everything and builds
# the HTML and every PDF; `make sammantrade-pdf` builds only the meeting PDFs.
VENV   ?= .venv
SPHINX := $(VENV)/bin/sphinx-build
SRC    := example_project
OUT    := example_project/_build

.PHONY: handlingar html pdf sammantrade-pdf oparl install test wheels screenshots

handlingar: install html pdf

install:
	.ci/system-packages
	test -x $(SPHINX) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q -e '.[test]' $(addprefix -e ,$(wildcard plugins/*/))
	npm ci --prefix tests/axe

html:
	$(SPHINX) -W -b html $(SRC) $(OUT)/html

pdf:
	$(SPHINX) -M latexpdf $(SRC) $(OUT) -W

sammantrade-pdf:
	$(SPHINX) -M latexpdf $(SRC) $(OUT) -W -D kommun_pdf_documents=sammantraden

# the OParl export, its addresses below the example's (made-up) site
oparl:
	$(SPHINX) -W -b oparl -D html_baseurl=https://handlingar.exempel.se/ $(SRC) $(OUT)/oparl

test:
	$(VENV)/bin/python -m pytest

# the reference images of the docs (docs/screenshots/), from the browser tests
screenshots:
	KOMMUN_SCREENSHOTS=docs/screenshots $(VENV)/bin/python -m pytest -q \
	  -p no:cacheprovider -m browser tests/test_browser.py -k test_reference_screenshot

# the wheels, installed non-editable, build the example (what .ci/run checks)
wheels:
	.ci/wheels
