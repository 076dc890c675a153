# The README's two commands: `make run` (dashboard on the bundled sample) and `make test`.
# Each creates .venv, installs what it needs, and Debian's chromium where exports or the
# browser tests need it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test chromium bench screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test: requirements-test.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

# kaleido (chart export) and the browser tests drive Debian's chromium.
chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

run: $(VENV)/.runtime chromium
	$(BIN)/streamlit run dashboard.py --server.headless true

test: $(VENV)/.test chromium
	$(BIN)/python -m pytest -q

bench: $(VENV)/.test
	for script in bench/*.py; do $(BIN)/python $$script; done

# retake the README's screenshots of every page (a browser test on the bundled sample articles)
screenshots: $(VENV)/.test chromium
	PARLEY_SCREENSHOTS=1 $(BIN)/python -m pytest -q tests/test_browser.py -k readme
