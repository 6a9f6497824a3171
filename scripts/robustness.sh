#!/usr/bin/env bash
# Bad input among good articles: every good file processed, an error record for each bad one,
# exit status 1, no crash, done in seconds.
#
#   scripts/robustness.sh [GOOD_DIR]
#
# Copies the *.txt files of GOOD_DIR (default: ../shared/corpus/polnear/dev/text, else
# examples/) into a temporary directory with an invalid-UTF-8 file, a binary file, an empty
# file, a file of 50,000 unbalanced quotation marks, a 5 MB line of mixed marks and a 4 MB
# line of `Name: clause.` sentences (each one a headline's shape), runs a
# release build of verbatim over it and checks the outcome.
set -uo pipefail
cd "$(dirname "$0")/.."
good=${1:-../shared/corpus/polnear/dev/text}
[ -d "$good" ] || good=examples
swift build -c release --product verbatim >/dev/null || exit 2
bin=$(swift build -c release --show-bin-path)/verbatim
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
cp "$good"/*.txt "$work/in/"
printf 'good start \x9f\xff bad bytes\n' > "$work/in/zz-invalid.txt"
head -c 20000 /dev/urandom > "$work/in/zz-binary.txt"
: > "$work/in/zz-empty.txt"
python3 -c "print('“' * 50000)" > "$work/in/zz-unbalanced.txt"
python3 -c "print('He said \"yes and \\' no “ maybe ‘ ' * 150000)" > "$work/in/zz-long-line.txt"
python3 -c "print('Reyne: the talks will go on. ' * 150000)" > "$work/in/zz-colon-line.txt"
files=$(ls "$work/in" | wc -l)
start=$(date +%s.%N)
"$bin" "$work/in" > "$work/out.ndjson" 2> "$work/err.txt"
status=$?
secs=$(python3 -c "print(round($(date +%s.%N) - $start, 2))")
docs=$(grep -c '"type":"document"' "$work/out.ndjson")
errors=$(grep -c '"type":"error"' "$work/out.ndjson")
echo "files $files: $docs document records, $errors error records, exit status $status, ${secs}s"
grep '"type":"error"' "$work/out.ndjson"
ok=1
[ "$status" -eq 1 ] || { echo "FAIL: exit status $status, expected 1"; ok=0; }
[ "$errors" -eq 2 ] || { echo "FAIL: $errors error records, expected 2 (invalid UTF-8, binary)"; ok=0; }
[ "$docs" -eq $((files - 2)) ] || { echo "FAIL: $docs documents, expected $((files - 2))"; ok=0; }
[ -s "$work/err.txt" ] && { echo "stderr:"; head -5 "$work/err.txt"; }
[ "$ok" -eq 1 ] && echo "ok"
