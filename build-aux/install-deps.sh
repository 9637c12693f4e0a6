#!/usr/bin/env bash
# build-aux/install-deps.sh [run|test]
#
# Installs what Tranche needs on Debian 12. `run` (what build-aux/run.sh
# asks for): the compiler, meson and the libraries, enough to build and run
# the app. `test` (the default, what build-aux/test.sh asks for): that, plus
# the test toolchain — virtual display, accessibility bus, sanitizers,
# valgrind, validators, the benchmark peer — and the French locale the
# translation tests use. Safe to run again: it only calls apt-get when
# something is missing. Uses sudo when not run as root.
set -euo pipefail

set_name=${1:-test}
run_packages=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libcairo2-dev libpango1.0-dev libpng-dev
)
test_packages=(
  # validation of desktop file, metainfo and schema
  desktop-file-utils appstream-util
  # tests: virtual display, accessibility bus, locales, sanitizers, leak checks
  xvfb xauth xdotool imagemagick dbus dbus-x11 at-spi2-core python3-pyatspi gir1.2-atspi-2.0
  python3-gi locales clang libclang-rt-14-dev valgrind poppler-utils librsvg2-bin
  # benchmark peer
  python3-matplotlib
)

case "$set_name" in
  run) packages=("${run_packages[@]}") ;;
  test) packages=("${run_packages[@]}" "${test_packages[@]}") ;;
  *)
    echo "usage: $0 [run|test]" >&2
    exit 2
    ;;
esac

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

if [ "$set_name" = run ]; then
  exit 0
fi
# French formatting is part of the product; its tests need the locale to exist.
if ! locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
  as_root sed -i 's/^# *\(fr_FR.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^fr_FR.UTF-8 UTF-8' /etc/locale.gen || echo 'fr_FR.UTF-8 UTF-8' | as_root tee -a /etc/locale.gen >/dev/null
  as_root locale-gen >/dev/null
fi
