#!/usr/bin/env bash
# Redraws the README's full-size figures: per layer (docs/figures/layers-*.png, from the profiles
# themselves) and the partition sweeps (docs/figures/partition-b-*.png, from
# scenarios/partition-b-*.yaml; a few seconds each). Run after the build (mvn -q -B -DskipTests
# install, or package in the reactor).
# Usage (from the repository root): docs/figures/make-full-size.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./eesim plot --layers profiles/b-alexnet-djl --layers profiles/b-mobilenet-distortion-robust \
  --out results/layers >/dev/null
for n in partition-b-alexnet partition-b-mobilenetv2; do
  ./eesim run "scenarios/$n.yaml" --quiet >/dev/null   # resumes (or just re-reads) a finished folder
  ./eesim plot "results/$n" >/dev/null
done
copy() { cp "$1" "docs/figures/$2"; echo "docs/figures/$2"; }
copy results/layers/layers-b-alexnet-djl.png layers-b-alexnet-djl.png
copy results/layers/layers-b-mobilenet-distortion-robust.png layers-b-mobilenet-distortion-robust.png
copy results/partition-b-alexnet/figures/partition-vs-x.png partition-b-alexnet.png
copy results/partition-b-mobilenetv2/figures/partition-vs-x.png partition-b-mobilenetv2.png
