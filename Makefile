# The single entry point: `make run` and `make test` are all the set-up a new machine needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Links in emails and calendar files point to the address actually served on.
SITE_URL ?= http://127.0.0.1:$(PORT)
export SITE_URL
PYTEST_ARGS ?=
# requirements.lock: runtime and development (make run, make test). A production machine can
# install only the runtime: `make serve-prod LOCK=requirements-prod.lock VENV=/srv/vernetzt/venv`.
LOCK ?= requirements.lock
APPS := $(sort $(dir $(wildcard src/vernetzt/*/apps.py)))

.PHONY: run test lint format demo messages serve-prod check-full bench lock clean screenshots

# Re-installs when the lock file changes; `.venv` is created when missing.
$(VENV)/.installed: $(LOCK) pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r $(LOCK)
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

venv: $(VENV)/.installed

run: $(VENV)/.installed
	DEBUG=1 $(PY) manage.py migrate --noinput -v 0
	DEBUG=1 $(PY) manage.py demo --if-empty
	@echo "vernetzt: http://127.0.0.1:$(PORT)/  (Ctrl+C stops it; the data stays in ./data)"
	DEBUG=1 SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)} $(PY) manage.py runserver 127.0.0.1:$(PORT)

demo: $(VENV)/.installed
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py demo --reset

test: $(VENV)/.installed
	$(PY) -m pytest $(PYTEST_ARGS)

check-full: $(VENV)/.installed
	HYPOTHESIS_PROFILE=long $(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Collect new strings of every app into its own catalogue for every language in settings.LANGUAGES,
# fill English from the ids, apply tools/<language>/*.json, compile.
messages: $(VENV)/.installed
	languages="$$($(PY) -m vernetzt.core.i18n_tools languages)"; \
	flags=""; for language in $$languages; do flags="$$flags -l $$language"; done; \
	for app in $(APPS); do \
	  (cd $$app && mkdir -p locale && ../../../$(PY) ../../../manage.py makemessages $$flags --no-obsolete -v 0) || exit 1; \
	done; \
	$(PY) -m vernetzt.core.i18n_tools fill-english src/vernetzt; \
	for language in $$languages; do \
	  if [ "$$language" != en ]; then $(PY) tools/translate.py $$language || exit 1; fi; \
	done
	$(PY) manage.py compilemessages -v 0 --ignore=.venv --ignore=data

serve-prod: $(VENV)/.installed
	$(PY) manage.py require_secret_key
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py createcachetable
	$(VENV)/bin/gunicorn vernetzt.wsgi:application --bind 127.0.0.1:$(PORT) --workers $$((2 * $$(nproc) + 1))

# Screenshots of the main pages (public, member, staff; phone and desktop; German and Arabic)
# into screenshots/ (git-ignored), on the demo data of `make run`.
screenshots: $(VENV)/.installed
	DEBUG=1 $(PY) manage.py migrate --noinput -v 0
	DEBUG=1 $(PY) manage.py demo --if-empty
	DEBUG=1 $(PY) tools/screenshots.py

bench: $(VENV)/.installed
	for script in bench/*.py; do $(PY) $$script || exit 1; done

# Regenerate the lock files after changing dependencies in pyproject.toml.
lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile pyproject.toml --extra dev -o requirements.lock --python-version 3.11
	$(PYTHON) -m uv pip compile pyproject.toml -o requirements-prod.lock --python-version 3.11

clean:
	rm -rf $(VENV) data
