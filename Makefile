# Two commands on a fresh machine: `make run` (install, build the explorer, start Neo4j,
# load the seed, serve on 127.0.0.1:8000) and `make test` (lint, type-check, build the
# explorer, install Chromium if missing, and the test suite on a real Neo4j and browser).
# `make check` is the fast loop while working: lint, types and unit tests.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
EXPLORER_INSTALLED := explorer/node_modules/.installed
EXPLORER_BUILT := explorer/dist/index.html
EXPLORER_SOURCES := $(shell find explorer/src -type f) explorer/index.html \
	explorer/tsconfig.json explorer/vite.config.ts
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install explorer browser screenshots run check test schema word-rarity neo4j seed serve stop clean

install: $(INSTALLED) .env explorer

$(INSTALLED): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is needed"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	# IATI's codelists and schemas, from pyIATI's package: its data only, without the 2018
	# pins of its code (the map never imports it).
	$(BIN)/pip install --quiet --no-deps 'pyIATI==0.4.1'
	touch $(INSTALLED)

# The explorer page: npm packages pinned by package-lock.json, type-checked and bundled.
$(EXPLORER_INSTALLED): explorer/package.json explorer/package-lock.json
	cd explorer && npm ci --no-audit --no-fund
	touch $@

$(EXPLORER_BUILT): $(EXPLORER_INSTALLED) $(EXPLORER_SOURCES)
	cd explorer && npm run build

explorer: $(EXPLORER_BUILT)

# The browser tests drive Debian's Chromium; nothing downloads a browser of its own.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium; }

# Refresh the README's pictures from the browser tests.
screenshots: install browser
	A87_SCREENSHOTS_DIR=docs/screenshots $(BIN)/pytest tests/e2e/test_explorer.py tests/e2e/test_follow_up_views.py

# A random password for the local Neo4j, kept out of git (.gitignore lists .env).
.env:
	@umask 077; printf 'NEO4J_PASSWORD=%s\n' "$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(18))')" > .env
	@echo "Wrote .env with a random NEO4J_PASSWORD."

# Docker compose where a Docker engine answers; the project's own local server elsewhere.
neo4j: install
	@if docker info >/dev/null 2>&1; then docker compose up -d --wait neo4j; \
	else $(BIN)/a87map neo4j start; fi

seed: neo4j
	$(BIN)/a87map seed

serve: install
	$(BIN)/a87map serve --host 127.0.0.1 --port 8000

run: seed serve

# The fast loop: lint, types and the unit tests (no database, no browser).
check: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -m unit -q

# Everything: the fast loop, the explorer's own tests, and the tests on a real Neo4j and
# Chromium.
test: install browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	cd explorer && npm test
	$(BIN)/pytest

# The GraphQL contract: write the live schema to schema.graphql, and the explorer's detail
# fields made from the kinds' declarations to its generated folder (both committed and tested).
schema: $(INSTALLED)
	$(BIN)/a87map schema > schema.graphql
	$(BIN)/a87map explorer-fields > explorer/src/generated/fields.json

# The word rarity overlap scoring uses, learnt from the seed's texts (committed and tested).
word-rarity: $(INSTALLED)
	$(BIN)/python -m service.seed.word_rarity

stop:
	@if docker info >/dev/null 2>&1; then docker compose down; else $(BIN)/a87map neo4j stop; fi

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache *.egg-info .artifacts \
		explorer/node_modules explorer/dist
