#!/usr/bin/env bash
# Installs everything the tests need, then runs every test (lint, types, unit, integration, e2e).
# On Debian/Ubuntu it installs the system packages that are missing: Chromium (e2e),
# poppler-utils (PDF checks) and PostgreSQL (the backend suite's second engine).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    echo "Installing system packages: ${missing[*]}"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "Please install: ${missing[*]} (no apt-get here). Tests that need them will fail." >&2
  fi
fi

# The Electron binary is not needed for the tests (the renderer runs in Chromium), and its
# installer downloads from the internet, which CI machines may not reach.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
npm ci --no-audit --no-fund
npm test
