#!/usr/bin/python3
"""Build profiles/b-alexnet-carpex/profile.yaml from CARPEX's published B-AlexNet timings.

Inputs
------
1. CARPEX_PT_CSV (first argument): the per-layer CPU processing times of CARPEX's B-AlexNet,
   from the public repository pachecobeto95/CARPEX, file
   branchynet/processing_time_b_alexnet_cpu.csv. A copy is kept beside this script, in
   source/processing_time_b_alexnet_cpu.csv (the default). It has 50 rows (runs, batch 1, random 1x3x224x224
   input), an unnamed index column, per-layer times l_1..l_21 and per-branch times b_1..b_3, all
   in seconds. The columns are NOT in numeric order (l_1, l_10, l_11, ...), so they are read by name.
2. layers.csv (next to this script): the layer table derived by hand from CARPEX's
   branchynet/branchyNet.py and torchvision 0.9's AlexNet: l_1..l_13 = features[0..12],
   l_14 = avgpool, l_15..l_21 = classifier[0..6] (head replaced by Linear(4096, 10)).
   Output shapes, bytes (float32) and MACs per layer. flops are written as 2 * MACs.
3. The exit counts below (EXIT_COUNTS) are copied from pachecobeto95/CARPEX
   branchynet_data/nr_early_exits_b_alexnet.csv (columns b_2, b_5, b_7, b_21 = 200, 300, 400, 100).
   They carry no threshold and look like placeholders; they are tabulated at p_tar = 0.8.

Usage (from the repository root):
    /usr/bin/python3 profiles/b-alexnet-carpex/import_carpex.py

Options: --layers PATH (default: layers.csv beside this script),
         --out PATH (default: profile.yaml beside this script).
Standard library only. After writing, the script re-reads the YAML it wrote and checks that every
time sample equals the CSV's value exactly; it then prints a Markdown table for the README.
"""

import argparse
import csv
import json
import math
import os
import re
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

NAME = "b-alexnet-carpex"
INPUT_SHAPE = [3, 224, 224]
ELEMENT_BYTES = 4  # float32
N_LAYERS = 21

# (profile branch name, CSV column, layer the branch follows).
# CARPEX's branches_positions [2, 5, 7] are 0-based indices into torchvision's `features`,
# i.e. after features[2] = pool1 (l_3), features[5] = pool2 (l_6), features[7] = relu3 (l_8).
BRANCHES = [
    ("b1", "b_1", "l_3_pool1"),
    ("b2", "b_2", "l_6_pool2"),
    ("b3", "b_3", "l_8_relu3"),
]

# branchynet_data/nr_early_exits_b_alexnet.csv, in exit order (3 side branches, then the final exit).
EXIT_COUNTS = [("b_2", 200), ("b_5", 300), ("b_7", 400), ("b_21", 100)]
THRESHOLD = 0.8  # not in the source: the seeds' usual p_tar

# Single samples are timer ticks (see PROVENANCE["quantisation"]): eesim's service_time: empirical
# refuses them and points to means.
UNUSABLE_SAMPLES = "Windows timer ticks of ~1 ms and ~15.6 ms: most layers read 0 s in most runs"

DESCRIPTION = (
    "CARPEX's B-AlexNet: torchvision AlexNet (ImageNet-pretrained backbone, 10-class head) with 3 "
    "side branches (AdaptiveAvgPool2d(2) + Linear(C*4, 10)) after pool1, pool2 and relu3; input "
    "3x224x224 float32, batch 1. Per-layer and per-branch CPU times: 50 runs as published by CARPEX. "
    "Exit data: one placeholder-looking count vector, no accuracies."
)

PROVENANCE = {
    "source": "pachecobeto95/CARPEX (GitHub). Times: branchynet/processing_time_b_alexnet_cpu.csv "
              "(copy: profiles/b-alexnet-carpex/source/processing_time_b_alexnet_cpu.csv), measured by "
              "branchynet/measuring_processing_time_b_alexnet.py. Exit counts: "
              "branchynet_data/nr_early_exits_b_alexnet.csv. Network: branchynet/branchyNet.py + "
              "torchvision/models/alexnet.py.",
    "hardware": "an unnamed CPU; the OS is inferred to be Windows from the ~15.6 ms (1/64 s) timer "
                "tick. torch 1.8.0+cpu, torchvision 0.9.0+cpu (branchynet/requirements.txt).",
    "measurement": "50 rounds, batch 1, input torch.rand(1,3,224,224); every module of every stage "
                   "timed on its own with time.time() (l_1..l_21), each branch's exit block alone "
                   "(b_1..b_3; softmax/threshold test not timed). Every run went through all branches. "
                   "Samples are copied unchanged, in CSV row order.",
    "quantisation": "times are quantised: rows 0-20 and 47-49 are multiples of ~1 ms, rows 21-46 "
                    "mostly multiples of ~15.6 ms (rows 21, 22, 26, 31 mix both), consistent with a "
                    "Windows timer. "
                    "Many layers read 0 in most runs (l_18 and l_21 in all 50), so only the means are "
                    "meaningful, not single samples or the sd. Both regimes give ~25.5 ms per full "
                    "pass (sum of l_1..l_21), so all 50 rows are kept. A single 15.6 ms tick dominates some "
                    "means, e.g. b_2 (0.33 ms; row 43), l_14 (0.33 ms; row 32), l_20 (0.35 ms; row 36): "
                    "their true cost is likely far smaller.",
    "dropout": "the script never calls model.eval(), so both Dropout layers (l_15, l_18) were active "
               "during timing; there is also no torch.no_grad() (autograd bookkeeping included).",
    "branches": "CARPEX's branches_positions [2,5,7] are 0-based indices into torchvision's features "
                "(insertBranchesAlexNetEENet), so the branches follow l_3 (pool1), l_6 (pool2) and "
                "l_8 (relu3), not layers 2, 5, 7 as CARPEX's dnn_as_graph.py and the reference "
                "README read them. CSV b_1..b_3 -> b1..b3.",
    "exit_data": "the only exit data is one count vector 200/300/400/100 of 1000 (b_2,b_5,b_7,b_21), "
                 "with no threshold and no accuracy attached, and no training/evaluation code in "
                 "CARPEX: likely placeholders. Converted to P(exit | reached) = 200/1000, 300/800, "
                 "400/500 and tabulated at threshold 0.8 (the seeds' usual p_tar), which is an "
                 "assumption. Accuracies are unknown (NaN).",
    "derived": "the layer mapping (l_1..l_13 = features[0..12], l_14 = avgpool, l_15..l_21 = "
               "classifier[0..6]), output shapes and bytes, and MACs are computed from the code, not "
               "published with the times. Dataset 'cifar' with 10 classes (CIFAR-10 upscaled to 224) "
               "is inferred. flops = 2 * MACs (conv: Cout*Ho*Wo*Cin*k^2, linear: in*out; bias, "
               "ReLU, pooling and dropout counted as 0). Inplace ReLU outputs are listed with the "
               "size of the tensor they return.",
}

CONDITION_NOTE = (
    "Counts 200/300/400/100 from CARPEX branchynet_data/nr_early_exits_b_alexnet.csv carry no "
    "threshold; tabulated at 0.8 by assumption. Likely placeholders. Accuracies unknown."
)


# ---------------------------------------------------------------- reading

def read_times(path):
    """Return {column: [50 floats in row order]} for l_1..l_21 and b_1..b_3."""
    with open(path, newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
        header = reader.fieldnames
    wanted = ["l_%d" % i for i in range(1, N_LAYERS + 1)] + [c for _, c, _ in BRANCHES]
    missing = [c for c in wanted if c not in header]
    if missing:
        sys.exit("%s: missing columns %s" % (path, missing))
    index = header[0]  # the unnamed pandas index column
    if [int(r[index]) for r in rows] != list(range(len(rows))):
        sys.exit("%s: rows are not in index order" % path)
    return {c: [float(r[c]) for r in rows] for c in wanted}


def read_layers(path):
    with open(path, newline="") as f:
        layers = list(csv.DictReader(f))
    if [l["layer"] for l in layers] != ["l_%d" % i for i in range(1, N_LAYERS + 1)]:
        sys.exit("%s: expected rows l_1..l_%d in order" % (path, N_LAYERS))
    for l in layers:
        l["shape"] = [int(d) for d in l["output_shape"].split("x")]
        l["output_bytes"] = int(l["output_bytes"])
        l["macs"] = int(l["macs"])
        if not l["name"].startswith(l["layer"] + "_"):
            sys.exit("layer name %s must start with %s_" % (l["name"], l["layer"]))
        if math.prod(l["shape"]) * ELEMENT_BYTES != l["output_bytes"]:
            sys.exit("%s: output_bytes does not match shape %s" % (l["layer"], l["output_shape"]))
    return layers


# ---------------------------------------------------------------- YAML writing

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
    """A double-quoted YAML string (JSON string syntax is valid YAML)."""
    return json.dumps(s)


def mean_sd(samples):
    # same definitions as org.eesim.profile.TimeStats.of: mean, sample sd (n - 1)
    return statistics.fmean(samples), statistics.stdev(samples)


def time_block(samples, indent):
    m, sd = mean_sd(samples)
    pad = " " * indent
    return [
        pad + "time_s:",
        pad + "  mean: " + num(m),
        pad + "  sd: " + num(sd),
        pad + "  samples: [" + ", ".join(num(s) for s in samples) + "]",
    ]


def exit_probabilities():
    remaining = sum(n for _, n in EXIT_COUNTS)
    probs = []
    for _, n in EXIT_COUNTS[:-1]:
        probs.append(n / remaining)
        remaining -= n
    return probs


def build_yaml(times, layers):
    out = [
        "# Generated by import_carpex.py from CARPEX's processing_time_b_alexnet_cpu.csv and layers.csv.",
        "# Do not edit by hand: change the script or layers.csv and regenerate.",
        "format: eesim-profile/1",
        "name: " + NAME,
        "description: " + qstr(DESCRIPTION),
        "provenance:",
    ]
    out += ["  %s: %s" % (k, qstr(v)) for k, v in PROVENANCE.items()]
    out += [
        "input_bytes: %d" % (math.prod(INPUT_SHAPE) * ELEMENT_BYTES),
        "input_shape: [%s]" % ", ".join(map(str, INPUT_SHAPE)),
        "element_bytes: %d" % ELEMENT_BYTES,
        "time_samples:",
        "  usable: false",
        "  reason: " + qstr(UNUSABLE_SAMPLES),
        "layers:",
    ]
    for l in layers:
        out.append("  - name: " + l["name"])
        out += time_block(times[l["layer"]], 4)
        out.append("    output_shape: [%s]" % ", ".join(map(str, l["shape"])))
        out.append("    output_bytes: %d" % l["output_bytes"])
        out.append("    flops: %d" % (2 * l["macs"]))
    out.append("branches:")
    names = {l["name"] for l in layers}
    for name, column, after in BRANCHES:
        assert after in names, after
        out.append("  - name: " + name)
        out.append("    after: " + after)
        out += time_block(times[column], 4)
    probs = exit_probabilities()
    out += [
        "conditions:",
        "  pristine:",
        "    parameters: {type: \"none\", note: %s}" % qstr(CONDITION_NOTE),
        "    rule: max_softmax",
        "    rates:",
        "      - threshold: " + num(THRESHOLD),
        "        exit_probability: {%s}" % ", ".join(
            "%s: %s" % (b[0], num(p)) for b, p in zip(BRANCHES, probs)),
        "        accuracy: {%s}" % ", ".join(
            "%s: .nan" % n for n in [b[0] for b in BRANCHES] + ["final"]),
    ]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- checks and summary

def round_trip_check(text, times, layers):
    """Every samples list in the written YAML, in order, must equal the CSV columns exactly."""
    lists = re.findall(r"^\s*samples: \[(.*)\]$", text, flags=re.M)
    columns = [l["layer"] for l in layers] + [c for _, c, _ in BRANCHES]
    if len(lists) != len(columns):
        sys.exit("round trip: found %d sample lists, expected %d" % (len(lists), len(columns)))
    for column, found in zip(columns, lists):
        values = [float(v) for v in found.split(", ")]
        if values != times[column]:
            sys.exit("round trip: samples of %s differ from the CSV" % column)
    return len(columns)


def print_summary(times, layers):
    print("| layer | name | type | output shape | bytes | mean (ms) | sd (ms) |")
    print("|---|---|---|---|---:|---:|---:|")
    for l in layers:
        m, sd = mean_sd(times[l["layer"]])
        print("| %s | %s | %s | %s | %s | %.2f | %.2f |" % (
            l["layer"], l["name"], l["type"], l["output_shape"], "{:,}".format(l["output_bytes"]),
            m * 1e3, sd * 1e3))
    total = sum(mean_sd(times[l["layer"]])[0] for l in layers)
    print("\nsum of layer means: %.2f ms; MACs: %s" % (
        total * 1e3, "{:,}".format(sum(l["macs"] for l in layers))))
    for name, column, after in BRANCHES:
        m, sd = mean_sd(times[column])
        print("branch %s (CSV %s) after %s: mean %.3f ms, sd %.3f ms" % (name, column, after, m * 1e3, sd * 1e3))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("carpex_pt_csv", nargs="?",
                    default=os.path.join(HERE, "source", "processing_time_b_alexnet_cpu.csv"),
                    help="CARPEX branchynet/processing_time_b_alexnet_cpu.csv (default: the copy in source/)")
    ap.add_argument("--layers", default=os.path.join(HERE, "layers.csv"))
    ap.add_argument("--out", default=os.path.join(HERE, "profile.yaml"))
    args = ap.parse_args()

    times = read_times(args.carpex_pt_csv)
    layers = read_layers(args.layers)
    text = build_yaml(times, layers)
    with open(args.out, "w", newline="\n") as f:
        f.write(text)
    with open(args.out) as f:
        n = round_trip_check(f.read(), times, layers)
    print("wrote %s (%d sample lists checked against the CSV)\n" % (args.out, n))
    print_summary(times, layers)


if __name__ == "__main__":
    main()
