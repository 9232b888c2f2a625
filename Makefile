# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test index messages

$(BIN)/kb: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(BIN)/kb

## run: install, bring the index up to date with content/, serve on http://127.0.0.1:8000
run: $(BIN)/kb
	$(BIN)/kb index
	$(BIN)/gunicorn --preload --workers 2 --bind $(HOST):$(PORT) wsgi:app

## test: install what the tests need (Debian's chromium and DejaVu fonts included, as root) and run the whole suite
test: $(BIN)/kb
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi
	@if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null; fi
	$(BIN)/python -m pytest -q -p no:cacheprovider

index: $(BIN)/kb
	$(BIN)/kb index

## messages: re-extract interface strings and merge them into the catalogues
messages: $(BIN)/kb
	$(BIN)/pybabel extract -F babel.cfg -k _ -k gettext -k ngettext:1,2 -o kb/translations/messages.pot .
	$(BIN)/pybabel update -i kb/translations/messages.pot -d kb/translations
	rm kb/translations/messages.pot
