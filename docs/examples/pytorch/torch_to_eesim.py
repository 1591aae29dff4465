#!/usr/bin/python3
"""Time a PyTorch early-exit network layer by layer and write eesim's import CSVs.

The recipe of README "Bring your own network": give the backbone as an ordered list of
(name, module) blocks and the side branches as (name, after, module); this script

  * times every block's forward and every branch's forward on the output of the block it follows,
    with forward hooks (a pre-hook takes the start time, a hook the end time), batch 1, in
    eval mode under torch.no_grad(), after a warm-up; every repetition is one whole forward pass,
    so repetition k of every layer is the same pass (what eesim's service_time: empirical draws);
  * records each block's output shape (bytes = elements x 4, float32) and its FLOPs
    (2 x multiply-accumulates of Conv2d and Linear; everything else 0);
  * writes LAYERS.csv (kind,name,after,time_ms,samples_ms,output_shape,flops) and, from
    per-branch confidences on a labelled set, EXITS.csv (condition,threshold,exit,share,accuracy)
    with the first-confident-exit rule eesim uses.

Then:  ./eesim import-profile LAYERS.csv --exits EXITS.csv --out profiles/NAME

Pin the threads first (the script sets torch.set_num_threads(--threads)) and time on a quiet
machine: the load average is printed before and after. `--demo` runs it on a small built-in
network with random weights and random inputs, which is what CI does (the exit shares of an
untrained network mean nothing; use your trained model and real labelled data).

Standard library and torch only. Tested with Debian's python3-torch 1.13 (CPU).
"""

import argparse
import csv
import os
import statistics
import sys
import time

import torch
from torch import nn


def flops_of(module, inp):
    """2 x multiply-accumulates of the Conv2d and Linear modules inside `module` for this call."""
    total = 0

    def count(m, i, o):
        nonlocal total
        if isinstance(m, nn.Conv2d):
            cin = m.in_channels // m.groups
            kh, kw = m.kernel_size
            total += 2 * o.numel() * cin * kh * kw
        elif isinstance(m, nn.Linear):
            total += 2 * o.numel() * m.in_features

    handles = [m.register_forward_hook(count) for m in module.modules()
               if isinstance(m, (nn.Conv2d, nn.Linear))]
    with torch.no_grad():
        module(inp)
    for h in handles:
        h.remove()
    return total


def time_network(blocks, branches, input_shape, warmup, repetitions):
    """Per-block and per-branch seconds for each repetition, the blocks' output shapes and FLOPs."""
    after = {}
    for name, parent, module in branches:
        after.setdefault(parent, []).append((name, module))
    names = [n for n, _ in blocks]
    for parent in after:
        if parent not in names:
            sys.exit("branch after unknown block '%s' (blocks: %s)" % (parent, ", ".join(names)))
    seconds = {n: [] for n in names + [b[0] for b in branches]}
    shapes, flops = {}, {}
    start = {}

    def pre(name):
        def hook(module, inp):
            start[name] = time.perf_counter_ns()
        return hook

    def post(name):
        def hook(module, inp, out):
            seconds[name].append((time.perf_counter_ns() - start[name]) / 1e9)
        return hook

    handles = []
    for name, module in blocks:
        module.eval()
        handles.append(module.register_forward_pre_hook(pre(name)))
        handles.append(module.register_forward_hook(post(name)))
    for name, _, module in branches:
        module.eval()
        handles.append(module.register_forward_pre_hook(pre(name)))
        handles.append(module.register_forward_hook(post(name)))

    generator = torch.Generator().manual_seed(1)
    x0 = torch.rand((1,) + tuple(input_shape), generator=generator)
    with torch.no_grad():
        for r in range(warmup + repetitions):
            if r == warmup:
                for s in seconds.values():
                    s.clear()
            x = x0
            for name, module in blocks:
                x = module(x)
                if name not in shapes:
                    shapes[name] = tuple(x.shape[1:])
                for _, branch in after.get(name, []):
                    branch(x)
    for h in handles:
        h.remove()
    x = x0
    for name, module in blocks:
        flops[name] = flops_of(module, x)
        with torch.no_grad():
            x = module(x)
    return seconds, shapes, flops


def write_layers(path, blocks, branches, input_shape, seconds, shapes, flops):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kind", "name", "after", "time_ms", "samples_ms", "output_shape", "flops"])
        w.writerow(["input", "input", "", "", "", "x".join(map(str, input_shape)), ""])
        for name, _ in blocks:
            s = seconds[name]
            w.writerow(["layer", name, "", "%.6f" % (statistics.fmean(s) * 1e3),
                        ";".join("%.6f" % (v * 1e3) for v in s),
                        "x".join(map(str, shapes[name])), flops[name]])
            for bname, parent, _ in branches:
                if parent == name:
                    b = seconds[bname]
                    w.writerow(["branch", bname, parent, "%.6f" % (statistics.fmean(b) * 1e3),
                                ";".join("%.6f" % (v * 1e3) for v in b), "", ""])


def exit_rows(condition, confidences, correct, thresholds, exit_names):
    """EXITS.csv rows: confidences[i][e] and correct[i][e] per sample i and exit e (the last is
    the final exit); a sample leaves at the first side exit whose confidence >= threshold."""
    rows = []
    n = len(confidences)
    for t in thresholds:
        counts = [0] * len(exit_names)
        right = [0] * len(exit_names)
        for conf, ok in zip(confidences, correct):
            e = next((k for k in range(len(exit_names) - 1) if conf[k] >= t), len(exit_names) - 1)
            counts[e] += 1
            right[e] += 1 if ok[e] else 0
        for e, name in enumerate(exit_names):
            acc = "%.6f" % (right[e] / counts[e]) if counts[e] else ""
            share = "" if e == len(exit_names) - 1 else "%.6f" % (counts[e] / n)
            rows.append([condition, "%g" % t, name, share, acc])
    return rows


def confidences_of(blocks, branches, head_name, inputs, labels):
    """Max-softmax confidence and correctness of every exit (branches in order, then the head)."""
    after = {}
    for name, parent, module in branches:
        after.setdefault(parent, []).append(module)
    conf, ok = [], []
    with torch.no_grad():
        for x, y in zip(inputs, labels):
            outs = []
            h = x.unsqueeze(0)
            for name, module in blocks:
                h = module(h)
                outs += [b(h) for b in after.get(name, [])]
            outs.append(h)
            p = [torch.softmax(o.flatten(), 0) for o in outs]
            conf.append([float(q.max()) for q in p])
            ok.append([int(q.argmax()) == int(y) for q in p])
    return conf, ok


def demo_network():
    """A small early-exit CNN for 3x32x32 inputs, 10 classes, two side branches."""
    torch.manual_seed(1)
    blocks = [
        ("conv1", nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))),
        ("conv2", nn.Sequential(nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))),
        ("conv3", nn.Sequential(nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))),
        ("fc", nn.Sequential(nn.Flatten(), nn.Linear(64 * 4 * 4, 10))),
    ]
    branches = [
        ("b1", "conv1", nn.Sequential(nn.AdaptiveAvgPool2d(2), nn.Flatten(), nn.Linear(16 * 4, 10))),
        ("b2", "conv2", nn.Sequential(nn.AdaptiveAvgPool2d(2), nn.Flatten(), nn.Linear(32 * 4, 10))),
    ]
    return blocks, branches, (3, 32, 32)


def load_average():
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--demo", action="store_true", help="profile the built-in small network")
    ap.add_argument("--layers", default="layers.csv", help="LAYERS.csv to write")
    ap.add_argument("--exits", default="exits.csv", help="EXITS.csv to write")
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--repetitions", type=int, default=200)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    if not args.demo:
        sys.exit("import this file and call time_network/write_layers/exit_rows on your model, "
                 "or run it with --demo (see the module docstring)")
    torch.set_num_threads(args.threads)
    blocks, branches, shape = demo_network()
    before = load_average()
    seconds, shapes, flops = time_network(blocks, branches, shape, args.warmup, args.repetitions)
    print("timed %d blocks and %d branches, %d repetitions after %d warm-up, %d thread(s); "
          "1-min load average %.2f before, %.2f after"
          % (len(blocks), len(branches), args.repetitions, args.warmup, args.threads, before, load_average()))
    write_layers(args.layers, blocks, branches, shape, seconds, shapes, flops)
    generator = torch.Generator().manual_seed(2)
    inputs = torch.rand((200,) + shape, generator=generator)
    labels = torch.randint(0, 10, (200,), generator=generator)
    conf, ok = confidences_of(blocks, branches, "fc", inputs, labels)
    with open(args.exits, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["condition", "threshold", "exit", "share", "accuracy"])
        w.writerows(exit_rows("pristine", conf, ok, [0.1388, 0.14], ["b1", "b2", "final"]))
    print("wrote %s and %s" % (args.layers, args.exits))


if __name__ == "__main__":
    main()
