#!/bin/sh
# Runs every libFuzzer target of the asan preset (clang; it builds them beside the tests) for a
# bounded time on a copy of its seed corpus (tests/fuzz/corpus/<name>). Fails on the first crash,
# leak, timeout or sanitizer report; the reproducer is left in build/asan/fuzz-crashes/.
# Usage: scripts/run-fuzzers.sh [SECONDS_PER_TARGET]
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=build/asan
mkdir -p $build/fuzz-crashes
status=0
for target in $build/bin/fuzz_*; do
    [ -x "$target" ] || { echo "no fuzz targets in $build/bin: cmake --preset asan && cmake --build --preset asan"; exit 1; }
    name=$(basename "$target" | sed 's/^fuzz_//')
    work=$(mktemp -d)
    [ -d "tests/fuzz/corpus/$name" ] && cp -r "tests/fuzz/corpus/$name/." "$work/"
    echo "fuzz $name: ${seconds}s"
    if ! "$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
            -artifact_prefix=$build/fuzz-crashes/"$name"- -print_final_stats=1 "$work" \
            > "$build/fuzz-$name.log" 2>&1; then
        echo "fuzz $name FAILED:"; tail -40 "$build/fuzz-$name.log"; status=1
    else
        grep -E "^stat::number_of_executed_units" "$build/fuzz-$name.log" || true
    fi
    rm -rf "$work"
done
exit $status
