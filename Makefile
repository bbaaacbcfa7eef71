# One task runner for people and CI. Everything installs itself into .venv on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
UV_VERSION := 0.13.9
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(abspath $(VENV))

.PHONY: install run test lint fmt migrate bench eval clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("Maestro needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(VENV)/.installed: $(BIN)/python pyproject.toml uv.lock
	$(UV) sync --frozen --python $(BIN)/python --all-groups
	touch $@

install: $(VENV)/.installed ## Install Maestro and its tools into .venv

run: install ## Start Maestro with the embedded defaults on http://127.0.0.1:8000
	$(BIN)/maestro serve

test: install ## Run every test
	$(BIN)/pytest

lint: install ## ruff + mypy strict
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

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
	rm -rf $(VENV) .maestro .pytest_cache .mypy_cache .ruff_cache
