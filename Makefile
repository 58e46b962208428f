# Bucureștiul social și solidar — every task a newcomer or CI needs.
#   make run    virtualenv + install + migrate + demo content + serve on http://127.0.0.1:8000
#   make test   the whole suite (SQLite; DATABASE_URL=postgres://… runs it on PostgreSQL)

VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
# `make check` runs the deploy checks against this database (CI passes its PostgreSQL).
CHECK_DATABASE_URL ?= sqlite:////tmp/check.sqlite3
PORT ?= 8000
# The one address of `make run`: the Site that seed_demo creates, feeds, exports, the API and emails all use it.
BASE_URL ?= http://$(HOST):$(PORT)

# The first interpreter >= 3.12: $(PYTHON) if given, then pyenv's 3.12/3.13, then python3.
PYTHON ?= $(shell for p in $$HOME/.pyenv/versions/3.12*/bin/python3.12 $$HOME/.pyenv/versions/3.13*/bin/python3.13 \
	/usr/bin/python3.13 /usr/bin/python3.12 /usr/local/bin/python3.13 /usr/local/bin/python3.12 python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	echo $$p; break; fi; done)

.PHONY: run serve install test test-browser lint format check messages bench clean

$(BIN)/activate:
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed. Install it, or run: make PYTHON=/path/to/python3.12 run"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/activate requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed

# The task worker (emails, digests) runs next to the server and stops with it (Ctrl+C stops both).
SERVE_WITH_WORKER = WAGTAILADMIN_BASE_URL=$(BASE_URL) $(MANAGE) db_worker --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	WAGTAILADMIN_BASE_URL=$(BASE_URL) $(MANAGE) runserver $(HOST):$(PORT)

run: install
	$(MANAGE) migrate --noinput
	WAGTAILADMIN_BASE_URL=$(BASE_URL) $(MANAGE) seed_demo
	$(SERVE_WITH_WORKER)

serve: install
	WAGTAILADMIN_BASE_URL=$(BASE_URL) $(MANAGE) sync_site
	$(SERVE_WITH_WORKER)

test: install
	$(BIN)/pytest -n auto

test-browser: install
	$(BIN)/pytest tests/browser

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=website.settings.production SECRET_KEY=check-only-$$(date +%s)-not-a-real-secret-key-0123456789 \
		ALLOWED_HOSTS=example.org DATABASE_URL=$(CHECK_DATABASE_URL) EMAIL_URL=smtp://localhost:25 WAGTAILADMIN_BASE_URL=https://example.org \
		SERVE_MEDIA=django $(MANAGE) check --deploy --database default --fail-level WARNING

# gunicorn on PostgreSQL (database bss_bench) with seed_scale data, measured on loopback; see README "Benchmarks".
# Options: make bench BENCH_ARGS="--duration 5 --concurrency 16"
bench: install
	$(PY) benchmarks/run.py $(BENCH_ARGS)

# Recompile the Romanian catalogues after editing locale/ro/LC_MESSAGES/django.po or an app's.
messages: install
	$(MANAGE) makemessages -l ro --no-obsolete --ignore=.venv --ignore=tests --ignore=staticfiles
	$(MANAGE) compilemessages -l ro --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles test-artifacts .pytest_cache
