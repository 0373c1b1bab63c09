# Two commands on a fresh machine (Python 3.11+ and pip):
#   make demo   set up .venv, review the bundled fixtures: reports/*.html, .md, .json, .png
#   make test   set up .venv with the test extra (and chromium for the browser test), run all tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test benchmark clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/repairkit review fixtures/scraped_commentary.txt --reference fixtures/structured_article.txt --out reports/
	@if command -v chromium >/dev/null 2>&1; then \
		profile=$$(mktemp -d) && \
		chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
			--disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
			--user-data-dir=$$profile --window-size=1280,2000 \
			--screenshot=reports/scraped_commentary.png "file://$$(pwd)/reports/scraped_commentary.html" \
			>/dev/null 2>&1 && echo "wrote reports/scraped_commentary.png"; rm -rf $$profile; \
	else echo "chromium not found (tests/setup_browser.sh installs it): reports/scraped_commentary.png not refreshed"; fi

test: $(STAMP)
	sh tests/setup_browser.sh
	$(BIN)/python -m pytest

benchmark: $(STAMP)
	$(BIN)/python -m benchmarks.quality

clean:
	rm -rf $(VENV) .pytest_cache
