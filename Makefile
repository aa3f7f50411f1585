# ARMS: the two commands are `make run` (the demo) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install run serve code test lint format bench clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,demo]'
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the dependencies

run: install .demo-secret-key ## Migrate the embedded SQLite database, load the demo, serve it with DEBUG off on http://127.0.0.1:8000 (PORT=8123 for another port) with the task worker
	$(DEMO_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEMO_ENV) $(BIN)/python manage.py seed_demo --port $(PORT)
	$(DEMO_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	@# The background worker (meeting packs) runs beside the web server and stops with it.
	trap 'kill 0' EXIT; $(DEMO_ENV) $(BIN)/python manage.py db_worker & $(DEMO_ENV) $(BIN)/python manage.py runserver --noreload $(HOST):$(PORT)

serve: install .demo-secret-key ## Serve with gunicorn and the production config (gunicorn.conf.py) on HOST:PORT; uses SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL from the environment, else the demo's
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(SERVE_ENV) GUNICORN_BIND=$(HOST):$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py

code: ## Print the current sign-in code of a demo account: make code USER=officer
	@$(DEMO_ENV) $(BIN)/python manage.py demo_code $(USER)

# The demo as an officer would see it: DEBUG off, a local secret key made once (not committed),
# static files collected, loopback hosts only, plain HTTP on this machine.
DEMO_ENV = SECRET_KEY="$$(cat .demo-secret-key)" ALLOWED_HOSTS=127.0.0.1,localhost ARMS_LOCAL_HTTP=1

# `make serve`: the production settings from the environment when SECRET_KEY is set there,
# otherwise the local demo's (its key file, loopback hosts, plain HTTP).
ifeq ($(SECRET_KEY),)
SERVE_ENV = $(DEMO_ENV)
else
SERVE_ENV =
endif

.demo-secret-key:
	@$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	@chmod 600 $@

test: install ## Run the whole test suite (against DATABASE_URL when it is set)
	$(BIN)/python -m pytest

lint: install ## Check style with ruff and the import layers with import-linter
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install ## Format the code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install ## Run the benchmarks under bench/ (see README)
	$(BIN)/python bench/run_all.py

clean: ## Remove the virtualenv and the demo database
	rm -rf $(VENV) db.sqlite3 staticfiles .demo-secret-key
