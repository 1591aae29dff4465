#!/usr/bin/env bash
# Redraws the README's figure gallery (docs/figures/gallery-*.png) from shipped scenarios:
# four sweeps in scenarios/gallery/ and the quickstart. About a minute after the install.
# Usage (from the repository root): docs/figures/make-gallery.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -DskipTests install
eesim() { ./eesim "$@"; }
plot() { ./eesim plot "$@"; }
for s in threshold distortion load two-key energy-cuts; do
  eesim run "scenarios/gallery/$s.yaml" --quiet >/dev/null   # resumes (or just re-reads) a finished folder
done
eesim run scenarios/quickstart.yaml --quiet >/dev/null
# each scenario's output section names its figures (and figure_x); only the axis words are added
plot results/gallery-threshold --x-label p_tar --stats mean,p95,p99 >/dev/null   # 4 series: all three asked for
plot results/gallery-distortion >/dev/null
plot results/gallery-load --x-label "arrival rate per phone" >/dev/null
plot results/gallery-load --points 0,4,6 --figures latency-cdf --out results/gallery-load/figures/cdf >/dev/null
# two keys: x = the bandwidth (figure_x; log axis, since the sweep gives it a log_range), one
# series per p_tar; then x = p_tar, one series per bandwidth, also across two columns
plot results/gallery-two-key --x-label "uplink bandwidth" >/dev/null   # difference-vs-x too: seeds: common
plot results/gallery-two-key --x early_exit.threshold --x-label p_tar --figures accuracy-latency,latency-vs-x \
  --out results/gallery-two-key/figures/by-ptar >/dev/null
plot results/gallery-two-key --x early_exit.threshold --x-label p_tar --figures latency-vs-x --two-column \
  --out results/gallery-two-key/figures/wide >/dev/null
plot results/gallery-energy-cuts --x-label "cut (layers on the device)" >/dev/null
plot --latest results >/dev/null
q=$(ls -td results/quickstart-*/ | head -1)
copy() { cp "$1" "docs/figures/$2"; echo "docs/figures/$2"; }
copy results/gallery-threshold/figures/offload-vs-x.png gallery-offload-vs-threshold.png
copy results/gallery-threshold/figures/accuracy-latency.png gallery-accuracy-latency.png
copy results/gallery-threshold/figures/latency-vs-x.png gallery-latency-vs-threshold.png
copy results/gallery-distortion/figures/exit-distribution.png gallery-exit-distribution.png
copy results/gallery-load/figures/latency-vs-x.png gallery-latency-vs-load.png
copy results/gallery-load/figures/resources-vs-x.png gallery-resources-vs-load.png
copy results/gallery-load/figures/cdf/latency-cdf.png gallery-latency-cdf.png
copy results/gallery-two-key/figures/latency-vs-x.png gallery-two-key-latency-vs-bandwidth.png
copy results/gallery-two-key/figures/resources-vs-x.png gallery-two-key-resources-vs-bandwidth.png
copy results/gallery-two-key/figures/by-ptar/accuracy-latency.png gallery-two-key-accuracy-latency.png
copy results/gallery-two-key/figures/difference-vs-x.png gallery-two-key-difference-vs-bandwidth.png
copy results/gallery-two-key/figures/wide/latency-vs-x.png gallery-two-key-latency-vs-ptar-wide.png
copy results/gallery-energy-cuts/figures/latency-energy.png gallery-latency-energy.png
copy "${q}figures/latency-cdf.png" quickstart-latency-cdf.png
copy "${q}figures/exit-distribution.png" quickstart-exit-distribution.png
