# Shared by benchmarks/peers/run and benchmarks/peers/scale (sourced, not run).
# Not part of CI: .ci/run never calls these scripts.

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=${PEERS_WORK:-/var/tmp/smtp-classify-peers}
cli_dll=$repo/samples/SmtpRelayClassifier.Cli/bin/Release/net10.0/smtp-classify.dll
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p "$work"

load() { cut -d' ' -f1-3 /proc/loadavg; }

# GNU time, for the wall time and the peak resident set of a whole process.
need_time() {
  [ -x /usr/bin/time ] && return 0
  apt-get update -qq && apt-get install -y -qq time >/dev/null
}

# The Release build of smtp-classify, run as `dotnet smtp-classify.dll` (whatever the work tree holds now).
build_cli() {
  dotnet build -c Release -v quiet -nologo "$repo/samples/SmtpRelayClassifier.Cli" >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; return 1; }
}

# FILE COUNT OUT: the lines of FILE repeated in order until COUNT lines, written to OUT.
cycle() {
  local file=$1 count=$2 out=$3 have
  have=$(wc -l <"$file")
  {
    for _ in $(seq $(( count / have ))); do cat "$file"; done
    head -n $(( count % have )) "$file"
  } >"$out"
}

# The inputs: the reply column of the development corpus (real lengths) and the benchmarks' short replies.
make_inputs() {
  local f
  for f in "$repo"/tests/SmtpRelayClassifier.Tests/Corpus/*.tsv; do tail -n +2 "$f" | cut -f1; done >"$work/dev.txt"
  grep -v '^#' "$repo/benchmarks/SmtpRelayClassifier.Benchmarks/Corpus/replies.tsv" | cut -f1 >"$work/short.txt"
  head -n 1 "$work/dev.txt" >"$work/one.txt"
}

# OUT CMD...: runs CMD under GNU time; OUT gets "wall seconds<TAB>peak KiB<TAB>user seconds<TAB>system seconds";
# CMD's standard output is left to the caller. CPU time is the figure to compare on a loaded machine: the wall time
# also counts the time spent waiting for a core.
timed() {
  local out=$1; shift
  /usr/bin/time -f '%e	%M	%U	%S' -o "$out" "$@"
}

elapsed() { cut -f1 "$1"; }
cpu() { awk -F'\t' '{ printf "%.2f", $3 + $4 }' "$1"; }
peak_mb() { awk -F'\t' '{ printf "%d", $2 / 1024 }' "$1"; }

# N: N rounded, with thousands separators. LINES SECONDS: the rate, so.
num() { printf '%.0f' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
rate() { num "$(awk -v n="$1" -v s="$2" 'BEGIN { print n / s }')"; }
