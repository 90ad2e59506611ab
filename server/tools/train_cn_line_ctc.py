#!/usr/bin/env python3
"""Trains ChineseLineRead's CTC line network: a one-row Chinese plate's row band read whole, without glyph boxes.

Not part of the build: run by hand, commit the .onnx. The lines come from the Java exporter, which cuts them exactly
as the reader does (ChineseLineRead.input); this script only adds photometric noise and small shifts. Seeded: the
commands below rebuild the committed server/src/main/resources/vn/bordergate/server/anpr/cn-line-ctc.onnx.

    CP=common/target/classes:server/target/classes:$(cat cp.txt)    # the server's runtime classpath
    java -cp $CP vn.bordergate.server.anpr.ChineseLineSamples /tmp/cn-line 8000 16 20261125 \
        /work/shared/plates/cn-crops
    python3 server/tools/train_cn_line_ctc.py /tmp/cn-line \
        server/src/main/resources/vn/bordergate/server/anpr/cn-line-ctc.onnx

Training data: train.bin (the even-numbered cn-crops photos but every fifth, warped, Apache-2.0; synthetic plates).
val.bin (every fifth even-numbered photo) is held back and printed; odd.bin (the odd-numbered photos) is only measured.
The network reads the six Latin characters only (the province glyph is left to the province network); with
--with-province it reads the whole plate, which read the six worse (held-out odd lines at epoch 7: 160 against 197).
"""
import argparse
import random

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from glyph_cnn_io import ctc_greedy, ctc_log_probabilities, export_line_onnx, read_line_samples, stretch

LATIN = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"


class LineNet(nn.Module):
    """Conv/BN/ReLU stages on a 32 x 128 line, pooled to 4 x 32, the height collapsed by a conv, then a 1-D conv head
    over the 32 columns: T = 32 steps for at most 7 characters (CTC needs a blank between repeats)."""

    def __init__(self, classes, dropout, h):
        super().__init__()

        def block(i, o, k=3, p=1):
            return [nn.Conv2d(i, o, k, padding=p, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True)]

        self.body = nn.Sequential(
            *block(1, 16), nn.MaxPool2d(2),
            *block(16, 32), nn.MaxPool2d(2),
            *block(32, 48), *block(48, 48), nn.MaxPool2d((2, 1)),
            *block(48, 64, (h // 8, 3), (0, 1)),
            *block(64, 96, (1, 3), (0, 1)),
            nn.Dropout(dropout),
            nn.Conv2d(96, classes + 1, 1))

    def forward(self, x):
        return self.body(x)  # [N, C, 1, T]: export_line_onnx permutes it to LineCtc's [N, 1, T, C]


def augment(x, g):
    """Shifts of a pixel or two, scale +-6 %, blur, a gamma and noise; then stretched again as GlyphCnn.input does."""
    n, _, h, w = x.shape
    r = lambda lo, hi: torch.rand(n, generator=g) * (hi - lo) + lo
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0] = 1 / r(0.94, 1.06)
    theta[:, 1, 1] = 1 / r(0.92, 1.08)
    theta[:, 0, 1] = r(-0.1, 0.1) * h / w
    theta[:, 0, 2] = r(-2, 2) * 2 / w
    theta[:, 1, 2] = r(-1.5, 1.5) * 2 / h
    grid = F.affine_grid(theta, x.shape, align_corners=False)
    x = F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)
    blur = torch.rand(n, generator=g) < 0.35
    if blur.any():
        k = torch.tensor([0.25, 0.5, 0.25])
        xb = x[blur]
        xb = F.conv2d(F.pad(xb, (1, 1, 0, 0), mode="replicate"), k.view(1, 1, 1, 3))
        xb = F.conv2d(F.pad(xb, (0, 0, 1, 1), mode="replicate"), k.view(1, 1, 3, 1))
        x = x.clone()
        x[blur] = xb
    gamma = torch.exp(r(-0.5, 0.5))[:, None, None, None]
    x = x.clamp(0, 1) ** gamma
    x = x + torch.randn(x.shape, generator=g) * r(0, 0.08)[:, None, None, None]
    return stretch(x)


def targets(texts, latin):
    """The texts' 1-based class lists; with latin, the province classes dropped (they follow the Latin ones)."""
    return [[c for c in t if c <= len(LATIN)] if latin else list(t) for t in texts]


def evaluate(model, x, texts, latin):
    """Exact lines of the model's own text, and exact six Latin characters (province glyph ignored) of it."""
    model.eval()
    with torch.no_grad():
        lp = torch.cat([ctc_log_probabilities(model(x[i:i + 256])) for i in range(0, len(x), 256)], dim=1)
    lp = lp.permute(1, 0, 2)  # N, T, C
    reads = ctc_greedy(lp)
    wanted = targets(texts, latin)
    exact = sum(r == t for r, t in zip(reads, wanted))
    latin_only = lambda s: [c for c in s if c <= len(LATIN)]
    six = sum(latin_only(r) == latin_only(t) for r, t in zip(reads, wanted))
    return exact, six, reads


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--epochs", type=int, default=16)
    ap.add_argument("--per-epoch", type=int, default=8192)
    ap.add_argument("--real-share", type=float, default=0.5, help="share of each epoch drawn from real lines")
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--with-province", dest="latin", action="store_false",
                    help="read the province glyph too (measured: read the six Latin characters worse)")
    args = ap.parse_args()
    torch.set_num_threads(1)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    g = torch.Generator().manual_seed(args.seed)

    x, texts = read_line_samples(f"{args.data}/train.bin")
    val_x, val_t = read_line_samples(f"{args.data}/val.bin")
    odd_x, odd_t = read_line_samples(f"{args.data}/odd.bin")
    h, w = x.shape[2], x.shape[3]
    ys = targets(texts, args.latin)
    alphabet = open(f"{args.data}/alphabet.txt", encoding="utf-8").read().strip()  # ChineseLineRead.ALPHABET
    assert alphabet.startswith(LATIN), "the exporter's alphabet must start with the Latin classes"
    classes = len(LATIN) if args.latin else len(alphabet)
    print(f"train {len(ys)}, val {len(val_t)}, odd {len(odd_t)}; input {h}x{w}; classes {classes}")

    model = LineNet(classes, args.dropout, h)
    with torch.no_grad():
        steps_t = model(torch.zeros(1, 1, h, w)).shape[3]
    print("weights:", sum(p.numel() for p in model.parameters()), "T =", steps_t)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-3)
    batch = 64
    per = args.per_epoch // batch
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=args.epochs * per, pct_start=0.1)
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    weights = sample_weights(args.data, len(ys), args.real_share)
    for epoch in range(args.epochs):
        model.train()
        idx = torch.multinomial(weights, per * batch, replacement=True, generator=g)
        total = 0.0
        for b in range(per):
            j = idx[b * batch:(b + 1) * batch].tolist()
            xb = augment(x[j], g)
            tgt = [ys[i] for i in j]
            lp = ctc_log_probabilities(model(xb))  # T, N, C
            loss = ctc(lp, torch.tensor([c for t in tgt for c in t]), torch.full((len(j),), steps_t),
                       torch.tensor([len(t) for t in tgt]))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item()
        v_exact, v_six, _ = evaluate(model, val_x, val_t, args.latin)
        o_exact, o_six, _ = evaluate(model, odd_x, odd_t, args.latin)
        print(f"epoch {epoch + 1}: loss {total / per:.3f}; val exact {v_exact}, six {v_six} of {len(val_t)}; "
              f"odd (measured only) exact {o_exact}, six {o_six} of {len(odd_t)}", flush=True)
    # the last epoch is kept (the learning rate annealed to nothing): val's 51 lines are too few to pick an epoch by,
    # they went 42, 39, 40, 41, 41, 41 over the last six of the first training
    print(f"kept the last epoch: val exact {v_exact}, six {v_six} of {len(val_t)}; "
          f"odd exact {o_exact}, six {o_six} of {len(odd_t)}")
    model.eval()
    export_line_onnx(model, torch.zeros(1, 1, h, w), args.out)
    torch.save(model.state_dict(), args.out + ".pt")
    print("saved", args.out)


def sample_weights(data, n, real_share):
    """Each line's chance in an epoch: real lines (the first ones, their count in train.count) share real_share."""
    real = int(open(f"{data}/train.count").read().split()[0])
    w = torch.empty(n)
    w[:real] = real_share / real
    w[real:] = (1 - real_share) / max(1, n - real)
    return w


if __name__ == "__main__":
    main()
