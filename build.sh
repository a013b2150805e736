#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ikuflet's one entry point. Every command installs what is missing first.
#
#   ./build.sh            build the CLI and the extension into dist/ (Linux)
#   ./build.sh windows    also cross-build for Windows x64: dist/windows/ikuflet.exe
#                         and the release dist/ikuflet.oxt for Linux and Windows
#   ./build.sh deps       install the Debian packages ikuflet needs (apt-get)
#   ./build.sh test       build (also for Windows), then run every test suite, also
#                         under ASan+UBSan; the office-based ones also on the current
#                         LibreOffice; the Windows suites under Wine
#   ./build.sh demo       make the IKUs of the example schema through the extension
#   ./build.sh install    add dist/ikuflet.oxt to your LibreOffice (unopkg)
#   ./build.sh bench      measure speed and memory (tests/bench), print one table
#   ./build.sh fuzz [S]   run each libFuzzer harness for S seconds (default 600)
#   ./build.sh office-latest  put the current LibreOffice beside the system's (cached,
#                         nothing installed); prints the path of its soffice.bin last
#   ./build.sh preset FILE.ini [--lock NAME]... [--lock-all] [--version V]
#                         central IT's settings-only extension from a settings file:
#                         dist/ikuflet-forudindstilling.oxt (README: for IT)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CALLER_DIR="$PWD"   # where relative paths given on the command line start
cd "$ROOT"
BUILD="$ROOT/build"
BUILD_ASAN="$ROOT/build-asan"
BUILD_FUZZ="$ROOT/build-fuzz"
DIST="$ROOT/dist"

# Debian 12 packages: compiler and build system; libraries; the font and its
# build tool; LibreOffice and its SDK; the independent PDF checkers; openpyxl (a
# second .xlsx producer for the tests); the tools the real-window tests, the
# sanitizer/fuzz builds and the benchmarks use.
PACKAGES=(
  gcc libc6-dev pkg-config meson ninja-build python3
  libglib2.0-dev libhpdf-dev libpng-dev zlib1g-dev libzip-dev libxml2-dev
  fonts-liberation2 python3-fonttools
  libreoffice-calc libreoffice-writer libreoffice-base libreoffice-dev python3-uno
  poppler-utils qpdf zip unzip python3-pikepdf python3-reportlab python3-openpyxl
  xvfb xdotool x11-utils imagemagick
  clang libclang-rt-14-dev valgrind time
)

# What ./build.sh windows needs on top: mingw-w64 (win32 threads: no
# libwinpthread DLL), dlltool/objdump, Debian's mingw zlib, Wine to run the
# Windows programs, CMake for some dependencies, patch for Debian's patches.
WINDOWS_PACKAGES=(
  gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64 mingw-w64-tools libz-mingw-w64-dev
  wine64 wine cmake patch xz-utils
)
BUILD_WIN="$ROOT/build-win64"
WINE_PREFIX="${XDG_CACHE_HOME:-$HOME/.cache}/ikuflet/wine"   # made by build-deps.sh
DIST_WIN="$DIST/windows"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

missing_packages() {
  local p missing=()
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  echo "${missing[@]:-}"
}

cmd_deps() {
  install_packages "${PACKAGES[@]}"
}

install_packages() {
  local missing
  missing="$(missing_packages "$@")"
  if [ -z "$missing" ]; then
    return 0
  fi
  say "Installerer manglende pakker: $missing"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
      sudo=(sudo)
    else
      echo "ikuflet: pakkerne $missing mangler, og der er hverken root eller sudo." >&2
      exit 1
    fi
  fi
  # Another apt-get may be running (a shared machine): wait for its lock.
  local wait=(-o DPkg::Lock::Timeout=900)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${wait[@]}" update -q
  # shellcheck disable=SC2086
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${wait[@]}" install -y -q \
    --no-install-recommends $missing </dev/null
}

meson_setup() {
  local dir="$1"; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" --werror "$@"
  fi
}

cmd_build() {
  cmd_deps
  say "Bygger"
  meson_setup "$BUILD"
  meson compile -C "$BUILD"
  rm -rf "$DIST"
  mkdir -p "$DIST/ikuflet-data"
  cp "$BUILD/native/cli/ikuflet" "$DIST/ikuflet"
  cp "$BUILD/templates/iku-tekster.ini" "$BUILD/templates/OFL.txt" \
     "$BUILD"/templates/IkufletSans-*.ttf "$DIST/ikuflet-data/"
  if [ -f "$BUILD/extension/ikuflet.oxt" ]; then
    cp "$BUILD/extension/ikuflet.oxt" "$DIST/ikuflet.oxt"
  fi
  say "Færdig: $(cd "$DIST" && ls -d ./* | tr '\n' ' ')"
}

# Windows x64, cross-built: the static dependencies come from a cache outside the
# checkout (native/windows/build-deps.sh), the program and the component from
# build-win64/. The release .oxt is the Linux one plus the Windows component.
cmd_windows() {
  cmd_build
  install_packages "${WINDOWS_PACKAGES[@]}"
  say "Windows x64: afhængigheder (bygges kun første gang; cache i ${XDG_CACHE_HOME:-$HOME/.cache}/ikuflet)"
  local prefix
  prefix="$("$ROOT/native/windows/build-deps.sh")"
  if [ "$(cat "$BUILD_WIN/.deps-prefix" 2>/dev/null)" != "$prefix" ]; then
    rm -rf "$BUILD_WIN"
  fi
  say "Windows x64: ikuflet.exe og ikuflet.uno.dll"
  if [ ! -f "$BUILD_WIN/build.ninja" ]; then
    nice meson setup "$BUILD_WIN" --werror --cross-file "$prefix/share/ikuflet/cross.ini" \
      --prefer-static -Dbuildtype=release -Db_ndebug=false
    echo "$prefix" > "$BUILD_WIN/.deps-prefix"
  fi
  nice meson compile -C "$BUILD_WIN"
  rm -rf "$DIST_WIN"
  mkdir -p "$DIST_WIN/ikuflet-data"
  x86_64-w64-mingw32-strip -o "$DIST_WIN/ikuflet.exe" "$BUILD_WIN/native/cli/ikuflet.exe"
  cp "$BUILD_WIN/templates/iku-tekster.ini" "$BUILD_WIN/templates/OFL.txt" \
     "$BUILD_WIN"/templates/IkufletSans-*.ttf "$DIST_WIN/ikuflet-data/"
  x86_64-w64-mingw32-strip -o "$BUILD_WIN/ikuflet.uno.dll" "$BUILD_WIN/native/uno/ikuflet.uno.dll"
  say "Udvidelsen til Linux og Windows: $DIST/ikuflet.oxt"
  /usr/bin/python3 "$ROOT/extension/make-oxt.py" --base "$BUILD/extension/ikuflet.oxt" \
    --output "$DIST/ikuflet.oxt" \
    --component Windows_x86_64 ikuflet.uno.dll "$BUILD_WIN/ikuflet.uno.dll"
  say "Færdig: dist/ikuflet.oxt (Linux og Windows), dist/windows/ikuflet.exe"
}

# meson test prints a summary per run; add them up into one closing line.
TOTAL_OK=0; TOTAL_FAIL=0; TOTAL_SKIP=0
run_suites() {
  local dir="$1"; shift
  local log rc=0
  log="$(mktemp)"
  meson test -C "$dir" --print-errorlogs "$@" 2>&1 | tee "$log" || rc=$?
  local ok fail skip timeout
  ok=$(awk '/^Ok:/{print $2}' "$log" | tail -1)
  fail=$(awk '/^Fail:/{print $2}' "$log" | tail -1)
  timeout=$(awk '/^Timeout:/{print $2}' "$log" | tail -1)
  skip=$(awk '/^Skipped:/{print $2}' "$log" | tail -1)
  rm -f "$log"
  TOTAL_OK=$((TOTAL_OK + ${ok:-0}))
  TOTAL_FAIL=$((TOTAL_FAIL + ${fail:-0} + ${timeout:-0}))
  TOTAL_SKIP=$((TOTAL_SKIP + ${skip:-0}))
  if [ "$rc" -ne 0 ] && [ "${fail:-0}" -eq 0 ] && [ "${timeout:-0}" -eq 0 ]; then
    TOTAL_FAIL=$((TOTAL_FAIL + 1))
  fi
  return 0
}

# The office the office-based suites and tools use (tests/e2e/office.py reads it too).
office_in_use() {
  printf '%s\n' "${IKUFLET_SOFFICE:-/usr/lib/libreoffice/program/soffice.bin}"
}

# "LibreOffice 25.2.3.2" for the soffice.bin $1.
office_version() {
  env -u LD_LIBRARY_PATH -u URE_BOOTSTRAP -u UNO_TYPES -u PYTHONPATH "$1" --version 2>/dev/null |
    awk '{ print $1, $2; exit }'
}

# The office-based suites again on the current LibreOffice (office-latest), beside
# the run on the system's. Sets OFFICES_TESTED.
OFFICES_TESTED=""
test_on_latest_office() {
  local latest t0
  OFFICES_TESTED="$(office_version "$(office_in_use)")"
  t0=$(date +%s)
  if ! latest="$("$ROOT/tests/office/office-latest.sh" | tail -1)" || [ ! -x "$latest" ]; then
    echo "ikuflet: the current LibreOffice could not be put in place (tests/office/office-latest.sh)" >&2
    TOTAL_FAIL=$((TOTAL_FAIL + 1))
    return 0
  fi
  say "Tester extension, e2e og gui på $(office_version "$latest") ($latest)"
  IKUFLET_SOFFICE="$latest" run_suites "$BUILD" --suite extension --suite e2e --suite gui
  OFFICES_TESTED="$OFFICES_TESTED, $(office_version "$latest")"
  say "Den nyeste LibreOffice tog $(( $(date +%s) - t0 )) s"
}

cmd_test() {
  cmd_windows
  say "Tester (alle suiter) på $(office_version "$(office_in_use)")"
  run_suites "$BUILD"
  test_on_latest_office
  say "Tester Windows-bygget: ikuflet.exe og ikuflet.uno.dll under Wine, PE-tabeller"
  IKUFLET_WIN_DIST="$DIST_WIN" IKUFLET_NATIVE="$DIST/ikuflet" \
    WINEPREFIX="$WINE_PREFIX" run_suites "$BUILD_WIN" --suite windows
  say "Tester unit, cli og pdf under AddressSanitizer + UndefinedBehaviorSanitizer"
  meson_setup "$BUILD_ASAN" -Db_sanitize=address,undefined -Db_lundef=false \
    -Dextension=false -Dbuildtype=debug
  meson compile -C "$BUILD_ASAN"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    run_suites "$BUILD_ASAN" --suite unit --suite cli --suite pdf
  say "Fuzzer hver indgang kortvarigt (${IKUFLET_FUZZ_SECONDS:-30} s); ./build.sh fuzz kører længere"
  fuzz_build
  if "$ROOT/tests/fuzz/run-fuzz.sh" "$BUILD_FUZZ" "${IKUFLET_FUZZ_SECONDS:-30}"; then
    TOTAL_OK=$((TOTAL_OK + 1))
  else
    TOTAL_FAIL=$((TOTAL_FAIL + 1))
  fi
  echo
  echo "ikuflet: office-based suites ran on $OFFICES_TESTED"
  echo "ikuflet: $TOTAL_OK passed, $TOTAL_FAIL failed, $TOTAL_SKIP skipped"
  [ "$TOTAL_FAIL" -eq 0 ]
}

fuzz_build() {
  if [ ! -f "$BUILD_FUZZ/build.ninja" ]; then
    CC=clang meson setup "$BUILD_FUZZ" -Dfuzzing=true -Dextension=false \
      -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized \
      -Dc_args=-fsanitize=fuzzer-no-link
  fi
  meson compile -C "$BUILD_FUZZ" fuzz-ods fuzz-xlsx fuzz-render fuzz-logo fuzz-settings ikuflet-font
}

cmd_fuzz() {
  cmd_deps
  fuzz_build
  say "Fuzzer hver indgang i ${1:-600} sekunder"
  "$ROOT/tests/fuzz/run-fuzz.sh" "$BUILD_FUZZ" "${1:-600}"
}

cmd_demo() {
  cmd_build
  local out="$ROOT/demo-output"
  rm -rf "$out"; mkdir -p "$out"
  cp "$BUILD/templates/Eksempel - kompetenceskema.ods" "$out/"
  say "Laver IKU'erne for eksemplet gennem udvidelsen i en midlertidig $(office_version "$(office_in_use)")"
  /usr/bin/python3 "$ROOT/tests/e2e/demo.py" --oxt "$DIST/ikuflet.oxt" \
    --schema "$out/Eksempel - kompetenceskema.ods"
}

cmd_install() {
  cmd_build
  local unopkg=/usr/lib/libreoffice/program/unopkg
  # -s accepts the licence without asking (description.xml marks it
  # suppress-if-required); unopkg refuses per-user installs for root, so root
  # installs for every user of the machine instead.
  if [ "$(id -u)" -eq 0 ]; then
    say "Installerer $DIST/ikuflet.oxt for alle brugere (root)"
    "$unopkg" add --shared --force -s "$DIST/ikuflet.oxt"
  else
    say "Installerer $DIST/ikuflet.oxt i din LibreOffice"
    "$unopkg" add --force -s "$DIST/ikuflet.oxt"
  fi
  say "Genstart LibreOffice. Menuen Funktioner har nu »Lav IKU'er«."
}

cmd_bench() {
  cmd_build
  say "Måler (tests/bench): CLI, LibreOffices egen PDF-eksport, udvidelsen, .ods-læseren ($(office_version "$(office_in_use)"))"
  /usr/bin/python3 "$ROOT/tests/bench/bench.py" --build "$BUILD" --dist "$DIST" "$@"
}

cmd_preset() {
  if [ $# -lt 1 ]; then
    echo "Brug: ./build.sh preset INDSTILLINGER.ini [--lock NAVN]... [--lock-all] [--version V]" >&2
    exit 2
  fi
  local ini="$1"; shift
  case "$ini" in /*) ;; *) ini="$CALLER_DIR/$ini" ;; esac
  mkdir -p "$DIST"
  /usr/bin/python3 "$ROOT/extension/make-preset.py" "$ini" \
    --output "$DIST/ikuflet-forudindstilling.oxt" "$@"
}

cmd_office_latest() {
  # After deps: which .debs apt downloads depends on what is installed.
  cmd_deps >&2
  "$ROOT/tests/office/office-latest.sh"
}

case "${1:-build}" in
  deps) cmd_deps ;;
  windows) cmd_windows ;;
  build) cmd_build ;;
  test) cmd_test ;;
  demo) cmd_demo ;;
  install) cmd_install ;;
  fuzz) shift; cmd_fuzz "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  office-latest) cmd_office_latest ;;
  preset) shift; cmd_preset "$@" ;;
  *) echo "Brug: ./build.sh [deps|build|windows|test|demo|install|bench|fuzz|office-latest]" >&2; exit 2 ;;
esac
