#!/bin/sh
# Install Debian's headless-capable Chromium for tests/test_browser*.py when it is missing.
# The Playwright tests drive this system browser (executable_path=/usr/bin/chromium): the
# `playwright` package comes from the test extra and `playwright install` is never run.
# Does nothing when chromium is already there, when not root, or without apt-get: the browser
# test then skips and says why.
set -eu
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "setup_browser: chromium missing and cannot install it here (needs root and apt-get); the browser test will skip" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; then
    echo "setup_browser: installed $(chromium --version 2>/dev/null || echo chromium)" >&2
else
    echo "setup_browser: apt-get could not install chromium; the browser test will skip" >&2
fi
