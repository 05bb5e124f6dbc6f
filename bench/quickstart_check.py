"""Run the README's quick start word for word in a fresh clone, as a new operator would.

    python bench/quickstart_check.py [--skip-tests] [--python-path /usr/bin:/bin]

Clones the committed HEAD of this checkout into a temporary directory, takes the shell
commands of the README's "Quick start" section from the clone's own README, and runs each
with a clean environment: PATH limited to the system's directories (on Debian: Debian's own
Python, marked externally managed by PEP 668), no PYTHONPATH, no active virtual environment.
Prints each command, its exit code, its duration and the last lines of its output; exits 1
if any command fails. `--shared DIR` points the corpus tests at DIR (TRACKER_SHARED_DIR);
without it they are skipped with a reason, as on a machine without ../shared.
The network is used only by pip (PyPI), as on a fresh machine.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def quickstart_commands(readme: str) -> list[str]:
    """The ```sh blocks of the "## Quick start" section, one command per block line."""
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    return [line for block in blocks for line in block.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def clean_env(path: str, shared: str | None) -> dict[str, str]:
    env = {"PATH": path, "HOME": os.environ.get("HOME", "/root"), "LANG": "C.UTF-8",
           "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    if shared:
        env["TRACKER_SHARED_DIR"] = shared
    return env


def system_facts(env: dict[str, str]) -> list[str]:
    python = shutil.which("python3", path=env["PATH"]) or "python3 not found"
    version = subprocess.run([python, "--version"], capture_output=True, text=True).stdout
    managed = list(Path("/usr/lib").glob("python3*/EXTERNALLY-MANAGED"))
    osname = next((line.split("=", 1)[1].strip('"') for line in
                   Path("/etc/os-release").read_text().splitlines()
                   if line.startswith("PRETTY_NAME=")), "unknown") \
        if Path("/etc/os-release").exists() else "unknown"
    return [f"system: {osname}; python3 = {python} ({version.strip()}); "
            f"PEP 668 marker: {'yes' if managed else 'no'}; cores: {os.cpu_count()}"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-tests", action="store_true",
                        help="run only the commands before the test command")
    parser.add_argument("--python-path", default="/usr/local/bin:/usr/bin:/bin",
                        help="PATH for the commands (default: the system's directories)")
    parser.add_argument("--shared", help="TRACKER_SHARED_DIR for the corpus tests")
    parser.add_argument("--keep", action="store_true", help="keep the clone")
    args = parser.parse_args()
    env = clean_env(args.python_path, args.shared)
    work = Path(tempfile.mkdtemp(prefix="quickstart-"))
    clone = work / "policy-tracker"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True)
    head = subprocess.run(["git", "-C", str(clone), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True).stdout.strip()
    commands = quickstart_commands((clone / "README.md").read_text(encoding="utf-8"))
    if args.skip_tests:
        commands = [c for c in commands if "pytest" not in c]
    print(f"fresh clone of {head} in {clone}")
    print(*system_facts(env), sep="\n")
    failed = 0
    for command in commands:
        start = time.monotonic()
        proc = subprocess.run(["bash", "-c", command], cwd=clone, env=env,
                              capture_output=True, text=True)
        took = time.monotonic() - start
        out, err = proc.stdout.strip().splitlines(), proc.stderr.strip().splitlines()
        print(f"\n$ {command}\nexit {proc.returncode} after {took:.0f} s; last lines of "
              f"stdout, then {len(err)} lines of stderr (last 2):")
        print("\n".join(f"  | {line}" for line in out[-4:]))
        print("\n".join(f"  ! {line}" for line in err[-2:]))
        failed += proc.returncode != 0
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\n{len(commands) - failed} of {len(commands)} quick-start commands worked as "
          "written")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
