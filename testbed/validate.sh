#!/bin/sh
# The validation table of README "The testbed", from a fresh clone (after mvn -q -B -DskipTests
# package), as root: trains the network if needed (about 6 minutes), calibrates on this machine
# (about 6), measures 24 points x 3 replications (about 75 minutes), simulates them, writes
# results/testbed/comparison/comparison.md and each point's latency CDFs, measured and simulated
# overlaid, into testbed/figures/<file>-point-<id>/ (testbed/figures.sh).
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
# shellcheck disable=SC2086
./eesim testbed compare $files
sh testbed/figures.sh
