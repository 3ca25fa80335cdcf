"""Find a Chromium for the browser tests: Debian's, or Playwright's own, installing Debian's where we may.

Two places, because no one works everywhere: on Debian machines (and in
workplaces whose only mirror is Debian's) the `chromium` package is the browser
and Playwright's download CDN may be unreachable; on GitHub's Ubuntu runners
`apt-get install chromium` gives a snap stub that cannot run headless, while
`python -m playwright install --with-deps chromium` works (test.yml does it).
`fonts-noto-cjk` comes with Debian's so that Chinese pages render as text, not
boxes, in the screenshots. With CI=true a missing browser fails the tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
PACKAGES = ("chromium", "fonts-noto-cjk")
INSTALL_HINT = f"apt-get update && apt-get install -y {' '.join(PACKAGES)}"
# Flags for a headless run that talks to nothing but the test server.
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _package_installed(name: str) -> bool:
    if not shutil.which("dpkg-query"):
        return False
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True, check=False
    )
    return result.stdout.strip() == "install ok installed"


def missing_packages() -> list[str]:
    return [name for name in PACKAGES if not _package_installed(name)]


def _install(packages: list[str]) -> str | None:
    """apt-get install; None on success, else why not."""
    if not shutil.which("apt-get"):
        return "no apt-get on this machine"
    if os.geteuid() != 0:
        return "not running as root"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", *packages]):
        try:
            result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900, check=False)
        except subprocess.TimeoutExpired:
            return f"`{' '.join(command)}` took longer than 15 minutes"
        if result.returncode != 0:
            return f"`{' '.join(command)}` failed:\n{(result.stdout + result.stderr)[-1500:]}"
    return None


def ensure_chromium(playwright_chromium: str | None = None) -> tuple[Path | None, list[str]]:
    """(chromium's path or None, notes): Debian's if present, else Playwright's own if downloaded,
    else Debian's installed when we may.

    None means the browser tests cannot run; the notes say why and what to run.
    A missing CJK font alone does not stop them: it is noted, not fatal.
    """
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return (Path(explicit), []) if Path(explicit).is_file() else (None, [f"CHROMIUM_PATH={explicit} is not a file"])
    if not CHROMIUM.exists() and playwright_chromium and Path(playwright_chromium).is_file():
        return Path(playwright_chromium), []
    missing = missing_packages() if shutil.which("dpkg-query") else ([] if CHROMIUM.exists() else ["chromium"])
    notes: list[str] = []
    if missing:
        problem = _install(missing)
        if problem:
            notes.append(f"could not install {', '.join(missing)} ({problem}); run as root: {INSTALL_HINT}")
    if not CHROMIUM.exists():
        return None, notes + [f"no Chromium found: run `.venv/bin/python -m playwright install --with-deps chromium`, "
                              f"or as root: {INSTALL_HINT}"]
    return CHROMIUM, notes
