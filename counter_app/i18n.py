"""Translations: the app's own Vietnamese catalogue, Qt's standard strings, and service messages.

Source strings are English everywhere (widgets through `tr()`, services through
`QT_TRANSLATE_NOOP("Messages", ...)`); `counter_app_vi.qm` is compiled from them with
`pyside6-lrelease`. A missing `.qm` only means the English source text is shown.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from counter_app.paths import resource_path
from counter_app.services.errors import MESSAGE_CONTEXT, Message

log = logging.getLogger(__name__)


def install_translators(app: QCoreApplication, language: str = "vi") -> list[QTranslator]:
    """Load and install the translators for `language`; returns those that loaded (kept alive by
    the app as children). English needs none: the sources are English."""
    installed: list[QTranslator] = []
    if not language or language.startswith("en"):
        return installed
    QLocale.setDefault(QLocale(language))
    candidates = (
        (f"counter_app_{language}", str(resource_path("translations"))),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder) and app.installTranslator(translator):
            installed.append(translator)
        else:
            log.info("no translation %s in %s; showing the English source text", name, folder)
            translator.deleteLater()
    return installed


def translate_message(message: Message) -> str:
    """A service message in the user's language, placeholders filled. A translation whose
    placeholders do not match the source falls back to the English text instead of failing."""
    translated = QCoreApplication.translate(MESSAGE_CONTEXT, message.text)
    args = {k: translate_message(v) if isinstance(v, Message) else v for k, v in message.args.items()}
    try:
        return translated.format(**args)
    except (KeyError, IndexError, ValueError):
        try:
            return message.english()
        except (KeyError, IndexError, ValueError):
            return message.text
