# The benchmark harness of issue 7 (bench/README.md); the Makefile includes this fragment.
#   make bench                         the full run: SQLite and PostgreSQL, ~25 minutes
#   make bench BENCH_ARGS=--quick      a small seed and short runs, to try the harness
BENCH_ARGS ?=

.PHONY: bench bench-wrk

# Debian's wrk drives the load. Installed when missing if this user may (root, apt-get).
bench-wrk:
	@if ! command -v wrk >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "bench: installing wrk (Debian package)"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -qq wrk >/dev/null 2>&1 \
	      || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; \
	  else \
	    echo "bench: wrk is missing. Install it (Debian/Ubuntu: sudo apt-get install wrk)" \
	         "and run make bench again." >&2; \
	    exit 1; \
	  fi; \
	fi

bench: $(VENV)/.installed-test translations bench-wrk
	$(BIN)/python -m bench.run $(BENCH_ARGS)
