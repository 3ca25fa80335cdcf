"""The picture of lesson 08: the loss curves of a hand-written loop and of a library's loop, for both frameworks.

Not a snippet itself (the leading underscore): lightning_torch.py and lightning_tf.py pass their two lists of losses.
"""
import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # a PNG file, never a window
import matplotlib.pyplot as plt

OUTPUT_DIR = Path(os.environ.get("SNIPPET_OUTPUT_DIR", Path(__file__).resolve().parent / "outputs"))


def draw(hand_losses, library_losses, library_label: str, framework: str, filename: str) -> Path:
    plt.figure(figsize=(6, 3.8))
    plt.plot(hand_losses, linewidth=4, alpha=0.5, label="hand-written loop")
    plt.plot(library_losses, color="black", linestyle="--", label=library_label)
    plt.xlabel("epoch (one step on all 200 points)")
    plt.ylabel("binary cross-entropy")
    plt.title(f"The same training, written twice ({framework})")
    plt.legend()
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUTPUT_DIR / filename
    plt.savefig(path, dpi=100, bbox_inches="tight")
    plt.close()
    return path
