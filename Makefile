# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
AXE := tests/js/node_modules/axe-core/axe.min.js

.PHONY: run test index messages screenshots bytecode

$(BIN)/kb: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(BIN)/kb

## bytecode: compile the project's modules ahead. An editable install leaves them as source, and
## where PYTHONDONTWRITEBYTECODE is set (this machine's kind sets it) every `kb` command and every
## server start compiled ~110 modules again: 0.1 s of CPU per `kb index`, a tenth of a one-entry
## update at 100 000 entries. Python reads these .pyc files, and compiles a changed module's
## source itself, written or not; compileall redoes only the stale ones.
bytecode: $(BIN)/kb
	$(BIN)/python -m compileall -q kb indexer wsgi.py

## run: install, bring the index up to date with content/, serve on http://127.0.0.1:8000
run: bytecode
	$(BIN)/kb index
	$(BIN)/gunicorn -c gunicorn.conf.py --bind $(HOST):$(PORT) wsgi:app

## test: install what the tests need (Debian's chromium, nginx, DejaVu fonts and poppler-utils, as root; axe-core) and run the whole suite
test: bytecode
	@if [ "$$(id -u)" = 0 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/sbin/nginx ] || \
	     [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || [ ! -x /usr/bin/pdftotext ]; }; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium nginx fonts-dejavu-core poppler-utils >/dev/null; fi
	@if ! command -v npm >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; fi
	test -f $(AXE) || npm ci --prefix tests/js --no-audit --no-fund --loglevel=error
	$(BIN)/python -m pytest -q -p no:cacheprovider

index: bytecode
	$(BIN)/kb index

## messages: re-extract interface strings and merge them into the catalogues
messages: $(BIN)/kb
	$(BIN)/pybabel extract -F babel.cfg -k _ -k gettext -k ngettext:1,2 -o kb/translations/messages.pot .
	$(BIN)/pybabel update -i kb/translations/messages.pot -d kb/translations
	rm kb/translations/messages.pot

## screenshots: regenerate the README's screenshots (docs/screenshots/) in headless Chromium
screenshots: $(BIN)/kb
	$(BIN)/python -m tests.screenshots docs/screenshots
