#!/usr/bin/env bash
# Throughput and peak memory of a release build of verbatim, end to end.
#
#   scripts/bench.sh [CORPUS_DIR] [COPIES]
#
# Builds `verbatim` in release mode, makes a corpus of COPIES copies (default 13, ~50 MB of
# PolNeAR train) of the *.txt files of CORPUS_DIR (default: ../shared/corpus/polnear/train/text,
# else examples/), and runs verbatim over 1 copy and over COPIES copies, then over all of it
# as one file, printing MB/s (the fastest of RUNS runs, default 3) and peak resident memory
# for each (GNU time). Runs on one core (taskset -c 0).
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-../shared/corpus/polnear/train/text}
[ -d "$src" ] || src=examples
copies=${2:-13}
runs=${RUNS:-3}
swift build -c release --product verbatim >/dev/null
bin=$(swift build -c release --show-bin-path)/verbatim
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/x1/c1"
cp "$src"/*.txt "$work/x1/c1/"
mkdir -p "$work/xN"
for i in $(seq 1 "$copies"); do mkdir -p "$work/xN/c$i"; cp "$src"/*.txt "$work/xN/c$i/"; done
cat "$work"/xN/*/*.txt > "$work/one.txt"

run() { # name path [args]: the fastest of $runs runs, and the largest peak memory
  local name=$1 path=$2; shift 2
  local bytes; bytes=$(du -sb --apparent-size "$path" | cut -f1)
  [ -f "$path" ] || bytes=$(find "$path" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
  local secs="" kb=0 s k
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" taskset -c 0 "$bin" "$@" "$path" > "$work/out.ndjson"
    read -r s k < "$work/time"
    if [ -z "$secs" ] || awk -v a="$s" -v b="$secs" 'BEGIN { exit !(a < b) }'; then secs=$s; fi
    [ "$k" -gt "$kb" ] && kb=$k
  done
  awk -v n="$name" -v b="$bytes" -v s="$secs" -v k="$kb" -v q="$(grep -c '"type":"quote"' "$work/out.ndjson")" \
    'BEGIN { printf "%-28s %8.1f MB %7.2f s %7.1f MB/s  peak %6.1f MB  %d quotes\n", n, b/1e6, s, (s > 0 ? b/1e6/s : 0), k/1024, q }'
}
echo "verbatim release build; corpus: $src"
run "1x ($(ls "$src"/*.txt | wc -l) files)" "$work/x1"
run "${copies}x (directory)" "$work/xN"
run "${copies}x (one file)" "$work/one.txt" --max-bytes 1000000000
