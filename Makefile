# The two commands a new machine needs (see README):
#   make run    set everything up and start the development server (flask run)
#   make test   set everything up and run every test
# Everything else here is a step of those two.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test setup test-setup serve bench lint freeze fixtures clean

run: setup
	$(BIN)/flask run

test: test-setup
	$(BIN)/python -m pytest

setup: $(VENV)/.installed

# Reinstalled when the dependencies change. constraints.txt pins the versions the suite
# last passed with, so a new upstream release cannot break a fresh setup overnight.
# Debian's python3 needs python3-venv for `python3 -m venv`.
$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || scripts/system-deps --package python3-venv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,editing]'
	touch $@

test-setup: setup node_modules/.installed
	scripts/system-deps

# --ignore-scripts: vnu-jar's postinstall would try to download a JDK.
node_modules/.installed: package.json package-lock.json
	scripts/system-deps
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

serve: setup
	$(BIN)/gunicorn --config gunicorn.conf.py 'smartspec_site:create_app()'

bench: test-setup
	scripts/system-deps wrk:wrk
	$(BIN)/python bench/run.py

lint: setup
	$(BIN)/ruff check smartspec_site tests bench

freeze: setup
	$(BIN)/flask freeze

# Rewrite tests/fixtures/rendered/ from the site as it renders now: run it in the same
# commit as a change that alters pages on purpose (tests/rendered.py).
fixtures: setup
	$(BIN)/python -m tests.rendered

clean:
	rm -rf $(VENV) node_modules build artifacts .pytest_cache
	find translations -name '*.mo' -delete
