"""Starting points for File → New: the three things a union publicity office produces.

Each template is a bulletin with the right page setup and empty, correctly typed items, so
the user fills forms instead of building structure.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from model.document import (
    Banner,
    Bulletin,
    ColumnBlock,
    HeadlineGroup,
    Page,
    PageSetup,
    Person,
    SpeechBlock,
    SpeechSection,
)

TEMPLATES: dict[str, str] = {
    "special": QT_TRANSLATE_NOOP("Templates", "对开专版（版头、标题、讲话摘编、4 个地市栏目）"),
    "tabloid": QT_TRANSLATE_NOOP("Templates", "四开会刊（标题、3 个栏目）"),
    "brief": QT_TRANSLATE_NOOP("Templates", "A4 简报（标题、2 个栏目）"),
}


def template_name(key: str) -> str:
    return QCoreApplication.translate("Templates", TEMPLATES[key])


def _columns(n: int) -> list[ColumnBlock]:
    return [ColumnBlock(person=Person()) for _ in range(n)]


def new_bulletin(key: str) -> Bulletin:
    if key == "special":
        b = Bulletin(edition="专版", page_setup=PageSetup.from_preset("broadsheet"))
        b.pages.append(Page(label="专版", banner=Banner(), headline=HeadlineGroup(),
                            blocks=[SpeechBlock(sections=[SpeechSection()]), *_columns(4)]))
    elif key == "tabloid":
        b = Bulletin(page_setup=PageSetup.from_preset("tabloid"))
        b.pages.append(Page(headline=HeadlineGroup(), blocks=_columns(3)))
    elif key == "brief":
        b = Bulletin(edition="简报", page_setup=PageSetup.from_preset("a4"))
        b.pages.append(Page(headline=HeadlineGroup(), blocks=_columns(2)))
    else:
        raise KeyError(key)
    return b
