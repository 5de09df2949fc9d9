# Two entry points for a fresh machine (README):
#   make demo   create .venv, install cprfl, train the CPU demo (papermill nbs/train.ipynb -> runs/demo/, git-ignored)
#   make test   create .venv, install cprfl with dev extras, run every notebook's tests (nbdev_test)
SHELL := /bin/bash
VENV  := .venv
PY    := $(VENV)/bin/python
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)

.PHONY: demo demo-report test lab install install-dev clean-venv readme constraints gpu-check

$(VENV)/.base:
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip wheel setuptools
	# torch and torchvision in one pip call, at the tested versions: the wheels are large and must match each other
	$(PY) -m pip install -q -c constraints.txt torch torchvision
	touch $@

# everything at the exact versions of constraints.txt (settings.ini holds the supported ranges)
$(VENV)/.installed: $(VENV)/.base settings.ini setup.py constraints.txt
	$(PY) -m pip install -q -c constraints.txt -e .
	touch $@

# one pip call for everything the tests need (the package is not built twice): it also makes .installed up to date
$(VENV)/.installed-dev: $(VENV)/.base settings.ini setup.py constraints.txt
	$(PY) -m pip install -q -c constraints.txt -e '.[dev]'
	touch $(VENV)/.installed $@

# after changing a requirement: record the set now installed as the tested one
constraints: install-dev
	{ sed -n '1,2p' constraints.txt; $(PY) -m pip freeze --exclude-editable | grep -v '^cprfl'; } > constraints.new && mv constraints.new constraints.txt

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# the main job: the CPU demo, written where git does not look (runs/ is ignored), so the checkout stays clean
demo: install
	mkdir -p runs/demo
	papermill nbs/train.ipynb runs/demo/train.ipynb --cwd nbs -k python3 -p out_dir runs/demo/coco_lt_icons_cprfl_seed0
	@echo "report: runs/demo/coco_lt_icons_cprfl_seed0/report.md, executed notebook: runs/demo/train.ipynb"

# the committed copy of the demo run under reports/ (for maintainers: changes tracked files)
demo-report: install
	papermill nbs/train.ipynb reports/train.ipynb --cwd nbs -k python3

# two notebooks at a time, each with half of the cores for torch's threads: with torch's default (a thread per core in
# each of the two) the cores are oversubscribed and every notebook slows down (on 2 cores, 07_learner beside 03+04a:
# 146 s with the default, 74 s with one thread each, as fast as alone)
# Everything the tests write goes to one scratch folder (TMPDIR), removed when they end, passed or failed: a failed or
# killed notebook cannot leave its run folders behind (they are GBs at the paper-scale sizes), and runs share no state.
test: install-dev
	scratch=$$(mktemp -d -t cprfl_tests_XXXXXX) && trap 'rm -rf "$$scratch"' EXIT && \
	free_mb=$$(df -Pm "$$scratch" | awk 'NR == 2 {print $$4}') && \
	{ [ "$$free_mb" -ge 3600 ] || echo "make test: only $$free_mb MB free in $$scratch; the tests write up to ~3.4 GB there (two notebooks at a time): expect 'no space left on device' (set TMPDIR to a roomier disk)" >&2; } && \
	TMPDIR=$$scratch OMP_NUM_THREADS=$$(( ($$(nproc) + 1) / 2 )) nbdev_test --n_workers 2 --timing

# JupyterLab on the notebooks, where they are meant to be read: installs the dev extras (jupyterlab, nbdev, at the
# versions of constraints.txt) and starts it in nbs/; the notebooks run on this .venv's python3 kernel
lab: install-dev
	jupyter lab --notebook-dir=nbs

clean-venv:
	rm -rf $(VENV)

# README.md is generated from nbs/index.ipynb (quarto, which nbdev_readme needs, cannot be installed here)
readme: install-dev
	jupyter nbconvert --to markdown nbs/index.ipynb --output-dir . --output README --log-level WARN

# on a CUDA machine: the GPU benchmark (448 px, batch 32, AMP), 200 fit steps of ResNet-101 CPRFL on COCO-shaped JPEGs
# with automatic workers, and a one-process torchrun run of cprfl-train; writes reports/benchmark_gpu.md (< 8 min)
# without a GPU torch can use it says so and fails, writing nothing
gpu-check: install-dev
	@$(PY) -c "import sys, torch; from cprfl.core import gpu_unusable; ok = torch.cuda.is_available(); \
	  ok or print('make gpu-check needs a CUDA GPU that torch can use, and ' + (gpu_unusable() or 'this machine has none') + '; nothing was run or written', file=sys.stderr); sys.exit(0 if ok else 1)"
	papermill nbs/benchmark.ipynb reports/benchmark_gpu.ipynb --cwd nbs -k python3 -p gpu True
