# Somos — the two commands a newcomer needs: `make dev` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: dev test lint format typecheck bench bench-all install clean-data contract clients docs docs-build

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

## Start embedded PostgreSQL, migrate, run every service; Ctrl-C stops everything.
dev: $(STAMP)
	$(BIN)/somos dev

## Run the whole suite against a real PostgreSQL (embedded, or SOMOS_TEST_DATABASE_URL).
test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy services somos migrations $(wildcard gateway)

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: $(STAMP)
	$(BIN)/mypy services somos migrations $(wildcard gateway)

## The organizations service beside its floors (GET by id, list page; 100k organizations), polls
## answered 304 and gzip, then the gateway: pass-through vs direct, composed views vs their
## upstream calls, results (about 20 minutes). Load by wrk when installed, else the Python
## generator (each table says which). Alternating rounds; ratio = median, spread = min-max.
## Then the lists: one per service (organizations, security plans, events) at limit 50 and 200,
## with and without a filter, each against the list floor running the same SQL (~5 minutes).
## Then whole-country statistics with 8 concurrent callers per service, and webhooks'
## commit-to-delivery latency on real processes (bench.webhooks exits 1 if its p50 misses 2 s).
## A quick run: make bench BENCH_ARGS="--organizations 20000"; docs/benchmarks-method.md.
bench: $(STAMP)
	$(BIN)/python -m bench.run $(BENCH_ARGS)
	$(BIN)/python -m bench.lists $(LISTS_BENCH_ARGS)
	$(BIN)/python -m bench.gateway $(GATEWAY_BENCH_ARGS)
	$(BIN)/python -m bench.stats $(STATS_BENCH_ARGS)
	$(BIN)/python -m bench.webhooks $(WEBHOOKS_BENCH_ARGS)

## Every list class of every service against its list floor (~15 minutes; docs/performance-lists.md).
.PHONY: bench-lists-all
bench-lists-all: $(STAMP)
	$(BIN)/python -m bench.lists --all $(LISTS_BENCH_ARGS)

## Ten minutes of mixed traffic through the gateway (GET by id, lists, overview and its
## conditional polls, results, statistics, creates) with every process's memory sampled;
## fails unless 0 errors, RSS ≤ 150 MB and growth ≤ 5 % from minute 2 (about 12 minutes).
.PHONY: soak
soak: $(STAMP)
	$(BIN)/python -m bench.soak $(SOAK_ARGS)

## Only the organizations service vs its floors, on 20,000 organizations (a few minutes).
.PHONY: bench-quick
bench-quick: $(STAMP)
	$(BIN)/python -m bench.run --organizations 20000 $(BENCH_ARGS)

## Every benchmark, one after another (several minutes more).
bench-all: bench
	$(BIN)/python -m bench.organizations_stats
	$(BIN)/python -m bench.security_plans
	$(BIN)/python -m bench.events
	$(BIN)/python -m bench.changes

## Regenerate the checked-in contract (gateway/openapi.json) from the code.
contract: $(STAMP)
	$(BIN)/python -m gateway.contract

## Regenerate the partner clients (clients/python, clients/typescript) from the contract; run it
## after `make contract`. The suite fails when the checked-in clients drift from the contract.
clients: $(STAMP)
	$(BIN)/python scripts/generate_clients.py

## The documentation site (docs/, mkdocs.yml): serve it with live reload beside `make dev`,
## or build it into site/ the way CI does (any warning fails).
DOCS_ADDR ?= 127.0.0.1:8008
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr $(DOCS_ADDR)

docs-build: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

clean-data:
	rm -rf .somos
