#!/usr/bin/env bash
# Runs one fuzz target under AFL++ with SharpFuzz's instrumentation, starting from the target's seed corpus.
#   fuzz/run.sh TARGET [SECONDS]        (default 600 s; TARGET from: dotnet run --project fuzz/SmtpRelayClassifier.Fuzz -- list)
# Needs afl++ (apt-get install afl++) and sharpfuzz (dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0).
# Findings land in fuzz/SmtpRelayClassifier.Fuzz/bin/afl/findings-TARGET/ (crashes/, hangs/); replay one with
#   dotnet run --project fuzz/SmtpRelayClassifier.Fuzz -- TARGET path/to/input
set -euo pipefail
target=${1:?usage: fuzz/run.sh TARGET [SECONDS]}
seconds=${2:-600}
project=$(cd "$(dirname "$0")/SmtpRelayClassifier.Fuzz" && pwd)
work=$project/bin/afl
publish=$work/publish
export PATH="$PATH:$HOME/.dotnet/tools"

rm -rf "$publish"
dotnet publish "$project" -c Release -o "$publish" --nologo -v quiet
corpus=$(dotnet "$publish/smtp-fuzz.dll" list | awk -v t="$target" '$1 == t { print $2 }')
[ -n "$corpus" ] || { echo "no fuzz target is named '$target'" >&2; exit 2; }
# Instrumented code needs the fuzzer's shared memory: after this, smtp-fuzz runs only under afl-fuzz.
sharpfuzz "$publish/SmtpRelayClassifier.dll"


# dotnet itself is not instrumented (the managed code is); no core dumps or CPU pinning are needed.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
[ -t 1 ] || export AFL_NO_UI=1
afl-fuzz -V "$seconds" -t 5000 -m none -i "$project/$corpus" -o "$work/findings-$target" -- dotnet "$publish/smtp-fuzz.dll" "$target"

# afl-fuzz exits 0 whatever it found: say what it found, and fail when it saved a crash or a hang.
found=$work/findings-$target/default
stats=$(awk -F' *: ' '/^(execs_done|execs_per_sec|saved_crashes|saved_hangs)/ { printf "%s=%s ", $1, $2 }' "$found/fuzzer_stats")
echo "$target: $stats"
crashes=$(find "$found/crashes" "$found/hangs" -type f -name 'id:*' | wc -l)
[ "$crashes" -eq 0 ] || { echo "$crashes inputs in $found/crashes and hangs: replay one with smtp-fuzz $target FILE" >&2; exit 1; }
