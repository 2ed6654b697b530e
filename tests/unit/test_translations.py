"""The UI is Vietnamese first: every English source string has a finished Vietnamese translation."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "counter_app_vi.ts"


def _messages(ts: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(context, source) -> (translation text, translation type)."""
    result = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = ""
            if translation is not None:
                # Plural messages hold their text in <numerusform> children.
                text = (translation.text or "").strip() or " ".join(f.text or "" for f in translation.iter("numerusform"))
            result[(name, message.findtext("source") or "")] = (
                text,
                translation.get("type", "") if translation is not None else "unfinished",
            )
    return result


def test_every_source_string_has_a_vietnamese_translation(tmp_path):
    """lupdate over the sources finds no string missing from, or unfinished in, counter_app_vi.ts."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or "pyside6-lupdate"
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "counter_app").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, "-silent", "-locations", "none", *sources, "-ts", str(fresh)], cwd=ROOT, check=True, timeout=300)
    wanted = set(_messages(fresh))
    have = _messages(TS)
    missing = sorted(key for key in wanted if key not in have)
    unfinished = sorted(key for key in wanted if key in have and (have[key][1] in ("unfinished", "vanished", "obsolete") or not have[key][0].strip()))
    assert not missing, f"{len(missing)} strings missing from the .ts (run `make lupdate`): {missing[:10]}"
    assert not unfinished, f"{len(unfinished)} strings without a Vietnamese translation: {unfinished[:10]}"


def test_translations_keep_every_placeholder():
    """A translation keeps the source's {placeholders}, or formatting the message would fail."""
    import re

    field = re.compile(r"\{[a-z_]*\}")
    bad = [(ctx, src) for (ctx, src), (text, _kind) in _messages(TS).items()
           if text and sorted(field.findall(src)) != sorted(field.findall(text))]
    assert not bad, bad[:10]
