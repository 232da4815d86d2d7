#!/bin/bash
# Guard against "works here, fails on a fresh machine": every CMake package configuration file,
# library and compiler a configured build directory uses, and every tool the tests run, must come
# from a Debian package that scripts/install-deps.sh installs by name, from a hard dependency
# (Depends/Pre-Depends, recursively) of one it names, or from the minimal base system
# (Essential/required packages, which `debootstrap --variant=minbase` installs). A file found by
# CMake that is not in that set means the README's set-up works here only because the package
# lingers from a hand install; the guard then fails and names the package to add.
#
#   scripts/check-deps.sh [--deps FILE] [--with-sanitizers] BUILD_DIR...
#
# --deps FILE: the install script to read the package list from (default scripts/install-deps.sh;
# the test tst_depsguard passes a copy with a package removed). --with-sanitizers: the list of
# `install-deps.sh --with-sanitizers`, for the asan build. Takes a few seconds; .ci/run calls it
# after each configure step.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
deps="$here/install-deps.sh"
deps_options=()
build_dirs=()
while [ $# -gt 0 ]; do
    case "$1" in
        --deps) deps="$2"; shift 2 ;;
        --with-sanitizers) deps_options+=(--with-sanitizers); shift ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        -*) echo "check-deps.sh: unknown option $1" >&2; exit 2 ;;
        *) build_dirs+=("$1"); shift ;;
    esac
done
if [ ${#build_dirs[@]} -eq 0 ]; then
    echo "usage: scripts/check-deps.sh [--deps FILE] [--with-sanitizers] BUILD_DIR..." >&2
    exit 2
fi

# Tools the tests and the README's commands run by name, and who runs them. tst_depsguard checks
# that every program the sources look up on PATH is listed here.
test_tools=(
    cmake           # tst_packaging: cmake --install
    cpack           # tst_packaging: cpack -G DEB
    dpkg-deb        # tst_packaging: inspects the package; CPackDeb builds it
    dpkg-shlibdeps  # CPackDeb with CPACK_DEBIAN_PACKAGE_SHLIBDEPS
    file            # CPackDeb checks the binaries' type
    redis-server    # tst_redis_*, tst_cli_cluster, partlab-cli cluster up
    redis-cli       # LocalCluster: redis-cli --cluster create; tst_redis_backend resharding
    setpriv         # LocalCluster: --pdeathsig for test-owned servers
    bash            # tests/common/clirunner.h: runCliThroughPipe
    xvfb-run        # README: the GUI on a machine without a display
)

named=$(sh "$deps" --list "${deps_options[@]}")
# shellcheck disable=SC2086 # one word per package
closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
              --no-replaces --no-enhances $named 2>/dev/null | grep -v '^ ' | tr -d '<>' | sed 's/:.*//' | sort -u)
base=$(dpkg-query -W -f='${Package} ${Essential} ${Priority}\n' | awk '$2 == "yes" || $3 == "required" {print $1}')
allowed=$(printf '%s\n%s\n%s\napt\n' "$named" "$closure" "$base" | sort -u)

# What to check: "description<TAB>path" lines.
items=()
for dir in "${build_dirs[@]}"; do
    cache="$dir/CMakeCache.txt"
    if [ ! -f "$cache" ]; then
        echo "check-deps: $cache: no such file (configure first)" >&2
        exit 2
    fi
    # Package configuration directories: the config file find_package() read in each.
    while IFS='=' read -r key value; do
        [ -d "$value" ] || continue
        config=$(ls "$value"/*Config.cmake "$value"/*-config.cmake 2>/dev/null | head -1 || true)
        items+=("$cache: ${key%%:*}"$'\t'"${config:-$value}")
    done < <(grep -E '^[A-Za-z0-9_]+_DIR:PATH=/' "$cache" | grep -v '_INCLUDE_DIR:')
    # Libraries, programs and the compiler the configure step found.
    while IFS='=' read -r key value; do
        [ -f "$value" ] || continue
        items+=("$cache: ${key%%:*}"$'\t'"$value")
    done < <(grep -E '^([A-Za-z0-9_]+_LIBRARY[A-Za-z0-9_]*|pkgcfg_lib_[A-Za-z0-9_]+|[A-Za-z0-9_]+_EXECUTABLE|CMAKE_CXX_COMPILER|CMAKE_MAKE_PROGRAM):FILEPATH=/' "$cache")
done
failures=0
for tool in "${test_tools[@]}"; do
    path=$(command -v "$tool" || true)
    if [ -z "$path" ]; then
        echo "check-deps: tool '$tool' is not on PATH: the tests or the README need it" >&2
        failures=$((failures + 1))
        continue
    fi
    items+=("tool $tool"$'\t'"$path")
done

# The names dpkg may know a path by: with or without /usr (merged /usr: dpkg registers some
# files under /bin, /lib).
aliases() {
    echo "$1"
    case "$1" in
        /usr/bin/*|/usr/sbin/*|/usr/lib*) echo "${1#/usr}" ;;
        /bin/*|/sbin/*|/lib*) echo "/usr$1" ;;
    esac
}
# One dpkg-query call for every path (each call reads the whole database): "path -> owners".
declare -A owner_of
all_paths=()
for item in "${items[@]}"; do
    mapfile -t a < <(aliases "${item#*$'\t'}"; aliases "$(readlink -f "${item#*$'\t'}")")
    all_paths+=("${a[@]}")
done
while IFS= read -r line; do
    case "$line" in diversion*) continue ;; esac
    path=${line##*: }
    packages=$(sed 's/: \/.*//; s/, /\n/g' <<<"$line" | sed 's/:.*//' | tr '\n' ' ')
    owner_of[$path]="${owner_of[$path]:-}$packages"
done < <(dpkg-query -S "${all_paths[@]}" 2>/dev/null || true)

for item in "${items[@]}"; do
    what=${item%%$'\t'*}
    path=${item#*$'\t'}
    # The package that ships the path itself; only where dpkg does not know it (an alternatives
    # link such as /usr/bin/c++), the one that ships its target. (/usr/bin/redis-server is
    # redis-server's link to redis-tools' binary: without redis-server there is no such command.)
    candidates=""
    for p in "$path" "$(readlink -f "$path")"; do
        while IFS= read -r a; do
            candidates="$candidates ${owner_of[$a]:-}"
        done < <(aliases "$p")
        [ -n "${candidates// /}" ] && break
    done
    read -r -a candidates <<<"$candidates"
    if [ ${#candidates[@]} -eq 0 ]; then
        echo "check-deps: $what: $path belongs to no Debian package (a hand install?): a fresh Debian 12 will not have it" >&2
        failures=$((failures + 1))
        continue
    fi
    ok=false
    for owner in "${candidates[@]}"; do
        grep -qx "$owner" <<<"$allowed" && ok=true
    done
    if ! $ok; then
        echo "check-deps: $what: $path comes from package '${candidates[0]}', which $deps does not install: add it there" >&2
        failures=$((failures + 1))
    fi
done
checked=${#items[@]}

if [ "$failures" -gt 0 ]; then
    echo "check-deps: $failures problem(s) in $checked files" >&2
    exit 1
fi
echo "check-deps: $checked files and tools, all from packages $(basename "$deps") installs (or their hard dependencies, or the base system)"
