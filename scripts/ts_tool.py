"""Developer tool for the Vietnamese translation file (not shipped, not run by the app).

  python scripts/ts_tool.py todo  TS OUT.jsonl      # untranslated entries, one JSON object a line
  python scripts/ts_tool.py fill  TS IN.jsonl ...   # write translations back (marks them finished)

Each JSON line: {"context": ..., "source": ..., "translation": ...}. Translators work on the
JSON lines (easy to split and review); this tool is the only thing that edits the .ts XML.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def _entries(root):
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def todo(ts: Path, out: Path) -> int:
    root = ET.parse(ts).getroot()
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for name, message in _entries(root):
            translation = message.find("translation")
            done = (translation.text or "").strip() or (translation is not None and translation.findtext("numerusform"))
            if translation is None or translation.get("type") == "unfinished" or not done:
                handle.write(json.dumps({"context": name, "source": message.findtext("source") or "", "translation": ""}, ensure_ascii=False) + "\n")
                count += 1
    print(f"{count} entries to translate -> {out}")
    return 0


def fill(ts: Path, inputs: list[Path]) -> int:
    tree = ET.parse(ts)
    wanted = {}
    for path in inputs:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                if item.get("translation", "").strip():
                    wanted[(item.get("context"), item["source"])] = item["translation"]
                    wanted.setdefault((None, item["source"]), item["translation"])
    filled = 0
    for name, message in _entries(tree.getroot()):
        source = message.findtext("source") or ""
        text = wanted.get((name, source)) or wanted.get((None, source))
        if text is None:
            continue
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            # Vietnamese has one plural form: a single <numerusform>.
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            ET.SubElement(translation, "numerusform").text = text
        else:
            translation.text = text
        filled += 1
    ET.indent(tree, space="    ")
    with ts.open("wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
    print(f"{filled} translations written to {ts}")
    return 0


if __name__ == "__main__":
    command, ts, *rest = sys.argv[1:]
    sys.exit(todo(Path(ts), Path(rest[0])) if command == "todo" else fill(Path(ts), [Path(p) for p in rest]))
