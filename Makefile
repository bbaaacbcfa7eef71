# One task runner for people and CI. Everything installs itself into .venv on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
UV_VERSION := 0.13.9
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(abspath $(VENV))

.PHONY: install run test test-clock lint fmt migrate bench eval clean ui ui-api chromium faketime

# The web app (web/) builds into the Python package, which serves it at `/`.
WEB_DEPS := web/node_modules/.installed
UI_INDEX := src/eventmaestro/webui/dist/index.html
UI_SOURCES := $(shell find web/src web/scripts/precompress.ts web/index.html web/vite.config.ts web/tsconfig.json web/package-lock.json -type f 2>/dev/null)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("Maestro needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(VENV)/.installed: $(BIN)/python pyproject.toml uv.lock
	$(UV) sync --frozen --python $(BIN)/python --all-groups
	touch $@

install: $(VENV)/.installed ## Install Maestro and its tools into .venv

$(WEB_DEPS): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

$(UI_INDEX): $(WEB_DEPS) $(UI_SOURCES)
	cd web && npx vite build

ui: $(UI_INDEX) ## Build the web app (when missing or stale)

ui-api: install $(WEB_DEPS) ## Regenerate web/openapi.json and the typed client from the API
	$(BIN)/python -m eventmaestro.webui.spec web/openapi.json
	cd web && node scripts/codegen.mjs

chromium: ## Debian's Chromium for the browser tests, installed when missing
	@command -v chromium >/dev/null || { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

faketime: ## Debian's libfaketime for the runs with the clock moved ahead, installed when missing
	@command -v faketime >/dev/null || { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y faketime; }

run: install ui ## Start Maestro with the embedded defaults on http://127.0.0.1:8000
	$(BIN)/maestro serve

test: install ui chromium ## Run every test: the web app's components, everything in pytest, then the date tests a year on
	cd web && npx vitest run
	$(BIN)/pytest
	$(MAKE) --no-print-directory test-clock

# The tests marked `dates` again with the real clock moved ahead: a test that passes only in
# the month it was written fails here. Monotonic time stays real (timeouts, asyncio). The
# nearer shifts run on the embedded stack; the year-on shift runs on both stacks. Tests
# marked `wall_clock` (a converter script run as a child process) break under libfaketime
# itself and are left out.
CLOCK_SHIFTS ?= +45d +200d
CLOCK_SHIFT_BOTH_STACKS ?= +400d
test-clock: install faketime ## The date tests with the clock moved +45, +200 and +400 days
	@for shift in $(CLOCK_SHIFTS); do \
		echo "== clock moved $$shift (embedded) =="; \
		FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -m -f "$$shift" \
			$(BIN)/pytest -m "dates and not wall_clock" -k "not distributed" -q -p no:cacheprovider || exit 1; \
	done
	@echo "== clock moved $(CLOCK_SHIFT_BOTH_STACKS) (embedded and distributed) =="
	FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -m -f "$(CLOCK_SHIFT_BOTH_STACKS)" \
		$(BIN)/pytest -m "dates and not wall_clock" -q -p no:cacheprovider

lint: install $(WEB_DEPS) ## ruff + mypy strict; tsc + ESLint; the generated client is up to date
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m eventmaestro.webui.spec --check web/openapi.json
	cd web && node scripts/codegen.mjs --check
	cd web && npx tsc --noEmit -p .
	cd web && npx eslint . --max-warnings 0

fmt: install
	$(BIN)/ruff check --fix src tests benchmarks
	$(BIN)/ruff format src tests benchmarks

migrate: install ## Migrate the configured database
	$(BIN)/maestro migrate

bench: install ## Load benchmarks (see benchmarks/README.md)
	$(BIN)/python benchmarks/run_api_load.py

eval: install ## Retrain the intent model and score it on the held-out split
	$(BIN)/python -m eventmaestro.nlp.corpus.generate
	git diff --quiet -- src/eventmaestro/nlp/corpus/ || echo "note: the regenerated corpus differs from the committed one"
	$(BIN)/python -m eventmaestro.nlp.evaluation

clean:
	rm -rf $(VENV) .maestro .pytest_cache .mypy_cache .ruff_cache web/node_modules src/eventmaestro/webui/dist
