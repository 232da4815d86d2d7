#!/bin/bash
# Runs the README's two set-up commands on a truly fresh Debian 12, as a newcomer would: builds a
# throw-away minimal root with debootstrap (--variant=minbase, the mirror this machine's apt
# sources name), clones the repository's HEAD into it, bind-mounts /proc, /dev and /sys, and runs
# each command of README.md's "Set up" section in a chroot, exactly as the README writes it
# (extracted from README.md, never copied here). Reports pass or fail with the first error and
# cleans up: unmounts and deletes the root even on failure or Ctrl-C.
#
#   scripts/check-fresh-install.sh [--keep] [--dir DIR] [--only 1|2]
#
# --keep: leave the root (and its logs) in place for a look afterwards. --dir DIR: where to make
# the root (default: a new folder under /var/tmp; needs about 4 GB). --only N: run only the
# README's Nth command (default: both, in order, in the same root). Needs root, debootstrap and
# git; about 8-10 minutes on 2 cores, most of it the build. Uncommitted changes are not tested:
# the root gets a clone of HEAD, as CI does.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
keep=false
root=""
only=""
while [ $# -gt 0 ]; do
    case "$1" in
        --keep) keep=true; shift ;;
        --dir) root="$2"; shift 2 ;;
        --only) only="$2"; shift 2 ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) echo "check-fresh-install.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

fail() { echo "check-fresh-install: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "must run as root (debootstrap and chroot)"
command -v git >/dev/null || fail "git is not installed"
if ! command -v debootstrap >/dev/null; then
    echo "check-fresh-install: installing debootstrap"
    log=$(mktemp)
    # apt's progress and debconf notes go to the log, shown only when the install fails.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >"$log" 2>&1 \
        || { cat "$log" >&2; rm -f "$log"; fail "could not install debootstrap"; }
    rm -f "$log"
fi

# The README's set-up commands: the first two ```sh blocks of the "## Set up" section.
mapfile -t commands < <(awk '
    /^## / { insetup = ($0 ~ /^## Set up/) }
    insetup && /^```sh/ { inblock = 1; next }
    inblock && /^```/ { inblock = 0; next }
    inblock { print }' "$repo/README.md" | head -2)
[ ${#commands[@]} -eq 2 ] || fail "README.md: expected two set-up commands in a \"## Set up\" section, found ${#commands[@]}"

# The Debian mirror this machine's apt sources name (deb822 or one-line format).
mirror=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ && $2 ~ /\/debian\/?$/ {print $2; exit}')
if [ -z "$mirror" ]; then
    mirror=$(grep -hE '^deb +[^ ]*/debian/? +bookworm' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '{print $2; exit}')
fi
mirror=${mirror:-http://deb.debian.org/debian}

if [ -z "$root" ]; then
    root=$(mktemp -d /var/tmp/partlab-fresh.XXXXXX)
else
    mkdir -p "$root"
    [ -z "$(ls -A "$root")" ] || fail "$root is not empty"
fi
logdir="$root/root/partlab-fresh-logs"

mounted=()
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    # Processes still running inside the root (a redis-server a test left, a build step cut by
    # Ctrl-C) would keep the mounts busy.
    for p in /proc/[0-9]*; do
        if [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ]; then
            kill -KILL "${p#/proc/}" 2>/dev/null || true
        fi
    done
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" 2>/dev/null || true
    done
    if $keep; then
        echo "check-fresh-install: root kept in $root (logs in $logdir)"
    elif findmnt -rno TARGET | grep -q "^$root/"; then
        echo "check-fresh-install: something is still mounted under $root; not deleting it" >&2
    else
        rm -rf --one-file-system "$root"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'echo "check-fresh-install: interrupted" >&2; exit 130' INT TERM

start=$(date +%s)
elapsed() { echo "$(( $(date +%s) - start )) s"; }

echo "check-fresh-install: debootstrap --variant=minbase bookworm $root $mirror"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 ||
    { tail -5 "$root.debootstrap.log" >&2; rm -f "$root.debootstrap.log"; fail "debootstrap failed"; }
rm -f "$root.debootstrap.log"
# The same Debian suites as this machine (updates and security too), and name resolution.
if ls /etc/apt/sources.list.d/*.sources >/dev/null 2>&1; then
    for f in /etc/apt/sources.list.d/*.sources; do
        grep -qE '^URIs:.*/debian(-security)?/?$' "$f" && cp "$f" "$root/etc/apt/sources.list.d/"
    done
    [ -n "$(ls "$root"/etc/apt/sources.list.d/ 2>/dev/null)" ] && : >"$root/etc/apt/sources.list"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"

for m in proc dev dev/pts sys; do
    mount --bind "/$m" "$root/$m"
    mounted+=("$root/$m")
done

git clone --quiet "$repo" "$root/root/partlab"
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
    echo "check-fresh-install: note: uncommitted changes in $repo are not part of the check (HEAD is cloned)"
fi
mkdir -p "$logdir"
echo "check-fresh-install: root ready ($(elapsed)); HEAD $(git -C "$repo" rev-parse --short HEAD)"

result=0
for n in 1 2; do
    [ -n "$only" ] && [ "$only" != "$n" ] && continue
    command=${commands[n - 1]}
    log="$logdir/command-$n.log"
    echo "check-fresh-install: command $n: $command"
    t0=$(date +%s)
    # A login-like environment with nothing of this session's: no DISPLAY (so command 1 takes the
    # headless branch), the PATH of a fresh root.
    if chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
           PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
           /bin/sh -c "cd /root/partlab && $command" >"$log" 2>&1 </dev/null; then
        echo "check-fresh-install: command $n PASSED in $(( $(date +%s) - t0 )) s (log: $log)"
    else
        rc=$?
        result=1
        echo "check-fresh-install: command $n FAILED (exit $rc) after $(( $(date +%s) - t0 )) s" >&2
        first=$(grep -m1 -nE '(^|[^a-z])(error|Error|ERROR|FAILED|Failed|failed)([^a-z]|$)|^E: ' "$log" || true)
        echo "  first error: ${first:-none matched; the last lines follow}" >&2
        tail -15 "$log" | sed 's/^/  | /' >&2
        keep_log="/var/tmp/partlab-fresh-command-$n.log"
        cp "$log" "$keep_log" && echo "  whole log: $keep_log" >&2
    fi
done

if [ "$result" -eq 0 ]; then
    echo "check-fresh-install: PASSED, both set-up commands work on a fresh Debian 12 ($(elapsed) in all)"
else
    echo "check-fresh-install: FAILED ($(elapsed) in all)" >&2
fi
exit "$result"
