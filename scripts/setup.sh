#!/usr/bin/env bash
# Installs everything the app and its tests need on a fresh Debian 12 machine with Node 20:
# apt packages (keychain, Chromium for end-to-end tests) and the npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(libsecret-1-dev gnome-keyring libsecret-tools dbus chromium)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The Electron binary is downloaded from GitHub, which this kind of machine cannot reach; the app runs in the
# browser host instead. On a developer's Windows PC, plain `npm ci` fetches the binary as usual.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
