#!/bin/sh
# Installs every Debian 12 package Partlab needs to build, test and run (run as root).
set -e
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
    build-essential cmake ninja-build git ca-certificates \
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools \
    libqcustomplot-dev libqcustomplot2.1-qt6 libgl1-mesa-dev zlib1g-dev \
    fonts-dejavu-core xvfb xauth file \
    redis-server redis-tools libhiredis-dev pkg-config
