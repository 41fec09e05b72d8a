# Two commands get you going on a fresh machine:
#   make run    the site with demo content and the task worker on http://127.0.0.1:$(PORT)
#   make test   the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
BENCH_PORT ?= 8765
MANAGE := $(BIN)/python manage.py
# Stamp files, so `make` reinstalls only when a requirements file changes: the site needs
# requirements.txt; tests and lint also need requirements-dev.txt (which includes it).
INSTALLED := $(VENV)/.installed
DEV_INSTALLED := $(VENV)/.installed-dev
PIP_INSTALL := $(BIN)/pip install --quiet --disable-pip-version-check

.PHONY: run serve test test-cluster test-fast lint format bench install install-dev migrate demo vnu clean

$(INSTALLED): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -r requirements.txt
	touch $(INSTALLED)

$(DEV_INSTALLED): $(INSTALLED) requirements-dev.txt
	$(PIP_INSTALL) -r requirements-dev.txt
	touch $(DEV_INSTALLED)

# The W3C Nu HTML checker (vnu.jar, run with Java) for the HTML test in tests/browser/,
# from npm, pinned; the stamp names the version, so a new pin installs again.
# --ignore-scripts: the package's install script would download a Java; Debian's is used.
VNU_VERSION := 26.9.27
VNU_STAMP := var/vnu/.installed-$(VNU_VERSION)

$(VNU_STAMP): | var
	@if command -v npm >/dev/null 2>&1; then \
		echo "Installing the Nu HTML checker (vnu-jar $(VNU_VERSION)) in var/vnu"; \
		npm install --prefix var/vnu --no-save --ignore-scripts --no-audit --no-fund --loglevel=error \
			vnu-jar@$(VNU_VERSION) && touch $@; \
	else \
		echo "npm not found: the HTML check is skipped (apt-get install npm default-jre-headless)"; \
	fi

vnu: $(VNU_STAMP)

install: $(INSTALLED)

install-dev: $(DEV_INSTALLED)

var:
	mkdir -p var

migrate: $(INSTALLED) var
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo_content

# Links in mails sent in the background (no request to take the address from) and the demo
# site's address point at the server these targets start, unless WAGTAILADMIN_BASE_URL is set.
# Every process of the target gets it, the worker too; `demo` as their prerequisite as well.
SITE_PORT = $(PORT)
bench: SITE_PORT = $(BENCH_PORT)
run serve demo bench: export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(SITE_PORT)

# Development server, task worker and periodic-task scheduler together; Ctrl-C stops all.
run: demo
	@echo ""
	@echo "  Site:   http://127.0.0.1:$(PORT)/"
	@echo "  Beheer: http://127.0.0.1:$(PORT)/admin/"
	@cat var/demo-accounts.txt 2>/dev/null || true
	@echo ""
	@trap 'kill 0' INT TERM EXIT; \
	$(MANAGE) db_worker --queue-name '*' & \
	$(MANAGE) run_periodic_tasks --verbosity 0 & \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# Production-like: gunicorn, DEBUG off, WhiteNoise with hashed static files,
# same demo database. Plain http, so HTTPS-only settings are switched off.
SERVE_ENV := DJANGO_SETTINGS_MODULE=settings.production DJANGO_HTTPS=0 DJANGO_SERVE_MEDIA=1 DJANGO_ADMIN_2FA=0 \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat var/serve-secret-key)}" \
	DJANGO_EMAIL_BACKEND="$${DJANGO_EMAIL_BACKEND:-django.core.mail.backends.console.EmailBackend}"

var/serve-secret-key: | var
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@

serve: demo var/serve-secret-key
	$(SERVE_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(MANAGE) migrate --noinput --verbosity 0
	@trap 'kill 0' INT TERM EXIT; \
	$(SERVE_ENV) $(MANAGE) db_worker --queue-name '*' & \
	$(SERVE_ENV) $(MANAGE) run_periodic_tasks --verbosity 0 & \
	$(SERVE_ENV) GUNICORN_BIND=127.0.0.1:$(PORT) GUNICORN_WORKERS=2 GUNICORN_LOG_LEVEL=warning \
		$(BIN)/gunicorn -c deploy/gunicorn.conf.py

# Parallel pytest workers (pytest-xdist), one per CPU; TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= auto

# The whole suite, browser tests included. Extra pytest arguments: make test ARGS="-k dossier"
test: $(DEV_INSTALLED) $(VNU_STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(MANAGE) makemigrations --check --dry-run --settings=settings.test
	$(BIN)/pytest -n $(TEST_WORKERS) $(ARGS)

# nginx (deploy/nginx) in front of two app servers, a worker and two schedulers, on a fresh
# PostgreSQL database of its own next to DATABASE_URL's (tests/cluster/; not part of `make test`).
test-cluster: $(DEV_INSTALLED)
	@case "$${DATABASE_URL:-}" in postgres://*|postgresql://*) ;; \
		*) echo "make test-cluster needs DATABASE_URL=postgres://... (a role with CREATEDB)"; exit 2;; esac
	CLUSTER_TEST=1 $(BIN)/pytest -n 0 -m cluster tests/cluster $(ARGS)

# Without the browser tests, for a quick round trip.
test-fast: $(DEV_INSTALLED)
	$(BIN)/pytest -n $(TEST_WORKERS) -m "not browser" $(ARGS)

lint: $(DEV_INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff format --check .

format: $(DEV_INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: demo var/serve-secret-key
	$(BIN)/python bench/run.py --port $(BENCH_PORT)
	$(BIN)/python -m bench.newsletter
	@if [ -n "$(BENCH_DATABASE_URL)" ]; then $(MAKE) --no-print-directory bench-signup; \
	else echo "Sign-up rush on PostgreSQL skipped: set BENCH_DATABASE_URL=postgres://... (make bench-signup)"; fi

# The sign-up rush (bench/signup_scale.py): 500 sign-ups over 10 s, two gunicorn servers, a worker,
# on a PostgreSQL database of its own (it gets the demo content); fails when a target is missed.
#   make bench-signup BENCH_DATABASE_URL=postgres://user:password@127.0.0.1:5432/buurt_bench
.PHONY: bench-signup
bench-signup: $(INSTALLED) var/serve-secret-key
	BENCH_DATABASE_URL="$(BENCH_DATABASE_URL)" $(BIN)/python -m bench.signup_scale

# Backups (home/backups.py): the database and the uploaded files in a new folder under
# BACKUP_DIR (default var/backups, which `make clean` removes); KEEP=n keeps the newest n.
#   make backup [KEEP=14]
#   make restore BACKUP=var/backups/buurtpreventie-20261207T020000Z [FORCE=1]
.PHONY: backup restore
backup: $(INSTALLED)
	$(MANAGE) backup_site $(if $(KEEP),--keep $(KEEP))

restore: $(INSTALLED)
	@test -n "$(BACKUP)" || { echo "Geef de back-up op: make restore BACKUP=var/backups/buurtpreventie-..."; exit 2; }
	$(MANAGE) restore_site "$(BACKUP)" $(if $(FORCE),--force)

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
