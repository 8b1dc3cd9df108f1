# apdesk: the two commands of the quick start, and a few for developers.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: run test lint typecheck bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test,postgres]'
	touch $@ $(STAMP)

## Open apdesk on the demo store (created on first use).
run: $(STAMP)
	$(VENV)/bin/apdesk --demo

## Run the whole test suite headless.
test: $(TSTAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(TSTAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	$(VENV)/bin/mypy

typecheck: $(TSTAMP)
	$(VENV)/bin/mypy

bench: $(TSTAMP)
	$(PY) -m benchmarks --scale small --json

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache

.PHONY: bundle bundle-smoke guide-screenshots icons

## The Linux one-folder bundle in dist/apdesk (PyInstaller; see docs/packaging.md).
bundle: $(TSTAMP)
	$(PY) -m pip install --quiet -e '.[packaging]'
	bash packaging/build_linux.sh $(PY)

## Build the bundle, then start it offscreen on a demo store and run a command on a store.
bundle-smoke: bundle
	APDESK_BUILD_BUNDLE=1 APDESK_BUNDLE_DIR=dist/apdesk QT_QPA_PLATFORM=offscreen \
		$(PY) -m pytest -q -m slow tests/e2e/test_bundle.py

## Remake the user guide's screenshots from the demo school (then look at them).
guide-screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tools/guide_screenshots.py

## Redraw the app icon at every size.
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tools/make_icons.py

## Translations (docs/translations.md): pull new strings from the code, merge them into
## every language, and compile the .mo files the app reads (committed).
.PHONY: i18n-extract i18n-update i18n-compile
i18n-extract: $(STAMP)
	$(PY) tools/i18n.py extract

i18n-update: i18n-extract
	$(PY) tools/i18n.py update

i18n-compile: $(STAMP)
	$(PY) tools/i18n.py compile
