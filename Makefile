# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip -q --disable-pip-version-check
# `make run PORT=8600`, or Streamlit's own STREAMLIT_SERVER_PORT, else 8501.
PORT   ?= $(or $(STREAMLIT_SERVER_PORT),8501)

.PHONY: run demo test lint migrate library migration bench bench-servers clean

$(VENV)/.runtime: requirements.txt constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PIP) install -r requirements-dev.txt -c constraints.txt
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

## test: lint, type-check (pyright) and run every test (Postgres too when TEST_DATABASE_URL is set)
test: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	PYRIGHT_PYTHON_IGNORE_WARNINGS=1 $(VENV)/bin/pyright
	@command -v chromium >/dev/null || command -v "$$CHROMIUM" >/dev/null || echo \
	  "NOTE: no Chromium found, so the browser tests will be skipped (apt-get install chromium)."
	$(PY) -m pytest

## bench: a room's crowd for 90 s against the app, then against a floor app; ratios (~5 min)
# SQLite under data/bench/, or Postgres when BENCH_DATABASE_URL names a database it may empty.
BENCH_SECONDS ?= 90
bench: $(VENV)/.dev
	$(PY) -m bench --seconds $(BENCH_SECONDS)

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
