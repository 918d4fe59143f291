# Two commands on a fresh machine: `make run` (install, build the explorer, start Neo4j,
# load the seed, serve on 127.0.0.1:8000) and `make test` (lint, type-check, build the
# explorer and the documentation, install Chromium if missing, and the test suite on a real
# Neo4j and browser, with its coverage floor). `make check` is the fast loop while working:
# lint, types and unit tests.
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
# The hashed pins every install reads (`make lock` writes them from pyproject.toml).
LOCKS := requirements/tools.txt requirements/dev.txt requirements/main.txt requirements/iati.txt
# The share of service/'s statements the whole suite runs, below which `make test` fails: a
# point under the 96.0 % measured (docs/development.md, "Coverage"). Raise it as it rises.
COVERAGE_FLOOR := 95

.PHONY: install explorer browser screenshots run check test fuzz docs docs-serve lock schema \
	word-rarity neo4j seed serve stop clean

install: $(INSTALLED) .env explorer

# Every package comes from the hashed pins in requirements/, nothing from a bare name: first
# pip and setuptools themselves, then the service's and the tools' packages, then the
# project in place. Builds use the pinned setuptools (no build isolation), since the few
# packages published only as source would otherwise fetch an unpinned one to build with.
$(INSTALLED): pyproject.toml $(LOCKS)
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is needed"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/tools.txt
	$(BIN)/python -m pip install --quiet --require-hashes --no-build-isolation \
		-r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	# IATI's codelists and schemas, from pyIATI's package: its data only, without the 2018
	# pins of its code (the map never imports it).
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps --no-build-isolation \
		-r requirements/iati.txt
	touch $(INSTALLED)

# Resolve pyproject.toml's dependencies again into the hashed pins, for Python 3.11 on any
# platform: keeping every pin that still fits, or, with `make lock UPGRADE=1`, taking the
# newest each range allows. uv is itself one of the pinned tools. dev.txt (the service and
# its tools: make install, CI) is resolved first; main.txt (the service alone: the Docker
# image) takes the same versions.
UV_COMPILE = $(BIN)/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
	$(if $(UPGRADE),--upgrade) --custom-compile-command 'make lock'
lock: $(INSTALLED)
	$(UV_COMPILE) requirements/tools.in -o requirements/tools.txt
	$(UV_COMPILE) pyproject.toml --extra dev -o requirements/dev.txt
	$(UV_COMPILE) pyproject.toml -c requirements/dev.txt -o requirements/main.txt
	$(UV_COMPILE) --no-deps requirements/iati.in -o requirements/iati.txt

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

# Take the documentation's pictures (docs/screenshots/) again from the browser tests.
screenshots: install browser
	A87_SCREENSHOTS_DIR=docs/screenshots $(BIN)/pytest tests/e2e

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

# Everything: the fast loop, the explorer's own tests, the documentation, and the tests on a
# real Neo4j and Chromium, which fail if they run less of service/ than the floor.
test: install browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	cd explorer && npm test
	$(MAKE) docs
	$(BIN)/pytest --cov=service --cov-report=term --cov-fail-under=$(COVERAGE_FLOOR)

# More generated read queries than the suite's 2,000 (docs/development.md, "Every read
# answers"); the tally goes to .artifacts/fuzz-queries.json.
fuzz: install
	A87_FUZZ_EXAMPLES=10000 $(BIN)/pytest -q tests/integration/test_query_properties.py

# The documentation site (mkdocs.yml, docs/) into site/; any warning (a broken link, a page
# missing from the navigation) fails it. The GraphQL reference is made from schema.graphql
# as it builds.
docs: $(INSTALLED)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

# The documentation site with live reload, at http://127.0.0.1:8001/ (the map holds 8000).
docs-serve: $(INSTALLED)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8001

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
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache *.egg-info .artifacts site .coverage \
		explorer/node_modules explorer/dist
