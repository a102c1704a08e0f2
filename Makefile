# Two entry points: `make demo` (offline preview gate over both stacks) and `make test`.
# Both create .venv if missing and install the project into it; only Python 3.11 and pip are needed.
.DEFAULT_GOAL := demo
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean browser policy-venv

# The HTML diff report is checked in a real headless browser: Debian's chromium.
browser:
	command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/residency preview --stack id-jkt-1 --stack sg-sin-1 --out .residency/plans/{stack}.json

test: $(STAMP) browser
	$(PY) -m pytest -n 2

lint: $(STAMP)
	$(VENV)/bin/ruff check residency components stacks policy tests benchmarks
	$(VENV)/bin/ruff format --check residency components stacks policy tests benchmarks
	$(VENV)/bin/mypy

bench: $(STAMP)
	$(PY) benchmarks/pack_overhead.py
	$(PY) benchmarks/gate_stacks.py
	$(PY) benchmarks/diff_large.py

# The pack's own virtualenv, for the real CLI: pulumi preview --stack id-jkt-1 --policy-pack policy
policy-venv:
	test -x policy/venv/bin/python || $(PYTHON) -m venv policy/venv
	policy/venv/bin/python -m pip install --quiet -e .

clean:
	rm -rf .residency .pytest_cache .mypy_cache .ruff_cache
