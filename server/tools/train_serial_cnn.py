#!/usr/bin/env python3
"""Trains the small convolutional network of SerialClassifier (the six Latin glyphs of a one-row Chinese plate).

Not part of the build: run by hand, commit the .onnx. The samples come from the Java exporter, which cuts and scales
the glyphs exactly as the reader does (GlyphCnn.input); this script only augments them. Seeded: the command below
rebuilds the committed server/src/main/resources/vn/bordergate/server/anpr/serial-cnn.onnx.

    CP=common/target/classes:server/target/classes:$(cat cp.txt)    # the server's runtime classpath
    java -cp $CP vn.bordergate.server.anpr.SerialGlyphSamples /tmp/serial-cnn /work/shared/plates/cn-crops
    python3 server/tools/train_serial_cnn.py /tmp/serial-cnn \
        server/src/main/resources/vn/bordergate/server/anpr/serial-cnn.onnx

Training data: real-train.bin (the even-numbered cn-crops images' glyphs, Apache-2.0) and renders.bin (synthetic);
held-out.bin (the odd-numbered images' glyphs) is only measured, never trained on or used to pick an epoch.
"""
import argparse
import math
import random
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from glyph_cnn_io import export_onnx, read_samples, stretch

CLASSES = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"


class SerialCnn(nn.Module):
    """Three conv stages (16, 32, 64 channels) on a 32 x 16 glyph: about 80 k weights, ~2.4 M multiply-adds."""

    def __init__(self, classes, dropout):
        super().__init__()

        def block(i, o):
            return [nn.Conv2d(i, o, 3, padding=1, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True)]

        self.features = nn.Sequential(
            *block(1, 16), nn.MaxPool2d(2),
            *block(16, 32), nn.MaxPool2d(2),
            *block(32, 64), *block(64, 64), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(dropout), nn.Linear(64 * 4 * 2, classes))

    def forward(self, x):
        return self.head(self.features(x))


def augment(x, g):
    """Sub-pixel shifts, scale +-10 %, small rotation and shear, blur, contrast and noise; then stretched again."""
    n, _, h, w = x.shape
    r = lambda lo, hi: torch.rand(n, generator=g) * (hi - lo) + lo
    scale = r(0.9, 1.1)
    aspect = r(0.93, 1.07)
    angle = r(-5, 5) * math.pi / 180
    shear = r(-0.15, 0.15)
    tx = r(-1.5, 1.5) * 2 / w
    ty = r(-1.2, 1.2) * 2 / h
    cos, sin = torch.cos(angle), torch.sin(angle)
    # in normalised coordinates; x and y scale differently since the glyph is twice as high as wide
    theta = torch.zeros(n, 2, 3)
    sx, sy = 1 / (scale * aspect), 1 / (scale / aspect)
    theta[:, 0, 0] = cos * sx
    theta[:, 0, 1] = (-sin + shear) * sx * h / w
    theta[:, 1, 0] = sin * sy * w / h
    theta[:, 1, 1] = cos * sy
    theta[:, 0, 2] = tx
    theta[:, 1, 2] = ty
    grid = F.affine_grid(theta, x.shape, align_corners=False)
    x = F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)
    # blur on about a third of the glyphs
    sigma = r(0.3, 1.0)
    blur = torch.rand(n, generator=g) < 0.35
    if blur.any():
        k = torch.arange(-1, 2, dtype=torch.float32)
        kern = torch.exp(-(k[None, :] ** 2) / (2 * sigma[blur][:, None] ** 2))
        kern = kern / kern.sum(1, keepdim=True)
        k2 = (kern[:, :, None] * kern[:, None, :])[:, None]
        xb = x[blur].transpose(0, 1)  # 1, m, h, w: one kernel per glyph through groups
        xb = F.conv2d(F.pad(xb, (1, 1, 1, 1), mode="replicate"), k2, groups=k2.shape[0])
        x = x.clone()
        x[blur] = xb.transpose(0, 1)
    # contrast: a gamma, and noise
    gamma = torch.exp(r(-0.4, 0.4))[:, None, None, None]
    x = x.clamp(0, 1) ** gamma
    x = x + torch.randn(x.shape, generator=g) * r(0, 0.06)[:, None, None, None]
    return stretch(x)


def evaluate(model, x, y):
    model.eval()
    with torch.no_grad():
        logits = torch.cat([model(x[i:i + 512]) for i in range(0, len(x), 512)])
    top2 = logits.topk(2, dim=1).indices
    first = int((top2[:, 0] == y).sum())
    second = int((top2 == y[:, None]).any(1).sum())
    return first, second, logits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--per-epoch", type=int, default=12000)
    ap.add_argument("--real-share", type=float, default=0.6, help="share of each epoch drawn from real glyphs")
    ap.add_argument("--dropout", type=float, default=0.3)
    ap.add_argument("--lr", type=float, default=3e-3)
    args = ap.parse_args()
    torch.set_num_threads(1)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    g = torch.Generator().manual_seed(args.seed)

    real_x, real_y = read_samples(f"{args.data}/real-train.bin")
    rend_x, rend_y = read_samples(f"{args.data}/renders.bin")
    held_x, held_y = read_samples(f"{args.data}/held-out.bin")
    print(f"real {len(real_y)}, renders {len(rend_y)}, held-out {len(held_y)}; input {tuple(real_x.shape[1:])}")

    # class balance: each class's real glyphs drawn equally often in total (a class with fewer than 20 counts as 20,
    # so a handful of rare glyphs is not repeated hundreds of times); renders are balanced already
    counts = torch.bincount(real_y, minlength=len(CLASSES)).float()
    real_w = 1.0 / counts.clamp_min(20)[real_y]
    x_all = torch.cat([real_x, rend_x])
    y_all = torch.cat([real_y, rend_y])
    weights = torch.cat([real_w / real_w.sum() * args.real_share,
                         torch.full((len(rend_y),), (1 - args.real_share) / len(rend_y))])

    model = SerialCnn(len(CLASSES), args.dropout)
    print("weights:", sum(p.numel() for p in model.parameters()))
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-3)
    batch = 128
    steps = args.epochs * (args.per_epoch // batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=steps)
    for epoch in range(args.epochs):
        model.train()
        idx = torch.multinomial(weights, args.per_epoch, replacement=True, generator=g)
        total = 0.0
        for b in range(args.per_epoch // batch):
            j = idx[b * batch:(b + 1) * batch]
            xb = augment(x_all[j], g)
            loss = F.cross_entropy(model(xb), y_all[j], label_smoothing=0.05)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item()
        if epoch % 5 == 4 or epoch == args.epochs - 1:
            f1, f2, _ = evaluate(model, held_x, held_y)
            r1, _, _ = evaluate(model, real_x, real_y)
            print(f"epoch {epoch + 1}: loss {total / (args.per_epoch // batch):.3f}; "
                  f"real train {r1}/{len(real_y)}; held-out first {f1}, first or second {f2} of {len(held_y)}",
                  flush=True)
    f1, f2, logits = evaluate(model, held_x, held_y)
    wrong = {}
    for t, p in zip(held_y.tolist(), logits.argmax(1).tolist()):
        if t != p:
            wrong[f"{CLASSES[t]}>{CLASSES[p]}"] = wrong.get(f"{CLASSES[t]}>{CLASSES[p]}", 0) + 1
    print("held-out wrong (most often):", dict(sorted(wrong.items(), key=lambda kv: -kv[1])[:15]))
    print(f"held-out glyphs right first {f1}, first or second {f2} of {len(held_y)}")

    model.eval()
    h, w = real_x.shape[2], real_x.shape[3]
    export_onnx(model, torch.zeros(1, 1, h, w), args.out)
    print("saved", args.out)


if __name__ == "__main__":
    main()
