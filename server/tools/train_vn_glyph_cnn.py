#!/usr/bin/env python3
"""Trains the Vietnamese plate glyph network (VietnameseGlyphClassifier) on font renders only; exports ONNX.

    CP=common/target/classes:server/target/classes:$(cat /tmp/cp.txt)
    java -cp $CP vn.bordergate.server.anpr.VietnameseGlyphExport /tmp/vnglyph server/tools/plate-fonts \
        [/work/shared/plates/vn-one-row]
    python3 server/tools/train_vn_glyph_cnn.py /tmp/vnglyph \
        server/src/main/resources/vn/bordergate/server/anpr/vn-glyph-cnn.onnx

The exporter writes the inputs exactly as the reader sees them (GlyphCnn.input); this script only augments them
(shift, scale, tilt, blur, contrast, noise, a dark crop edge in the box) and trains. Seeded; CPU; one thread.
real.bin (one-row photo crops' glyphs) is only ever MEASURED on and printed: those photos carry no licence to train
on, and the epoch count is fixed here, not chosen on them.
"""
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from glyph_cnn_io import export_onnx, read_samples, stretch

SEED = 20261125
EPOCHS = int(__import__("os").environ.get("VNGLYPH_EPOCHS", "6"))
BATCH = 128
CLASSES = "0123456789ABCDEFGHKLMNPQRSTUVXYZ"
DIGITS = 10


class GlyphNet(nn.Module):
    def __init__(self, classes):
        super().__init__()

        def block(i, o):
            return nn.Sequential(nn.Conv2d(i, o, 3, padding=1, bias=False), nn.BatchNorm2d(o), nn.ReLU())

        self.features = nn.Sequential(
            block(1, 16), nn.MaxPool2d(2),  # 32x24 -> 16x12
            block(16, 32), block(32, 32), nn.MaxPool2d(2),  # -> 8x6
            block(32, 64), nn.MaxPool2d(2),  # -> 4x3
        )
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(0.3), nn.Linear(64 * 4 * 3, 128), nn.ReLU(),
                                  nn.Linear(128, classes))

    def forward(self, x):
        return self.head(self.features(x))


def augment(x, g):
    n, _, h, w = x.shape
    r = lambda *s: torch.rand(*s, generator=g)
    # geometry: scale, shift (the box a pixel or two off), tilt and shear, like a blob boxed on a real crop
    scale = 0.9 + 0.2 * r(n)
    aspect = 0.92 + 0.16 * r(n)
    angle = (r(n) - 0.5) * 0.1
    shear = (r(n) - 0.5) * 0.15
    tx = (r(n) - 0.5) * 0.25
    ty = (r(n) - 0.5) * 0.2
    cos, sin = torch.cos(angle), torch.sin(angle)
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0] = cos * scale * aspect
    theta[:, 0, 1] = (shear * cos - sin) * scale
    theta[:, 0, 2] = tx
    theta[:, 1, 0] = sin * scale * aspect
    theta[:, 1, 1] = cos * scale
    theta[:, 1, 2] = ty
    grid = F.affine_grid(theta, x.shape, align_corners=False)
    x = F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)
    # blur (a soft 15 px glyph), on about a third
    k = torch.tensor([0.25, 0.5, 0.25])
    blurred = F.conv2d(F.pad(x, (1, 1, 1, 1), mode="replicate"), (k[:, None] * k[None, :]).view(1, 1, 3, 3))
    pick = (r(n) < 0.35).view(-1, 1, 1, 1)
    x = torch.where(pick, blurred, x)
    # a dark crop edge or the frame inside the box: a few columns or rows at one side darkened
    for side in range(4):
        pick = r(n) < 0.06
        idx = pick.nonzero().flatten()
        for i in idx.tolist():
            depth = 1 + int(r(1).item() * 3)
            dark = 0.1 + 0.4 * r(1).item()
            if side == 0:
                x[i, :, :, :depth] *= dark
            elif side == 1:
                x[i, :, :, -depth:] *= dark
            elif side == 2:
                x[i, :, :depth, :] *= dark
            else:
                x[i, :, -depth:, :] *= dark
    # contrast (gamma) and noise, then stretched again as the reader does
    gamma = torch.exp((r(n) - 0.5) * 0.9).view(-1, 1, 1, 1)
    x = x.clamp(0, 1) ** gamma
    x = x + torch.randn(x.shape, generator=g) * (r(n) * 0.08).view(-1, 1, 1, 1)
    return stretch(x)


def accuracy_of_kind(model, x, y):
    """Right among the label's own kind (digit or letter): the vote only ever weighs valid plates."""
    model.eval()
    right = 0
    confusions = {}
    with torch.no_grad():
        for i in range(0, len(x), 1024):
            logits = model(x[i:i + 1024])
            yy = y[i:i + 1024]
            digit = (yy < DIGITS).view(-1, 1)
            mask = torch.zeros_like(logits, dtype=torch.bool)
            mask[:, :DIGITS] = True
            mask = torch.where(digit, mask, ~mask)
            best = logits.masked_fill(~mask, -1e9).argmax(1)
            right += int((best == yy).sum())
            for a, b in zip(yy[best != yy].tolist(), best[best != yy].tolist()):
                key = CLASSES[a] + "→" + CLASSES[b]
                confusions[key] = confusions.get(key, 0) + 1
    model.train()
    return right, confusions


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: train_vn_glyph_cnn.py EXPORT_DIR OUT.onnx")
    folder, out = sys.argv[1], sys.argv[2]
    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    g = torch.Generator().manual_seed(SEED)
    x, y = read_samples(f"{folder}/renders.bin")
    cx, cy = read_samples(f"{folder}/renders-check.bin")
    try:
        rx, ry = read_samples(f"{folder}/real.bin")
    except FileNotFoundError:
        rx = None
    print(f"{len(x)} training renders, {len(cx)} check renders, input {tuple(x.shape[2:])}", flush=True)
    model = GlyphNet(len(CLASSES))
    steps = EPOCHS * ((len(x) + BATCH - 1) // BATCH)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps, pct_start=0.2)
    for epoch in range(EPOCHS):
        start = time.time()
        order = torch.randperm(len(x), generator=g)
        total = 0.0
        for i in range(0, len(x), BATCH):
            idx = order[i:i + BATCH]
            loss = F.cross_entropy(model(augment(x[idx].clone(), g)), y[idx], label_smoothing=0.05)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach()) * len(idx)
        check, _ = accuracy_of_kind(model, cx, cy)
        line = f"epoch {epoch + 1}: loss {total / len(x):.3f}, check renders {check}/{len(cx)}"
        if rx is not None:
            real, _ = accuracy_of_kind(model, rx, ry)
            line += f", real glyphs (measure only) {real}/{len(rx)} ({100.0 * real / len(rx):.1f} %)"
        print(f"{line} [{time.time() - start:.0f} s]", flush=True)
    if rx is not None:
        real, confusions = accuracy_of_kind(model, rx, ry)
        top = sorted(confusions.items(), key=lambda e: -e[1])[:25]
        print("real confusions:", ", ".join(f"{k} {v}" for k, v in top))
    model.eval()
    export_onnx(model, x[:2], out)
    print("saved", out)


if __name__ == "__main__":
    main()
