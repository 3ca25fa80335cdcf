"""tools/install_frameworks.py refuses, in words, the Macs PyTorch has no wheel for,
before pip's own "no matching distribution found"."""

from __future__ import annotations

import pytest

from tools.install_frameworks import platform_problem


@pytest.mark.parametrize("version", ["13.6.1", "12.7", "11.0"])
def test_macos_before_14_is_refused_naming_both_versions(version):
    problem = platform_problem("Darwin", "arm64", version)
    assert problem is not None and "macOS 14.0 or newer" in problem and f"macOS {version}" in problem


@pytest.mark.parametrize("version", ["14.0", "14.7.2", "15.1", "26.0", ""])
def test_macos_14_and_newer_on_apple_silicon_passes(version):
    # "" is what platform.mac_ver() says where it cannot tell: let pip decide.
    assert platform_problem("Darwin", "arm64", version) is None


def test_intel_macs_are_refused():
    assert "Intel" in platform_problem("Darwin", "x86_64", "14.5")


@pytest.mark.parametrize("system, machine", [("Linux", "x86_64"), ("Linux", "aarch64"), ("Windows", "AMD64")])
def test_other_systems_are_left_to_pip(system, machine):
    assert platform_problem(system, machine, "") is None
