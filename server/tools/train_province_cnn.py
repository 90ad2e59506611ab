#!/usr/bin/env python3
"""Trains the province glyph network (ProvinceCnn) and exports it to ONNX for GlyphCnn.

Samples come from the Java exporter (the tensors GlyphCnn.input makes, so Java and Python see the same inputs):

  apt-get update && apt-get install -y fonts-noto-cjk fonts-noto-cjk-extra fonts-wqy-zenhei fonts-wqy-microhei   # training only
  CP=common/target/classes:server/target/classes:$(cat cp.txt)   # mvn dependency:build-classpath
  java -cp "$CP" vn.bordergate.server.anpr.ProvinceCnnSamples /tmp/province-cnn /work/shared/plates/cn-crops \
      /usr/share/fonts
  python3 server/tools/train_province_cnn.py /tmp/province-cnn \
      server/src/main/resources/vn/bordergate/server/anpr/province-cnn.onnx
  python3 server/tools/train_province_cnn.py /tmp/province-cnn --seed 7 \
      server/src/main/resources/vn/bordergate/server/anpr/province-cnn-2.onnx
  python3 server/tools/train_province_cnn.py /tmp/province-cnn --seed 11 \
      server/src/main/resources/vn/bordergate/server/anpr/province-cnn-3.onnx   # ProvinceCnn averages the three

The fonts: every second render is drawn in the committed Noto Sans CJK SC Bold subset, the others in turn in the
simplified-Chinese sans typefaces under the font folder (Debian bookworm's packages above; Medium and Black are in
fonts-noto-cjk-extra): Noto Sans CJK SC Regular, Medium, Bold, Black, WenQuanYi Micro Hei, Zen Hei, Zen Hei Sharp
(ProvinceCnnSamples.extraFonts). Without the folder
argument the renders are the one-font renders of the networks before session 28. The fonts are not committed.

Training data: renders.bin (synthetic) and real-even.bin (the even cn-crops half, 94 % 皖: its 皖 cuts are capped per
epoch and the rare provinces repeated, so the network does not learn "always 皖"). Measured, never trained on:
renders-test.bin (another seed) and heldout*.bin (the odd half), each against the bundled MLP's reads (*.mlp.txt).
The network has one class more than ProvinceClassifier.CLASSES, "no province" (renders of a Vietnamese plate's first
two digits and of Latin characters): ProvinceCnn leaves its share out, so a box on no province glyph is read unsure.
Seeded, one thread: the same samples give the same network.
"""
import argparse
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from glyph_cnn_io import export_onnx, read_samples

CLASSES = ""  # read from the samples' classes.txt (ProvinceClassifier.CLASSES)


def mlp_reads(path):
    rows = [line.split() for line in open(path, encoding="utf-8") if line.strip()]
    return np.array([int(r[0]) for r in rows]), np.array([int(r[1]) for r in rows])


class ProvinceNet(nn.Module):
    """Three conv blocks (24×32 → 12×16 → 6×8 → 3×4) and a linear layer: about 0.1 M weights, ~2 M multiply-adds."""

    def __init__(self, classes):
        super().__init__()

        def block(a, b):
            return [nn.Conv2d(a, b, 3, padding=1, bias=False), nn.BatchNorm2d(b), nn.ReLU()]

        self.features = nn.Sequential(
            *block(1, 16), nn.MaxPool2d(2),
            *block(16, 32), *block(32, 32), nn.MaxPool2d(2),
            *block(32, 64), nn.MaxPool2d(2),
        )
        self.classifier = nn.Sequential(nn.Flatten(), nn.Dropout(0.3), nn.Linear(64 * 4 * 3, classes))

    def forward(self, x):
        return self.classifier(self.features(x))


def augment(x, gen):
    """Small shifts, scale and rotation (the box lands a pixel or two off), contrast, noise; stretched to 0..1 again."""
    n = x.shape[0]
    angle = (torch.rand(n, generator=gen) - 0.5) * 2 * 0.07
    scale = 1 + (torch.rand(n, generator=gen) - 0.5) * 0.2
    tx = (torch.rand(n, generator=gen) - 0.5) * 2 * 0.1
    ty = (torch.rand(n, generator=gen) - 0.5) * 2 * 0.08
    cos, sin = torch.cos(angle) * scale, torch.sin(angle) * scale
    theta = torch.stack([torch.stack([cos, -sin, tx], 1), torch.stack([sin, cos, ty], 1)], 1)
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    x = F.grid_sample(x, grid, padding_mode="border", align_corners=False)
    gamma = torch.exp((torch.rand(n, 1, 1, 1, generator=gen) - 0.5) * 0.8)
    x = x.clamp(0, 1) ** gamma
    x = x + torch.randn(x.shape, generator=gen) * torch.rand(n, 1, 1, 1, generator=gen) * 0.08
    lo = x.amin(dim=(2, 3), keepdim=True)
    hi = x.amax(dim=(2, 3), keepdim=True)
    return (x - lo) / (hi - lo).clamp_min(1e-6)


def predict(model, x):
    model.eval()
    with torch.no_grad():
        return torch.cat([F.softmax(model(x[i:i + 512]), 1) for i in range(0, len(x), 512)])


def report(name, truth, cnn, mlp):
    truth = np.asarray(truth)
    wan = CLASSES.index("皖")
    other = (truth != wan) & (truth < len(CLASSES) - 1)
    print(f"{name}: CNN {np.sum(cnn == truth)}/{len(truth)}  MLP {np.sum(mlp == truth)}/{len(truth)}"
          f"  (provinces not 皖: CNN {np.sum((cnn == truth) & other)}/{other.sum()}  MLP {np.sum((mlp == truth) & other)})")
    per = []
    for c in sorted(set(truth.tolist())):
        m = truth == c
        per.append(f"{CLASSES[c]} {np.sum(cnn[m] == c)}/{np.sum(mlp[m] == c)}/{m.sum()}")
    print("   per class CNN/MLP/n: " + ", ".join(per))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("samples")
    ap.add_argument("onnx")
    ap.add_argument("--epochs", type=int, default=14)
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--real-cap", type=int, default=300, help="real cuts of one province per epoch, at most")
    ap.add_argument("--real-repeats", type=int, default=10, help="epoch repeats of a rare province's cuts, at most")
    a = ap.parse_args()
    global CLASSES
    # one class more than the provinces: "no province" (a Vietnamese plate's digits, a Latin character in the box)
    CLASSES = open(f"{a.samples}/classes.txt", encoding="utf-8").read().strip() + "-"
    torch.set_num_threads(1)
    torch.manual_seed(a.seed)
    gen = torch.Generator().manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)

    xr, yr = read_samples(f"{a.samples}/renders.bin")
    xe, ye = read_samples(f"{a.samples}/real-even.bin")
    print(f"renders {len(xr)}, real even cuts {len(xe)}", flush=True)
    counts = np.bincount(ye.numpy(), minlength=len(CLASSES))
    model = ProvinceNet(len(CLASSES))
    print(f"weights: {sum(p.numel() for p in model.parameters())}")
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=1e-4)
    steps_per_epoch = None
    sched = None
    for epoch in range(a.epochs):
        # the real glyphs of each province: at most real_cap per epoch, a rare one repeated up to real_repeats times
        idx = []
        for c in np.nonzero(counts)[0]:
            members = np.nonzero(ye.numpy() == c)[0]
            take = min(a.real_cap, len(members) * a.real_repeats)
            idx.append(rng.choice(members, take, replace=take > len(members)))
        idx = np.concatenate(idx)
        x = torch.cat([xr, xe[idx]])
        y = torch.cat([yr, ye[idx]])
        order = torch.randperm(len(x), generator=gen)
        if sched is None:
            steps_per_epoch = (len(x) + 127) // 128
            sched = torch.optim.lr_scheduler.OneCycleLR(opt, 3e-3, total_steps=steps_per_epoch * a.epochs + 10)
        model.train()
        t0, total, right = time.time(), 0.0, 0
        for i in range(0, len(x), 128):
            b = order[i:i + 128]
            xb = augment(x[b], gen)
            logits = model(xb)
            loss = F.cross_entropy(logits, y[b], label_smoothing=0.05)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(b)
            right += (logits.argmax(1) == y[b]).sum().item()
        print(f"epoch {epoch + 1}: loss {total / len(x):.3f} train {right / len(x):.3f} ({time.time() - t0:.0f} s)",
              flush=True)

    xt, yt = read_samples(f"{a.samples}/renders-test.bin")
    m1, _ = mlp_reads(f"{a.samples}/renders-test.mlp.txt")
    report("renders-test (other seed)", yt.numpy(), predict(model, xt).argmax(1).numpy(), m1)
    xh, yh = read_samples(f"{a.samples}/heldout.bin")
    one, five = mlp_reads(f"{a.samples}/heldout.mlp.txt")
    report("held-out odd cn-crops, one cut", yh.numpy(), predict(model, xh).argmax(1).numpy(), one)
    x5, _ = read_samples(f"{a.samples}/heldout5.bin")
    groups = [int(g) for g in open(f"{a.samples}/heldout5.groups.txt") if g.strip()]
    p5 = predict(model, x5)
    starts = np.cumsum([0] + groups[:-1])
    avg = np.stack([p5[s:s + g].mean(0).numpy() for s, g in zip(starts, groups)])
    report("held-out odd cn-crops, five cuts", yh.numpy(), avg.argmax(1), five)

    model.eval()
    export_onnx(model, torch.zeros(1, 1, xr.shape[2], xr.shape[3]), a.onnx)
    print(f"saved {a.onnx}")


if __name__ == "__main__":
    sys.exit(main())
