#!/usr/bin/python3
"""Time to a target test accuracy of split training, against K, int8 and bandwidth (issue 13).

Combines the two measured halves:
- accuracy: the epochs each split-train run in this folder needed to first reach the target
  test accuracy (linear interpolation between its evaluations, 4 an epoch; the same rule as
  `eesim plot staleness`), for the complete runs (3 epochs) at conv2;
- time: the simulated time of one epoch (1875 iterations of 32, the pipeline drained at its end,
  as split-train does) at split 1 = conv2 of our DJL-measured profile
  profiles/split-alexnet-fmnist, for the same K and features (fp32 or int8), at each bandwidth
  of scenarios/seed-004-djl-alexnet.yaml (simulated by eesim; results/seed-004-djl-alexnet).

Time to target = epochs to target x simulated seconds of an epoch (a fraction of an epoch
counted pro rata: the fill and drain it leaves out are under one iteration's T0). Error feedback
changes accuracy only: the simulated time of int8 with and without it is the same.

    /usr/bin/python3 models/results/staleness/time_to_accuracy.py            # from the repository root
    EESIM='flock -s /tmp/eesim-cpu.lock ./eesim' /usr/bin/python3 models/results/staleness/time_to_accuracy.py

It runs the scenario (about 5 s), writes models/results/staleness/time-to-accuracy.csv and
simulated-seconds-per-iteration.csv (every point of the scenario) and prints a Markdown table of minutes to the target per configuration (seeds averaged) and
bandwidth. Standard library only.
"""
import argparse
import csv
import glob
import math
import os
import shlex
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
SCENARIO = "scenarios/seed-004-djl-alexnet.yaml"
RESULTS = "results/seed-004-djl-alexnet"
EPOCHS = 3  # a complete split-train run of run.sh


SPLIT = 1  # conv2, where split-train cuts
ITERATIONS = 1875  # one epoch of 60000 images in batches of 32


def closed_form(r, t, k):
    """Seed 004's time of r iterations with constant stages t and staleness bound k (T1 lumped)."""
    t_star, t0 = max(t), sum(t)
    return (r - 1) * t_star + t0 + (math.ceil(r / (k + 1)) - 1) * max(0.0, t0 - (k + 1) * t_star)


def profile_row(split):
    with open(os.path.join(ROOT, "profiles", "split-alexnet-fmnist", "splits.csv"), newline="") as f:
        return next(r for r in csv.DictReader(l for l in f if not l.startswith("#")) if int(r["split"]) == split)


def stages(row, int8, rate):
    """T1..T4 at a row: edge (+ quantise), feature up (int8: a byte per element), cloud, fp32 gradient down."""
    feature = float(row["feature_bytes"])
    q = float(row["quantise_time_s"] or 0) if int8 else 0.0
    return [float(row["edge_time_s"]) + q, feature / (4 if int8 else 1) / rate, float(row["cloud_time_s"]),
            feature / rate]


def mib_per_s(label):
    value, unit = label.split()
    assert unit == "MiB/s", label
    return float(value) * 2 ** 20


def epochs_to(curve, target):
    """First crossing of the target, linear between evaluations; None if never reached."""
    for (e0, a0), (e1, a1) in zip(curve, curve[1:]):
        if a1 >= target:
            return e0 if a0 >= target else e0 + (e1 - e0) * (target - a0) / (a1 - a0)
    return None


def curves(folder):
    runs = []
    for path in sorted(glob.glob(os.path.join(folder, "*.csv"))):
        with open(path, newline="") as f:
            rows = list(csv.DictReader(f))
        if not rows or "test_accuracy" not in rows[0] or rows[0]["split"] != "conv2":
            continue  # not a split-train curve, or another cut
        if rows[0]["features"] not in ("fp32", "int8"):
            continue  # the seed's clipping quantiser: no simulated counterpart here
        curve = [(float(r["epoch"]), float(r["test_accuracy"])) for r in rows]
        if curve[-1][0] < EPOCHS:
            continue  # not finished
        runs.append(dict(name=rows[0]["name"], k=int(rows[0]["staleness"]), features=rows[0]["features"],
                         feedback=rows[0]["feedback"], seed=int(rows[0]["seed"]), curve=curve))
    return runs


def simulated(results):
    """(K, quantise, bandwidth label) -> (seconds per iteration, seconds of the epoch)."""
    out = {}
    with open(os.path.join(results, "summary_wide.csv"), newline="") as f:
        for r in csv.DictReader(f):
            key = (int(r["training.staleness"]), r["training.quantise"], r["links.uplink.bandwidth"])
            out[key] = (float(r["training.seconds_per_iteration_mean"]), float(r["training.seconds_mean"]))
    return out


def label(run):
    fb = "" if run["feedback"] == "none" else " + " + run["feedback"] + " EF"
    return "K=%d %s%s" % (run["k"], run["features"], fb)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--targets", default="0.86,0.87", help="test accuracies, comma separated")
    p.add_argument("--table-target", type=float, default=0.87, help="the target of the printed table")
    p.add_argument("--no-run", action="store_true", help="use the existing results/seed-004-djl-alexnet")
    p.add_argument("--out", default=os.path.join(HERE, "time-to-accuracy.csv"))
    p.add_argument("--sim-out", default=os.path.join(HERE, "simulated-seconds-per-iteration.csv"),
                   help="every point of the scenario: K, quantise, bandwidth, seconds per iteration and of the epoch")
    a = p.parse_args()
    os.chdir(ROOT)
    if not a.no_run:
        eesim = shlex.split(os.environ.get("EESIM", "./eesim"))
        subprocess.run(eesim + ["run", SCENARIO, "--quiet"], check=True, stdout=subprocess.DEVNULL)
    sim = simulated(RESULTS)
    bands = []
    for key in sim:
        if key[2] not in bands:
            bands.append(key[2])
    targets = [float(t) for t in a.targets.split(",")]
    runs = curves(HERE)
    rows = []
    for run in sorted(runs, key=lambda r: (r["features"], r["feedback"], r["k"], r["seed"])):
        quantise = "int8" if run["features"] == "int8" else "none"
        for target in targets:
            e = epochs_to(run["curve"], target)
            for b in bands:
                per_iter, epoch_s = sim[(run["k"], quantise, b)]
                rows.append(dict(configuration=label(run), staleness=run["k"], features=run["features"],
                                 feedback=run["feedback"], seed=run["seed"], target=target,
                                 epochs_to_target="" if e is None else "%.4f" % e, bandwidth=b,
                                 seconds_per_iteration="%.6f" % per_iter, epoch_seconds="%.3f" % epoch_s,
                                 minutes_to_target="" if e is None else "%.3f" % (e * epoch_s / 60)))
    with open(a.out, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    row = profile_row(SPLIT)
    with open(a.sim_out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["staleness", "quantise", "bandwidth", "seconds_per_iteration", "epoch_seconds",
                    "closed_form_seconds_per_iteration"])
        for (k, q, b), (per_iter, epoch_s) in sorted(sim.items(), key=lambda kv: (kv[0][0], kv[0][1], bands.index(kv[0][2]))):
            w.writerow([k, q, b, "%.7f" % per_iter, "%.3f" % epoch_s,
                        "%.7f" % (closed_form(ITERATIONS, stages(row, q == "int8", mib_per_s(b)), k) / ITERATIONS)])
    # the table: seeds averaged (epochs to target averaged, then times)
    t = a.table_target
    configs = []
    for r in rows:
        if r["target"] == t and r["configuration"] not in configs:
            configs.append(r["configuration"])
    print("Minutes to %g%% test accuracy (epochs to it: mean over seeds; simulated s per iteration in brackets)"
          % (100 * t))
    print()
    print("| configuration | seeds | epochs to %g%% |" % (100 * t) + "".join(" %s |" % b for b in bands))
    print("|---|---|---|" + "---|" * len(bands))
    for c in configs:
        mine = [r for r in rows if r["configuration"] == c and r["target"] == t]
        seeds = sorted({r["seed"] for r in mine})
        per_seed = {r["seed"]: r["epochs_to_target"] for r in mine}
        reached = [float(v) for v in per_seed.values() if v != ""]
        if len(reached) < len(seeds):
            cells = ["not reached (%d of %d seeds)" % (len(seeds) - len(reached), len(seeds))] * len(bands)
            e = None
        else:
            e = sum(reached) / len(reached)
            cells = []
            for b in bands:
                r = next(r for r in mine if r["bandwidth"] == b)
                cells.append("%.1f (%.4f)" % (e * float(r["epoch_seconds"]) / 60, float(r["seconds_per_iteration"])))
        spread = "" if len(reached) < 2 else " (%s)" % ", ".join("%.2f" % v for v in reached)
        print("| %s | %s | %s |" % (c, ",".join(map(str, seeds)), "" if e is None else "%.2f%s" % (e, spread))
              + "".join(" %s |" % x for x in cells))
    print()
    print("written: " + os.path.relpath(a.out, ROOT) + ", " + os.path.relpath(a.sim_out, ROOT))


if __name__ == "__main__":
    main()
