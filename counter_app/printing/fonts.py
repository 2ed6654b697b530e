"""Register the bundled Liberation Serif family (full Vietnamese coverage, SIL OFL 1.1) with reportlab.

Liberation Serif has Times New Roman metrics, the face Vietnamese administrative forms are set in.
Every template uses these names only, so no standard-14 font (Helvetica, Times-Roman, ...) ever
ends up in a PDF.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from counter_app.paths import resource_path

FAMILY = "LiberationSerif"
REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"

_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False

# reportlab's TrueType faces are shared objects that read their font file through one file
# position when a document embeds its subset of glyphs: two documents written at once on two
# threads corrupt each other's subset (an IndexError, or wrong glyphs). Every template writes its
# PDF under this lock; drawing (the costly part) stays outside it where the template allows.
WRITE_LOCK = threading.Lock()


def register_fonts() -> str:
    """Register the family once (safe to call from any thread, any number of times); return its name."""
    global _registered
    if _registered:
        return FAMILY
    with _lock:
        if _registered:
            return FAMILY
        for name, filename in _FILES.items():
            path = resource_path("fonts", filename)
            if not path.is_file():
                raise FileNotFoundError(f"bundled font missing: {path}")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _registered = True
    return FAMILY
