#!/bin/bash
# Deterministic cost of one worker: instructions counted by callgrind, which
# do not depend on the load of the machine (wall-clock timings on a shared
# machine do). Use it to compare two builds.
#
#   scripts/icount.sh [BIN] [N]
#
# BIN defaults to target/release/registre. The input is 300 generated
# documents and 3 procès-verbaux (scripts/gen_corpus.py, seed 1, generated
# into $TMPDIR/registre-icount once). Prints the total and the N (default 25)
# registre functions with the most inclusive instructions.
# Needs valgrind (apt-get install valgrind).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-target/release/registre}
n=${2:-25}
corpus=${TMPDIR:-/tmp}/registre-icount
if [ ! -d "$corpus" ]; then
    python3 "$here/gen_corpus.py" "$corpus.all" 1000 --pv 10 --seed 1 > /dev/null
    mkdir -p "$corpus"
    cp "$corpus.all"/cm-000[0-2]* "$corpus.all"/pv-00100[0-2].txt "$corpus"/
    rm -rf "$corpus.all"
fi
out=$(mktemp)
trap 'rm -f "$out" "$out.err"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" extract -q -j 1 "$corpus" > /dev/null 2> "$out.err"
grep -E 'Collected' "$out.err" | sed 's/.*Collected :/instructions:/'
callgrind_annotate --inclusive=yes "$out" 2>/dev/null | grep -E 'registre::' | head -"$n" | sed -E 's/ \[[^]]*\]$//' | cut -c1-140
