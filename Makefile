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

.PHONY: serve build generate test check export deploy bench clean accuracy

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

generate: $(STAMP)
	$(BIN)/python -m generator build

serve: generate
	$(BIN)/mkdocs serve --dirty --dev-addr $(HOST) --livereload

build: generate
	$(BIN)/mkdocs build --strict

test: $(STAMP)
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/python -m generator check

export: $(STAMP)
	$(BIN)/python -m generator export

# How many metadata values are read right: the development corpus, then the seeds.
GENRE ?= tests/fixtures/genre
accuracy: $(STAMP)
	$(BIN)/python -m generator score $(GENRE)
	$(BIN)/python -m generator score seeds --truth tests/fixtures/seeds-truth

deploy: generate
	$(BIN)/mkdocs gh-deploy --strict --force

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf site $(VENV) .pytest_cache .hypothesis bench/out .cache
	$(PYTHON) -c "import shutil, json, pathlib; d = pathlib.Path('docs'); m = d / '.generated.json'; [ (d / p).unlink(missing_ok=True) for p in (json.loads(m.read_text()) if m.exists() else []) ]; m.unlink(missing_ok=True)"
