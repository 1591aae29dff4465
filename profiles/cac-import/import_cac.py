#!/usr/bin/env python3
"""Builds eesim training profiles (docs/training-profile-format.md) from seed 004's published
profiles, copied unchanged into source/ from GitHub
dixiyao/Context-Aware-Compilation-of-DNN-Training-Pipelines-across-Edge-and-Cloud, folder profile/
(commit 73750e2edea01bfe26ef8e480d63d50327f14e5f, Apache-2.0).

What each column becomes (the seed's decision/engine.py and Utils/utils.py read them the same way):
- runtime_<model>.csv, row i: seconds per batch-32 training iteration at split i (layers 0..i on
  the edge). The edge column (TX2 or Pi) is edge_time_s (T1: forward, replay and backward of
  layers 0..i), Cloud is cloud_time_s (T3). Its last row is edge-only (a plain training step).
- featuresize.csv: MiB per batch of 32 (fp32) of layer i's output, as published (two decimals);
  feature_bytes = MiB x 2^20, rounded to the byte. These are the numbers the seed's engine uses.
- compresstime<device>.csv: seconds to int8-quantise the split-i feature on that device.
- edge_param_bytes: fp32 parameter bytes of layers 0..i, counted here from the architectures in
  the seed's models/ (ResNets.py, MobileNet.py, VGG.py, BILSTM.py) with 10 classes (2 for BiLSTM),
  as its Utils/utils.py count_models_size_in_MB counts them (parameters x 4 bytes). The layer
  split is the one the feature sizes show (e.g. ResNet-50: prep, 16 bottlenecks, avgpool, fc).

Standard library only. From the repository root:
    /usr/bin/python3 profiles/cac-import/import_cac.py
writes profiles/cac-<model>-<device>/{training.yaml,splits.csv} for every complete model.
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "source")
OUT = os.path.dirname(HERE)
REPO = "dixiyao/Context-Aware-Compilation-of-DNN-Training-Pipelines-across-Edge-and-Cloud"
COMMIT = "73750e2edea01bfe26ef8e480d63d50327f14e5f"
MIB = 1 << 20


# --- parameter counts (weights and biases; BatchNorm has 2 per channel; buffers are not parameters)

def conv(cin, cout, k, groups=1, bias=False):
    return cin // groups * cout * k * k + (cout if bias else 0)


def bn(c):
    return 2 * c


def linear(cin, cout, bias=True):
    return cin * cout + (cout if bias else 0)


def resnet50_cifar():
    """Seed's models/ResNets.py CifarResNet(Bottleneck, [3, 4, 6, 3]), 10 classes."""
    layers = [conv(3, 64, 3) + bn(64)]  # prep
    inplanes = 64
    for planes, blocks, stride in [(64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2)]:
        for b in range(blocks):
            s = stride if b == 0 else 1
            p = conv(inplanes, planes, 1) + bn(planes) + conv(planes, planes, 3) + bn(planes) \
                + conv(planes, planes * 4, 1) + bn(planes * 4)
            if s != 1 or inplanes != planes * 4:
                p += conv(inplanes, planes * 4, 1) + bn(planes * 4)
            layers.append(p)
            inplanes = planes * 4
    layers.append(0)  # AvgPool2d(4)
    layers.append(linear(2048, 10))
    return layers


def mobilenetv3_large():
    """Seed's models/MobileNet.py MobileNetV3(type='large'), 10 classes, 3 input channels."""
    channels = [[16], [24, 24], [40, 40, 40], [80, 80, 80, 80, 112, 112], [160, 160, 160]]
    mids = [[16], [64, 72], [72, 120, 120], [240, 200, 184, 184, 480, 672], [672, 960, 960]]
    kernels = [3, 3, 5, 3, 5]
    se = [[0], [0, 0], [1, 1, 1], [0, 0, 0, 0, 1, 1], [1, 1, 1]]
    layers = [bn(3) + conv(3, 16, 3) + bn(16)]  # data_bn + init_conv block
    cin = 16
    for stage, outs in enumerate(channels):
        for u, cout in enumerate(outs):
            mid = mids[stage][u]
            k = kernels[stage]
            p = conv(cin, mid, 1) + bn(mid) + conv(mid, mid, k, groups=mid) + bn(mid)
            if se[stage][u]:
                sq = mid // 4
                p += conv(mid, sq, 1, bias=True) + conv(sq, mid, 1, bias=True)
            p += conv(mid, cout, 1) + bn(cout)
            layers.append(p)
            cin = cout
    layers.append(conv(160, 960, 1) + bn(960) + conv(960, 1280, 1))  # final block, conv2 without BN or bias
    layers.append(linear(1280, 10))
    return layers


def vgg19():
    """Seed's models/VGG.py VGG_19: 16 conv blocks, Linear+BN1d twice, Linear(4096, 10)."""
    layers = []
    cin = 3
    for c, n in zip([64, 128, 256, 512, 512], [2, 2, 4, 4, 4]):
        for _ in range(n):
            layers.append(conv(cin, c, 3) + bn(c))
            cin = c
    layers.append(linear(512, 4096) + bn(4096))
    layers.append(linear(4096, 4096) + bn(4096))
    layers.append(linear(4096, 10))
    return layers


def bilstm():
    """Seed's models/BILSTM.py: Embedding(10000, 128), 2-layer bidirectional LSTM(128, 128),
    fc1 256->128, average pool, fc2 128->2."""
    def lstm_layer(cin, hid):
        return 4 * (hid * cin + hid * hid + 2 * hid)  # weight_ih, weight_hh, bias_ih, bias_hh
    lstm = 2 * lstm_layer(128, 128) + 2 * lstm_layer(256, 128)
    return [10000 * 128, lstm, linear(256, 128), 0, linear(128, 2)]


# model key -> (runtime file, featuresize column, compresstime column, parameter counts,
#               input batch bytes, description)
MODELS = {
    "resnet50": ("runtime_resnet50.csv", "Resnet50", "resnet50", resnet50_cifar,
                 32 * 3 * 32 * 32 * 4, "ResNet-50 (CIFAR-10 variant, 10 classes)"),
    "mobilenetv3-large": ("runtime_Mobilenetv3_large.csv", "Mobilenetv3_large", "Mobilenetv3_large",
                          mobilenetv3_large, 32 * 3 * 32 * 32 * 4, "MobileNetV3-large (CIFAR-10, 10 classes)"),
    "vgg19": ("runtime_VGG19.csv", "VGG19", "VGG19", vgg19, 32 * 3 * 32 * 32 * 4,
              "VGG-19 with batch norm (CIFAR-10, 10 classes)"),
    "bilstm": ("runtime_rnn.csv", "BILSTM", "BI-LSTM", bilstm, 32 * 200 * 8,
               "BiLSTM (IMDB, 200 tokens, 2 classes)"),
}
DEVICES = {"tx2": ("TX2", "compresstimetx2.csv", "Jetson TX2"),
           "pi": ("Pi", "compresstimepi.csv", "Raspberry Pi")}


def column(path, name):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header = [h.strip() for h in rows[0]]
    i = header.index(name)
    values = [r[i].strip() if i < len(r) else "" for r in rows[1:]]
    while values and values[-1] == "":
        values.pop()
    if "" in values:
        raise SystemExit(f"{path}: column {name} has a gap")
    return values


def write(model, device):
    runtime, fcol, qcol, params_of, input_bytes, what = MODELS[model]
    dcol, qfile, dname = DEVICES[device]
    edge = column(os.path.join(SRC, runtime), dcol)
    cloud = column(os.path.join(SRC, runtime), "Cloud")
    feature = column(os.path.join(SRC, "featuresize.csv"), fcol)
    quant = column(os.path.join(SRC, qfile), qcol)
    params = params_of()
    layers = len(edge)
    if not (len(cloud) == layers and len(feature) == layers - 1 and len(quant) == layers - 1
            and len(params) == layers):
        raise SystemExit(f"{model}: {layers} runtime rows, {len(feature)} feature sizes, {len(quant)}"
                         f" quantise times, {len(params)} layers counted: not one row per split")
    if float(cloud[-1]) != 0:
        raise SystemExit(f"{model}: the last runtime row is not edge-only (Cloud {cloud[-1]})")
    name = f"cac-{model}-{device}"
    folder = os.path.join(OUT, name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "splits.csv"), "w", newline="") as f:
        f.write(f"# Generated by profiles/cac-import/import_cac.py from seed 004's profile/ CSVs. Do not edit by hand.\n")
        f.write("split,edge_time_s,cloud_time_s,feature_bytes,quantise_time_s,edge_param_bytes\n")
        cumulative = 0
        for i in range(layers):
            cumulative += params[i]
            if i < layers - 1:
                fb = round(float(feature[i]) * MIB)
                f.write(f"{i},{edge[i]},{cloud[i]},{fb},{quant[i]},{cumulative * 4}\n")
            else:
                f.write(f"{i},{edge[i]},0,0,,{cumulative * 4}\n")
    with open(os.path.join(folder, "training.yaml"), "w") as f:
        f.write("# Generated by profiles/cac-import/import_cac.py. Do not edit by hand.\n")
        f.write("format: eesim-training-profile/1\n")
        f.write(f"name: {name}\n")
        f.write(f'description: "{what} split training, batch 32: {dname} edge, seed 004\'s cloud server;'
                f' seed 004\'s published profile"\n')
        f.write("provenance:\n")
        f.write(f'  source: "{REPO} at {COMMIT}: profile/{runtime} (columns {dcol} and Cloud),'
                f' profile/featuresize.csv (column {fcol}), profile/{qfile} (column {qcol}); Apache-2.0"\n')
        f.write('  copies: "profiles/cac-import/source/ (unchanged)"\n')
        f.write('  command: "/usr/bin/python3 profiles/cac-import/import_cac.py"\n')
        f.write('  feature_bytes: "the published MiB (two decimals) x 2^20, rounded to the byte: the numbers'
                ' the seed\'s engine uses, not exact tensor sizes"\n')
        f.write('  edge_param_bytes: "fp32 parameters of layers 0..i, counted from the architectures in the'
                ' seed\'s models/ (see import_cac.py)"\n')
        f.write("batch_size: 32\n")
        f.write("element_bytes: 4\n")
        f.write(f"layers: {layers}\n")
        f.write(f"input_bytes: {input_bytes}\n")
        f.write("measured_on:\n")
        f.write(f'  edge_time_s: "{dname} (seed 004\'s {dcol} column)"\n')
        f.write('  cloud_time_s: "seed 004\'s cloud server (Cloud column; the repository does not name its GPU)"\n')
        f.write(f'  quantise_time_s: "{dname} ({qfile})"\n')
    return name


if __name__ == "__main__":
    made = [write(m, d) for m in MODELS for d in DEVICES]
    print("wrote " + ", ".join(made), file=sys.stderr)
