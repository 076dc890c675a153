# The README's two commands: `make run` (dashboard on the bundled sample) and `make test`.
# Each creates .venv, installs what it needs, and Debian's chromium where exports or the
# browser tests need it. What it needs is read from the lock files, requirements.txt and
# requirements-test.txt: every package at one version, with hashes. `make lock` regenerates
# them from requirements.in and requirements-test.in.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# pip itself, pinned like the rest: it is what installs the lock files
PIP_VERSION := 26.3

.PHONY: run test chromium bench screenshots lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet pip==$(PIP_VERSION)

# --require-hashes: a file whose hash is not in the lock, or a package missing from it, stops
# the install instead of bringing in whatever the index serves that day.
$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	touch $@

$(VENV)/.test: requirements-test.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements-test.txt
	touch $@

# recompile the lock files after changing a pin in requirements*.in (tools/lock.sh says how)
lock:
	tools/lock.sh

# kaleido (chart export) and the browser tests drive Debian's chromium.
chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

run: $(VENV)/.runtime chromium
	$(BIN)/streamlit run dashboard.py --server.headless true

test: $(VENV)/.test chromium
	$(BIN)/python -m pytest -q

bench: $(VENV)/.test
	for script in bench/bench_*.py; do $(BIN)/python $$script; done

# retake the README's screenshots of every page (a browser test on the bundled sample articles)
screenshots: $(VENV)/.test chromium
	PARLEY_SCREENSHOTS=1 $(BIN)/python -m pytest -q tests/test_browser.py -k readme
