# ARMS: the two commands are `make run` (the demo) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install run test lint format bench clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,demo]'
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the dependencies

run: install ## Migrate the embedded SQLite database, load the demo data, serve on http://127.0.0.1:8000 with the task worker
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py seed_demo
	@# The background worker (meeting packs) runs beside the web server and stops with it.
	trap 'kill 0' EXIT; DEBUG=1 $(BIN)/python manage.py db_worker & DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

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
	rm -rf $(VENV) db.sqlite3
