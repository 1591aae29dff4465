"""Checks of the PyTorch recipe against hand computations; CI runs it (python3 -m unittest)."""

import csv
import os
import subprocess
import sys
import tempfile
import unittest

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch_to_eesim as recipe  # noqa: E402


class RecipeTest(unittest.TestCase):

    def test_flops_by_hand(self):
        blocks, _, shape = recipe.demo_network()
        x = torch.rand((1,) + shape)
        # conv1: 16 x 32 x 32 outputs, each 3 x 3 x 3 multiply-accumulates
        self.assertEqual(2 * 16 * 32 * 32 * 3 * 9, recipe.flops_of(blocks[0][1], x))
        # fc: 1024 -> 10
        h = x
        for _, m in blocks[:3]:
            h = m(h)
        self.assertEqual(2 * 1024 * 10, recipe.flops_of(blocks[3][1], h))

    def test_exit_rule_is_first_confident_exit(self):
        conf = [[0.9, 0.1, 0.5], [0.2, 0.9, 0.5], [0.2, 0.3, 0.5], [0.95, 0.99, 0.5]]
        ok = [[1, 0, 0], [0, 1, 1], [0, 0, 1], [0, 1, 1]]
        rows = recipe.exit_rows("c", conf, ok, [0.85], ["b1", "b2", "final"])
        # b1 takes samples 0 and 3 (one right), b2 sample 1, final sample 2
        self.assertEqual([["c", "0.85", "b1", "0.500000", "0.500000"],
                          ["c", "0.85", "b2", "0.250000", "1.000000"],
                          ["c", "0.85", "final", "", "1.000000"]], rows)

    def test_demo_writes_aligned_repetitions_eesim_can_import(self):
        with tempfile.TemporaryDirectory() as d:
            layers, exits = os.path.join(d, "layers.csv"), os.path.join(d, "exits.csv")
            subprocess.run([sys.executable, recipe.__file__, "--demo", "--layers", layers, "--exits", exits,
                            "--warmup", "2", "--repetitions", "7"], check=True, capture_output=True)
            with open(layers) as f:
                rows = list(csv.DictReader(f))
            self.assertEqual(["input", "layer", "branch", "layer", "branch", "layer", "layer"],
                             [r["kind"] for r in rows])
            self.assertEqual("3x32x32", rows[0]["output_shape"])
            self.assertEqual("16x16x16", rows[1]["output_shape"])
            for r in rows[1:]:
                samples = [float(v) for v in r["samples_ms"].split(";")]
                self.assertEqual(7, len(samples), r["name"])
                self.assertTrue(all(v > 0 for v in samples), r["name"])
                self.assertAlmostEqual(sum(samples) / 7, float(r["time_ms"]), places=5)


if __name__ == "__main__":
    unittest.main()
