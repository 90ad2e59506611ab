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


def read_line_samples(path):
    """LineCtc.writeSamples' binary: int32 LE n, h, w; n*h*w float32 LE; n int32 LE text lengths; then every text's
    class indices (int32 LE, 1-based: 0 is CTC's blank). Returns (x [n,1,h,w] tensor, list of int lists)."""
    head = np.fromfile(path, dtype="<i4", count=3)
    n, h, w = (int(v) for v in head)
    offset = 12
    x = np.fromfile(path, dtype="<f4", count=n * h * w, offset=offset).reshape(n, 1, h, w)
    offset += 4 * n * h * w
    lengths = np.fromfile(path, dtype="<i4", count=n, offset=offset)
    offset += 4 * n
    flat = np.fromfile(path, dtype="<i4", count=int(lengths.sum()), offset=offset)
    texts, at = [], 0
    for length in lengths:
        texts.append(flat[at:at + length].tolist())
        at += length
    return torch.from_numpy(x.copy()), texts


def export_line_onnx(model, example, path):
    """LineCtc's contract. `model` maps [N,1,H,W] to the head's [N,C,1,T] (class 0 the blank); the exported graph
    takes `lines` [N,1,H,W] and gives `logits` [N,1,T,C], N dynamic. The permute is 4-D because OpenCV 4.10 drops a
    squeeze before a transpose and then fails on it."""

    class Exported(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, x):
            return self.inner(x).permute(0, 2, 3, 1)

    model.eval()
    torch.onnx.export(Exported(model), example, path, input_names=["lines"], output_names=["logits"],
                      dynamic_axes={"lines": {0: "n"}, "logits": {0: "n"}}, opset_version=13, dynamo=False)


def ctc_log_probabilities(head):
    """The head's [N,C,1,T] as nn.CTCLoss wants it: [T,N,C] log-softmax over the classes."""
    return torch.log_softmax(head.squeeze(2).permute(2, 0, 1), dim=2)


def fixture_inputs(model, h, w):
    """What the Java tests' fixtures share: `model` put in eval mode with non-trivial BatchNorm running statistics (a
    graph that ignored BatchNorm would give other numbers), and three inputs: a vertical ramp, a horizontal ramp
    (H×W mixed up would swap their answers) and random pixels."""
    for m in model.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.running_mean.uniform_(-0.5, 0.5)
            m.running_var.uniform_(0.5, 2.0)
    model.eval()
    ramp_y = torch.linspace(0, 1, h).view(h, 1).expand(h, w)
    ramp_x = torch.linspace(0, 1, w).view(1, w).expand(h, w)
    return torch.stack([ramp_y, ramp_x, torch.rand(h, w)]).unsqueeze(1).contiguous()


def ctc_greedy(lp):
    """Best-path reads of [N,T,C] (log-)probabilities as LineCtc.greedy reads them: repeats collapsed, blanks (0)
    dropped; one list of class indices per line."""
    out = []
    for path in lp.argmax(2).tolist():
        text, last = [], 0
        for k in path:
            if k != last and k != 0:
                text.append(k)
            last = k
        out.append(text)
    return out
