# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8050
export HOST PORT

.PHONY: run test lint bench demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

## serve the explorer on the embedded Musterstadt demo atlas
run: $(VENV)/.installed
	$(BIN)/python app.py serve

## run the whole test suite (browser tests in headless Chromium)
test: $(VENV)/.installed-test
	$(BIN)/python -m ruff check .
	$(BIN)/python -m pytest -q -ra

lint: $(VENV)/.installed-test
	$(BIN)/python -m ruff check .

## print bytes and milliseconds per map switch, next to a naive baseline
bench: $(VENV)/.installed
	$(BIN)/python benchmarks/map_switch.py

## rebuild the shipped demo atlas (deterministic)
demo: $(VENV)/.installed
	$(BIN)/python app.py demo

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache tests/artifacts
