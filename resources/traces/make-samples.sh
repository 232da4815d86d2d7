#!/bin/sh
# Regenerates the sample traces in this folder from partlab-cli's deterministic scenarios.
# Usage: resources/traces/make-samples.sh [path/to/partlab-cli]   (needs python3 for reshaping)
set -eu
cd "$(dirname "$0")"
cli=${1:-../../build/default/bin/partlab-cli}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Stock ticks: 2000 ticks of up to 200 symbols, 1 ms apart, as a CSV log with its own column names.
"$cli" simulate --scenario builtin:stocks --messages 2000 --seed 7 --record "$tmp/ticks.csv" >/dev/null
sed '1s/.*/timestamp,symbol,price,volume/' "$tmp/ticks.csv" > stock-ticks.csv

# The same ticks as kcat prints them with -f '%k\t%s\t1\t%T\n' (key, price, volume 1, epoch ms).
python3 - "$tmp/ticks.csv" > stock-ticks.kv <<'PY'
import csv, sys, datetime
for row in csv.DictReader(open(sys.argv[1])):
    t = datetime.datetime.strptime(row["time"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc)
    print(f'{row["key"]}\t{row["value"]}\t1\t{int(t.timestamp() * 1000)}')
PY

# Orders: 600 orders as nested JSON events (the key is order.customer).
"$cli" simulate --scenario builtin:orders --messages 600 --seed 7 --record "$tmp/orders.jsonl" >/dev/null
python3 - "$tmp/orders.jsonl" > orders.jsonl <<'PY'
import json, sys
for i, line in enumerate(open(sys.argv[1]), 1):
    m = json.loads(line)
    event = {"ts": m["time"], "type": "order_placed",
             "order": {"id": f"O{i:06d}", "customer": m["key"], "amount": m["value"], "qty": int(m["volume"])},
             "channel": ["web", "app", "store"][i % 3]}
    print(json.dumps(event, separators=(",", ":")))
PY
echo "samples written to $(pwd)"
