# The README's commands. `make serve` and `make test` do all the set-up on a
# fresh machine with only Python 3.11.5+: they create .venv on first run.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# cpu (default): CPU builds of PyTorch and TensorFlow; cuda: their CUDA builds (GPU machines).
FRAMEWORKS ?= cpu
# pytest-xdist processes for `make test`: one per CPU, and at least three, so the three
# folders whose tests stay together (browser, site, snippets: tests/xdist_groups.py) run
# side by side even on two cores, where one waits on the browser while another computes.
# TEST_WORKERS=0 runs the suite in one process.
TEST_WORKERS ?= $(shell $(PYTHON) -c 'import os; print(max(3, os.cpu_count() or 1))' 2>/dev/null || echo 3)
# MkDocs 1.6 prints a banner about its successor on every build; we pin 1.6 on purpose.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install setup serve build test test-other-cpus check outputs notebooks bench clean

help:
	@echo "make serve   serve the site on http://127.0.0.1:8000 with live reload"
	@echo "make build   build the static site into site/"
	@echo "make test    run the whole test suite (snippets, site, translations, browser)"
	@echo "make test-other-cpus  every snippet again under simulated other CPUs"
	@echo "make check   check translations (stale, broken, missing)"
	@echo "make outputs regenerate the output files shown under code on pages"
	@echo "make bench   run the benchmarks"
	@echo "make setup   only create .venv with everything make test needs"
	@echo "make test FRAMEWORKS=cuda   the same with the CUDA builds, on a machine with an NVIDIA GPU"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' 2>/dev/null || { \
	  echo "This project needs Python 3.11.5 or newer; '$(PYTHON)' is $$(command -v $(PYTHON) >/dev/null && $(PYTHON) --version 2>&1 || echo 'not found')."; \
	  echo "Install a newer Python and run e.g. 'make test PYTHON=python3.12'."; exit 1; }
	@echo "Creating $(VENV) with $$($(PYTHON) --version)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Marker files: re-install only when pyproject.toml changes. The checkout goes on sys.path as a
# plain path (editable_mode=compat): setuptools' default import hook costs every Python started
# in .venv 30-40 ms (tools/install_frameworks.py does the same).
$(VENV)/.site: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --config-settings editable_mode=compat -e .
	@touch $@

# The frameworks' right builds for this machine, then the test tools (see the script's docstring).
$(VENV)/.test: pyproject.toml tools/install_frameworks.py | $(BIN)/python
	$(BIN)/python tools/install_frameworks.py $(FRAMEWORKS)
	@touch $@ $(VENV)/.site

install: $(VENV)/.site

setup: $(VENV)/.test

serve: $(VENV)/.site
	$(BIN)/mkdocs serve --livereload -a 127.0.0.1:8000

build: $(VENV)/.site
	$(BIN)/mkdocs build --strict

test: $(VENV)/.test
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# Every snippet again under simulated other CPUs (instruction sets, thread counts, kernels);
# OTHER_CPUS=each runs each configuration on its own.
test-other-cpus: $(VENV)/.test
	$(BIN)/python -m pytest tests/snippets/test_other_cpus.py -m other_cpus $(PYTEST_ARGS)

check: $(VENV)/.site
	$(BIN)/coop-translations check

outputs: $(VENV)/.test
	$(BIN)/python -m tools.snippets outputs

notebooks: $(VENV)/.site
	$(BIN)/python -m tools.snippets notebooks

bench: $(VENV)/.test
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf site .cache .pytest_cache
