# jsrust — the two commands a newcomer needs: `make lab` and `make test`.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
STAMP := $(VENV)/.jsrust-installed

.PHONY: lab test test-slow setup bench clean

$(VPY):
	$(PY) -m venv $(VENV)

$(STAMP): $(VPY) pyproject.toml
	$(VPY) -m pip install -q --upgrade pip
	$(VPY) -m pip install -q -e '.[test]'
	$(VPY) -m jsrust_kernel.install --sys-prefix
	touch $(STAMP)

## setup: venv, project, kernelspec, graphviz `dot`, toolchain check
setup: $(STAMP)
	@bash scripts/ensure-tools.sh

## lab: open JupyterLab with the jsrust kernel on notebooks/
lab: setup
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks --ip=127.0.0.1 --no-browser \
	  --IdentityProvider.token=$${JSRUST_TOKEN:-$$(python3 -c 'import secrets;print(secrets.token_hex(16))')}

## test: the whole test suite (what CI runs)
test: setup
	@bash scripts/ensure-tools.sh --browser
	$(VENV)/bin/python -m pytest -q

## test-slow: generators with thousands of examples, long benchmarks
test-slow: setup
	$(VENV)/bin/python -m pytest -q -m slow

bench: setup
	$(VENV)/bin/jsrust bench benchmarks/programs/*.js

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
