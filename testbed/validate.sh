#!/bin/sh
# The validation table of README "The testbed", from a fresh clone (after mvn -q -B -DskipTests
# package), as root: trains the network if needed (about 6 minutes), calibrates on this machine
# (about 6), measures 24 points x 3 replications (about 75 minutes), simulates them with every
# mechanism and without each in turn, and writes the table (comparison.md, comparison.csv) and
# what each mechanism is worth (mechanisms.md) into testbed/validation/, and each point's latency
# CDFs, measured and simulated overlaid, into testbed/figures/ (testbed/figures.sh).
# A results folder of the same plan already under results/testbed is resumed, not measured again:
# move it away to measure afresh.
#   LOCK="flock -x /tmp/eesim-cpu.lock"  runs each measuring step under that command (a shared machine)
#   REUSE_CALIBRATION=1                  keeps profiles/testbed-alexnet-fmnist as it is
set -eu
cd "$(dirname "$0")/.."
lock=${LOCK:-}
files="testbed/validation-1mbps.yaml testbed/validation-4mbps.yaml"
./eesim testbed prepare testbed/validation-1mbps.yaml
if [ -z "${REUSE_CALIBRATION:-}" ]; then
  # shellcheck disable=SC2086
  $lock ./eesim testbed calibrate $files
fi
for f in $files; do
  while :; do # in chunks of at most 12 minutes, each resuming where the last stopped
    status=0
    $lock ./eesim testbed run "$f" --budget 12min || status=$?
    [ "$status" = 3 ] || break
    sleep 30
  done
  [ "$status" = 0 ] || exit "$status"
done
out=testbed/validation
mkdir -p "$out"
# shellcheck disable=SC2086
./eesim testbed compare $files
cp results/testbed/comparison/comparison.md results/testbed/comparison/comparison.csv "$out/"
{
  echo "What each mechanism is worth: the table's agreement simulated without it (eesim testbed compare --without M), or with one off by default (--with M)."
  echo
  echo "| simulated | agreement |"
  echo "|---|---|"
  echo "| with every mechanism | $(grep '^Targets met' results/testbed/comparison/comparison.md) |"
  for m in answer per_message message_spread framing burst; do
    # shellcheck disable=SC2086
    ./eesim testbed compare $files --without "$m" > /dev/null
    d=results/testbed/comparison-without-$(echo "$m" | tr _ -)
    echo "| without $m | $(grep '^Targets met' "$d/comparison.md") |"
  done
  for m in in_flight; do # a hypothesis, off by default (README, "The testbed")
    # shellcheck disable=SC2086
    ./eesim testbed compare $files --with "$m" > /dev/null
    d=results/testbed/comparison-with-$(echo "$m" | tr _ -)
    echo "| with $m | $(grep '^Targets met' "$d/comparison.md") |"
  done
} > "$out/mechanisms.md.part"
mv "$out/mechanisms.md.part" "$out/mechanisms.md"
sh testbed/figures.sh
echo "validate.sh: wrote $out/comparison.md, $out/mechanisms.md and testbed/figures/"
