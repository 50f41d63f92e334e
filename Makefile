# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

MO := $(patsubst %.po,%.mo,$(wildcard locales/*/LC_MESSAGES/*.po))

.PHONY: run test migrate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The compiled catalogues are built here, not committed.
locales/%.mo: locales/%.po $(STAMP)
	$(BIN)/pybabel compile --use-fuzzy -i $< -o $@

run: $(STAMP) $(MO) migrate
	$(BIN)/python -m bot

# Creates the database, or brings an older one up to this version's schema.
migrate: $(STAMP)
	$(BIN)/python -m bot.migrate upgrade

test: $(STAMP) $(MO)
	$(BIN)/ruff check bot handlers answers views db drafting tests scripts migrations
	$(BIN)/python -m bot.content check
	$(BIN)/python -m pytest
	scripts/test_services.sh $(BIN)/python

clean:
	rm -rf $(VENV) data .pytest_cache $(MO)
