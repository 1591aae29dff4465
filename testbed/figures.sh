#!/bin/sh
# The latency CDFs of README "The testbed": for every point that 'eesim testbed compare' compared,
# the measured and the simulated distribution overlaid, one figure per point (PDF, SVG, PNG and
# the plotted CSV), into testbed/figures/<file>-point-<id>/. Run after compare.
#   sh testbed/figures.sh [COMPARISON_DIR]   (default results/testbed/comparison)
set -eu
cd "$(dirname "$0")/.."
dir=${1:-results/testbed/comparison}
if [ ! -f "$dir/folders.csv" ]; then
  echo "figures.sh: $dir/folders.csv not found: run eesim testbed compare first" >&2
  exit 2
fi
tail -n +2 "$dir/folders.csv" | while IFS=, read -r file measured simulated; do
  base=${file%.yaml}
  for p in $(tail -n +2 "$measured/points.csv" | cut -d, -f1); do
    ./eesim plot "$measured" "$simulated" --points "$p" --figures latency-cdf \
      --out "testbed/figures/$base-point-$p"
  done
done
