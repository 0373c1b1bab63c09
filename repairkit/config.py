"""Configuration: ``[tool.repairkit]`` in the nearest ``pyproject.toml``, overridden by the CLI.

>>> cfg = Config.from_mapping({"select": ["RK1"], "fail-on": "warning", "severity": {"RK105": "info"}})
>>> cfg.fail_on, cfg.severity_overrides["RK105"].label
('warning', 'info')
>>> Config.from_mapping({"colour": "red"})
Traceback (most recent call last):
...
repairkit.config.ConfigError: unknown key 'colour' in [tool.repairkit] (known: exclude, extend-exclude, fail-on, ignore, min-confidence, per-file-ignores, select, severity)
>>> cfg = Config.from_mapping({"extend-exclude": ["drafts/"], "per-file-ignores": {"docs/*.md": ["RK9"]}})
>>> cfg.excluded(Path("drafts/a.txt")), cfg.excluded(Path("news/a.txt")), cfg.excluded(Path("node_modules/x.md"))
(True, False, True)
"""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from repairkit.model import Severity
from repairkit.registry import get, validate_selectors

FAIL_ON_CHOICES = ("error", "warning", "info", "never")
_KNOWN_KEYS = ("exclude", "extend-exclude", "fail-on", "ignore", "min-confidence", "per-file-ignores", "select",
               "severity")
#: Paths never scanned unless ``exclude`` is set (folders starting with "." are skipped too).
DEFAULT_EXCLUDE: tuple[str, ...] = ("build", "dist", "node_modules", "site-packages", "venv")


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the offending key."""


@dataclass(frozen=True)
class Config:
    """Effective settings for a run."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    min_confidence: float = 0.0
    severity_overrides: Mapping[str, Severity] = field(default_factory=dict)
    source: str | None = None
    #: Globs of paths not to scan (``exclude`` replaces the defaults, ``extend-exclude`` adds).
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    #: Path glob -> codes not reported for the files it matches.
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """The folder paths in the configuration are relative to: the pyproject.toml's, or the cwd."""
        return Path(self.source).parent if self.source else Path.cwd()

    def excluded(self, path: Path) -> bool:
        """True when ``path`` (or a folder it lies in) matches ``exclude`` or ``extend-exclude``.

        A glob matches the path relative to :attr:`root`, or any one of its parts
        ("node_modules" matches every folder of that name); a trailing "/" is ignored.
        """
        globs = [g.rstrip("/") for g in (*self.exclude, *self.extend_exclude) if g.strip("/")]
        if not globs:
            return False
        try:
            rel = path.resolve().relative_to(self.root.resolve())
        except ValueError:
            rel = path
        parts = rel.parts
        prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
        return any(fnmatch(candidate, g) for g in globs for candidate in (*parts, *prefixes))

    @classmethod
    def from_mapping(cls, table: Mapping[str, Any], source: str | None = None) -> Config:
        """Validate a ``[tool.repairkit]`` table; unknown keys are an error naming the key."""
        where = f" in {source}" if source else ""
        for key in table:
            if key.replace("_", "-") not in _KNOWN_KEYS:
                raise ConfigError(f"unknown key {key!r} in [tool.repairkit]{where} (known: {', '.join(_KNOWN_KEYS)})")
        norm = {k.replace("_", "-"): v for k, v in table.items()}

        def codes(key: str) -> tuple[str, ...]:
            value = norm.get(key, [])
            if isinstance(value, str):
                value = [v for v in value.split(",") if v.strip()]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"[tool.repairkit] {key}{where}: expected a list of "
                                  f"{'paths or globs' if 'exclude' in key else 'rule codes'}")
            return tuple(v.strip() for v in value)

        fail_on = norm.get("fail-on", "error")
        if fail_on not in FAIL_ON_CHOICES:
            raise ConfigError(f"[tool.repairkit] fail-on{where}: {fail_on!r} is not one of {', '.join(FAIL_ON_CHOICES)}")
        min_conf = norm.get("min-confidence", 0.0)
        if not isinstance(min_conf, int | float) or not 0 <= min_conf <= 1:
            raise ConfigError(f"[tool.repairkit] min-confidence{where}: expected a number in [0, 1]")
        sev_table = norm.get("severity", {})
        if not isinstance(sev_table, Mapping):
            raise ConfigError(f"[tool.repairkit] severity{where}: expected a table of CODE = \"level\"")
        overrides: dict[str, Severity] = {}
        for code, level in sev_table.items():
            if not _is_rule(str(code)):
                raise ConfigError(f"[tool.repairkit.severity] {code}{where}: no such rule (see `repairkit rules`)")
            try:
                overrides[str(code).upper()] = Severity.parse(str(level))
            except ValueError as exc:
                raise ConfigError(f"[tool.repairkit.severity] {code}{where}: {exc}") from None
        pfi = norm.get("per-file-ignores", {})
        if not isinstance(pfi, Mapping):
            raise ConfigError(f"[tool.repairkit] per-file-ignores{where}: expected a table of \"glob\" = [codes]")
        per_file: dict[str, tuple[str, ...]] = {}
        for glob, value in pfi.items():
            entries = [v for v in value.split(",") if v.strip()] if isinstance(value, str) else value
            if not isinstance(entries, list) or not all(isinstance(v, str) for v in entries):
                raise ConfigError(f"[tool.repairkit.per-file-ignores] {glob!r}{where}: expected a list of rule codes")
            for sel in entries:
                if not _selects(sel):
                    raise ConfigError(f"[tool.repairkit.per-file-ignores] {glob!r}{where}: {sel.strip()!r} "
                                      "matches no rule (see `repairkit rules`)")
            per_file[str(glob)] = tuple(v.strip() for v in entries)
        exclude = codes("exclude") if "exclude" in norm else DEFAULT_EXCLUDE
        return cls(select=codes("select"), ignore=codes("ignore"), fail_on=fail_on,
                   min_confidence=float(min_conf), severity_overrides=overrides, source=source,
                   exclude=exclude, extend_exclude=codes("extend-exclude"), per_file_ignores=per_file)

    def to_toml(self) -> str:
        """The settings in force, as a ``[tool.repairkit]`` table (for ``scan --show-settings``).

        >>> print(Config(ignore=("RK105",)).to_toml().splitlines()[2])
        ignore = ["RK105"]
        """
        def items(values: tuple[str, ...]) -> str:
            return "[" + ", ".join(f'"{v}"' for v in values) + "]"

        lines = [f"# settings in force: {self.source or 'defaults (no [tool.repairkit] found)'}",
                 "[tool.repairkit]", f"ignore = {items(self.ignore)}", f"select = {items(self.select)}",
                 f'fail-on = "{self.fail_on}"', f"min-confidence = {self.min_confidence:g}",
                 f"exclude = {items(self.exclude)}", f"extend-exclude = {items(self.extend_exclude)}"]
        if self.severity_overrides:
            lines += ["", "[tool.repairkit.severity]",
                      *(f'{code} = "{sev.label}"' for code, sev in sorted(self.severity_overrides.items()))]
        if self.per_file_ignores:
            lines += ["", "[tool.repairkit.per-file-ignores]",
                      *(f'"{glob}" = {items(codes)}' for glob, codes in self.per_file_ignores.items())]
        return "\n".join(lines) + "\n"

    def merged(self, **cli: Any) -> Config:
        """Return a copy with the CLI options that were given (not ``None``/empty) taking precedence."""
        changes = {k: v for k, v in cli.items() if v not in (None, (), [])}
        return replace(self, **changes)


def _selects(selector: str) -> bool:
    try:
        validate_selectors([selector])
    except ValueError:
        return False
    return True


def _is_rule(code: str) -> bool:
    try:
        get(code)
    except KeyError:
        return False
    return True


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` from ``start`` upwards that has a ``[tool.repairkit]`` table."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"{candidate}: cannot read TOML ({exc})") from None
            tool = data.get("tool", {})
            if not isinstance(tool, dict):
                raise ConfigError(f"{candidate}: 'tool' must be a table")
            if "repairkit" in tool:
                return candidate
    return None


def load_config_file(path: Path) -> Config:
    """The settings of a given TOML file: its ``[tool.repairkit]`` table (a pyproject.toml), or
    else its top level (a ``repairkit.toml``)."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read TOML ({exc})") from None
    tool = data.get("tool")
    table = tool["repairkit"] if isinstance(tool, dict) and "repairkit" in tool else data
    if not isinstance(table, Mapping):
        raise ConfigError(f"{path}: [tool.repairkit] must be a table")
    return Config.from_mapping({k: v for k, v in table.items() if k != "tool"}, source=str(path))


def load_config(start: Path | None = None) -> Config:
    """Load the effective configuration for a run started in ``start`` (default: cwd)."""
    path = find_pyproject((start or Path.cwd()).resolve())
    return Config() if path is None else load_config_file(path)
