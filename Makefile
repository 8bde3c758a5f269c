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
	.venv/bin/tollwatch extract examples/reports.jsonl --format table
