# consult — everyday commands. Needs only Python 3.11+, make and git.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app consult
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test lint translations install install-test db seed clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "consult needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# The app reads compiled catalogues (.mo); they are built from the committed .po files.
translations: $(VENV)/.installed
	@$(BIN)/pybabel compile -d translations 2>&1 | grep -v "^compiling" || true

# A local secret for `make run`, written once; production sets CONSULT_SECRET_KEY instead.
instance/config.py:
	@mkdir -p instance
	@$(BIN)/python -c 'import secrets; print("SECRET_KEY = " + repr(secrets.token_hex(32)))' > $@

db: $(VENV)/.installed instance/config.py
	$(FLASK) db upgrade

seed: db translations
	$(FLASK) seed-demo

run: seed
	@echo "consult is served on http://$(HOST):$(PORT)/ (demo accounts: see README)"
	$(FLASK) run --host $(HOST) --port $(PORT)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check consult tests

# Fragments owned by their folders: the benchmark harness and the browser tests.
# They may add prerequisites of `make test` to TEST_PREREQS.
TEST_PREREQS :=
-include bench/bench.mk
-include tests/e2e/e2e.mk

test: $(VENV)/.installed-test translations lint $(TEST_PREREQS)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache
