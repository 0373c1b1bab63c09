"""A full scan, review and fix open no socket and execute nothing named in pyproject.toml (issue 18).

The commands run in a child Python with an audit hook (:func:`sys.addaudithook`, PEP 578) that
records and blocks every socket, every new process (``subprocess``, ``os.system``, ``exec*``,
``spawn*``, ``fork``), every import of a module that the project folder holds, and any
compiling or executing of code that comes from there. The folder's pyproject.toml names such
code everywhere a tool might run it: a build backend, console scripts, entry points, and
shell and Python snippets inside ``[tool.repairkit]`` values; each module, if imported, would
leave a file behind.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from benchmarks.faults import DAMAGED

PYPROJECT = """\
[build-system]
requires = ["setuptools"]
build-backend = "evil_backend"

[project]
name = "victim"
version = "0"

[project.scripts]
victim = "evil_module:main"

[project.entry-points."repairkit.plugins"]
evil = "evil_module:main"

[tool.repairkit]
select = ["RK"]
exclude = ["$(touch pwned-shell)", "`touch pwned-backtick`", "__import__('evil_module')"]
per-file-ignores = {"evil_module:main" = ["RK101"]}
"""

EVIL = "from pathlib import Path\nPath(__file__).with_name('pwned-{name}').write_text('ran')\ndef main(): pass\n"

CHILD = textwrap.dedent("""
    import json, os, sys
    folder = os.path.realpath(sys.argv[1])
    blocked = []
    PROCESS = ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
               "os.forkpty", "pty.spawn")

    def from_folder(value):
        name = getattr(value, "co_filename", value if isinstance(value, str) else "")
        return isinstance(name, str) and (name.startswith(folder) or "evil" in name or "touch pwned" in name)

    def hook(event, args):
        bad = (event.startswith("socket.") or event in PROCESS
               or (event == "import" and args[0].split(".")[0] in ("evil_module", "evil_backend"))
               or (event in ("compile", "exec") and args and from_folder(args[0]))
               or (event == "compile" and len(args) > 1 and from_folder(args[1])))
        if bad:
            blocked.append([event, repr(args)[:200]])
            raise RuntimeError(f"blocked by the test: {event}")

    sys.addaudithook(hook)
    from repairkit.cli import main
    codes = []
    for argv in json.loads(sys.argv[2]):
        try:
            main.main(args=argv, prog_name="repairkit", standalone_mode=True)
            codes.append(0)
        except SystemExit as exc:
            codes.append(exc.code)
    with open(os.path.join(folder, "audit-result.json"), "w") as fh:
        json.dump({"blocked": blocked, "codes": codes}, fh)
""")


def test_scan_review_fix_open_no_socket_and_run_nothing_from_the_project(tmp_path):
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    for name in ("evil_module", "evil_backend", "repairkit_plugins", "sitecustomize"):
        (tmp_path / f"{name}.py").write_text(EVIL.format(name=name), encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(DAMAGED * 3, encoding="utf-8")
    reference = tmp_path / "reference.txt"
    reference.write_text(DAMAGED.replace("Ã©", "é").replace("â€™", "’"), encoding="utf-8")
    commands = [
        ["scan", "article.txt", "--reference", "reference.txt", "--format", "json", "--output", "scan.json"],
        ["scan", "article.txt", "--format", "sarif", "--output", "scan.sarif"],
        ["review", "article.txt", "--reference", "reference.txt", "--out", "review"],
        ["fix", "article.txt", "--reference", "reference.txt", "--write"],
        ["revert", "article.txt.repairkit-audit.json"],
    ]
    before = article.read_bytes()
    done = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path), json.dumps(commands)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads((tmp_path / "audit-result.json").read_text())
    assert result["blocked"] == [], result["blocked"]
    assert result["codes"] == [1, 1, 0, 0, 0], (result, done.stderr[-2000:])
    assert (tmp_path / "review" / "article.html").stat().st_size > 1000 and json.loads((tmp_path / "scan.json").read_text())
    assert article.read_bytes() == before, "fix then revert gives back the original bytes"
    assert not list(tmp_path.glob("pwned-*")), "code named in pyproject.toml ran"


def test_the_audit_hook_would_see_a_socket_and_a_process(tmp_path):
    """The hook is not blind: the same child, made to open a socket and start a process, blocks both."""
    probe = CHILD.replace("from repairkit.cli import main", textwrap.dedent("""\
        import socket, subprocess
        for attempt in (lambda: socket.socket(), lambda: subprocess.run(["true"]),
                        lambda: __import__("evil_module")):
            try:
                attempt()
            except RuntimeError:
                pass
        from repairkit.cli import main"""))
    (tmp_path / "evil_module.py").write_text(EVIL.format(name="evil_module"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", probe, str(tmp_path), "[]"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    events = [event for event, _ in json.loads((tmp_path / "audit-result.json").read_text())["blocked"]]
    assert "socket.__new__" in events and "subprocess.Popen" in events and "import" in events, events
    assert not list(tmp_path.glob("pwned-*"))
