#!/usr/bin/env bash
# Installs what Tranche needs to build, run and test on Debian 12, and the
# French locale the translation tests use. Safe to run again: it only calls
# apt-get when something is missing. Uses sudo when not run as root.
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libcairo2-dev libpango1.0-dev libpng-dev
  # validation of desktop file, metainfo and schema
  desktop-file-utils appstream-util
  # tests: virtual display, accessibility bus, locales, sanitizers, leak checks
  xvfb xauth xdotool imagemagick dbus dbus-x11 at-spi2-core python3-pyatspi gir1.2-atspi-2.0
  python3-gi locales clang libclang-rt-14-dev valgrind poppler-utils librsvg2-bin
  # benchmark peer
  python3-matplotlib
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
fi

# French formatting is part of the product; its tests need the locale to exist.
if ! locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
  as_root sed -i 's/^# *\(fr_FR.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^fr_FR.UTF-8 UTF-8' /etc/locale.gen || echo 'fr_FR.UTF-8 UTF-8' | as_root tee -a /etc/locale.gen >/dev/null
  as_root locale-gen >/dev/null
fi
