# Every target sets up what it needs: a .venv made with the machine's python3,
# refreshed whenever pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1
# MkDocs stamps the build time into sitemap.xml; the last commit's time makes
# two builds of one commit byte-identical.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: serve build generate test check export deploy bench clean accuracy import update pin

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# `generator build` exits non-zero when a seed could not be used at all (after
# writing the rest), so `make build` and `make deploy` stop there;
# `make build KEEP_GOING=1` publishes the rest anyway.  `make serve` keeps going.
generate: $(STAMP)
	$(BIN)/python -m generator build$(if $(filter 1,$(KEEP_GOING)), --keep-going)

serve: KEEP_GOING ?= 1
serve: generate
	$(BIN)/mkdocs serve --dirty --dev-addr $(HOST) --livereload

build: generate
	$(BIN)/mkdocs build --strict

# axe-core for the accessibility browser tests, at the version package-lock.json pins.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent

test: $(STAMP) node_modules/.package-lock.json
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/python -m generator check

export: $(STAMP)
	$(BIN)/python -m generator export

# Fix every letter's address in generator/data/adressen.yaml (commit it with the letters).
pin: $(STAMP)
	$(BIN)/python -m generator pin

# Fetch Kamerstukken from the official repository into seeds/: make import KST="28676-554 28676-555"
import: $(STAMP)
	@test -n "$(KST)" || { echo 'Geef een Kamerstuknummer: make import KST=28676-554'; exit 2; }
	$(BIN)/python -m generator import $(KST)

# The NAVO and Defensieraad dossiers (generator/data/import.yaml) since the newest letter present.
update: $(STAMP)
	$(BIN)/python -m generator import --update

# How many metadata values are read right: the development corpus, the held-out
# corpus (never tuned on), then the seeds.
GENRE ?= tests/fixtures/genre
accuracy: $(STAMP)
	$(BIN)/python -m generator score $(GENRE)
	$(BIN)/python -m generator score tests/fixtures/genre-holdout
	$(BIN)/python -m generator score seeds --truth tests/fixtures/seeds-truth

deploy: generate
	$(BIN)/mkdocs gh-deploy --strict --force

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf site $(VENV) node_modules .pytest_cache .hypothesis bench/out .cache
	$(PYTHON) -c "import shutil, json, pathlib; d = pathlib.Path('docs'); m = d / '.generated.json'; [ (d / p).unlink(missing_ok=True) for p in (json.loads(m.read_text()) if m.exists() else []) ]; m.unlink(missing_ok=True)"
