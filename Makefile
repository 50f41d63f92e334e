# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

MO := $(patsubst %.po,%.mo,$(wildcard locales/*/LC_MESSAGES/*.po))

.PHONY: run test migrate clean lock

# Exact versions from requirements.lock: a new release of a dependency changes nothing unseen.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c requirements.lock --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

# Re-resolves pyproject.toml's ranges to the newest releases in a scratch venv and records them.
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip
	.lock-venv/bin/pip install --quiet -e '.[dev]'
	{ sed -n '1,2p' requirements.lock; .lock-venv/bin/pip freeze --all --exclude-editable; } > requirements.lock.new
	mv requirements.lock.new requirements.lock
	rm -rf .lock-venv

# The compiled catalogues are built here, not committed.
locales/%.mo: locales/%.po $(STAMP)
	$(BIN)/pybabel compile --use-fuzzy -i $< -o $@

run: $(STAMP) $(MO) migrate
	$(BIN)/python -m bot

# Creates the database, or brings an older one up to this version's schema.
migrate: $(STAMP)
	$(BIN)/python -m bot.migrate upgrade

# The PostgreSQL/Redis pass runs beside the SQLite one (both mostly wait on processes and
# sockets); its output follows once both are done, and either failing fails the target.
test: $(STAMP) $(MO)
	$(BIN)/ruff check bot handlers answers views facts users loading search db drafting tests \
		scripts migrations
	$(BIN)/python -m bot.content check
	@scripts/test_services.sh $(BIN)/python > .test-services.log 2>&1 & services=$$!; \
	$(BIN)/python -m pytest; sqlite=$$?; \
	wait $$services; other=$$?; \
	cat .test-services.log; \
	echo "=== SQLite pass: exit $$sqlite; PostgreSQL/Redis pass: exit $$other ==="; \
	exit $$(( sqlite || other ))

clean:
	rm -rf $(VENV) data .pytest_cache .test-services.log $(MO)
