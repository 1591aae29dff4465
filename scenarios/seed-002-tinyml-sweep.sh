#!/bin/sh
# Seed 002 (TinyML) in simulation: runs scenarios/seed-002-tinyml.yaml with the stated rule and
# with the published code's indexing over uplink rates, then draws latency against the rate for
# each with the analysis CLI. Variants and results go to results/seed-002/.
# Usage (from the checkout):  sh scenarios/seed-002-tinyml-sweep.sh
set -eu
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests install
out=results/seed-002
mkdir -p "$out/scenarios"
profile="$(pwd)/profiles/tinyml-heyot"

for indexing in stated published; do
  for rate in 0.5 1 2 4 6 8 10; do
    name="seed-002-$indexing-$rate-Mbps"
    sed -e "s|^name: .*|name: $name|" -e "s|^profile: .*|profile: $profile|" \
        -e "s|bandwidth: 10 Mbps|bandwidth: $rate Mbps|" -e "s|indexing: stated|indexing: $indexing|" \
        -e "s|^  dir: .*|  dir: $out|" scenarios/seed-002-tinyml.yaml > "$out/scenarios/$name.yaml"
    ./eesim run "$out/scenarios/$name.yaml" --quiet > /dev/null
  done
  ./eesim plot "$out"/seed-002-"$indexing"-*-Mbps-* --x links.uplink.bandwidth \
    --x-label "Uplink rate" --figures latency-vs-x --out "$out/figures-$indexing"
done
# the cut each run used, for the README table
for f in "$out"/seed-002-*-Mbps-*/summary.csv; do
  printf '%s ' "$(basename "$(dirname "$f")")"; grep -E '^0,(latency.mean|policy.cut1),' "$f" | cut -d, -f2,4 | tr '\n' ' '; echo
done
