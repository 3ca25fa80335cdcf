"""Lesson 06, exercise 1 solution (PyTorch): a Standardize layer whose mean and std are saved with the model but never trained."""
# --8<-- [start:setup]
import numpy as np
import torch
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)  # fixes the first weights
# --8<-- [end:setup]

# --8<-- [start:data]
rng = np.random.default_rng(0)  # the two clouds of lesson 3
n = 100  # points per class
class0 = rng.normal(loc=-1.0, scale=0.8, size=(n, 2))
class1 = rng.normal(loc=1.0, scale=0.8, size=(n, 2))
features = torch.tensor(np.vstack([class0, class1]), dtype=torch.float32, device=device)  # shape (200, 2)
labels = torch.tensor(np.repeat([0.0, 1.0], n).reshape(-1, 1), dtype=torch.float32, device=device)  # (200, 1)
# --8<-- [end:data]

# --8<-- [start:solution]
class Standardize(nn.Module):
    """(inputs - mean) / std per feature, with the mean and std of the training data kept inside the layer."""

    def __init__(self, mean, std):
        super().__init__()
        # A buffer is state that is not a parameter: saved in the state_dict, moved by .to(), never trained.
        self.register_buffer("mean", mean.clone())
        self.register_buffer("std", std.clone())

    def forward(self, inputs):
        return (inputs - self.mean) / self.std


raw = features * torch.tensor([100.0, 0.01], device=device)  # the same points in very different units
model = nn.Sequential(Standardize(raw.mean(dim=0), raw.std(dim=0)), nn.Linear(2, 1)).to(device)
print("trained:", [name for name, _ in model.named_parameters()])
print("saved:  ", list(model.state_dict().keys()))

optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
mean_before = model[0].mean.clone()
for step in range(50):
    optimizer.zero_grad()
    loss = nn.functional.binary_cross_entropy_with_logits(model(raw), labels)
    loss.backward()
    optimizer.step()
print("mean unchanged by training:", torch.equal(model[0].mean, mean_before))

restored = nn.Sequential(Standardize(torch.zeros(2), torch.ones(2)), nn.Linear(2, 1)).to(device)
restored.load_state_dict(model.state_dict())  # the buffers come back with the weights
print("same predictions after loading:", torch.equal(model(raw), restored(raw)))
# --8<-- [end:solution]

standardized = model[0](raw)
assert torch.allclose(standardized.mean(dim=0), torch.zeros(2, device=device), atol=1e-5)
assert torch.allclose(standardized.std(dim=0), torch.ones(2, device=device), atol=1e-5)
assert [name for name, _ in model.named_parameters()] == ["1.weight", "1.bias"], "buffers are not parameters"
assert torch.equal(model[0].mean, mean_before) and torch.equal(restored[0].std, model[0].std)
assert ((model(raw) > 0).float() == labels).float().mean().item() > 0.9, "standardized inputs train well"
