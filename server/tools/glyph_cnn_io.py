"""What the glyph network trainers share with GlyphCnn.java: its sample files, its input stretch and its ONNX contract."""
import numpy as np
import torch


def read_samples(path):
    """GlyphCnn.writeSamples' binary: int32 LE n, h, w; n*h*w float32 LE; n int32 LE labels."""
    head = np.fromfile(path, dtype="<i4", count=3)
    n, h, w = (int(v) for v in head)
    x = np.fromfile(path, dtype="<f4", count=n * h * w, offset=12).reshape(n, 1, h, w)
    y = np.fromfile(path, dtype="<i4", count=n, offset=12 + 4 * n * h * w)
    return torch.from_numpy(x.copy()), torch.from_numpy(y.astype(np.int64))


def stretch(x):
    """Min to 0, max to 1 per glyph, as GlyphCnn.input leaves every input (augmentation moves both)."""
    lo = x.amin(dim=(1, 2, 3), keepdim=True)
    hi = x.amax(dim=(1, 2, 3), keepdim=True)
    return (x - lo) / (hi - lo).clamp_min(1e-6)


def export_onnx(model, example, path):
    """GlyphCnn's contract: input `glyphs` [N,1,H,W], output `logits` [N,C], N dynamic; OpenCV 4.10 reads opset 13."""
    model.eval()
    torch.onnx.export(model, example, path, input_names=["glyphs"], output_names=["logits"],
                      dynamic_axes={"glyphs": {0: "n"}, "logits": {0: "n"}}, opset_version=13, dynamo=False)
