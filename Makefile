# The course's commands. Students need two: `make lab` and `make test`.
# Everything else is for instructors and maintainers (see README.md).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP_VERSION := 26.3
PINS   := requirements/constraints.txt
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
EDITION ?= student
LESSON ?=
# Student input reaches commands through the environment, never through the shell's parser.
export EDITION LESSON
ifneq ($(filter-out student instructor,$(EDITION))$(words $(EDITION)),1)
$(error EDITION must be student or instructor)
endif
# Jupyter refuses to run as root unless told; pass the flag only when we are root.
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
# Keep Jupyter's and matplotlib's per-user files inside the project.
export JUPYTER_CONFIG_DIR := $(CURDIR)/.venv/etc/jupyter-user
export MPLCONFIGDIR := $(CURDIR)/.venv/mplconfig
# The course's Jupyter settings (jupyter/): open lesson 00, no news pop-up.
export JUPYTER_CONFIG_PATH := $(CURDIR)/jupyter

.PHONY: help work lab author test test-browser editions handout export answer-key reset bench pins data outputs lint clean site collect bench-hub

help:
	@echo "make lab        set up (first time) and open the course in JupyterLab"
	@echo "make test       set up and run every test (unit tests + strict nbval)"
	@echo "make lab EDITION=instructor   open the instructor edition"
	@echo "make reset LESSON=02          fresh copy of one lesson (the old one is kept)"
	@echo "make editions | handout | export | answer-key | bench | test-browser | author"
	@echo "make site       build the course website in dist/site/ (open dist/site/index.html)"

# The students' environment (the lab extra only): rebuilt when pyproject.toml or the pins change.
$(STAMP): pyproject.toml $(PINS)
	@echo "Setting up the course environment in $(VENV)/ (first time: about a minute) ..."
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's python3-venv (needed to create $(VENV))"; \
	    apt-get update -qq && apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); \
	  else \
	    echo "Cannot create a virtual environment. On Debian/Ubuntu run: sudo apt-get install python3-venv"; exit 1; \
	  fi; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==$(PIP_VERSION)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(PINS) -e '.[lab]'
	@touch $@
	@echo "Environment ready."

# Maintainers and CI: the students' environment plus the test tools.
$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(PINS) -e '.[lab,test]'
	@touch $@

work: $(STAMP)
	@$(BIN)/python -m course_lib workcopy --edition $(EDITION)

# PATH: JupyterLab's terminal finds the course's python (python -m course_lib export works there).
lab: work
	cd work/$(EDITION) && PATH="$(CURDIR)/$(BIN):$$PATH" ../../$(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.ip=127.0.0.1 00_start_here.ipynb

author: $(STAMP)
	cd notebooks && PATH="$(CURDIR)/$(BIN):$$PATH" ../$(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.ip=127.0.0.1 00_start_here.ipynb

test: $(TEST_STAMP)
	$(BIN)/python -m pytest

test-browser: $(TEST_STAMP)
	$(BIN)/python -m pytest tests/browser

lint: $(TEST_STAMP)
	$(BIN)/ruff check .

editions: $(STAMP)
	$(BIN)/python -m course_lib editions

handout: $(STAMP)
	$(BIN)/python -m course_lib handout

export: $(STAMP)
	$(BIN)/python -m course_lib export

answer-key: $(STAMP)
	$(BIN)/python -m course_lib answer-key

# Instructors: the class's exports (one folder per student, as a learning platform's download gives
# them) into dist/collected/: one page per prompt and a progress table. make collect FROM=downloads/
# (ANONYMOUS=1 replaces names with Student 1, 2, ...). FROM arrives through the environment.
export FROM ANONYMOUS
collect: $(STAMP)
	@test -n "$$FROM" || { echo "Say which folder: make collect FROM=path/to/downloads"; exit 2; }
	$(BIN)/python -m course_lib collect "$$FROM" $(if $(ANONYMOUS),--anonymous)

# LESSON and EDITION arrive through the environment (exported above): no quoting can break out.
reset: $(STAMP)
	$(BIN)/python -m course_lib reset

bench: $(TEST_STAMP)
	$(BIN)/python bench/run.py

# Maintainers: memory per student and start-up per user on a real JupyterHub (docs/class_guide.md).
bench-hub: $(TEST_STAMP)
	$(BIN)/python bench/hub_sizing.py

# The course website: Sphinx + MyST-NB from the stored outputs (no kernel runs), into dist/site/.
SITE_STAMP := $(VENV)/.installed-site
$(SITE_STAMP): $(STAMP) pyproject.toml $(PINS)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(PINS) -e '.[site]'
	@touch $@

site: $(SITE_STAMP)
	$(BIN)/python -m course_lib site

# Maintainers: refresh checksums and source lists in data/datapackage.json after editing data/.
# It refuses a file whose CSV records and parsed rows differ, or whose rows drop; after checking
# such a change by hand: make data ACCEPT=1
data: $(STAMP)
	$(BIN)/python tools/refresh_datapackage.py $(if $(ACCEPT),--accept)

# Maintainers: re-run every source notebook and store its outputs (what nbval compares).
outputs: $(TEST_STAMP)
	$(BIN)/python -m course_lib execute notebooks/*.ipynb

# Maintainers: re-pin after changing dependencies in pyproject.toml.
# (Linux-only packages keep their platform markers: see tools/pins.py.)
pins: $(TEST_STAMP)
	$(BIN)/python tools/pins.py

clean:
	rm -rf $(VENV) dist build artifacts
