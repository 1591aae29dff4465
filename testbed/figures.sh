#!/bin/sh
# The latency CDFs of README "The testbed": for every point that 'eesim testbed compare' compared,
# the measured and the simulated distribution overlaid, one figure per point (PDF, SVG, PNG and
# the plotted CSV), into testbed/figures/<file>-point-<id>/, and per file two overviews of three
# loads each (threshold 0.8 on pristine images, 0.95 on blur-3: the sweep's points 0,4,8 and
# 3,7,11) into testbed/figures/<file>-loads-{pristine-0.8,blur3-0.95}/. Run after compare.
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
  n=$(tail -n +2 "$measured/points.csv" | wc -l)
  for p in $(tail -n +2 "$measured/points.csv" | cut -d, -f1); do
    ./eesim plot "$measured" "$simulated" --points "$p" --figures latency-cdf \
      --out "testbed/figures/$base-point-$p"
  done
  if [ "$n" = 12 ]; then # the validation files' 3 loads x 2 thresholds x 2 conditions
    ./eesim plot "$measured" "$simulated" --points 0,4,8 --figures latency-cdf --two-column \
      --out "testbed/figures/$base-loads-pristine-0.8"
    ./eesim plot "$measured" "$simulated" --points 3,7,11 --figures latency-cdf --two-column \
      --out "testbed/figures/$base-loads-blur3-0.95"
  fi
done
