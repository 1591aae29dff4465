#!/bin/sh
# Seed 003 (POPEX) reproduction: runs scenarios/seed-003-popex.yaml at the 3G, 4G and Wi-Fi rates
# (edge device 10x slower than the cloud) and over the speed ratio gamma at Wi-Fi, then draws
# latency and offloading against the rate and against the edge device's speed with the analysis
# CLI. Variants are written into results/seed-003/ (the profile path made absolute); results go
# there too. Usage (from the checkout):  sh scenarios/seed-003-popex-sweep.sh
set -eu
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests install
out=results/seed-003
mkdir -p "$out/scenarios"
profile="$(pwd)/profiles/b-alexnet-carpex"

variant() { # name rate device-speed
  sed -e "s|^name: .*|name: $1|" -e "s|^profile: .*|profile: $profile|" \
      -e "s|uplink: {bandwidth: [^,]*,|uplink: {bandwidth: $2,|" \
      -e "s|device: {count: 1, cores: 1, speed: [^}]*}|device: {count: 1, cores: 1, speed: $3}|" \
      -e "s|^  dir: .*|  dir: $out|" scenarios/seed-003-popex.yaml > "$out/scenarios/$1.yaml"
  ./eesim run "$out/scenarios/$1.yaml" --quiet > /dev/null
}

for rate in "1.1 Mbps" "5.85 Mbps" "18.8 Mbps"; do
  variant "seed-003-rate-$(echo "$rate" | tr -d ' ')" "$rate" 0.1
done
for speed in 1 0.5 0.2 0.1 0.05 0.02 0.01; do
  variant "seed-003-wifi-device-speed-$speed" "18.8 Mbps" "$speed"
done
./eesim plot "$out"/seed-003-rate-* --x links.uplink.bandwidth \
  --x-label "Uplink rate" --figures latency-vs-x --out "$out/figures-rate"
./eesim plot "$out"/seed-003-wifi-device-speed-* --x tiers.device.speed \
  --x-label "Edge device speed (cloud = 1)" --figures latency-vs-x,offload-vs-x --out "$out/figures-gamma"
