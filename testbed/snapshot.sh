#!/bin/sh
# Copies the built launcher, jars and class paths into DIR (default /tmp/eesim-testbed-run), so that a
# long measurement runs on a fixed build while the checkout is rebuilt: DIR/eesim testbed ...
set -eu
root=$(cd "$(dirname "$0")/.." && pwd -P)
dir=${1:-/tmp/eesim-testbed-run}
rm -rf "$dir"
mkdir -p "$dir"
cp "$root/eesim" "$dir/eesim"
for m in sim-core analysis models testbed; do
  mkdir -p "$dir/$m/target/classes"
  cp "$root"/$m/target/eesim-$m-*.jar "$dir/$m/target/"
  sed "s|$root/|$dir/|g" "$root/$m/target/classpath.txt" > "$dir/$m/target/classpath.txt"
done
cp "$root/sim-core/target/classes/eesim-version.properties" "$dir/sim-core/target/classes/"
echo "$dir"
