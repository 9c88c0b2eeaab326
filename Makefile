# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip -q --disable-pip-version-check
# uv installs the pinned packages: 8 s against pip's 32 on this 2-core machine (its own
# cache, the .pyc files compiled in parallel), the quarter of `make test`'s first minute
# a fresh clone spends setting up. pip brings uv itself, at this pin.
UV_VERSION := 0.13.9
INSTALL := $(VENV)/bin/uv pip install -q --python $(PY) --compile-bytecode
# `make run PORT=8600`, or Streamlit's own STREAMLIT_SERVER_PORT, else 8501.
PORT   ?= $(or $(STREAMLIT_SERVER_PORT),8501)

.PHONY: run demo test lint migrate library migration messages bench bench-rooms bench-servers clean

$(VENV)/.runtime: requirements.txt constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install uv==$(UV_VERSION)
	$(INSTALL) -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(INSTALL) -r requirements-dev.txt -c constraints.txt
	touch $@

## run: set up, migrate, serve on http://localhost:$(PORT); no demo
# On an install with no account yet, the server prints a one-time link to create the
# first facilitator account.
run: migrate library
	$(PY) -m serve app.py --server.port $(PORT)

## demo: add the demo initiative and its logins once, and print them
demo: migrate
	$(PY) -m seed

migrate: $(VENV)/.runtime
	$(PY) -m db.migrate

# The best-practice library is reference data every install needs: loaded quietly, once.
library: migrate
	$(PY) -m seed --library-only

## test: lint, type-check (pyright, beside the tests) and run every test but the browser tests; `make test BROWSER=1` adds them
# Postgres too, for the tests marked both_databases, when TEST_DATABASE_URL is set (.ci/run
# sets it and BROWSER_TESTS=1). TEST_WORKERS processes share the tests (pytest-xdist), each
# with its own database and ports; a module's tests stay in one process (--dist loadscope),
# so a module's app server starts once; the longest modules go first (tests/conftest.py).
# PYTEST_ARGS passes more, e.g. --durations=30.
TEST_WORKERS ?= 3
# The tests' files (SQLite databases, the app servers' data) on a RAM disk where the machine
# has one: a fifth less time for the database tests than on the disk (measured here).
TEST_TMP ?= $(if $(wildcard /dev/shm),/dev/shm/common-ground-tests)
# The tests keep their compiled modules (__pycache__, ignored by git) even where the
# environment says not to (PYTHONDONTWRITEBYTECODE, set on the CI machine): each of the
# thirty app servers the browser tests start, and each command a test runs, then loads our
# modules compiled once instead of compiling them again (an app server's first page: 0.97
# against 1.09 CPU-seconds, measured here).
# pyright checks the types while the tests run (its half-minute of one core fits in the
# run's starts and its last minutes, when a core waits); it is reported after them and fails
# the target all the same.
test: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	@mkdir -p test-artifacts
	@PYRIGHT_PYTHON_IGNORE_WARNINGS=1 $(VENV)/bin/pyright > test-artifacts/pyright.txt 2>&1 & \
	  pyright=$$!; \
	  $(if $(BROWSER),BROWSER_TESTS=1 )PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -n $(TEST_WORKERS) --dist loadscope \
	    --no-loadscope-reorder $(if $(TEST_TMP),--basetemp=$(TEST_TMP)) $(PYTEST_ARGS); \
	  tests=$$?; \
	  wait $$pyright; types=$$?; \
	  echo "pyright:"; cat test-artifacts/pyright.txt; \
	  test $$tests -eq 0 && test $$types -eq 0

## messages: the catalogue from the code (locale/messages.pot), each language's .po updated
messages: $(VENV)/.runtime
	$(PY) -m i18n

## bench: one room for 90 s, profiled; the equal-element floor; pages at 1x and 10x (~5 min)
# SQLite under data/bench/, or Postgres when BENCH_DATABASE_URL names a database it may empty.
BENCH_SECONDS ?= 90
bench: $(VENV)/.dev
	$(PY) -m bench --seconds $(BENCH_SECONDS)

## bench-rooms: three rooms (186 people) on one server; verdict: no errors, p95 under 150 ms
bench-rooms: $(VENV)/.dev
	$(PY) -m bench --seconds $(BENCH_SECONDS) --rooms 3 --skip-render --skip-floor

## bench-servers: three rooms over two app servers and one Postgres (BENCH_DATABASE_URL)
# The database named by BENCH_DATABASE_URL is emptied first: never point it at real data.
BENCH_ROOMS ?= 3
bench-servers: $(VENV)/.dev
	@test -n "$(BENCH_DATABASE_URL)" || { echo "Set BENCH_DATABASE_URL to a Postgres database \
	the benchmark may empty, e.g. postgresql+psycopg://postgres@127.0.0.1:5432/bench"; exit 2; }
	$(PY) -m bench --seconds $(BENCH_SECONDS) --servers 2 --rooms $(BENCH_ROOMS) \
	  --database-url "$(BENCH_DATABASE_URL)"

## migration m="what changed": autogenerate a migration from the models
# Compared against a scratch SQLite database at head, never against your data.
migration: $(VENV)/.runtime
	rm -rf .migration-scratch
	env -u DATABASE_URL COMMON_GROUND_DATA_DIR=.migration-scratch $(PY) -m db.migrate
	env -u DATABASE_URL COMMON_GROUND_DATA_DIR=.migration-scratch \
	  $(VENV)/bin/alembic revision --autogenerate -m "$(m)"
	rm -rf .migration-scratch

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
