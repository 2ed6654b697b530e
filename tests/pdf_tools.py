"""Helpers that check printed output for real: text, page images, barcodes and fonts of a PDF."""

from __future__ import annotations

import io
import unicodedata

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image
from pypdf import PdfReader


def pdf_text(pdf_bytes: bytes) -> str:
    """All pages' text (pypdfium2), NFC-normalised, pages separated by a form feed."""
    doc = pdfium.PdfDocument(pdf_bytes)
    try:
        pages = []
        for page in doc:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
    finally:
        doc.close()
    text = "\f".join(pages).replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def pdf_page_images(pdf_bytes: bytes, dpi: int = 200) -> list[Image.Image]:
    """Every page rendered to an RGB PIL image at `dpi`."""
    doc = pdfium.PdfDocument(pdf_bytes)
    try:
        images = []
        for page in doc:
            images.append(page.render(scale=dpi / 72).to_pil().convert("RGB"))
            page.close()
        return images
    finally:
        doc.close()


def decode_codes(image: Image.Image) -> list[tuple[str, str]]:
    """(format name, text) of every barcode/QR code zxing-cpp finds in `image`."""
    results = []
    for barcode in zxingcpp.read_barcodes(image):
        fmt = barcode.format
        name = getattr(fmt, "name", None) or str(fmt).rsplit(".", 1)[-1]
        results.append((name, barcode.text))
    return results


def pdf_fonts(pdf_bytes: bytes) -> set[tuple[str, bool]]:
    """(base font name, has an embedded FontFile2) of every font any page references.

    Descendant fonts of Type0 fonts are reported too; a subset prefix ("ABCDEF+") is kept.
    """
    reader = PdfReader(io.BytesIO(pdf_bytes))
    found: set[tuple[str, bool]] = set()

    def visit(font) -> None:
        font = font.get_object()
        base = str(font.get("/BaseFont", ""))
        descriptor = font.get("/FontDescriptor")
        embedded = bool(descriptor is not None and "/FontFile2" in descriptor.get_object())
        if font.get("/Subtype") == "/Type0":
            for child in font.get("/DescendantFonts", []):
                visit(child)
            embedded = embedded or all(
                "/FontFile2" in child.get_object().get("/FontDescriptor", {}) for child in font["/DescendantFonts"]
            )
        found.add((base.lstrip("/"), embedded))

    for page in reader.pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        fonts = resources.get_object().get("/Font")
        if fonts is None:
            continue
        for ref in fonts.get_object().values():
            visit(ref)
        # Form XObjects (none today) could carry fonts too.
        xobjects = resources.get_object().get("/XObject")
        if xobjects is not None:
            for xo in xobjects.get_object().values():
                xo_fonts = xo.get_object().get("/Resources", {}).get("/Font")
                if xo_fonts is not None:
                    for ref in xo_fonts.get_object().values():
                        visit(ref)
    return found
