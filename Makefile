# mautic-contacts: every task a developer or CI runs. `make` alone prints this help.
# Each target installs what it needs (Python venv in .venv/, Node tools in node_modules/).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
VENV_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true
# Never let a parent directory's config change what the tools do.
export PIP_DISABLE_PIP_VERSION_CHECK := 1

HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help
help: ## Show this help
	@awk -v host='$(HOST)' -v port='$(PORT)' 'BEGIN {FS = ":.*?## "} /^[a-zA-Z_-]+:.*?## / { \
		text = $$2; gsub(/\$$\(HOST\)/, host, text); gsub(/\$$\(PORT\)/, port, text); \
		printf "  \033[36m%-18s\033[0m %s\n", $$1, text}' $(MAKEFILE_LIST)

$(VENV_STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[mock,dev]'
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

.PHONY: install
install: $(VENV_STAMP) $(NODE_STAMP) ## Create .venv/ (project editable + dev tools) and install the Node tools

.PHONY: generate
generate: $(VENV_STAMP) ## Regenerate generated_client/ from openapi.yaml
	$(PY) generator/generate.py

.PHONY: check-generated
check-generated: $(VENV_STAMP) ## Fail if generated_client/ differs from what the generator makes; mypy --strict on it
	$(PY) generator/generate.py --check
	$(BIN)/mypy --config-file generator/mypy-generated.ini generated_client/mautic_contacts_client

.PHONY: lint
lint: $(VENV_STAMP) ## ruff on hand-written code
	$(BIN)/ruff check overlays mock_server generator tests examples
	$(BIN)/ruff format --check overlays mock_server generator tests examples

.PHONY: format
format: $(VENV_STAMP) ## ruff format + autofix on hand-written code
	$(BIN)/ruff check --fix overlays mock_server generator tests examples
	$(BIN)/ruff format overlays mock_server generator tests examples

# mypy --strict (pyproject.toml [tool.mypy]) on the hand-written packages and on the test folders listed
# here. A test folder without __init__.py is put on sys.path by pytest (its default "prepend" import mode):
# its files import their siblings by bare name (`import run_live`, `from cli_support import ...`) and it
# may have its own conftest.py. So mypy checks each such folder alone, with the folder on MYPYPATH, and
# those imports are the real modules. A test folder with __init__.py is a package (relative imports):
# it is checked from the root with the code.
TYPECHECK_CODE := overlays/mautic_contacts mock_server/mautic_mock generator examples
TYPECHECK_TESTS := tests/benchmarks tests/spec tests/contract tests/integration/mock tests/integration/cli \
	tests/unit/generated_client tests/unit/generator tests/unit/project tests/unit/overlay tests/integration/client
TYPECHECK_TEST_PACKAGES := $(strip $(foreach dir,$(TYPECHECK_TESTS),$(if $(wildcard $(dir)/__init__.py),$(dir))))

.PHONY: typecheck
typecheck: $(VENV_STAMP) ## mypy --strict on hand-written code (tests included)
	$(BIN)/mypy $(TYPECHECK_CODE) $(TYPECHECK_TEST_PACKAGES)
	@for dir in $(filter-out $(TYPECHECK_TEST_PACKAGES),$(TYPECHECK_TESTS)); do \
		echo "MYPYPATH=$$dir $(BIN)/mypy $$dir"; MYPYPATH="$$dir" $(BIN)/mypy "$$dir" || exit 1; \
	done

.PHONY: spec-lint
spec-lint: $(VENV_STAMP) $(NODE_STAMP) ## Validate and lint openapi.yaml (openapi-spec-validator, Redocly, Spectral, TypeScript)
	$(BIN)/openapi-spec-validator openapi.yaml
	npx --no-install redocly lint openapi.yaml --config redocly.yaml --format=stylish
	npx --no-install spectral lint openapi.yaml --ruleset .spectral.yaml --fail-severity=error
	npx --no-install openapi-typescript openapi.yaml -o tests/spec/typescript/mautic.d.ts --silent
	npx --no-install tsc -p tests/spec/typescript/tsconfig.json

.PHONY: test
test: install lint typecheck check-generated spec-lint ## Everything CI runs: lint, types, generated-code check, spec lint, all tests
	$(BIN)/pytest -q -p no:cacheprovider

.PHONY: serve
serve: $(VENV_STAMP) ## Run the fake Mautic on $(HOST):$(PORT) (change with HOST=, PORT=; admin / mautic)
	$(PY) -m mautic_mock --host $(HOST) --port $(PORT)

.PHONY: demo
demo: $(VENV_STAMP) ## Start the fake and run examples/ against it, sync and async
	$(PY) examples/run_demo.py

CONTRACT := $(PY) tests/contract/run_live.py
CONTRACT_DEEP_EXAMPLES ?= 400

.PHONY: contract
contract: $(VENV_STAMP) ## Schemathesis against MAUTIC_URL: read-only, WRITE=1 also writes on contacts it creates; reports/
	$(CONTRACT) --label contract

.PHONY: contract-prism
contract-prism: $(VENV_STAMP) $(NODE_STAMP) ## The contract run against Prism serving openapi.yaml (started and stopped here)
	$(CONTRACT) --label contract-prism --start prism --disposable

.PHONY: contract-deep
contract-deep: $(VENV_STAMP) ## Nightly: the contract run against a throwaway fake on loopback, many more examples
	$(CONTRACT) --label contract-deep --start fake --disposable --max-examples $(CONTRACT_DEEP_EXAMPLES)

.PHONY: bench
bench: $(VENV_STAMP) ## Benchmarks against the fake over loopback (about 15 min); writes BENCHMARKS.md
	$(PY) -m tests.benchmarks

# Tool caches wherever a tool ran (the repo root, generated_client/, tests/...); .venv/, node_modules/
# and .git/ are not searched.
CACHE_DIRS := __pycache__ .mypy_cache .ruff_cache .pytest_cache .hypothesis .schemathesis

.PHONY: clean
clean: ## Remove build and test artefacts (caches, reports/, dist/, generated .d.ts); keeps .venv/ and node_modules/
	rm -rf build dist *.egg-info reports tests/spec/typescript/mautic.d.ts
	find . \( -path ./$(VENV) -o -path ./node_modules -o -path ./.git \) -prune -o -type d \
		\( $(patsubst %,-name % -o,$(CACHE_DIRS)) -false \) -prune -exec rm -rf {} +
	find . \( -path ./$(VENV) -o -path ./node_modules -o -path ./.git \) -prune -o -name '*.py[co]' -type f -exec rm -f {} +

.PHONY: distclean
distclean: clean ## clean, and remove .venv/ and node_modules/ too (the next target reinstalls them)
	rm -rf $(VENV) node_modules
