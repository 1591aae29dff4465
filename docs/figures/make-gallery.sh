#!/usr/bin/env bash
# Redraws the README's figure gallery (docs/figures/gallery-*.png) from shipped scenarios:
# four sweeps in scenarios/gallery/ and the quickstart. About half a minute after the install.
# Usage (from the repository root): docs/figures/make-gallery.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -DskipTests install
eesim() { ./eesim "$@"; }
charts() { ./eesim plot "$@"; }
for s in threshold distortion load energy-cuts; do
  eesim run "scenarios/gallery/$s.yaml" --quiet >/dev/null   # resumes (or just re-reads) a finished folder
done
eesim run scenarios/quickstart.yaml --quiet >/dev/null
# each scenario's output section names its figures (and figure_x); only the axis words are added
charts results/gallery-threshold --x-label p_tar >/dev/null
charts results/gallery-distortion >/dev/null
charts results/gallery-load --x-label "arrival rate per phone" >/dev/null
charts results/gallery-load --points 0,4,6 --figures latency-cdf --out results/gallery-load/figures/cdf >/dev/null
charts results/gallery-energy-cuts --x-label "cut (layers on the device)" >/dev/null
charts --latest results >/dev/null
q=$(ls -td results/quickstart-*/ | head -1)
copy() { cp "$1" "docs/figures/$2"; echo "docs/figures/$2"; }
copy results/gallery-threshold/figures/offload-vs-x.png gallery-offload-vs-threshold.png
copy results/gallery-threshold/figures/accuracy-latency.png gallery-accuracy-latency.png
copy results/gallery-threshold/figures/latency-vs-x.png gallery-latency-vs-threshold.png
copy results/gallery-distortion/figures/exit-distribution.png gallery-exit-distribution.png
copy results/gallery-load/figures/latency-vs-x.png gallery-latency-vs-load.png
copy results/gallery-load/figures/resources-vs-x.png gallery-resources-vs-load.png
copy results/gallery-load/figures/cdf/latency-cdf.png gallery-latency-cdf.png
copy results/gallery-energy-cuts/figures/latency-energy.png gallery-latency-energy.png
copy "${q}figures/latency-cdf.png" quickstart-latency-cdf.png
copy "${q}figures/exit-distribution.png" quickstart-exit-distribution.png
