#!/usr/bin/python3
"""Seed 001's published offloading probabilities at p_tar 0.8 as --reference files for the
analysis command: figure,series,x,y with y = 100 - edge_exit_rate_branch_3 (percent offloaded to
the cloud). Series names are those of offload-vs-x drawn from seed001-{blur,noise}-levels.yaml.

Usage: /usr/bin/python3 scenarios/seed001-published.py [DIR]
DIR holds seed 001's result files; by default profiles/b-mobilenet-distortion-robust/source, where
they are committed (the files it writes are committed beside it:
scenarios/seed001-published-{blur,noise}.csv)
"""
import csv
import os
import sys

FILES = {
    ("blur", "standard"): "dr_result_model_calib_pristine_b_mobilenet_eval_gaussian_blur_21_1.csv",
    ("blur", "expert-blur"): "dr_result2_model_calib_gaussian_blur_b_mobilenet_eval_gaussian_blur_21_freezing_3.csv",
    ("noise", "standard"): "dr_result_model_calib_pristine_b_mobilenet_eval_gaussian_noise_21_1.csv",
    ("noise", "expert-noise"): "dr_result_model_calib_gaussian_noise_b_mobilenet_eval_gaussian_noise_21_freezing_3.csv",
}


def main(reference_dir):
    here = os.path.dirname(os.path.abspath(__file__))
    for kind in ("blur", "noise"):
        rows = []
        for (k, branch_set), name in FILES.items():
            if k != kind:
                continue
            with open(os.path.join(reference_dir, name), newline="") as f:
                for r in csv.DictReader(f):
                    if abs(float(r["p_tar"]) - 0.8) < 1e-9:
                        p_off = 100.0 - float(r["edge_exit_rate_branch_3"])
                        rows.append(("offload-vs-x", branch_set + ": edge to cloud",
                                     "%g" % float(r["distortion_lvl"]), "%.6f" % p_off))
        out = os.path.join(here, "seed001-published-%s.csv" % kind)
        with open(out, "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(("figure", "series", "x", "y"))
            w.writerows(sorted(rows, key=lambda r: (r[1] != "standard: edge to cloud", float(r[2]))))
        print(out, len(rows), "rows")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "profiles", "b-mobilenet-distortion-robust", "source"))
