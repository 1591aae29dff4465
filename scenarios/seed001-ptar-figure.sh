#!/usr/bin/env bash
# Seed 001 across p_tar: runs pristine, blur-3 (standard branches) and blur-3@expert-blur at
# p_tar 0.7, 0.75, 0.8, 0.85, 0.9 (copies of scenarios/seed001-*.yaml with early_exit.threshold
# and workload.mix changed), then draws offloading vs p_tar with the analysis CLI.
# Writes results/seed001-ptar/<run>/ and results/seed001-ptar/figures/offload-vs-x.{pdf,svg,png,csv}.
# Usage, from anywhere:  scenarios/seed001-ptar-figure.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=results/seed001-ptar
mvn -q -B -DskipTests package
mvn -q -B -pl sim-core,analysis dependency:build-classpath -Dmdep.outputFile=target/cp.txt
sim_jar=$(ls sim-core/target/eesim-sim-core-*.jar | grep -v -e sources -e javadoc | head -1)
ana_jar=$(ls analysis/target/eesim-analysis-*.jar | grep -v -e sources -e javadoc | head -1)
sim_cp="$sim_jar:$(cat sim-core/target/cp.txt)"
ana_cp="$ana_jar:$sim_jar:$(cat analysis/target/cp.txt)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
runs=()
for condition in pristine blur-3 blur-3@expert-blur; do
  case "$condition" in
    *@expert-blur) base=scenarios/seed001-expert-blur.yaml ;;
    *) base=scenarios/seed001-standard.yaml ;;
  esac
  for p in 0.7 0.75 0.8 0.85 0.9; do
    name="s001-${condition/@/-at-}-$p"
    sed -e "s|^profile: .*|profile: $root/profiles/b-mobilenet-distortion-robust|" \
        -e "s|^  mix: {.*|  mix: {\"$condition\": 1}|" \
        -e "s|^  threshold: .*|  threshold: $p|" \
        -e "s|^name: .*|name: $name|" \
        -e "s|^  dir: .*|  dir: $out\n  name: $name|" \
        "$base" > "$tmp/$name.yaml"
    rm -rf "$out/$name"
    java -cp "$sim_cp" org.eesim.cli.Main run "$tmp/$name.yaml" --quiet > /dev/null
    runs+=("$out/$name")
  done
done
java -cp "$ana_cp" org.eesim.analysis.cli.Charts "${runs[@]}" --x early_exit.threshold --x-label p_tar \
    --figures offload-vs-x --out "$out/figures"
