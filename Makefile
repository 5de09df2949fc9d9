# Two entry points for a fresh machine (README):
#   make demo   create .venv, install cprfl, train the CPU demo (papermill nbs/train.ipynb -> reports/)
#   make test   create .venv, install cprfl with dev extras, run every notebook's tests (nbdev_test)
SHELL := /bin/bash
VENV  := .venv
PY    := $(VENV)/bin/python
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)

.PHONY: demo test install install-dev clean-venv readme

$(VENV)/.base:
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip wheel setuptools
	# torch and torchvision in one pip call: the wheels are large and must match each other
	$(PY) -m pip install -q torch==2.14.1 torchvision==0.29.1
	touch $@

$(VENV)/.installed: $(VENV)/.base settings.ini setup.py
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# the main job: nbs/train.ipynb once it exists; until then the most complete real notebook
DEMO_NB := $(if $(wildcard nbs/train.ipynb),train.ipynb,00_core.ipynb)
demo: install
	mkdir -p reports
	papermill nbs/$(DEMO_NB) reports/$(DEMO_NB) --cwd nbs -k python3

test: install-dev
	nbdev_test --n_workers 2 --timing

clean-venv:
	rm -rf $(VENV)

# README.md is generated from nbs/index.ipynb (quarto, which nbdev_readme needs, cannot be installed here)
readme: install-dev
	jupyter nbconvert --to markdown nbs/index.ipynb --output-dir . --output README --log-level WARN
