# Browser tests (tests/e2e, marked e2e): Debian's Chromium and Java, axe-core and vnu-jar from
# the npm registry. Included by the Makefile; `make test` installs what is missing first.
# Without root or apt-get nothing is installed and the browser tests skip, saying why; with
# CI=true (.ci/run) a missing tool fails them instead.
E2E_NODE := tests/e2e/.node
E2E_NPM_PACKAGES := axe-core@4.14.1 vnu-jar@26.9.27

TEST_PREREQS += e2e-deps

.PHONY: e2e-deps e2e-system e2e

e2e-deps: e2e-system $(E2E_NODE)/.installed

# Debian packages, checked at every run (cheap), installed when missing.
e2e-system:
	@missing=""; \
	[ -x "$${CONSULT_E2E_CHROMIUM:-/usr/bin/chromium}" ] || missing="$$missing chromium fonts-noto-core"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "e2e: installing$$missing"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; } \
	      || echo "e2e: apt-get could not install$$missing"; \
	  else \
	    echo "e2e: missing$$missing and cannot install them (needs root and apt-get): browser tests will skip"; \
	  fi; \
	fi

# The npm packages, into a git-ignored folder.
$(E2E_NODE)/.installed: tests/e2e/e2e.mk | e2e-system
	@if command -v npm >/dev/null; then \
	  npm install --prefix $(E2E_NODE) --no-save --no-audit --no-fund --loglevel=error $(E2E_NPM_PACKAGES) 2>&1 | grep -v "^npm warn Unknown" ; \
	  if [ -f $(E2E_NODE)/node_modules/axe-core/axe.min.js ] && [ -f $(E2E_NODE)/node_modules/vnu-jar/build/dist/vnu.jar ]; then touch $@; fi; \
	else \
	  echo "e2e: npm is missing: axe-core and vnu-jar are not installed, their tests will skip"; \
	fi

# Only the browser tests.
e2e: $(VENV)/.installed-test translations e2e-deps
	$(BIN)/python -m pytest -q -m e2e
