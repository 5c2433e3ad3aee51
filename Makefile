# The two commands of the README:
#   make serve   — set up (first time), then serve the site on http://127.0.0.1:8000
#   make test    — set up (first time), then run every test: unit, property, doctests,
#                  every code block on every page, snippets, notebooks, strict build, browser
# Set-up is a virtual environment in .venv with the pinned set of requirements.lock
# (torch 2.13.0, CPU wheel); it is redone when requirements.lock or pyproject.toml change.

PYTHON ?= python3.11
VENV   := .venv
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build bench

serve: $(STAMP)
	CNNDOC_NOTEBOOK_CACHE=true $(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(STAMP)
	$(VENV)/bin/python -m pytest

build: $(STAMP)
	$(VENV)/bin/mkdocs build --strict

bench: $(STAMP)
	$(VENV)/bin/python benchmarks/conv.py
	$(VENV)/bin/python benchmarks/pooling.py

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@
