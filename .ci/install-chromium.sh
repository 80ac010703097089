#!/usr/bin/env bash
# Installs Debian's chromium when it is missing (for the report's browser test and the workbench's end-to-end test).
# Exit 0 when a chromium is available afterwards, 1 when it could not be installed (no apt, no root or sudo, no network).
set -uo pipefail
find_chromium() { command -v chromium || command -v chromium-browser || true; }
[ -n "$(find_chromium)" ] && exit 0
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || exit 1
  sudo="sudo -n"
fi
command -v apt-get >/dev/null 2>&1 || exit 1
for attempt in 1 2 3; do
  if $sudo apt-get update -qq -o Acquire::Retries=5 &&
     DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq -o Acquire::Retries=5 chromium >/dev/null; then
    [ -n "$(find_chromium)" ] && exit 0
  fi
  echo "apt attempt $attempt failed; retrying in $((attempt * 10)) s" >&2
  sleep $((attempt * 10))
done
exit 1
