"""tools/install_frameworks.py refuses, in words, the Macs PyTorch has no wheel for,
before pip's own "no matching distribution found"; it installs with uv, which must
still get what pip was configured with (mirrors, wheel folders, constraints)."""

from __future__ import annotations

import importlib.util
import os
import zipfile
from pathlib import Path

import pytest

from tools.install_frameworks import Uv, pip_settings, platform_problem, read_pip_settings, uv_config_arguments


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


# -- uv with pip's configuration ------------------------------------------------------------


def test_pip_settings_apply_the_environment_over_install_over_global():
    listing = "\n".join([
        "global.find-links='/global/wheels'",
        "install.find-links='/install/wheels'",
        "global.index-url='https://mirror.example/simple'",
        "download.index-url='https://other-command.example/simple'",
        ":env:.find-links='/env/wheels'",
        "global.extra-index-url='https://a.example/simple\\nhttps://b.example/simple'",
        "global.no-index='true'",
    ])
    assert pip_settings(listing) == {
        "find-links": "/env/wheels",
        "index-url": "https://mirror.example/simple",
        "extra-index-url": "https://a.example/simple\nhttps://b.example/simple",
        "no-index": "true",
    }


def test_uv_gets_every_source_pip_was_given_and_nothing_else():
    arguments, environment = uv_config_arguments({
        "index-url": "https://mirror.example/simple",
        "extra-index-url": "https://a.example/simple\nhttps://b.example/simple",
        "find-links": "/opt/wheels /more/wheels",
        "constraint": "/etc/constraints.txt",
        "trusted-host": "mirror.example",
        "no-index": "yes",
        "cert": "/etc/ssl/ca.pem",
        "default-timeout": "180",
    })
    assert arguments == [
        "--index-url", "https://mirror.example/simple",
        "--extra-index-url", "https://a.example/simple", "--extra-index-url", "https://b.example/simple",
        "--find-links", "/opt/wheels", "--find-links", "/more/wheels",
        "--constraint", "/etc/constraints.txt",
        "--allow-insecure-host", "mirror.example",
        "--no-index",
    ]
    assert environment == {"SSL_CERT_FILE": "/etc/ssl/ca.pem"}


def _wheel(folder: Path, name: str, version: str) -> Path:
    """A minimal pure-Python wheel, enough for an installer to read its name and version."""
    info = f"{name}-{version}.dist-info"
    files = {
        f"{name}/__init__.py": "",
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name.replace('_', '-')}\nVersion: {version}\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    files[f"{info}/RECORD"] = "".join(f"{path},,\n" for path in files) + f"{info}/RECORD,,\n"
    path = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as wheel:
        for member, text in files.items():
            wheel.writestr(member, text)
    return path


def test_a_pip_conf_wheel_folder_and_constraint_reach_the_real_uv(tmp_path, monkeypatch):
    """Through the real pip and the real uv: a pip.conf naming a wheel folder (and no index)
    makes uv find a package that is nowhere else, and its constraints file is obeyed."""
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    _wheel(wheels, "coop_demo_only_here", "1.0")
    constraints = tmp_path / "constraints.txt"
    config = tmp_path / "pip.conf"
    config.write_text(f"[global]\nfind-links = {wheels}\nconstraint = {constraints}\n[install]\nno-index = true\n")
    for variable in [name for name in os.environ if name.startswith("PIP_")]:
        monkeypatch.delenv(variable)
    monkeypatch.setenv("PIP_CONFIG_FILE", str(config))
    uv = Uv(read_pip_settings())
    assert importlib.util.find_spec("uv"), "uv is not in this environment: `make setup` (tools/install_frameworks.py) installs it"
    dry_run = ("--dry-run", "coop-demo-only-here")

    constraints.write_text("coop-demo-only-here>=1\n")
    assert uv.install(*dry_run, quiet=True) == 0
    constraints.write_text("coop-demo-only-here<1\n")
    assert uv.install(*dry_run, quiet=True) != 0
