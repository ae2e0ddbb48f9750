# The two commands a new machine needs (see README):
#   make run    set everything up and start the development server (flask run)
#   make test   set everything up and run every test
# Everything else here is a step of those two.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test setup test-setup serve tls-check bench lint freeze fixtures clean

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

# The production stack in the foreground: nginx on 127.0.0.1:$(PORT) in front of gunicorn on a
# unix socket (smartspec_site/serve/stack.py); Ctrl-C stops both. nginx is Debian's, with
# brotli_static, installed where missing.
PORT ?= 8000
NGINX_BROTLI := /usr/lib/nginx/modules/ngx_http_brotli_static_module.so
serve: setup
	@test -x /usr/sbin/nginx || scripts/system-deps --package nginx
	@test -e $(NGINX_BROTLI) || scripts/system-deps --package libnginx-mod-http-brotli-static
	PORT=$(PORT) $(BIN)/python -m smartspec_site.serve.stack

# Debian's testssl.sh against deploy/nginx/smartspec.conf's TLS server with a self-signed
# certificate on 127.0.0.1: every check it has, a few minutes (the tests run a quick subset).
tls-check: test-setup
	$(BIN)/python -m pytest -q tests/test_tls.py --tls-full

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
