#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (a real Secret Service),
# using a fresh HOME so no earlier keyring (or its password) can interfere.
set -euo pipefail
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keyring: dbus-run-session and gnome-keyring-daemon are needed (apt-get install dbus gnome-keyring libsecret-1-dev)" >&2
  exit 1
fi
scratch=$(mktemp -d)
mkdir -p "$scratch/home" "$scratch/run"
chmod 700 "$scratch/run"
trap 'rm -rf "$scratch"' EXIT
# npm/npx keep using the real cache, not the fresh HOME.
npm_config_cache="${npm_config_cache:-$(npm config get cache 2>/dev/null || echo "$HOME/.npm")}"
export npm_config_cache
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run"
dbus-run-session -- sh -c 'echo -n ci-keyring-pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec npx "$@"' sh "$@"
