"""Developer tool: generate the display board's voice segments in `resources/voice/vi/`.

Each spoken segment of `counter_app.services.announcement.SEGMENT_TEXT` is synthesised with
espeak-ng's Vietnamese voice, trimmed of leading/trailing silence with sox, converted to
22050 Hz mono 16-bit and levelled to one loudness; the two-tone chime is computed here in pure
Python. The app needs none of these tools at run time: it only plays the WAV files.

    apt-get install -y espeak-ng sox
    .venv/bin/python scripts/make_voice.py            # all segments + README.md
    .venv/bin/python scripts/make_voice.py --only moi_so den_quay --speed 130

The files may be replaced by human recordings with the same names and format (see the README
this tool writes next to them).
"""

from __future__ import annotations

import argparse
import array
import math
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from counter_app.services.announcement import CHIME, LETTER_TEXT, NUMBER_TEXT, PHRASE_TEXT, SEGMENT_TEXT  # noqa: E402

RATE = 22050
TARGET_RMS_DBFS = -18.0  # one loudness for every word, so no segment jumps out
PEAK_LIMIT = 0.89        # about -1 dBFS
# What espeak-ng is given when the written name misleads it: it reads "gi" as a bare consonant;
# Northern "di" sounds the same (/zi/).
RESPELL = {"letter_j": "di"}


def _db(value: float) -> float:
    return 20 * math.log10(max(value, 1e-9))


def _read(path: Path) -> array.array:
    with wave.open(str(path), "rb") as reader:
        assert (reader.getnchannels(), reader.getsampwidth(), reader.getframerate()) == (1, 2, RATE), path
        samples = array.array("h", reader.readframes(reader.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def _write(path: Path, samples: array.array) -> None:
    data = array.array("h", samples)
    if sys.byteorder == "big":
        data.byteswap()
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(RATE)
        writer.writeframes(data.tobytes())


def _level(samples: array.array) -> array.array:
    """Scale to TARGET_RMS_DBFS, but never past PEAK_LIMIT."""
    rms = math.sqrt(sum(s * s for s in samples) / len(samples)) / 32768
    peak = max(abs(s) for s in samples) / 32768
    gain = min(10 ** (TARGET_RMS_DBFS / 20) / rms, PEAK_LIMIT / peak)
    return array.array("h", (max(-32768, min(32767, round(s * gain))) for s in samples))


def _fade(samples: array.array, in_s: float = 0.005, out_s: float = 0.02) -> array.array:
    """Short linear fades so a trimmed word never starts or stops with a click."""
    n_in, n_out = min(int(RATE * in_s), len(samples) // 2), min(int(RATE * out_s), len(samples) // 2)
    for i in range(n_in):
        samples[i] = round(samples[i] * i / n_in)
    for i in range(n_out):
        samples[-1 - i] = round(samples[-1 - i] * i / n_out)
    return samples


def speak(text: str, target: Path, *, voice: str, speed: int, pitch: int) -> None:
    """One segment: espeak-ng → sox (trim silence, 22050 Hz mono 16-bit) → level → 5/20 ms fades."""
    with tempfile.TemporaryDirectory() as tmp:
        raw, trimmed = Path(tmp) / "raw.wav", Path(tmp) / "trimmed.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-p", str(pitch), "-w", str(raw), text],
                       check=True)
        subprocess.run(["sox", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(trimmed),
                        "silence", "1", "0.01", "0.3%", "reverse", "silence", "1", "0.01", "0.3%", "reverse"], check=True)
        _write(target, _fade(_level(_read(trimmed))))


def chime(target: Path) -> None:
    """A soft "ding-dong": E5 then C5, bell-like partials, fast attack, exponential decay."""
    notes = [(659.25, 0.0), (523.25, 0.42)]  # (Hz, start s)
    length = 1.5
    total = int(RATE * length)
    mix = [0.0] * total
    for freq, start in notes:
        first = int(RATE * start)
        for i in range(total - first):
            t = i / RATE
            envelope = min(1.0, t / 0.006) * math.exp(-t / 0.38)
            tone = (math.sin(2 * math.pi * freq * t)
                    + 0.35 * math.sin(2 * math.pi * 2 * freq * t) * math.exp(-t / 0.15)
                    + 0.12 * math.sin(2 * math.pi * 3.01 * freq * t) * math.exp(-t / 0.08))
            mix[first + i] += envelope * tone
    fade = int(RATE * 0.08)
    for i in range(fade):  # no click at the end
        mix[total - fade + i] *= 1 - i / fade
    peak = max(abs(v) for v in mix)
    _write(target, array.array("h", (round(v / peak * 0.45 * 32767) for v in mix)))


def describe(path: Path) -> tuple[float, float, float]:
    """(duration s, peak dBFS, RMS dBFS) of a generated file."""
    samples = _read(path)
    rms = math.sqrt(sum(s * s for s in samples) / len(samples)) / 32768
    return len(samples) / RATE, _db(max(abs(s) for s in samples) / 32768), _db(rms)


def write_readme(folder: Path, voice: str, speed: int, pitch: int) -> None:
    rows = [f"| `{CHIME}.wav` | (two-tone chime, computed in `scripts/make_voice.py`) |"]
    for group in (PHRASE_TEXT, NUMBER_TEXT, LETTER_TEXT):
        rows += [f"| `{slug}.wav` | {text} |" for slug, text in group.items()]
    table = "\n".join(rows)
    (folder / "README.md").write_text(f"""# Voice segments of the display board (Vietnamese)

The queue board calls a ticket by playing these files one after another, e.g. "Mời số A1023 đến
quầy 5" = `chime`, `moi_so`, `letter_a`, `mot`, `nghin`, `khong`, `tram`, `hai`, `muoi_ngang`,
`ba`, `den_quay`, `nam` (see `counter_app/services/announcement.py` for the reading rules).
Nothing is synthesised at run time, so announcements work offline and on any Windows machine.

## How they were made
`scripts/make_voice.py` (developer tool, needs `espeak-ng` and `sox`, e.g.
`apt-get install -y espeak-ng sox`): espeak-ng voice `{voice}`, speed {speed} words/min, pitch {pitch};
leading/trailing silence trimmed with sox; 22050 Hz, mono, 16-bit PCM WAV; every word levelled to
{TARGET_RMS_DBFS:g} dBFS RMS (peaks below -1 dBFS). The chime is two sine-based bell tones (E5, C5) with
fades, computed in pure Python.

## Replacing them with human recordings
An IT admin may replace any or all files with recordings of a real voice:
- keep the **same file names** and the **same format for every file**: WAV, PCM 16-bit, mono,
  22050 Hz (e.g. `sox in.wav -r 22050 -c 1 -b 16 out.wav silence 1 0.01 0.3% reverse silence 1
  0.01 0.3% reverse norm -3`);
- cut each word tightly (the app adds its own short pauses) and record at one even loudness;
- either replace the files here before building the installer, or put the **complete set** in
  `<data folder>/voice/vi/` on a machine: when that folder exists the app reads only from it.

| file | says |
|---|---|
{table}
""", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "voice" / "vi")
    parser.add_argument("--voice", default="vi", help="espeak-ng voice (default: vi, Northern)")
    parser.add_argument("--speed", type=int, default=120, help="words per minute (espeak default 175)")
    parser.add_argument("--pitch", type=int, default=50, help="0..99 (espeak default 50)")
    parser.add_argument("--only", nargs="+", metavar="SLUG", help="regenerate only these segments")
    args = parser.parse_args(argv)
    wanted = args.only or [CHIME, *SEGMENT_TEXT]
    unknown = [slug for slug in wanted if slug != CHIME and slug not in SEGMENT_TEXT]
    if unknown:
        parser.error(f"unknown segments: {', '.join(unknown)}")
    missing = [tool for tool in ("espeak-ng", "sox") if shutil.which(tool) is None]
    if missing and wanted != [CHIME]:
        parser.error(f"needs {' and '.join(missing)} (apt-get install -y espeak-ng sox)")
    args.out.mkdir(parents=True, exist_ok=True)
    for slug in wanted:
        target = args.out / f"{slug}.wav"
        if slug == CHIME:
            chime(target)
        else:
            speak(RESPELL.get(slug, SEGMENT_TEXT[slug]), target, voice=args.voice, speed=args.speed, pitch=args.pitch)
        seconds, peak, rms = describe(target)
        print(f"{slug:12} {seconds:5.2f} s  peak {peak:6.1f} dBFS  rms {rms:6.1f} dBFS  {target.stat().st_size:7d} B")
    write_readme(args.out, args.voice, args.speed, args.pitch)
    total = sum(path.stat().st_size for path in args.out.glob("*.wav"))
    print(f"total {total / 1024:.0f} KiB in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
