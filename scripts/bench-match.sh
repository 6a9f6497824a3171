#!/usr/bin/env bash
# Speed and memory of cross-source matching alone (`verbatim match`), on synthetic quotes.
#
#   scripts/bench-match.sh [SIZES...]      (default: 10000 100000 1000000)
#
# Makes, for each size N, an NDJSON file of N quote records (python3, seeded): sentences of
# 8-40 words drawn from a Zipf-like vocabulary of 50,000 words, 2,000 speakers, 20 quotes a
# document; one quote in ten repeats an earlier one (word for word, as a fragment, with a
# changed word, or given to another speaker). Then runs the release build's `verbatim match
# --stats` on one core (taskset -c 0) and prints seconds, microseconds a quote, peak resident
# memory (GNU time) and the matcher's own estimate of what it holds.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
swift build -c release --product verbatim >/dev/null
bin=$(swift build -c release --show-bin-path)/verbatim
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in "${sizes[@]}"; do
  python3 - "$n" > "$work/q.ndjson" <<'PY'
import json, random, sys
n = int(sys.argv[1]); rnd = random.Random(7)
vocab = [f"w{i}" for i in range(50000)]
import itertools
cum = list(itertools.accumulate(1.0 / (i + 1) for i in range(len(vocab))))
def sentence():
    return rnd.choices(vocab, cum_weights=cum, k=rnd.randint(8, 40))
kept = []
out = sys.stdout
for i in range(n):
    doc = f"d{i // 20}"
    speaker = f"person-{rnd.randrange(2000)}"
    r = rnd.random()
    if kept and r < 0.1:
        words, speaker0 = rnd.choice(kept)
        kind = rnd.randrange(4)
        if kind == 1 and len(words) > 12:
            a = rnd.randrange(len(words) - 8); words = words[a:a + 8]
        elif kind == 2:
            words = list(words); words[rnd.randrange(len(words))] = rnd.choice(vocab)
        speaker = speaker0 if kind != 3 else speaker
    else:
        words = sentence()
        if len(kept) < 100000: kept.append((words, speaker))
        elif rnd.random() < 0.01: kept[rnd.randrange(len(kept))] = (words, speaker)
    if i % 20 == 0:
        out.write(json.dumps({"type": "document", "doc": doc, "quotes": 20}) + "\n")
    out.write(json.dumps({"type": "quote", "id": f"{doc}#{i % 20 + 1}", "doc": doc, "source": None, "kind": "direct",
                          "text": " ".join(words).capitalize() + ".", "spans": [[0, 1]], "sentences": [0, 0],
                          "speaker": {"entity": speaker}, "cue": None, "claim": None}) + "\n")
PY
  bytes=$(stat -c %s "$work/q.ndjson")
  /usr/bin/time -f "%e %M" -o "$work/time" taskset -c 0 "$bin" match --stats "$work/q.ndjson" > "$work/out.ndjson" 2> "$work/stats"
  read -r secs kb < "$work/time"
  awk -v n="$n" -v s="$secs" -v k="$kb" -v b="$bytes" -v st="$(grep matcher "$work/stats")" \
    -v m="$(grep -c '"type":"match"' "$work/out.ndjson")" -v c="$(grep -c '"type":"cluster"' "$work/out.ndjson")" \
    'BEGIN { printf "%8d quotes (%6.1f MB): %7.2f s  %6.1f us/quote  peak %7.1f MB  %d matches %d clusters\n    %s\n", n, b/1e6, s, s*1e6/n, k/1024, m, c, st }'
done
