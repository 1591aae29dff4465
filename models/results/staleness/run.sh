#!/bin/sh
# Re-makes every CSV in this folder: the staleness-accuracy measurement of issue 13 (seed 004).
# AlexNet (width 0.25, 28 px) on Fashion-MNIST, split after conv2 (conv5 where named), 3 epochs
# of the 60000 training images, SGD lr 0.01 momentum 0.9 weight decay 1e-4, batch 32, test
# accuracy on the 10000 test images 4 times an epoch. One epoch per command (about 3-7 minutes
# on one core); a command run again goes on from its checkpoint (models/target/split-checkpoints).
#
#   sh models/results/staleness/run.sh            # from the repository root, after mvn package
#   EESIM='flock -s /tmp/eesim-cpu.lock ./eesim' sh models/results/staleness/run.sh
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
# stale fp32 gradients
for k in 0 1 2 4; do run --split conv2 --staleness "$k" --features fp32 --seed 1; done
# int8 features: no feedback, the seed's gradient correction, the error carried to the next batch
for k in 0 4; do
  for fb in none gradient residual; do
    run --split conv2 --staleness "$k" --features int8 --feedback "$fb" --seed 1
  done
done
# seed-to-seed spread of the two ends
for k in 0 4; do run --split conv2 --staleness "$k" --features fp32 --seed 2; done
# a deeper cut: all five convolutions on the edge
run --split conv5 --staleness 4 --features fp32 --seed 1 --name conv5-k4-fp32-s1
# the seed's own quantiser (clips ReLU features at half their maximum) with its gradient correction
run --split conv2 --staleness 0 --features int8-seed --feedback gradient --seed 1
# a third seed for the two ends
for k in 0 4; do run --split conv2 --staleness "$k" --features fp32 --seed 3; done
