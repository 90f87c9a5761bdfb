# `make run` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
INDEX := index
SEEDS := seeds
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test index clean browser opensearch opensearch-stop

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# Reindex when the index is missing or older than any seed file. Exit 3 (some inputs rejected, listed above) still
# serves what was read; `warta serve` says so when nothing could be.
$(INDEX)/current: $(STAMP) $(wildcard $(SEEDS)/*)
	$(BIN)/warta reindex $(SEEDS) --index $(INDEX) || [ $$? -eq 3 ]

index: $(INDEX)/current

run: $(INDEX)/current
	$(BIN)/warta serve --host $(HOST) --port $(PORT) --index $(INDEX)

# Debian's Chromium for the browser tests; they skip, saying why, when it cannot be installed.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "warning: could not install chromium; browser tests will be skipped"; \
	  else echo "warning: chromium missing and not root; browser tests will be skipped"; fi; }

# The OpenSearch tests run against a cluster started here (and stopped after, unless one was running already);
# without java or mvn the cluster cannot start and those tests skip, saying so.
test: $(STAMP) browser
	@running=$$($(BIN)/python opensearch/cluster.py status >/dev/null 2>&1 && echo yes); \
	url=$$($(BIN)/python opensearch/cluster.py start) || url=""; \
	WARTA_TEST_OPENSEARCH_URL="$$url" $(BIN)/python -m pytest -q; status=$$?; \
	if [ -z "$$running" ]; then $(BIN)/python opensearch/cluster.py stop >/dev/null 2>&1 || true; fi; \
	exit $$status

# A 3-node OpenSearch 2.19 cluster on 127.0.0.1:9250-9252 from Maven Central's jars (opensearch/pom.xml);
# waits for green health and prints the URL. Needs java and mvn.
opensearch:
	$(PYTHON) opensearch/cluster.py start

opensearch-stop:
	$(PYTHON) opensearch/cluster.py stop

clean:
	rm -rf $(VENV) $(INDEX)/current $(INDEX)/gen-*
