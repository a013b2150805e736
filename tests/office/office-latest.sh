#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The current LibreOffice (Debian's <codename>-backports) beside the system's one,
# for testing ikuflet on both. Nothing is installed: apt only downloads, with a
# private configuration (the system's sources plus the backports suite, private
# lists and cache; /etc/apt and dpkg's state are only read), and the .debs are
# unpacked into a tree of their own. The system's LibreOffice stays as it is.
#
#   tests/office/office-latest.sh     prints the path of the tree's soffice.bin
#                                     on its last line
#
# Cache: ${XDG_CACHE_HOME:-$HOME/.cache}/ikuflet/libreoffice/
#   apt/             private apt lists and download cache
#   debs/KEY/        the downloaded .debs of one LibreOffice version (KEY: the version
#                    and a hash of the LibreOffice packages installed on the system)
#   KEY/             the unpacked, ready tree (…/usr/lib/libreoffice/program/soffice.bin)
# Each of debs/KEY and KEY is built in a temporary folder beside it and
# renamed when complete, so an interrupted run leaves nothing half made; a lock
# (flock) lets one run at a time build. The package lists are refreshed at most
# once a day (IKUFLET_OFFICE_LATEST_REFRESH=1 forces it); without a network the
# newest complete tree in the cache is used.
#
# Starting the tree's office: without LD_LIBRARY_PATH, URE_BOOTSTRAP and UNO_TYPES
# in its environment (soffice.bin finds its libraries through RUNPATH=$ORIGIN; the
# system's uno.py sets URE_BOOTSTRAP to the system office, which would abort it).
# A Python client uses the tree's own pyuno: PYTHONPATH=<tree>/usr/lib/libreoffice/program.
set -euo pipefail

PACKAGES=(libreoffice-calc python3-uno)
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/ikuflet/libreoffice"
APT="$CACHE/apt"

say() { printf '%s\n' "office-latest: $*" >&2; }
die() { say "$*"; exit 1; }

. /etc/os-release
CODENAME="${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}"
SUITE="$CODENAME-backports"

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock -w 1800 9 || die "another run has held $CACHE/.lock for 30 minutes"

# ---- the private apt configuration ------------------------------------------

# The system's deb822 stanzas that carry the release itself, again with the
# backports suite. (The one-line format of sources.list is handled as well.)
write_sources() {
  local out="$1" f
  : > "$out"
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk -v codename="$CODENAME" -v suite="$SUITE" '
      BEGIN { RS = ""; ORS = "\n\n" }
      {
        print
        n = split($0, lines, "\n"); hit = 0; out = ""
        for (i = 1; i <= n; i++) {
          if (lines[i] ~ /^Suites:/) {
            m = split(lines[i], words, /[ \t]+/)
            for (j = 2; j <= m; j++) if (words[j] == codename) hit = 1
            lines[i] = "Suites: " suite
          }
          out = out lines[i] "\n"
        }
        if (hit) printf "%s\n", out
      }' "$f" >> "$out"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk -v codename="$CODENAME" -v suite="$SUITE" '
      /^[ \t]*deb[ \t]/ {
        print
        line = $0
        if (sub("[ \t]" codename "[ \t]", " " suite " ", line)) print line
      }' "$f" >> "$out"
  done
  grep -q "$SUITE" "$out" || die "no source for $CODENAME in /etc/apt to take $SUITE from"
}

APT_OPTS=()
setup_apt() {
  mkdir -p "$APT/lists/partial" "$APT/archives/partial" "$APT/sources.d"
  write_sources "$APT/sources.d/all.sources"
  # Debug::NoLocking: the private lists and cache need no lock of dpkg's, and
  # a system apt run at the same time is not disturbed.
  APT_OPTS=(-q -o Dir::Etc::sourcelist=/dev/null -o Dir::Etc::sourceparts="$APT/sources.d"
            -o Dir::State::Lists="$APT/lists" -o Dir::Cache="$APT"
            -o Dir::Cache::archives="$APT/archives" -o Debug::NoLocking=1
            -o APT::Default-Release="$SUITE" -o APT::Sandbox::User=root)
}

# The version apt would take of libreoffice-calc from the backports suite.
candidate_version() {
  apt-cache "${APT_OPTS[@]}" policy libreoffice-calc 2>/dev/null |
    awk '/Candidate:/ { print $2; exit }'
}

lists_fresh() {
  [ "${IKUFLET_OFFICE_LATEST_REFRESH:-0}" != 1 ] &&
    [ -f "$APT/lists.stamp" ] &&
    [ -n "$(find "$APT/lists.stamp" -mmin -1440 2>/dev/null)" ]
}

newest_tree() {
  local d best=""
  for d in "$CACHE"/*/.complete; do
    [ -f "$d" ] || continue
    best="$(dirname "$d")"
  done
  [ -n "$best" ] && printf '%s\n' "$best"
}

# ---- the tree ---------------------------------------------------------------

# "libzxcvbn.so.0" for each library some office binary needs that ld.so cannot find.
unresolved_libraries() {
  local program="$1" f
  for f in "$program"/soffice.bin "$program"/oosplash "$program"/*.so "$program"/*.so.*; do
    [ -f "$f" ] || continue
    env -u LD_LIBRARY_PATH ldd "$f" 2>/dev/null | awk '/not found/ { print $1 }'
  done | sort -u
}

# Makes the unpacked tree @tree work from wherever it lies: every path in it is
# relative to its own folders, so it is checked before it is renamed into place.
fix_tree() {
  local tree="$1"
  local lo="$tree/usr/lib/libreoffice" program="$tree/usr/lib/libreoffice/program"

  [ -x "$program/soffice.bin" ] || die "no soffice.bin in the unpacked .debs"
  # Bootstrap files: this tree instead of /usr/lib/libreoffice and /etc/libreoffice
  # (${ORIGIN} is the folder of the file itself, program/).
  sed -i 's|^BRAND_BASE_DIR=.*|BRAND_BASE_DIR=${ORIGIN}/..|' "$program/fundamentalrc"
  sed -i 's|file:///etc/libreoffice/|${ORIGIN}/../../../../etc/libreoffice/|g' \
    "$program/fundamentalrc" "$program/sofficerc"
  # A default profile of its own: started without -env:UserInstallation, this
  # office must never upgrade the system office's profile.
  sed -i 's|^UserInstallation=.*|UserInstallation=$SYSUSERCONFIG/ikuflet-libreoffice-latest|' \
    "$program/bootstraprc"
  # Symlinks to /etc and /var would reach the system office's files: make them
  # relative links into the tree. main.xcd is what the package's postinst would
  # copy to /etc.
  local link target
  while IFS= read -r link; do
    target="$(readlink "$link")"
    case "$target" in
      /etc/*|/var/*)
        rm -f "$link"
        if [ "$(basename "$link")" = main.xcd ] && [ -f "$lo/share/.registry/main.xcd" ]; then
          cp "$lo/share/.registry/main.xcd" "$link"
        else
          [ -e "$tree$target" ] || mkdir -p "$tree$target"
          ln -sr "$tree$target" "$link"
        fi ;;
    esac
  done < <(find "$lo" -type l)
  # A library the office needs that is neither in program/ nor on this system,
  # but came with the .debs: linked into program/, which RUNPATH=$ORIGIN searches.
  local lib
  for lib in $(unresolved_libraries "$program"); do
    if [ -e "$tree/usr/lib/x86_64-linux-gnu/$lib" ]; then
      ln -s "../../x86_64-linux-gnu/$lib" "$program/$lib"
    fi
  done
  local missing
  missing="$(unresolved_libraries "$program")"
  [ -z "$missing" ] || die "libraries LibreOffice needs are missing: $(printf '%s' "$missing" | tr '\n' ' ')"
  # pyuno for a Python client: the tree's uno.py and unohelper.py in program/
  # (what PYTHONPATH names), finding this office next to themselves.
  local f
  for f in uno.py unohelper.py; do
    [ -f "$tree/usr/lib/python3/dist-packages/$f" ] || die "python3-uno's $f is missing"
    sed -e "s|'/usr/lib/libreoffice/program'|os.path.dirname(os.path.abspath(__file__))|" \
        -e "s|'vnd.sun.star.pathname:/usr/lib/libreoffice/program/|'vnd.sun.star.pathname:' + os.path.dirname(os.path.abspath(__file__)) + '/|" \
      "$tree/usr/lib/python3/dist-packages/$f" > "$program/$f"
  done
  ! grep -q /usr/lib/libreoffice "$program/uno.py" "$program/unohelper.py" ||
    die "uno.py still names /usr/lib/libreoffice"
  [ -f "$program/pyuno.so" ] || die "pyuno.so is missing in program/"
}

build_tree() {
  local debs="$CACHE/debs/$1" final="$CACHE/$1"
  local tmp t0 n=0 deb
  t0=$(date +%s)
  rm -rf "$final.tmp."*
  tmp="$(mktemp -d "$final.tmp.XXXXXX")"
  for deb in "$debs"/*.deb; do
    dpkg-deb -x "$deb" "$tmp"
    n=$((n + 1))
  done
  fix_tree "$tmp"
  env -u LD_LIBRARY_PATH -u URE_BOOTSTRAP -u UNO_TYPES \
    "$tmp/usr/lib/libreoffice/program/soffice.bin" --version > "$tmp/version.txt" 2>&1 ||
    die "the unpacked soffice.bin does not start: $(cat "$tmp/version.txt")"
  touch "$tmp/.complete"
  rm -rf "$final"
  mv "$tmp" "$final"
  say "unpacked $n .debs into $final in $(( $(date +%s) - t0 )) s ($(du -sh "$final" | cut -f1)): $(cat "$final/version.txt")"
}

download_debs() {
  local version="$1" dest="$CACHE/debs/$2" t0 tmp
  t0=$(date +%s)
  mkdir -p "$CACHE/debs"
  rm -rf "$dest.tmp."*
  find "$APT/archives" -maxdepth 1 -name '*.deb' -delete
  apt-get "${APT_OPTS[@]}" -qq install --download-only --no-install-recommends -y \
    -t "$SUITE" "${PACKAGES[@]/%/=$version}" </dev/null >&2
  tmp="$(mktemp -d "$dest.tmp.XXXXXX")"
  mv "$APT/archives/"*.deb "$tmp/"
  mv "$tmp" "$dest"
  say "downloaded $(ls "$dest" | wc -l) .debs ($(du -sh "$dest" | cut -f1)) in $(( $(date +%s) - t0 )) s"
}

# The LibreOffice packages installed on this system, one a line.
installed_office_packages() {
  dpkg-query -W -f='${Package} ${Status}\n' 'libreoffice*' 'python3-uno' 'ure' 2>/dev/null |
    awk '/ install ok installed$/ { print $1 }' | sort
}

# Trees (about 250 MB each) and .debs of other keys that no run has used for a day:
# a run on another checkout may still be using a tree it picked.
prune_unused() {
  local keep="$1" d key
  for d in "$CACHE"/*/ "$CACHE"/debs/*/; do
    key="$(basename "$d")"
    case "$key" in
      "$keep"|apt|debs) continue ;;
    esac
    if [ -f "$CACHE/$key/.complete" ] &&
       [ -n "$(find "$CACHE/$key/.complete" -mmin -1440 2>/dev/null)" ]; then
      continue
    fi
    say "removing $d, unused for a day"
    rm -rf "$d"
  done
}

main() {
  local version key tree
  setup_apt
  if ! lists_fresh; then
    say "refreshing the package lists of $SUITE"
    if apt-get "${APT_OPTS[@]}" -qq update >&2 </dev/null; then
      touch "$APT/lists.stamp"
    elif tree="$(newest_tree)"; then
      say "no package lists; using the cached $tree"
      printf '%s\n' "$tree/usr/lib/libreoffice/program/soffice.bin"
      return 0
    else
      die "could not fetch the package lists of $SUITE"
    fi
  fi
  version="$(candidate_version)"
  [ -n "$version" ] && [ "$version" != "(none)" ] || die "$SUITE has no libreoffice-calc"
  if [ "$version" = "$(dpkg-query -W -f='${Version}' libreoffice-calc 2>/dev/null)" ]; then
    die "$SUITE has no LibreOffice newer than the installed $version"
  fi
  # A folder name that is also a plain file URL: "4:25.2.3-2~bpo12+1" -> "25.2.3-2-bpo12-1",
  # and which LibreOffice packages the system has: apt brings the new version of
  # each (libreoffice-writer when it is installed), so another set is another tree.
  key="$(printf '%s' "${version#*:}" | tr -c 'A-Za-z0-9._-' '-')-$(installed_office_packages |
    sha256sum | cut -c1-8)"
  if [ ! -f "$CACHE/$key/.complete" ]; then
    [ -d "$CACHE/debs/$key" ] || download_debs "$version" "$key"
    build_tree "$key"
  fi
  touch "$CACHE/$key/.complete"   # in use: prune_unused keeps it for a day
  prune_unused "$key"
  printf '%s\n' "$CACHE/$key/usr/lib/libreoffice/program/soffice.bin"
}

main "$@"
