# Two commands on a fresh machine (Python 3.11+ and pip):
#   make demo   set up .venv, run repairkit on the bundled fixtures, write reports/
#   make test   set up .venv with the test extra, run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test benchmark benchmark-reference clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/repairkit scan fixtures/scraped_commentary.txt --reference fixtures/structured_article.txt \
		--format json --output reports/scraped_commentary.findings.json --fail-on never
	$(BIN)/repairkit scan fixtures/scraped_commentary.txt --reference fixtures/structured_article.txt \
		--format text --output reports/scraped_commentary.findings.txt --fail-on never
	@echo "reports written under reports/"

test: $(STAMP)
	$(BIN)/python -m pytest

benchmark: $(STAMP)
	$(BIN)/python -m benchmarks.quality

benchmark-reference: $(STAMP)
	$(BIN)/python -m benchmarks.reference --limit 200

clean:
	rm -rf $(VENV) .pytest_cache
