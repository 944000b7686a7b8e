#!/usr/bin/env bash
# Installs the Debian packages the tests need, when they are missing and we are root.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
# Korean glyphs for the UI in screenshots (the e2e checks text, not glyphs)
fc-list 2>/dev/null | grep -qi nanum || need+=(fonts-nanum)
[ ${#need[@]} -eq 0 ] && { echo "system packages present"; exit 0; }
if [ "$(id -u)" != 0 ]; then
  echo "missing Debian packages: ${need[*]} (run as root, or install them: apt-get install ${need[*]})" >&2
  exit 1
fi
echo "installing: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
