# consult — everyday commands. Needs only Python 3.11+, make and git.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app consult
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test lint translations install install-test db seed clean pdf-system

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

# The outcome report's PDF needs Pango, HarfBuzz's subsetter (fonts embedded in the PDF) and the
# Noto fonts (Arabic, Tifinagh) from the system.
# Installed when missing if this user may (root, apt-get); otherwise the PDF tests say why
# they skip (and fail under CI=true).
pdf-system:
	@missing=""; \
	ldconfig -p 2>/dev/null | grep -q "libpango-1.0.so" || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	ldconfig -p 2>/dev/null | grep -q "libharfbuzz-subset.so" || missing="$$missing libharfbuzz-subset0"; \
	[ -f /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf ] || missing="$$missing fonts-noto-core"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "pdf: installing$$missing"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; } \
	      || echo "pdf: apt-get could not install$$missing"; \
	  else \
	    echo "pdf: missing$$missing (needs root and apt-get): the PDF of outcome reports is unavailable"; \
	  fi; \
	fi

# Fragments owned by their folders: the benchmark harness and the browser tests.
# They may add prerequisites of `make test` to TEST_PREREQS.
TEST_PREREQS := pdf-system
-include bench/bench.mk
-include tests/e2e/e2e.mk

test: $(VENV)/.installed-test translations lint $(TEST_PREREQS)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache
