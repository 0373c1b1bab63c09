# Two commands on a fresh machine (Python 3.11+ and pip):
#   make demo   set up .venv, review the bundled fixtures: reports/*.html, .md, .json, screenshots before and
#               after a few decisions made in the browser, the decisions file and reports/decided/
#   make test   set up .venv with the test extra (and chromium for the browser test), run all tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test benchmark benchmark-reference clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q repairkit > /dev/null
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/repairkit review fixtures/scraped_commentary.txt --reference fixtures/structured_article.txt --out reports/
	@if $(BIN)/python -c "import sys; from tests.review_browser import find_chromium; sys.exit(find_chromium() is None)"; then \
		$(BIN)/python -m tests.review_browser reports/scraped_commentary.html && \
		$(BIN)/repairkit review fixtures/scraped_commentary.txt --reference fixtures/structured_article.txt \
			--decisions reports/scraped_commentary.decisions.json --out reports/decided/; \
	else echo "chromium not found (tests/setup_browser.sh installs it): screenshots and decisions not refreshed"; fi

test: $(STAMP)
	sh tests/setup_browser.sh
	$(BIN)/python -m pytest

benchmark: $(STAMP)
	$(BIN)/python -m benchmarks.quality

benchmark-reference: $(STAMP)
	$(BIN)/python -m benchmarks.reference --limit 200

clean:
	rm -rf $(VENV) .pytest_cache
