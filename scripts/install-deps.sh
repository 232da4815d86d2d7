#!/bin/sh
# Installs every Debian 12 package Partlab needs to build, test and run (run as root).
#
#   scripts/install-deps.sh                    the packages of both README set-up commands
#   scripts/install-deps.sh --with-sanitizers  also clang and its sanitizer runtimes (CI's asan preset)
#   scripts/install-deps.sh --list [...]       print the package names, one per line, install nothing
#
# Every package is named here, never left to a Recommends: a minimal Debian 12 root (debootstrap
# --variant=minbase, see scripts/check-fresh-install.sh) must build and pass the tests with these
# and their hard dependencies only. .ci/run checks that (scripts/check-deps.sh).
set -e

# Build tools and libraries.
packages="build-essential cmake ninja-build git ca-certificates pkg-config"
# Qt 6.4 (Qt6Charts' CMake files need Qt6OpenGL's, which only libqt6opengl6-dev ships) and QCustomPlot.
packages="$packages qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools"
packages="$packages libqcustomplot-dev libqcustomplot2.1-qt6 libgl1-mesa-dev zlib1g-dev"
# Fonts for the offscreen screenshots, an X server for the GUI without a display.
packages="$packages fonts-dejavu-core xvfb xauth"
# The Redis Cluster backend and its tests (libhiredis, redis-server, redis-cli).
packages="$packages redis-server redis-tools libhiredis-dev"
# Packaging test: CPackDeb needs file (and dpkg-shlibdeps from dpkg-dev, a build-essential dependency).
packages="$packages file"

list=false
for argument in "$@"; do
    case "$argument" in
        --with-sanitizers) packages="$packages clang libclang-rt-14-dev" ;;
        --list) list=true ;;
        *) echo "install-deps.sh: unknown option $argument (use --with-sanitizers or --list)" >&2; exit 2 ;;
    esac
done

if $list; then
    printf '%s\n' $packages
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086 # word splitting of the list is intended
apt-get install -y -qq --no-install-recommends $packages
