# counter_app — every target sets itself up on a fresh machine (Python 3.11+).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
TS     := resources/translations/counter_app_vi.ts
QM     := resources/translations/counter_app_vi.qm
BENCH_SIZE ?= 100000

.PHONY: install run test bench translations lupdate clean

install: $(STAMP) $(QM)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The compiled translation is built, never committed.
$(QM): $(TS) $(STAMP)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

translations: $(QM)

# Refresh the .ts from the sources (then translate the new entries).
lupdate: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $$(git ls-files 'counter_app/*.py') -ts $(TS)

# Opens the app on the embedded database with the demo centre; first run prints the demo passwords.
run: install
	$(BIN)/counter-app db init --demo
	$(BIN)/counter-app gui

test: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: install
	$(BIN)/python -m bench --size $(BENCH_SIZE)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .hypothesis test-artifacts $(QM)
