#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Cross-builds ikuflet's C dependencies for Windows x64 (x86_64-w64-mingw32, win32
# thread flavour) as static libraries, from the Debian 12 sources pinned in
# deps.lock, into a prefix cached outside the checkout:
#
#   ${XDG_CACHE_HOME:-$HOME/.cache}/ikuflet/win64-deps-<key>/
#
# <key> hashes deps.lock, this script, the cross-file template and the toolchain's
# version, so a fresh clone reuses the prefix and a changed pin builds a new one.
# One build at a time (flock); it builds in a temporary folder renamed into place at
# the end, so a killed build never leaves a half prefix behind.
#
# Usage: build-deps.sh             prints the prefix (building it first if needed)
# The prefix holds share/ikuflet/cross.ini (Meson cross file) and the Wine prefix
# used to run Windows programs lives in ${cache}/wine.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
HOST=x86_64-w64-mingw32
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/ikuflet"
SOURCES="$CACHE_ROOT/sources"
WINE=/usr/lib/wine/wine64
export WINEPREFIX="$CACHE_ROOT/wine"
export WINEDEBUG=-all
# No Mono/Gecko installer prompts: ikuflet needs neither.
export WINEDLLOVERRIDES="mscoree,mshtml="
NICE=(nice -n 10)
JOBS=(-j"$(nproc)")

log() { printf 'build-deps: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

cache_key() {
  {
    cat "$HERE/deps.lock" "$HERE/build-deps.sh" "$HERE/cross.ini.in"
    "$HOST-gcc-win32" --version | head -1
    dpkg-query -W -f='${Version}\n' libz-mingw-w64-dev mingw-w64-x86-64-dev
  } | sha256sum | cut -c1-16
}

# The lines of deps.lock without comments: step package version file sha256.
lock_lines() { grep -v '^[[:space:]]*\(#\|$\)' "$HERE/deps.lock"; }

file_ok() { [ -f "$SOURCES/$1" ] && echo "$2  $SOURCES/$1" | sha256sum --quiet -c - 2>/dev/null; }

# Downloads each pinned source package with apt-get from a temporary deb-src list
# (the system's apt configuration is left alone), then checks every sum.
fetch_sources() {
  mkdir -p "$SOURCES"
  local need=() step pkg ver file sum
  while read -r step pkg ver file sum; do
    file_ok "$file" "$sum" || need+=("$pkg=$ver")
  done < <(lock_lines)
  if [ ${#need[@]} -gt 0 ]; then
    local apt_dir; apt_dir="$(mktemp -d)"
    mkdir -p "$apt_dir/lists/partial" "$apt_dir/dl"
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$apt_dir/src.sources"
    local apt=(apt-get -q -o "Dir::Etc::sourcelist=$apt_dir/src.sources"
               -o Dir::Etc::sourceparts=/nonexistent -o "Dir::State::Lists=$apt_dir/lists"
               -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
    "${apt[@]}" update >&2
    local p
    for p in $(printf '%s\n' "${need[@]}" | sort -u); do
      # Some Debian revisions lost their debian.tar.xz (404): the sums below decide.
      (cd "$apt_dir/dl" && "${apt[@]}" source --download-only "$p" >&2) || true
    done
    while read -r step pkg ver file sum; do
      [ -f "$apt_dir/dl/$file" ] && mv -f "$apt_dir/dl/$file" "$SOURCES/$file"
    done < <(lock_lines)
    rm -rf "$apt_dir"
  fi
  while read -r step pkg ver file sum; do
    file_ok "$file" "$sum" || die "$file ($pkg $ver) is missing or its sha256 is not $sum"
  done < <(lock_lines)
}

# Unpacks the sources of one step into $SRC and applies Debian's patches.
unpack() {
  local want="$1" step pkg ver file sum dir=""
  while read -r step pkg ver file sum; do
    [ "$step" = "$want" ] || continue
    case "$file" in
      *.orig.tar.*)
        dir="$SRC/$(tar -tf "$SOURCES/$file" | head -1 | cut -d/ -f1)"
        tar -xf "$SOURCES/$file" -C "$SRC" ;;
      *.debian.tar.*)
        tar -xf "$SOURCES/$file" -C "$dir"
        if [ -f "$dir/debian/patches/series" ]; then
          local patch
          while read -r patch _; do
            patch -d "$dir" -p1 --batch --forward --quiet < "$dir/debian/patches/$patch" \
              || die "Debian patch $patch of $pkg does not apply"
          done < <(grep -v '^[[:space:]]*\(#\|$\)' "$dir/debian/patches/series")
        fi ;;
      *.diff.gz)   # source format 1.0: one diff over the tree
        gzip -dc "$SOURCES/$file" | patch -d "$dir" -p1 --batch --forward --quiet \
          || die "Debian diff $file does not apply" ;;
    esac
  done < <(lock_lines)
  [ -n "$dir" ] || die "no sources for step $want in deps.lock"
  # Debian regenerates the autotools files after patching; we build from the
  # tarball's generated files (the patched Makefile.am/configure.ac changes are
  # Debian packaging matters), so they must not look out of date to make.
  local generated
  for generated in aclocal.m4 configure config.h.in Makefile.in; do
    find "$dir" -name "$generated" -exec touch {} +
  done
  echo "$dir"
}

write_cross_files() {   # $1: prefix the files describe
  local prefix="$1"
  mkdir -p "$prefix/share/ikuflet"
  sed -e "s|@PREFIX@|$prefix|g" -e "s|@WINEPREFIX@|$WINEPREFIX|g" -e "s|@WINE@|$WINE|g" \
    "$HERE/cross.ini.in" > "$prefix/share/ikuflet/cross.ini"
  cat > "$prefix/share/ikuflet/toolchain.cmake" <<EOF
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_C_COMPILER $HOST-gcc-win32)
set(CMAKE_RC_COMPILER $HOST-windres)
set(CMAKE_AR /usr/bin/$HOST-gcc-ar-win32 CACHE FILEPATH "")
set(CMAKE_RANLIB /usr/bin/$HOST-gcc-ranlib-win32 CACHE FILEPATH "")
set(CMAKE_FIND_ROOT_PATH $prefix /usr/$HOST)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
EOF
}

cmake_build() {   # $1 step name, $2 source dir, rest: cmake options
  local name="$1" src="$2"; shift 2
  "${NICE[@]}" cmake -G Ninja -S "$src" -B "$BLD/$name" \
    -DCMAKE_TOOLCHAIN_FILE="$PREFIX/share/ikuflet/toolchain.cmake" \
    -DCMAKE_INSTALL_PREFIX="$PREFIX" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF "$@"
  "${NICE[@]}" ninja -C "$BLD/$name" "${JOBS[@]}" install
}

step_zlib() {   # Debian's libz-mingw-w64-dev: only its static archive
  cp "/usr/$HOST/include/zlib.h" "/usr/$HOST/include/zconf.h" "$PREFIX/include/"
  cp "/usr/$HOST/lib/libz.a" "$PREFIX/lib/"
  local ver; ver="$(dpkg-query -W -f='${Version}' libz-mingw-w64-dev | sed 's/^[0-9]*://; s/[+-].*//')"
  cat > "$PREFIX/lib/pkgconfig/zlib.pc" <<EOF
prefix=$PREFIX
libdir=\${prefix}/lib
includedir=\${prefix}/include
Name: zlib
Description: zlib compression library (Debian libz-mingw-w64-dev)
Version: $ver
Libs: -L\${libdir} -lz
Cflags: -I\${includedir}
EOF
}

step_pcre2() {
  cmake_build pcre2 "$(unpack pcre2)" -DBUILD_STATIC_LIBS=ON -DPCRE2_BUILD_PCRE2_8=ON \
    -DPCRE2_BUILD_PCRE2_16=OFF -DPCRE2_BUILD_PCRE2_32=OFF -DPCRE2_BUILD_PCRE2GREP=OFF \
    -DPCRE2_BUILD_TESTS=OFF -DPCRE2_SUPPORT_JIT=OFF -DPCRE2_SUPPORT_UNICODE=ON
}

step_libffi() {   # GLib always builds gobject, which needs libffi
  local src; src="$(unpack libffi)"
  mkdir -p "$BLD/libffi"
  (cd "$BLD/libffi" && "${NICE[@]}" "$src/configure" --host=$HOST --prefix="$PREFIX" \
     --disable-shared --enable-static --disable-docs --disable-multi-os-directory \
   && "${NICE[@]}" make "${JOBS[@]}" install)
}

step_intl() {   # GLib 2.74 needs libintl even with -Dnls=disabled
  local src; src="$(unpack intl)"
  mkdir -p "$BLD/intl"
  (cd "$BLD/intl" && "${NICE[@]}" "$src/gettext-runtime/configure" --host=$HOST \
     --prefix="$PREFIX" --disable-shared --enable-static --disable-java --disable-csharp \
     --disable-libasprintf --disable-openmp --disable-nls --without-libiconv-prefix \
     --with-included-libintl am_cv_func_iconv=no \
   && "${NICE[@]}" make "${JOBS[@]}" -C intl)
  # With --disable-nls "make install" skips the library; install it by hand.
  cp "$BLD/intl/intl/.libs/libgnuintl.a" "$PREFIX/lib/libintl.a"
  cp "$BLD/intl/intl/libgnuintl.h" "$PREFIX/include/libintl.h"
}

step_glib() {
  local src; src="$(unpack glib)"
  "${NICE[@]}" meson setup "$BLD/glib" "$src" --cross-file "$PREFIX/share/ikuflet/cross.ini" \
    --prefix="$PREFIX" --libdir=lib --default-library=static --buildtype=release \
    -Dtests=false -Dinstalled_tests=false -Dnls=disabled -Dman=false -Dgtk_doc=false \
    -Dlibelf=disabled -Dxattr=false -Dselinux=disabled -Dlibmount=disabled \
    -Dsysprof=disabled -Ddtrace=false -Dsystemtap=false --wrap-mode=nofallback
  "${NICE[@]}" meson install -C "$BLD/glib"
}

step_libpng() {
  cmake_build libpng "$(unpack libpng)" -DPNG_SHARED=OFF -DPNG_STATIC=ON -DPNG_TESTS=OFF \
    -DPNG_EXECUTABLES=OFF -DSKIP_INSTALL_PROGRAMS=ON -DZLIB_ROOT="$PREFIX"
}

step_libharu() {
  local src; src="$(unpack libharu)"
  # Debian's fix-version patch (its debian.tar.xz is no longer in the archive): the
  # 2.3.0 tarball still calls itself 2.3.0RC2, which would show in every PDF's Producer.
  sed -i 's/HPDF_EXTRA_VERSION "RC2"/HPDF_EXTRA_VERSION ""/; s/"2\.3\.0RC2"/"2.3.0"/' \
    "$src/include/hpdf_version.h"
  grep -q '"2.3.0"' "$src/include/hpdf_version.h" || die "libharu version fix did not apply"
  cmake_build libharu "$src" -DLIBHPDF_SHARED=OFF -DLIBHPDF_STATIC=ON -DLIBHPDF_EXAMPLES=OFF \
    -DZLIB_ROOT="$PREFIX" -DPNG_PNG_INCLUDE_DIR="$PREFIX/include" \
    -DPNG_LIBRARY="$PREFIX/lib/libpng16.a"
  # libharu 2.3.0 ships no .pc file, and its Windows static archive is libhpdfs.a.
  cat > "$PREFIX/lib/pkgconfig/libhpdf.pc" <<EOF
prefix=$PREFIX
libdir=\${prefix}/lib
includedir=\${prefix}/include
Name: libhpdf
Description: Haru Free PDF Library (static)
Version: 2.3.0
Requires.private: libpng16 zlib
Libs: -L\${libdir} -lhpdfs
Cflags: -I\${includedir}
EOF
}

step_libzip() {
  cmake_build libzip "$(unpack libzip)" -DENABLE_COMMONCRYPTO=OFF -DENABLE_GNUTLS=OFF \
    -DENABLE_MBEDTLS=OFF -DENABLE_OPENSSL=OFF -DENABLE_WINDOWS_CRYPTO=OFF -DENABLE_BZIP2=OFF \
    -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF -DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF \
    -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF -DZLIB_ROOT="$PREFIX"
}

step_libxml2() {   # the reader only: no iconv, network, threads or optional modules
  local src; src="$(unpack libxml2)"
  mkdir -p "$BLD/libxml2"
  (cd "$BLD/libxml2" && "${NICE[@]}" "$src/configure" --host=$HOST --prefix="$PREFIX" \
     --disable-shared --enable-static --without-python --without-iconv --without-icu \
     --without-lzma --without-zlib --without-http --without-ftp --without-threads \
     --without-debug --without-catalog --without-docbook --without-modules \
     --without-schematron --without-schemas --without-xinclude --without-xptr \
     --without-valid --without-c14n --without-html --without-legacy --without-readline \
     --without-history \
   && "${NICE[@]}" make "${JOBS[@]}" libxml2.la \
   && "${NICE[@]}" make install-libLTLIBRARIES install-pkgconfigDATA \
   && "${NICE[@]}" make -C include install)
}

STEPS=(zlib pcre2 libffi intl glib libpng libharu libzip libxml2)

init_wine() {
  if [ ! -f "$WINEPREFIX/system.reg" ]; then
    log "Wine prefix $WINEPREFIX"
    "$WINE" wineboot --init >/dev/null 2>&1 || die "wineboot --init failed"
    wineserver_wait
  fi
}

wineserver_wait() { if command -v wineserver >/dev/null; then wineserver -w || true; fi; }

build_prefix() {   # $1 final prefix
  local final="$1" work
  work="$(mktemp -d "$final.tmp.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  export PREFIX="$work/prefix" SRC="$work/src" BLD="$work/build"
  mkdir -p "$PREFIX/include" "$PREFIX/lib/pkgconfig" "$SRC" "$BLD" "$work/logs"
  write_cross_files "$PREFIX"
  export PKG_CONFIG_LIBDIR="$PREFIX/lib/pkgconfig" PKG_CONFIG_PATH="" PKG_CONFIG_SYSROOT_DIR=""
  export CC="$HOST-gcc-win32" AR="$HOST-gcc-ar-win32" RANLIB="$HOST-gcc-ranlib-win32"
  export CPPFLAGS="-I$PREFIX/include" LDFLAGS="-L$PREFIX/lib" CFLAGS="-O2"
  local s start
  for s in "${STEPS[@]}"; do
    start=$SECONDS
    if ! ( set -e; "step_$s" ) > "$work/logs/$s.log" 2>&1; then
      tail -40 "$work/logs/$s.log" >&2
      die "step $s failed (log above)"
    fi
    log "$s: $((SECONDS - start)) s"
  done
  # The files that name the prefix get its final path, then the prefix moves there.
  grep -rlI --null "$work/prefix" "$PREFIX/lib/pkgconfig" "$PREFIX/lib/cmake" \
       "$PREFIX/bin" "$PREFIX/share/ikuflet" 2>/dev/null \
    | xargs -0 -r sed -i "s|$work/prefix|$final|g"
  find "$PREFIX" -name '*.la' -delete
  date -u +%FT%TZ > "$PREFIX/.complete"
  mv "$PREFIX" "$final"
  rm -rf "$work"
  trap - EXIT
}

main() {
  mkdir -p "$CACHE_ROOT"
  local final; final="$CACHE_ROOT/win64-deps-$(cache_key)"
  if [ ! -f "$final/.complete" ]; then
    exec 9>"$CACHE_ROOT/win64-deps.lock"
    log "waiting for the dependency cache lock"
    flock 9
    if [ ! -f "$final/.complete" ]; then
      rm -rf "$final"
      init_wine
      fetch_sources
      log "building the Windows x64 dependencies into $final (takes minutes)"
      local start=$SECONDS
      build_prefix "$final"
      log "done in $((SECONDS - start)) s"
    fi
    flock -u 9
  fi
  # Someone may have removed the Wine prefix since.
  if [ ! -f "$WINEPREFIX/system.reg" ]; then
    exec 9>"$CACHE_ROOT/win64-deps.lock"; flock 9; init_wine; flock -u 9
  fi
  echo "$final"
}

main "$@"
