#!/usr/bin/python3
"""Build profiles/b-mobilenet-distortion-robust/profile.yaml from seed 001's published exit rates.

Seed 001 is "Early-exit deep neural networks for distorted images: providing an efficient edge
offloading" (Pacheco and Couto), repository pachecobeto95/distortion_robust_dnns_with_early_exit.
Its network is B-MobileNet: torchvision MobileNetV2 (19 feature blocks, head Linear(1280, 258)),
input 3x300x300, with 3 side branches (AdaptiveAvgPool2d(2) + Linear(4C, 258)), trained on
Caltech-256. "standard" branches were calibrated on pristine images; "expert" branches were
fine-tuned on blurred or on noisy images with the backbone frozen (files ending in freezing_3).

Inputs
------
REFERENCE_DIR (first argument; default: source/ beside this script) holds the seed's results/*.csv,
copied there with a "dr_" prefix:
  dr_result_model_calib_pristine_b_mobilenet_eval_pristine_21_1.csv        standard, pristine
  dr_result_model_calib_pristine_b_mobilenet_eval_gaussian_blur_21_1.csv   standard, blur 1..5
  dr_result_model_calib_pristine_b_mobilenet_eval_gaussian_noise_21_1.csv  standard, noise 5..40
  dr_result2_model_calib_gaussian_blur_b_mobilenet_eval_gaussian_blur_21_freezing_3.csv
                                                                           expert-blur, 0..5
  dr_result_model_calib_gaussian_noise_b_mobilenet_eval_gaussian_noise_21_freezing_3.csv
                                                                           expert-noise, 0..40
One row per (distortion_lvl, p_tar), p_tar in {0.7, 0.75, 0.8, 0.85, 0.9}. Columns used:
  edge_exit_rate_branch_k (k = 1..3): CUMULATIVE percentage of all test images that exited at
      branches 1..k, i.e. E_k = 100 * P(exit at a branch <= k);
  nr_exit_branch_k: the CONDITIONAL percentage, 100 * P(exit at k | reached k) (used as a check);
  acc_branch_k (k = 1..4, 4 = the final exit): percentage of the images that exited at k that
      were classified correctly; empty (NaN) when none exited there;
  avg_acc: the overall accuracy (used as a check).
The nr_exit_with_repo_* columns (every branch evaluated, no early stop) are not used.

The algebra (rate mode stores p_k = P(exit at k | reached k))
------------------------------------------------------------
Let e_k = E_k / 100 with e_0 = 0. Reaching branch k means not exiting at 1..k-1, so
    P(reach k) = 1 - e_{k-1},  P(exit at k) = e_k - e_{k-1},
    p_k = (e_k - e_{k-1}) / (1 - e_{k-1}).
Conversely the simulator's cumulative exit share is 1 - prod_{j<=k} (1 - p_j), and
    1 - p_k = (1 - e_k) / (1 - e_{k-1}),  so  prod_{j<=k} (1 - p_j) = 1 - e_k  (telescoping),
which gives back e_k. The script checks this to 1e-12 for every row, checks p_k against the
published nr_exit_branch_k, and checks that sum_k P(exit at k) * acc_k equals avg_acc. The
offloading probability of the seed's placement (branches 1..3 at the edge, the rest in the
cloud) is P_off = 1 - e_3 = prod_{k<=3} (1 - p_k).

Network and times
-----------------
No per-layer time is published. The blocks' MACs are computed here from MobileNetV2's
definition at 300x300 (checked against the known 300,774,272 MACs at 224x224, 1000 classes). The
layer and branch times are our own measurements of this network (torchvision MobileNetV2 at
3x300x300, 258 classes, the three branches where this profile has them; DJL, PyTorch CPU, batch
1, seeded untrained weights), written beside this script by
    eesim profile time --net mobilenetv2-full --name b-mobilenet-distortion-robust \
        --input 3,300,300 --classes 258 --positions 4,11,15 --exit pool --timing-only --out profiles
into samples.csv (every repetition of every layer and branch), timing.csv and
timing-provenance.json; this script checks that their layers and branches are this network's
and copies the repetitions into time_s. --placeholder-times writes the former placeholders
instead (flops / NOMINAL_FLOPS_PER_S, sd 0). Offloading probability and accuracy do not depend
on times.

Usage (from the repository root):
    /usr/bin/python3 profiles/b-mobilenet-distortion-robust/import_dr.py
Options: --out PATH (default: profile.yaml beside this script); --times DIR (default: this
script's folder) where samples.csv and timing-provenance.json are; --placeholder-times. Standard
library only. Prints the published P_off and accuracy at p_tar 0.8 per condition (the table in the
README).
"""

import argparse
import csv
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NAME = "b-mobilenet-distortion-robust"
IMG = 300
N_CLASSES = 258  # the seed's n_classes (Caltech-256's 257 classes + 1)
ELEMENT_BYTES = 4
NOMINAL_FLOPS_PER_S = 20e9  # the placeholder speed of --placeholder-times, NOT a measurement
P_TARS = [0.7, 0.75, 0.8, 0.85, 0.9]
BLUR_SIGMAS = [1, 2, 3, 4, 5]
NOISE_SIGMAS = [5, 10, 20, 30, 40]
BRANCHES = ["b1", "b2", "b3"]

FILES = {
    "pristine": "dr_result_model_calib_pristine_b_mobilenet_eval_pristine_21_1.csv",
    "std_blur": "dr_result_model_calib_pristine_b_mobilenet_eval_gaussian_blur_21_1.csv",
    "std_noise": "dr_result_model_calib_pristine_b_mobilenet_eval_gaussian_noise_21_1.csv",
    "exp_blur": "dr_result2_model_calib_gaussian_blur_b_mobilenet_eval_gaussian_blur_21_freezing_3.csv",
    "exp_noise": "dr_result_model_calib_gaussian_noise_b_mobilenet_eval_gaussian_noise_21_freezing_3.csv",
}
ORIGIN_DIR = "pachecobeto95/distortion_robust_dnns_with_early_exit : results/"

DESCRIPTION = (
    "Seed 001's B-MobileNet (torchvision MobileNetV2, 258-class head, input 3x300x300) with 3 side "
    "branches on Caltech-256, under pristine images, Gaussian blur (sigma 1..5) and Gaussian noise "
    "(sigma 5..40), with standard branches and with expert branches fine-tuned per distortion. "
    "Exit rates and accuracies as published by the seed (rate mode). Layer times measured here "
    "(DJL, PyTorch CPU, batch 1, seeded untrained weights)."
)
PLACEHOLDER_DESCRIPTION = DESCRIPTION.replace(
    "Layer times measured here (DJL, PyTorch CPU, batch 1, seeded untrained weights).",
    "Layer times are placeholders.")

PROVENANCE = {
    "source": "pachecobeto95/distortion_robust_dnns_with_early_exit (GitHub), results/*.csv, copied "
              "to source/dr_result*.csv in this folder. Network: experiments/mobileNet.py "
              "(B_MobileNet, linear branch placement by cumulative FLOPs, exit_type None), "
              "experiments/all_distortion_eval_accuracy.py (img_dim 300, n_classes 258).",
    "exit_data": "rate tables at p_tar 0.7, 0.75, 0.8, 0.85, 0.9. exit_probability[k] = "
                 "(E_k - E_{k-1}) / (100 - E_{k-1}) with E_k = edge_exit_rate_branch_k (cumulative "
                 "percent); accuracy = acc_branch_k / 100 (k = 4 is final); NaN where the seed "
                 "publishes none (no image exited there). Checked by import_dr.py: the cumulative "
                 "rates come back to 1e-12, the conditional ones match nr_exit_branch_k, and the "
                 "exit-weighted accuracies match avg_acc.",
    "branch_sets": "standard: branches calibrated on pristine images (model_calib_pristine); "
                   "expert-blur / expert-noise: branches fine-tuned on that distortion with the "
                   "backbone frozen (model_calib_gaussian_{blur,noise} ... freezing_3). Condition "
                   "'<c>@expert-blur' is condition <c> seen by the blur-expert model.",
    "exit_rule": "the seed exits at a branch when max softmax of the temperature-scaled output "
                 "> p_tar (strict) and always answers at the final exit; in rate mode only the "
                 "tabulated p_tar values can be simulated.",
    "times": "MEASURED HERE, not by the seed: the repetitions of samples.csv in this folder, timed by "
             "eesim-models time (keys timing_* below: command, method, load rule and checks) on "
             "torchvision MobileNetV2 at 3x300x300 with 258 classes and these three branches, "
             "seeded untrained weights (time does not depend on their values), DJL with PyTorch on "
             "one CPU thread at batch 1; they replace the placeholders (flops / 20 GFLOP/s) of "
             "earlier versions. The seed publishes no per-layer time: dr_inference_time*.csv hold "
             "times stamped at the cloud from the edge's start time for offloaded images (edge "
             "compute + transfer + cloud compute, about 0.2-0.4 s), which cannot be split per layer. "
             "Offloading probability and accuracy do not depend on times.",
    "layers": "MobileNetV2 features[0..18] (f0..f18), global average pool (x.mean(3).mean(2)), "
              "classifier Dropout(0.2) + Linear(1280, 258). MACs computed at 3x300x300 by "
              "import_dr.py (conv and linear only; flops = 2 * MACs; the pool's flops = its "
              "additions).",
    "branch_positions": "the seed places branch k at the first block whose cumulative FLOPs reach "
                        "k/4 of the total (pthflops count_ops). With conv/linear MACs that is "
                        "blocks f4, f11, f15, so the branches read the outputs of f3, f10 and f14. "
                        "The seed's insertBranches() also leaves the block at which it inserts a "
                        "branch out of the network (add_early_exit ignores its argument); f4 and "
                        "f11 change the tensor shape, so the trained network cannot have dropped "
                        "them and pthflops' counts (which add BN and activation ops) must have "
                        "picked neighbouring blocks. All 19 blocks are kept here; the positions are "
                        "approximate, which moves times and tensor sizes, not exit rates.",
    "not_used": "dr_total_model_calib_gaussian_blur_*.csv (another blur-expert run, p_tar 0.8 and "
                "0.85 only, lower exit rates; no freezing suffix) and the nr_exit_with_repo_* "
                "columns.",
    "input": "3x300x300 float32 tensor (1,080,000 B); the seed's end node sends an image file, "
             "whose size is not published.",
}


# ---------------------------------------------------------------- the network

def mobilenet_v2_blocks(img, n_classes):
    """[(name, description, out_shape, macs)] for features[0..18], and the classifier's MACs."""
    def conv(h, k, s, p):
        return (h + 2 * p - k) // s + 1
    out = []
    h = conv(img, 3, 2, 1)
    out.append(("f0_conv_stem", "Conv 3x3 3->32 s2 + BN + ReLU6", [32, h, h], 3 * 32 * 9 * h * h))
    inp, i = 32, 1
    for t, c, n, s in [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2),
                       (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]:
        for j in range(n):
            stride = s if j == 0 else 1
            hidden = inp * t
            macs = inp * hidden * h * h if t != 1 else 0      # 1x1 expansion
            h2 = conv(h, 3, stride, 1)
            macs += hidden * 9 * h2 * h2 + hidden * c * h2 * h2  # depthwise 3x3, 1x1 projection
            res = " (residual)" if stride == 1 and inp == c else ""
            out.append(("f%d_ir_%d_%d" % (i, inp, c),
                        "InvertedResidual t%d %d->%d s%d%s" % (t, inp, c, stride, res), [c, h2, h2], macs))
            inp, h, i = c, h2, i + 1
    out.append(("f18_conv_head", "Conv 1x1 320->1280 + BN + ReLU6", [1280, h, h], 320 * 1280 * h * h))
    return out, 1280 * n_classes


def branch_positions(blocks, n_branches=3):
    """The seed's linear rule: branch k goes at the first block (1-based) whose cumulative
    MACs reach k/(n+1) of the total; it reads the output of the block before it."""
    total = sum(b[3] for b in blocks)
    positions, acc, k = [], 0, 0
    for i, b in enumerate(blocks, 1):
        acc += b[3]
        if k < n_branches and acc >= total * (k + 1) / (n_branches + 1):
            positions.append(i - 1)  # 1-based number of the block the branch follows
            k += 1
    return positions


def network():
    check, fc = mobilenet_v2_blocks(224, 1000)
    if sum(b[3] for b in check) + fc != 300_774_272:
        sys.exit("MobileNetV2 MAC count does not match the known 300,774,272 at 224x224")
    blocks, fc = mobilenet_v2_blocks(IMG, N_CLASSES)
    layers = [{"name": n, "type": d, "shape": s, "flops": 2 * m} for n, d, s, m in blocks]
    c, h, w = blocks[-1][2]
    layers.append({"name": "pool", "type": "global average pool", "shape": [c], "flops": c * h * w})
    layers.append({"name": "classifier", "type": "Dropout(0.2) + Linear(1280, %d)" % N_CLASSES,
                   "shape": [N_CLASSES], "flops": 2 * fc})
    branches = []
    for name, after in zip(BRANCHES, branch_positions(blocks)):
        bc, bh, bw = layers[after - 1]["shape"]
        flops = bc * bh * bw + 2 * (4 * bc) * N_CLASSES  # pooling additions + Linear(4C, classes)
        branches.append({"name": name, "after": layers[after - 1]["name"], "after_index": after,
                         "flops": flops, "in_shape": [bc, bh, bw]})
    return layers, branches


# ---------------------------------------------------------------- the measured times

PLACEHOLDER_TIMES = ("PLACEHOLDERS, not measurements: every layer and branch takes flops / 20 "
                     "GFLOP/s, sd 0 (import_dr.py --placeholder-times). The seed publishes no "
                     "per-layer time.")


def measured_times(layers, branches, times_dir):
    """{name: [seconds per repetition]} for every layer and branch, from samples.csv, and the
    timing run's provenance; refused unless timing.csv lists exactly this network's layers
    (names, output shapes, FLOPs) and branches and the run placed them where these are."""
    where = os.path.join(times_dir, "samples.csv")
    if not os.path.isfile(where):
        sys.exit("%s: no measured times (run the eesim profile time command of this script's "
                 "docstring, or pass --placeholder-times)" % where)
    with open(where, newline="") as f:
        rows = list(csv.DictReader(f))
    columns = ["layer/" + l["name"] for l in layers] + ["branch/" + b["name"] for b in branches]
    header = [c for c in rows[0] if c.startswith("layer/") or c.startswith("branch/")]
    if header != columns:
        sys.exit("%s: columns %s, expected this network's %s" % (where, header, columns))
    times = {c.split("/", 1)[1]: [float(r[c]) for r in rows] for c in columns}
    with open(os.path.join(times_dir, "timing.csv"), newline="") as f:
        timed = {(r["kind"], r["name"]): r for r in csv.DictReader(f)}
    for l in layers:
        r = timed.get(("layer", l["name"]))
        shape = "x".join(map(str, l["shape"]))
        if r is None or r["output_shape"] != shape or int(r["flops"]) != l["flops"]:
            sys.exit("timing.csv: layer %s is %s, expected shape %s and %d FLOPs" % (
                l["name"], r and (r["output_shape"], r["flops"]), shape, l["flops"]))
    with open(os.path.join(times_dir, "timing-provenance.json")) as f:
        prov = json.load(f)
    placed = prov.get("branch_placement", "")
    for b in branches:
        if "%s (layer %d)" % (b["after"], b["after_index"]) not in placed:
            sys.exit("timing-provenance.json: branch %s was not timed after %s (layer %d): %s" % (
                b["name"], b["after"], b["after_index"], placed))
    return times, prov


def time_yaml(samples):
    mean = math.fsum(samples) / len(samples)
    sd = math.sqrt(math.fsum((x - mean) ** 2 for x in samples) / (len(samples) - 1))
    return "{mean: %s, sd: %s, samples: [%s]}" % (num(mean), num(sd), ", ".join(num(x) for x in samples))


# ---------------------------------------------------------------- the exit data

def fnum(s):
    return float("nan") if s.strip() == "" else float(s)


def read_rows(path):
    """{(level, p_tar): row dict of floats}."""
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    out = {}
    for line, r in enumerate(rows, 2):
        key = (fnum(r["distortion_lvl"]), fnum(r["p_tar"]))
        if key in out:
            sys.exit("%s:%d: duplicate (distortion_lvl, p_tar) %s" % (path, line, key))
        out[key] = {k: fnum(v) for k, v in r.items() if k}
    return out


def same_row(a, b):
    """Equal rows, NaN equal to NaN."""
    return a.keys() == b.keys() and all(
        a[k] == b[k] or (math.isnan(a[k]) and math.isnan(b[k])) for k in a)


def convert(row, where):
    """Rate-mode row from one published row, after checking the algebra of the docstring."""
    e = [0.0] + [row["edge_exit_rate_branch_%d" % k] / 100 for k in (1, 2, 3)]
    p = [(e[k] - e[k - 1]) / (1 - e[k - 1]) for k in (1, 2, 3)]
    survive = 1.0
    for k in (1, 2, 3):
        if not 0 <= p[k - 1] <= 1:
            sys.exit("%s: exit probability of branch %d is %r" % (where, k, p[k - 1]))
        survive *= 1 - p[k - 1]
        if abs((1 - survive) - e[k]) > 1e-12:
            sys.exit("%s: cumulative rate of branch %d not reproduced" % (where, k))
        if abs(100 * p[k - 1] - row["nr_exit_branch_%d" % k]) > 1e-6:
            sys.exit("%s: nr_exit_branch_%d %r != %r" % (where, k, row["nr_exit_branch_%d" % k], 100 * p[k - 1]))
    acc = [row["acc_branch_%d" % k] / 100 for k in (1, 2, 3, 4)]
    share = [e[k] - e[k - 1] for k in (1, 2, 3)] + [1 - e[3]]
    for k in range(4):
        if math.isnan(acc[k]) and share[k] > 0:
            sys.exit("%s: accuracy of exit %d unknown but images exit there" % (where, k + 1))
    overall = sum(s * a for s, a in zip(share, acc) if s > 0)
    if abs(100 * overall - row["avg_acc"]) > 1e-6:
        sys.exit("%s: exit-weighted accuracy %r != avg_acc %r" % (where, 100 * overall, row["avg_acc"]))
    return {"p": p, "acc": acc, "p_off": 1 - e[3], "avg_acc": row["avg_acc"] / 100}


def conditions(ref):
    data = {k: read_rows(os.path.join(ref, f)) for k, f in FILES.items()}
    # the standard model's level-0 rows in the blur and noise files are its pristine rows
    for k in ("std_blur", "std_noise"):
        for t in P_TARS:
            if not same_row(data[k][(0.0, t)], data["pristine"][(0.0, t)]):
                sys.exit("%s: level 0 at p_tar %s differs from the pristine file" % (FILES[k], t))
    out = []  # (name, parameters, file key, level)
    none = {"type": "none"}
    out.append(("pristine", dict(none, branch_set="standard"), "pristine", 0.0))
    for s in BLUR_SIGMAS:
        out.append(("blur-%d" % s, blur(s, "standard"), "std_blur", float(s)))
    for s in NOISE_SIGMAS:
        out.append(("noise-%d" % s, noise(s, "standard"), "std_noise", float(s)))
    out.append(("pristine@expert-blur", dict(none, branch_set="expert-blur"), "exp_blur", 0.0))
    for s in BLUR_SIGMAS:
        out.append(("blur-%d@expert-blur" % s, blur(s, "expert-blur"), "exp_blur", float(s)))
    out.append(("pristine@expert-noise", dict(none, branch_set="expert-noise"), "exp_noise", 0.0))
    for s in NOISE_SIGMAS:
        out.append(("noise-%d@expert-noise" % s, noise(s, "expert-noise"), "exp_noise", float(s)))
    result = []
    for name, params, key, level in out:
        params = dict(params, source=FILES[key][3:])  # the seed's own file name, without "dr_"
        rows = []
        for t in P_TARS:
            row = data[key].get((level, t))
            if row is None:
                sys.exit("%s: no row for level %s, p_tar %s" % (FILES[key], level, t))
            rows.append((t, convert(row, "%s level %s p_tar %s" % (FILES[key], level, t))))
        result.append((name, params, rows))
    return result


def blur(sigma, branch_set):
    return {"type": "gaussian_blur", "sigma": str(sigma), "kernel": "%dx%d" % (4 * sigma + 1, 4 * sigma + 1), "sigma_units": "pixels",
            "branch_set": branch_set}


def noise(sigma, branch_set):
    return {"type": "gaussian_noise", "sigma": str(sigma), "sigma_units": "0..255 pixel values",
            "branch_set": branch_set}


# ---------------------------------------------------------------- YAML

def num(x):
    """A float as YAML: shortest exact repr; exponent form always with a '.' (YAML 1.1 needs it)."""
    x = float(x)
    if math.isnan(x):
        return ".nan"
    s = repr(x)
    if "e" in s:
        mant, exp = s.split("e")
        if "." not in mant:
            mant += ".0"
        if exp[0] not in "+-":
            exp = "+" + exp
        s = mant + "e" + exp
    return s


def qstr(s):
    return json.dumps(s)


def build_yaml(layers, branches, conds, times, timing_prov):
    """times: {name: samples} (None: placeholders); timing_prov: the timing run's provenance."""
    provenance = dict(PROVENANCE)
    if times is None:
        provenance["times"] = PLACEHOLDER_TIMES
    out = [
        "# Generated by import_dr.py from seed 001's published dr_result*.csv"
        + ("" if times is None else " and the times measured here (samples.csv)") + ". Do not edit by hand.",
        "format: eesim-profile/1",
        "name: " + NAME,
        "description: " + qstr(DESCRIPTION if times is not None else PLACEHOLDER_DESCRIPTION),
        "provenance:",
    ]
    out += ["  %s: %s" % (k, qstr(v)) for k, v in provenance.items()]
    # the timing run's exit_data describes its own placeholder condition, not this profile's
    out += ["  timing_%s: %s" % (k, qstr(v)) for k, v in (timing_prov or {}).items() if k != "exit_data"]

    def time_of(item):
        if times is None:
            return "{mean: %s, sd: 0.0}" % num(item["flops"] / NOMINAL_FLOPS_PER_S)
        return time_yaml(times[item["name"]])
    out += ["input_shape: [3, %d, %d]" % (IMG, IMG), "element_bytes: %d" % ELEMENT_BYTES, "layers:"]
    for l in layers:
        out.append("  - name: " + l["name"])
        out.append("    time_s: " + time_of(l))
        out.append("    output_shape: [%s]" % ", ".join(map(str, l["shape"])))
        out.append("    flops: %d" % l["flops"])
    out.append("branches:")
    for b in branches:
        out.append("  - name: " + b["name"])
        out.append("    after: " + b["after"])
        out.append("    time_s: " + time_of(b))
    out.append("conditions:")
    for name, params, rows in conds:
        out.append("  %s:" % qstr(name))
        out.append("    parameters: {%s}" % ", ".join("%s: %s" % (k, qstr(v)) for k, v in params.items()))
        out.append("    rule: max_softmax")
        out.append("    rates:")
        for t, r in rows:
            out.append("      - threshold: " + num(t))
            out.append("        exit_probability: {%s}" % ", ".join(
                "%s: %s" % (b, num(p)) for b, p in zip(BRANCHES, r["p"])))
            out.append("        accuracy: {%s}" % ", ".join(
                "%s: %s" % (b, num(a)) for b, a in zip(BRANCHES + ["final"], r["acc"])))
    return "\n".join(out) + "\n"


def round_trip_check(text, conds):
    """The exit probabilities written must read back to exactly the computed doubles."""
    found = re.findall(r"exit_probability: \{b1: (\S+), b2: (\S+), b3: (\S+)\}", text)
    expected = [tuple(r["p"]) for _, _, rows in conds for _, r in rows]
    if [tuple(float(v) for v in f) for f in found] != expected:
        sys.exit("round trip: exit probabilities in the YAML differ from the computed ones")
    return len(found)


def print_summary(layers, branches, conds):
    total = sum(l["flops"] for l in layers)
    print("layers: %d, total %.3f GFLOPs; branches after %s" % (
        len(layers), total / 1e9, ", ".join("%s (layer %d)" % (b["after"], b["after_index"]) for b in branches)))
    print("\n| condition | branch set | P_off at p_tar 0.8 (%) | accuracy at p_tar 0.8 (%) |")
    print("|---|---|---:|---:|")
    for name, params, rows in conds:
        r = dict(rows)[0.8]
        print("| %s | %s | %.2f | %.2f |" % (name, params["branch_set"], 100 * r["p_off"], 100 * r["avg_acc"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("reference_dir", nargs="?", default=os.path.join(HERE, "source"),
                    help="folder holding the dr_result*.csv files (default: source/ beside this script)")
    ap.add_argument("--out", default=os.path.join(HERE, "profile.yaml"))
    ap.add_argument("--times", default=HERE, help="folder of samples.csv, timing.csv and "
                    "timing-provenance.json (eesim profile time --timing-only)")
    ap.add_argument("--placeholder-times", action="store_true",
                    help="flops / 20 GFLOP/s instead of the measured times")
    args = ap.parse_args()
    layers, branches = network()
    conds = conditions(args.reference_dir)
    times, timing_prov = (None, None) if args.placeholder_times else measured_times(layers, branches, args.times)
    text = build_yaml(layers, branches, conds, times, timing_prov)
    with open(args.out, "w", newline="\n") as f:
        f.write(text)
    with open(args.out) as f:
        n = round_trip_check(f.read(), conds)
    print("wrote %s (%d conditions, %d rate rows checked)" % (args.out, len(conds), n))
    print_summary(layers, branches, conds)


if __name__ == "__main__":
    main()
