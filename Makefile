PY ?= .venv/bin/python

.PHONY: setup check lint type test demo

setup:
	python3 -m venv .venv
	.venv/bin/pip install -q --upgrade pip
	.venv/bin/pip install -q -e '.[dev]'

lint:
	$(PY) -m ruff check src tests bench

type:
	$(PY) -m mypy

test:
	$(PY) -m pytest -q

check: lint type test

demo:
	rm -f demo.sqlite
	.venv/bin/tollwatch extract examples --format table
	.venv/bin/tollwatch run examples --db sqlite:///demo.sqlite
	.venv/bin/tollwatch tally --db sqlite:///demo.sqlite --by month --group country
