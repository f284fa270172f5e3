#!/usr/bin/env bash
# make test needs a browser for the HTML page test (LessonPageBrowserTest): Debian's chromium and chromium-driver.
# Installs them when missing (as root, else through sudo); quiet and idempotent. Nothing happens when both are there.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
echo "installing chromium and chromium-driver (for the HTML page test) ..." >&2
$sudo apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
