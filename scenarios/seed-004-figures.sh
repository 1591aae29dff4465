#!/bin/sh
# Seed 004 (Context-Aware Compilation) reproduction: runs scenarios/seed-004-cac.yaml (the seed's
# engine, K = 1, 2, 4, 8) and seed-004-baselines.yaml (JointDNN, edge-only) over the bandwidths, on
# the seed's ResNet-50 and MobileNetV3-large profiles (TX2 edge), then draws the README's figures:
# seconds per iteration against bandwidth, and the engine's split against bandwidth.
# Usage (from the checkout, after 'mvn -q -B -DskipTests install'):  sh scenarios/seed-004-figures.sh
set -eu
cd "$(dirname "$0")/.."
./eesim run scenarios/seed-004-cac.yaml --quiet > /dev/null
./eesim run scenarios/seed-004-baselines.yaml --quiet > /dev/null
out=results/seed-004-figures
./eesim plot results/seed-004-cac results/seed-004-baselines --x links.uplink.bandwidth --x-label "Bandwidth, each way" \
  --log-x --figures metric-vs-x --metric training.seconds_per_iteration --out "$out" \
  --rename "cac-resnet50-tx2=ResNet-50" --rename "cac-mobilenetv3-large-tx2=MobileNetV3-large" \
  --rename "staleness 1=engine, K = 1" --rename "staleness 2=engine, K = 2" --rename "staleness 4=engine, K = 4" \
  --rename "staleness 8=engine, K = 8" --rename "jointdnn=JointDNN (K = 0)" --rename "edge_only=edge only" > /dev/null
./eesim plot results/seed-004-cac --x links.uplink.bandwidth --x-label "Bandwidth, each way" \
  --log-x --figures metric-vs-x --metric training.split.last --out "$out" \
  --rename "cac-resnet50-tx2=ResNet-50" --rename "cac-mobilenetv3-large-tx2=MobileNetV3-large" \
  --rename "staleness 1=K = 1" --rename "staleness 2=K = 2" --rename "staleness 4=K = 4" \
  --rename "staleness 8=K = 8" > /dev/null
cp "$out/training-seconds-per-iteration-vs-x.png" docs/figures/seed-004-seconds-per-iteration.png
cp "$out/training-split-last-vs-x.png" docs/figures/seed-004-split.png
echo "figures: docs/figures/seed-004-seconds-per-iteration.png docs/figures/seed-004-split.png ($out)"
