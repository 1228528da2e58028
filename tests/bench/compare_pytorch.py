#!/usr/bin/python3
"""Times the notebook's constrained networks in PyTorch and in gatelab, side by side.

Runs, alternately and on the same machine, the 9-5-2 network of each variant in PyTorch
(Debian's python3-torch, one thread, the same data and split as gatelab) and
`gatelab train`, for the same number of epochs, and prints the time per epoch of each and
their ratio. It also prints the epoch-0 train loss of both: with the same initial weights
(gatelab reproduces torch.manual_seed's) they agree to about 1e-6 (PyTorch computes in
float32, gatelab in double).

    /usr/bin/python3 tests/bench/compare_pytorch.py [--epochs 2000] [--rounds 3] [--gatelab build/gatelab]
"""
import argparse
import json
import os
import statistics
import subprocess
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "lessons", "data", "breast-cancer-wisconsin.data")


def load_split(path):
    """The split of lessons/data/README.md: drop '?' rows, (x - 1) / 9, r % 5 -> train/valid/test."""
    rows = [line.strip().split(",") for line in open(path) if line.strip()]
    rows = [r for r in rows if "?" not in r]
    parts = {"train": ([], []), "valid": ([], []), "test": ([], [])}
    for r, row in enumerate(rows):
        name = "train" if r % 5 <= 2 else "valid" if r % 5 == 3 else "test"
        parts[name][0].append([(int(v) - 1) / 9 for v in row[1:10]])
        parts[name][1].append(1 if row[10] == "4" else 0)
    return {k: (torch.tensor(x, dtype=torch.float32), torch.tensor(y)) for k, (x, y) in parts.items()}


class Constrained(torch.nn.Module):
    """W' of shape (in + 1) x out; the input is extended with a 1; W = g(W')."""

    def __init__(self, n_in, n_out, weight_map):
        super().__init__()
        self.w_ = torch.nn.Parameter(torch.rand(n_in + 1, n_out))
        self.weight_map = weight_map

    def forward(self, x):
        x_ext = torch.hstack((x, torch.ones(x.shape[0], 1)))
        return torch.sigmoid(x_ext @ self.weight_map(self.w_))


MAPS = {
    "tanh": torch.tanh,
    "tanh01": lambda w: (torch.tanh(w) + 1) / 2,
    "round": lambda w: torch.round(w) * 0.1,
    "ste": lambda w: (torch.round(w).detach() - w.detach() + w) * 0.1,
}


def network(constraint):
    torch.manual_seed(0)
    if constraint == "none":
        return torch.nn.Sequential(torch.nn.Linear(9, 5), torch.nn.Sigmoid(), torch.nn.Linear(5, 2), torch.nn.Sigmoid())
    return torch.nn.Sequential(Constrained(9, 5, MAPS[constraint]), Constrained(5, 2, MAPS[constraint]))


def pytorch_run(constraint, split, epochs):
    """Full-batch Adam as gatelab trains: train loss and step, then the valid loss."""
    net = network(constraint)
    loss_fn = torch.nn.CrossEntropyLoss()
    opt = torch.optim.Adam(net.parameters(), lr=0.5)
    (xt, yt), (xv, yv) = split["train"], split["valid"]
    first = None
    start = time.perf_counter()
    for _ in range(epochs):
        opt.zero_grad()
        loss = loss_fn(net(xt), yt)
        loss.backward()
        opt.step()
        with torch.no_grad():
            loss_fn(net(xv), yv)
        if first is None:
            first = loss.item()
    return (time.perf_counter() - start) / epochs, first


def gatelab_run(binary, constraint, epochs):
    out = subprocess.run([binary, "train", "--constraint", constraint, "--max-epochs", str(epochs),
                          "--patience", str(epochs), "--json"], check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    return result["train_seconds"] / result["epochs_run"], result["train_loss"][0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--gatelab", default=os.path.join(HERE, "..", "..", "build", "gatelab"))
    args = parser.parse_args()
    torch.set_num_threads(1)
    split = load_split(DATA)
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} thread; {args.epochs} epochs per run, "
          f"{args.rounds} alternating rounds, median per epoch")
    print(f"{'constraint':<11} {'PyTorch us':>11} {'gatelab us':>11} {'ratio':>7}   epoch-0 train loss: PyTorch / gatelab")
    for constraint in ["none", "tanh", "tanh01", "round", "ste"]:
        torch_times, gatelab_times = [], []
        for _ in range(args.rounds):
            t, torch_first = pytorch_run(constraint, split, args.epochs)
            torch_times.append(t)
            g, gatelab_first = gatelab_run(args.gatelab, constraint, args.epochs)
            gatelab_times.append(g)
        t, g = statistics.median(torch_times), statistics.median(gatelab_times)
        print(f"{constraint:<11} {t * 1e6:>11.1f} {g * 1e6:>11.1f} {t / g:>6.1f}x   {torch_first:.7f} / {gatelab_first:.7f}")


if __name__ == "__main__":
    main()
