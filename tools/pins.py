"""Re-pin requirements/constraints.txt from the built environment (``make pins``), for every platform.

``pip freeze`` sees only the packages this (Linux) machine installed. Packages that other
platforms need (Windows: pywinpty, colorama; macOS: appnope) are pinned below with their
environment markers, and Linux/macOS-only packages get a marker too, so that the one file pins
what a student installs on Windows, macOS and Linux alike. tests/test_environment.py checks that
every platform-specific requirement of an installed package is pinned here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PINS = Path(__file__).resolve().parent.parent / "requirements" / "constraints.txt"
HEADER = [
    "# Exact versions for every package the course installs (make uses: pip install -c this file).",
    "# Regenerate after changing pyproject.toml: make pins (tools/pins.py). environment.yml and",
    "# environment-dev.yml must list the same versions. Platform-only packages carry markers.",
]
# Installed here, but only on some platforms.
MARKERS = {
    "pexpect": 'sys_platform != "win32"',
    "ptyprocess": 'sys_platform != "win32"',
}
# Never installed here; what Windows and macOS add (versions checked with `pip index versions`).
OTHER_PLATFORMS = {
    "appnope": ("1.0.0", 'sys_platform == "darwin"'),
    "colorama": ("0.4.6", 'sys_platform == "win32"'),
    "pywinpty": ("3.1.2", 'os_name == "nt"'),
}


def main() -> int:
    frozen = subprocess.run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
                            capture_output=True, text=True, check=True).stdout.splitlines()
    lines = {}
    for line in frozen:
        if "==" not in line or line.startswith("-e "):
            continue
        name = line.split("==")[0]
        marker = MARKERS.get(name.lower())
        lines[name.lower()] = f"{line} ; {marker}" if marker else line
    for name, (version, marker) in OTHER_PLATFORMS.items():
        lines.setdefault(name, f"{name}=={version} ; {marker}")
    body = [lines[k] for k in sorted(lines)]
    PINS.write_text("\n".join(HEADER + body) + "\n", encoding="utf-8")
    print(f"Wrote {PINS} ({len(body)} pins)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
