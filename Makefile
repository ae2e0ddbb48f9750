# The two commands a new machine needs (see README):
#   make run    set everything up and start the development server (flask run)
#   make test   set everything up and run every test
# Everything else here is a step of those two.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# Installs the Debian packages a step needs, from debian-packages.toml, where missing.
SYSTEM_DEPS := $(PYTHON) scripts/system_deps.py

.PHONY: run test setup test-setup serve tls-check bench lint freeze fixtures clean fresh-test \
	panel-screenshots

run: setup
	$(BIN)/flask run

test: test-setup
	$(BIN)/python -m pytest

setup: $(VENV)/.installed

# Reinstalled when the dependencies change. constraints.txt pins the versions the suite
# last passed with, so a new upstream release cannot break a fresh setup overnight.
# Debian's python3 needs python3-venv for `python3 -m venv`.
$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || $(SYSTEM_DEPS) run
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,editing]'
	touch $@

test-setup: setup node_modules/.installed
	$(SYSTEM_DEPS) test

# --ignore-scripts: vnu-jar's postinstall would try to download a JDK.
node_modules/.installed: package.json package-lock.json
	$(SYSTEM_DEPS) test
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# The production stack in the foreground: nginx on 127.0.0.1:$(PORT) in front of gunicorn on a
# unix socket (smartspec_site/serve/stack.py); Ctrl-C stops both. nginx is Debian's, with
# brotli_static, installed where missing.
PORT ?= 8000
serve: setup
	$(SYSTEM_DEPS) serve
	PORT=$(PORT) $(BIN)/python -m smartspec_site.serve.stack

# Debian's testssl.sh against deploy/nginx/smartspec.conf's TLS server with a self-signed
# certificate on 127.0.0.1: every check it has, a few minutes (the tests run a quick subset).
tls-check: test-setup
	$(BIN)/python -m pytest -q tests/test_tls.py --tls-full

bench: test-setup
	$(SYSTEM_DEPS) bench
	$(BIN)/python bench/run.py

lint: setup
	$(BIN)/ruff check smartspec_site tests bench scripts
	$(BIN)/ruff format --check smartspec_site tests bench scripts

freeze: setup
	$(BIN)/flask freeze

# Rewrite the few page snapshots (tests/__snapshots__/test_rendered/) from the site as it
# renders now: only for a change of markup on purpose; a text change needs none (docs/testing.md).
fixtures: setup
	$(BIN)/python -m pytest -q -n 0 tests/test_rendered.py --snapshot-update

# The pictures of the translation panel in TRANSLATING.md (scripts/panel_screenshots.py),
# taken in Debian's Chromium from a temporary catalog with one fuzzy entry.
panel-screenshots: test-setup
	$(BIN)/python scripts/panel_screenshots.py

# The README's `make test`, then `make serve` and `make run`, inside a new minimal Debian
# root of this machine's release, on the committed HEAD (uncommitted changes are not in
# it): what CI runs (.ci/run). docs/machine.md says how it works and what it costs.
fresh-test:
	$(SYSTEM_DEPS) fresh-test
	$(PYTHON) scripts/fresh_machine.py

clean:
	rm -rf $(VENV) node_modules build artifacts .pytest_cache
	find translations -name '*.mo' -delete
