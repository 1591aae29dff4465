#!/usr/bin/env python3
"""What a device's requests do when one is born while the device awaits an answer (README, "The
testbed": the in_flight mechanism), from a measured validation folder's per-request rows.

For each run of the given points: the requests born while their device had one unanswered
("busy"), how many of them reached the edge only after that answer came back, and the mean time
from sending to the edge having read the request, measured against two models of the uplink
driven by the measured send times: a FIFO link of the calibrated rate and delay, with no limit
per device, and the same link where a device sends a request only once its previous one is
answered (in_flight: 1). Plain Python 3, no packages.

    python3 testbed/analysis/in_flight_evidence.py results/testbed/tb-validation-1mbps-* --points 8,9,10,11 \
        --rate 999391 --delay 0.005502 --wire 3593
"""
import argparse
import csv
import glob
import os
import statistics


def rows(path):
    with open(path, newline="") as f:
        out = [r for r in csv.DictReader(f) if r["error"] == "" and int(r["edge_compute_start_ns"]) > 0]
    out.sort(key=lambda r: int(r["sent_ns"]))
    return out


def analyse(path, rate_bps, delay_s, wire_bytes):
    rs = rows(path)
    service = wire_bytes * 8 / rate_bps * 1e3  # ms on the wire
    delay = delay_s * 1e3
    ends = {}
    busy = after = 0
    for r in rs:
        sent = int(r["sent_ns"])
        unanswered = [e for e in ends.get(r["node"], []) if e > sent]
        ends.setdefault(r["node"], []).append(int(r["end_ns"]))
        if unanswered:
            busy += 1
            after += int(r["edge_recv_ns"]) > max(unanswered)
    measured = [(int(r["edge_compute_start_ns"]) - int(r["sent_ns"])) / 1e6 for r in rs]

    def fifo(entries):  # (entry ms, sent ms) in entry order -> mean time from sending to read at the edge
        free = -1e18
        total = 0.0
        for entry, sent in entries:
            free = max(free, entry) + service
            total += free + delay - sent
        return total / len(entries)

    sent = [int(r["sent_ns"]) / 1e6 for r in rs]
    unlimited = fifo(list(zip(sent, sent)))
    last = {}
    gated = []
    for r, s in zip(rs, sent):
        gate = max(s, last.get(r["node"], -1e18))
        last[r["node"]] = max(last.get(r["node"], -1e18), int(r["end_ns"]) / 1e6)
        gated.append((gate, s))
    gated.sort()
    return len(rs), busy, after, statistics.mean(measured), unlimited, fifo(gated)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("folders", nargs="+")
    p.add_argument("--points", default="8,9,10,11")
    p.add_argument("--rate", type=float, required=True, help="the calibrated uplink rate, bit/s")
    p.add_argument("--delay", type=float, required=True, help="the calibrated uplink delay, s")
    p.add_argument("--wire", type=float, required=True, help="a request's bytes on the wire (calibration)")
    a = p.parse_args()
    print("run,requests,busy,busy_reaching_the_edge_after_the_answer,measured_ms,fifo_unlimited_ms,fifo_in_flight_1_ms")
    for folder in a.folders:
        for point in a.points.split(","):
            for path in sorted(glob.glob(os.path.join(folder, "requests", f"point-{point}-rep-*.csv"))):
                if not path.endswith(("-requests.csv", "-edge.csv", "-cloud.csv")):
                    n, busy, after, m, u, g = analyse(path, a.rate, a.delay, a.wire)
                    print(f"{os.path.basename(folder)}/{os.path.basename(path)},{n},{busy},{after},{m:.1f},{u:.1f},{g:.1f}")


if __name__ == "__main__":
    main()
