#!/usr/bin/env python3
"""Writes the test fixture of LineCtcTest: a small random convolutional CTC line network with the layer kinds a line
trainer uses (conv, BatchNorm, ReLU, pooling that halves the height faster than the width, a conv that collapses the
height, a 1x1 head giving [N,C,1,T]), exported as glyph_cnn_io.export_line_onnx exports, with
torch's own log-probabilities for three fixed inputs and torch's CTC loss of a few texts, so the test checks that
OpenCV runs the graph as PyTorch does and that LineCtc's forward algorithm gives PyTorch's likelihoods.

    python3 server/tools/line_ctc_fixture.py server/src/test/resources/vn/bordergate/server/anpr
"""
import sys

import torch
import torch.nn as nn

from glyph_cnn_io import ctc_log_probabilities, export_line_onnx, fixture_inputs

H, W = 16, 32
ALPHABET = "AB1"
TEXTS = ["AB", "A1B", "BB", "1", "B1A1"]


class Fixture(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d((2, 1)),
            nn.Conv2d(16, 16, (H // 4, 3), padding=(0, 1)), nn.BatchNorm2d(16), nn.ReLU(),
            nn.Conv2d(16, len(ALPHABET) + 1, 1))

    def forward(self, x):
        return self.body(x)


def main(out):
    torch.manual_seed(20261125)
    model = Fixture()
    x = fixture_inputs(model, H, W)
    with torch.no_grad():
        lp = ctc_log_probabilities(model(x)).permute(1, 0, 2)  # [N,T,C]
    n, t, c = lp.shape
    export_line_onnx(model, x, f"{out}/line-ctc-fixture.onnx")
    ctc = nn.CTCLoss(blank=0, reduction="none", zero_infinity=False)
    with open(f"{out}/line-ctc-fixture.txt", "w") as f:
        f.write(f"# {H} {W} {t} {c} {ALPHABET} {' '.join(TEXTS)}: each input's values, torch's T*C log-probabilities, "
                f"then -log P(text) per text\n")
        for i in range(n):
            f.write(" ".join(f"{v:.7f}" for v in x[i, 0].flatten().tolist()) + "\n")
            f.write(" ".join(f"{v:.7f}" for v in lp[i].flatten().tolist()) + "\n")
            losses = []
            for text in TEXTS:
                target = torch.tensor([[ALPHABET.index(ch) + 1 for ch in text]])
                loss = ctc(lp[i:i + 1].permute(1, 0, 2), target, torch.tensor([t]), torch.tensor([len(text)]))
                losses.append(float(loss[0]))
            f.write(" ".join(f"{v:.7f}" for v in losses) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
