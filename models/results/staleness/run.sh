#!/bin/sh
# Re-makes every split-train CSV in this folder: the staleness-accuracy measurement of issue 13
# (seed 004). AlexNet (width 0.25, 28 px) on Fashion-MNIST, split after conv2, 3 epochs of the
# 60000 training images, SGD lr 0.01 momentum 0.9 weight decay 1e-4, batch 32, test accuracy on
# the 10000 test images 4 times an epoch. One epoch per command (3-6 minutes on one core); a
# command run again goes on from its checkpoint (models/target/split-checkpoints), and one whose
# run is complete returns at once. These are exactly the runs committed here.
#
#   sh models/results/staleness/run.sh            # from the repository root, after mvn package
#   EESIM='flock -s /tmp/eesim-cpu.lock ./eesim' sh models/results/staleness/run.sh
#
# Then: ./eesim plot staleness models/results/staleness (figures and table; README, seed 004) and
# /usr/bin/python3 models/results/staleness/time_to_accuracy.py (time-to-accuracy.csv).
set -eu
EESIM=${EESIM:-./eesim}
common="--net alexnet --width 0.25 --epochs 3 --batch 32 --lr 0.01 --momentum 0.9 --weight-decay 1e-4
  --train-samples 60000 --test-samples 10000 --evals-per-epoch 4 --out models/results/staleness --chunk-epochs 1"
run() { # options of one configuration; three commands of one epoch each
  for _ in 1 2 3; do
    # shellcheck disable=SC2086
    $EESIM profile split-train $common "$@"
  done
}
# stale fp32 gradients, K = 0 (synchronous), 1, 2, 4: k0-fp32-s1 .. k4-fp32-s1
for k in 0 1 2 4; do run --split conv2 --staleness "$k" --features fp32 --seed 1; done
# seed-to-seed spread: the same with seed 3, k0-fp32-s3 .. k4-fp32-s3
for k in 0 1 2 4; do run --split conv2 --staleness "$k" --features fp32 --seed 3; done
# int8 features without and with the seed's error feedback (g - E g g): k0-int8-s1, k0-int8-gradient-s1,
# k4-int8-s1, k4-int8-gradient-s1
for k in 0 4; do
  for fb in none gradient; do
    run --split conv2 --staleness "$k" --features int8 --feedback "$fb" --seed 1
  done
done
# int8 with error feedback in the compression sense (the error carried into the next batch): k0-int8-residual-s1
run --split conv2 --staleness 0 --features int8 --feedback residual --seed 1
