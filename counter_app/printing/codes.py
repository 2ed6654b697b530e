"""QR code (tracking URL) and Code128 barcode (dossier code) as reportlab flowables.

Both are drawn as vector rectangles, so they stay crisp at any printer resolution. The QR matrix
comes from the `qrcode` library (error correction M, quiet zone drawn as white space); the Code128
bars come from reportlab's own encoder (automatic A/B/C switching keeps the symbol short). Human
readable text is set in the bundled font, never in a standard-14 font.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.graphics.barcode.code128 import Code128Auto
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from counter_app.printing import fonts

QR_QUIET_MODULES = 4  # the quiet zone the QR specification asks for


# Any of the eight masks gives a valid symbol; choosing one instead of scoring all eight (what
# `qrcode` does by default) cuts the matrix time from ~30 ms to ~3 ms per receipt.
QR_MASK_PATTERN = 2


@lru_cache(maxsize=64)
def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """The QR modules of `text` (True = dark), without the quiet zone. Cached: both copies of a
    receipt carry the same URL."""
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, box_size=1, mask_pattern=QR_MASK_PATTERN)
    qr.add_data(unicodedata.normalize("NFC", text))
    qr.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in qr.get_matrix())


class QrFlowable(Flowable):
    """A square QR code of `text`, `size` points wide including the quiet zone, with an optional
    caption (bundled font) centred underneath."""

    def __init__(
        self,
        text: str,
        size: float = 25 * mm,
        caption: str = "",
        caption_size: float = 6.5,
    ) -> None:
        super().__init__()
        fonts.register_fonts()
        self.text = text
        self.size = size
        self.caption = unicodedata.normalize("NFC", caption)
        self.caption_size = caption_size
        self.matrix = qr_matrix(text)
        self._caption_height = caption_size * 1.25 if caption else 0.0
        self.width = size
        self.height = size + self._caption_height
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        n = len(self.matrix)
        module = self.size / (n + 2 * QR_QUIET_MODULES)
        top = self.height
        canv.saveState()
        canv.setFillColorRGB(0, 0, 0)
        path = canv.beginPath()
        for r, row in enumerate(self.matrix):
            c = 0
            while c < n:
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < n and row[c]:
                    c += 1
                x = (start + QR_QUIET_MODULES) * module
                y = top - (r + QR_QUIET_MODULES + 1) * module
                path.rect(x, y, (c - start) * module, module)
        canv.drawPath(path, stroke=0, fill=1)
        if self.caption:
            canv.setFont(fonts.ITALIC, self.caption_size)
            canv.drawCentredString(self.width / 2, self.caption_size * 0.3, self.caption)
        canv.restoreState()


class Code128Flowable(Flowable):
    """A Code128 barcode of `value` with the value printed underneath in the bundled font.

    `bar_width` is the narrow module in points; 0.7 pt (0.25 mm) reads well on 300-600 dpi
    office printers and in a 200 dpi scan.
    """

    def __init__(
        self,
        value: str,
        bar_width: float = 0.7,
        bar_height: float = 7 * mm,
        text_size: float = 8,
        show_text: bool = True,
    ) -> None:
        super().__init__()
        fonts.register_fonts()
        self.value = unicodedata.normalize("NFC", value)
        self.text_size = text_size
        self.show_text = show_text
        self._barcode = Code128Auto(
            self.value,
            barWidth=bar_width,
            barHeight=bar_height,
            humanReadable=0,
            quiet=1,
            lquiet=10 * bar_width,
            rquiet=10 * bar_width,
        )
        self._bars_width, self._bars_height = self._barcode.wrap(0, 0)
        self._text_height = text_size * 1.3 if show_text else 0.0
        text_width = stringWidth(self.value, fonts.REGULAR, text_size) if show_text else 0.0
        self.width = max(self._bars_width, text_width)
        self.height = self._bars_height + self._text_height
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFillColorRGB(0, 0, 0)
        self._barcode.drawOn(canv, (self.width - self._bars_width) / 2, self._text_height)
        if self.show_text:
            canv.setFont(fonts.REGULAR, self.text_size)
            canv.drawCentredString(self.width / 2, self.text_size * 0.25, self.value)
        canv.restoreState()
