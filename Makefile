# Two commands do everything: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# Prefer python3.13/3.12 on PATH, then pyenv's interpreters (pyenv shims exist but may not be activated).
PYTHON ?= $(shell for c in python3.13 python3.12 $$HOME/.pyenv/versions/3.13*/bin/python3.13 $$HOME/.pyenv/versions/3.12*/bin/python3.12 /root/.pyenv/versions/3.12*/bin/python3.12; do \
	if $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then echo $$c; break; fi; done)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test venv install install-dev migrate demo lint format check browser clean

$(VENV)/.installed: requirements.txt
	@test -n "$(PYTHON)" || { echo "Python >= 3.12 not found (tried python3.13, python3.12 and pyenv versions). Install one, or run: make PYTHON=/path/to/python3.12"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo_content

run: demo
	@echo "Spine PostOp Atlas on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/cms/ as faculty / faculty-demo, reviewer / reviewer-demo or admin / admin-demo)"
	$(PY) manage.py runserver $(HOST):$(PORT)

browser:
	@command -v chromium >/dev/null 2>&1 || test -x "$${CHROMIUM_PATH:-/usr/bin/chromium}" || { \
		echo "Installing Debian's chromium for browser tests"; \
		if [ "$$(id -u)" = 0 ]; then apt-get install -y -q chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium); \
		else sudo apt-get install -y -q chromium; fi; }

test: install-dev browser
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: install-dev
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_SECRET_KEY=check-only-$$(date +%s)-not-a-real-key-0123456789abcdefghijklmnop DJANGO_ALLOWED_HOSTS=example.org \
		$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) db.sqlite3 media/images media/original_images staticfiles
