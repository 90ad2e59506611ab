#!/usr/bin/env python3
"""Writes the test fixture of GlyphCnnTest: a small random CNN with every layer kind the glyph trainers use, exported
to ONNX as they export (GlyphCnn's contract), and torch's own probabilities for three fixed inputs, so the test checks
that OpenCV's dnn runs the graph exactly as PyTorch does (layout H×W, batch, BatchNorm in eval mode, pooling).

    python3 server/tools/glyph_cnn_fixture.py server/src/test/resources/vn/bordergate/server/anpr
"""
import sys

import torch
import torch.nn as nn

from glyph_cnn_io import fixture_inputs

H, W, CLASSES = 32, 16, 5


class Fixture(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Dropout(0.2), nn.Linear(16 * (H // 4) * (W // 4), CLASSES))

    def forward(self, x):
        return self.body(x)


def main(out):
    torch.manual_seed(20261125)
    model = Fixture()
    x = fixture_inputs(model, H, W)
    with torch.no_grad():
        p = torch.softmax(model(x), dim=1)
    torch.onnx.export(model, x, f"{out}/glyph-cnn-fixture.onnx", input_names=["glyphs"], output_names=["logits"],
                      dynamic_axes={"glyphs": {0: "n"}, "logits": {0: "n"}}, opset_version=13, dynamo=False)
    with open(f"{out}/glyph-cnn-fixture.txt", "w") as f:
        f.write(f"# {H} {W} {CLASSES}: each input's {H}x{W} values, then torch's probabilities\n")
        for i in range(x.shape[0]):
            f.write(" ".join(f"{v:.7f}" for v in x[i, 0].flatten().tolist()) + "\n")
            f.write(" ".join(f"{v:.7f}" for v in p[i].tolist()) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
