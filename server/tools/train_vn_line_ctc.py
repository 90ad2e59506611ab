#!/usr/bin/env python3
"""Trains the Vietnamese line networks (read by LineCtc) with CTC on synthetic lines only: vn-line-ctc.onnx on one-row
plates' lines, vn-row-ctc.onnx on lines plus two-row plates' rows (VietnameseLineSamples' last argument: the share of
two-row plates; branch vnrows).

    CP=common/target/classes:server/target/classes:$(cat /tmp/cp.txt)
    java -cp $CP vn.bordergate.server.anpr.VietnameseLineSamples /tmp/vnline.bin 25000 20261125 server/tools/plate-fonts
    java -cp $CP vn.bordergate.server.anpr.VietnameseLineSamples /tmp/vnrows.bin 16000 20261125 \
        server/tools/plate-fonts 0.3
    java -cp $CP vn.bordergate.server.anpr.VietnameseLineMeasure /work/shared/plates/vn-one-row --dump /tmp/vnreal.bin
    VNLINE_EPOCHS=6 python3 server/tools/train_vn_line_ctc.py /tmp/vnline.bin \
        server/src/main/resources/vn/bordergate/server/anpr/vn-line-ctc.onnx [/tmp/vnreal.bin]
    VNLINE_EPOCHS=5 python3 server/tools/train_vn_line_ctc.py /tmp/vnrows.bin \
        server/src/main/resources/vn/bordergate/server/anpr/vn-row-ctc.onnx [/tmp/vnreal.bin]

vn-row-ctc-2.onnx (branch vnseed): the row network again, on more plates, for longer, from another seed; it reads
with vn-line-ctc.onnx (one-row lines) and with vn-row-ctc.onnx (two-row rows) as a product of experts (LineNetworks):

    java -cp $CP vn.bordergate.server.anpr.VietnameseLineSamples /tmp/vnrows2.bin 25000 20261128 \
        server/tools/plate-fonts 0.3          # 32 021 lines
    VNLINE_SEED=20261128 VNLINE_EPOCHS=6 python3 server/tools/train_vn_line_ctc.py /tmp/vnrows2.bin \
        server/src/main/resources/vn/bordergate/server/anpr/vn-row-ctc-2.onnx   # ~16 min, one thread

A one-row plate's grey band as the reader cuts it (VietnameseLine), 144 x 32, in; per 4-pixel column step the
scores of the CTC blank and of the 32 plate characters out (`logits` [N, 1, 36, 33]). Convolutions only (no LSTM: OpenCV's dnn
runs the graph as exported). The real lines (vn-one-row) are only ever MEASURED on and printed: those photos carry no
licence to train on, and the epoch count is fixed here, not chosen on them. Seeded; CPU; one thread.
"""
import os
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

from glyph_cnn_io import ctc_greedy, ctc_log_probabilities, export_line_onnx, read_line_samples, stretch

SEED = int(os.environ.get("VNLINE_SEED", "20261125"))  # a second network of an ensemble: another seed
EPOCHS = int(os.environ.get("VNLINE_EPOCHS", "8"))
BATCH = 64
ALPHABET = "0123456789ABCDEFGHKLMNPQRSTUVXYZ"
CHECK = 1000


class LineNet(nn.Module):
    def __init__(self, classes):
        super().__init__()

        def block(i, o):
            return nn.Sequential(nn.Conv2d(i, o, 3, padding=1, bias=False), nn.BatchNorm2d(o), nn.ReLU())

        self.features = nn.Sequential(
            block(1, 16), nn.MaxPool2d(2),  # 32x144 -> 16x72
            block(16, 32), nn.MaxPool2d(2),  # -> 8x36
            block(32, 48), nn.MaxPool2d((2, 1)),  # -> 4x36
            block(48, 64),
            nn.Conv2d(64, 96, (4, 3), padding=(0, 1), bias=False), nn.BatchNorm2d(96), nn.ReLU(),  # -> 1x36
            nn.Dropout(0.2),
            nn.Conv2d(96, classes, (1, 3), padding=(0, 1)),  # the 1-D head over the width
        )

    def forward(self, x):
        return self.features(x)  # the head's [N, C, 1, T], as export_line_onnx wants it


def augment(x, g):
    n = x.shape[0]
    r = lambda *s: torch.rand(*s, generator=g)
    # geometry: a little scale, shift, rotation and shear (the band is found to a pixel or two)
    scale = 0.93 + 0.12 * r(n)
    angle = (r(n) - 0.5) * 0.06
    shear = (r(n) - 0.5) * 0.3
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0] = scale
    theta[:, 0, 1] = shear * 0.25
    theta[:, 0, 2] = (r(n) - 0.5) * 0.06
    theta[:, 1, 0] = angle * 4.5
    theta[:, 1, 1] = scale * (0.95 + 0.1 * r(n))
    theta[:, 1, 2] = (r(n) - 0.5) * 0.12
    grid = F.affine_grid(theta, x.shape, align_corners=False)
    x = F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)
    k = torch.tensor([0.25, 0.5, 0.25])
    blurred = F.conv2d(F.pad(x, (1, 1, 1, 1), mode="replicate"), (k[:, None] * k[None, :]).view(1, 1, 3, 3))
    x = torch.where((r(n) < 0.3).view(-1, 1, 1, 1), blurred, x)
    gamma = torch.exp((r(n) - 0.5) * 0.9).view(-1, 1, 1, 1)
    x = x.clamp(0, 1) ** gamma
    x = x + torch.randn(x.shape, generator=g) * (r(n) * 0.06).view(-1, 1, 1, 1)
    return stretch(x)


def exact(model, x, labels):
    model.eval()
    right = 0
    with torch.no_grad():
        for i in range(0, len(x), 512):
            for got, want in zip(ctc_greedy(model(x[i:i + 512]).squeeze(2).permute(0, 2, 1)), labels[i:i + 512]):
                right += got == want
    model.train()
    return right


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: train_vn_line_ctc.py SAMPLES.bin OUT.onnx [REAL.bin]")
    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    g = torch.Generator().manual_seed(SEED)
    x, labels = read_line_samples(sys.argv[1])
    held = min(CHECK, len(x) // 10)
    cx, clabels = x[-held:], labels[-held:]
    x, labels = x[:-held], labels[:-held]
    real = read_line_samples(sys.argv[3]) if len(sys.argv) > 3 else None
    print(f"{len(x)} training lines, {len(cx)} check lines, input {tuple(x.shape[2:])}", flush=True)
    model = LineNet(len(ALPHABET) + 1)
    print("parameters", sum(p.numel() for p in model.parameters()), flush=True)
    steps = EPOCHS * ((len(x) + BATCH - 1) // BATCH)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps, pct_start=0.15)
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    for epoch in range(EPOCHS):
        start = time.time()
        order = torch.randperm(len(x), generator=g)
        total = 0.0
        for i in range(0, len(x), BATCH):
            idx = order[i:i + BATCH].tolist()
            logp = ctc_log_probabilities(model(augment(x[idx].clone(), g)))  # [T, N, C]
            targets = torch.tensor([c for j in idx for c in labels[j]], dtype=torch.long)
            target_lengths = torch.tensor([len(labels[j]) for j in idx], dtype=torch.long)
            input_lengths = torch.full((len(idx),), logp.shape[0], dtype=torch.long)
            loss = ctc(logp, targets, input_lengths, target_lengths)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach()) * len(idx)
        line = f"epoch {epoch + 1}: loss {total / len(x):.3f}, check lines {exact(model, cx, clabels)}/{len(cx)}"
        if real is not None:
            right = exact(model, real[0], real[1])
            line += f", real lines (measure only) {right}/{len(real[1])} ({100.0 * right / len(real[1]):.1f} %)"
        print(f"{line} [{time.time() - start:.0f} s]", flush=True)
    model.eval()
    export_line_onnx(model, x[:2], sys.argv[2])
    print("saved", sys.argv[2])


if __name__ == "__main__":
    main()
