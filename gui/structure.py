"""Structural edits of the bulletin: add, duplicate, delete, move, cut/copy/paste pages and blocks.

Each operation works from the id of the item the user has selected and pushes one undoable
command; it returns the id to select afterwards (the new item, or the neighbour of a deleted
one), or "" when the operation does not apply to the selection.
"""

from __future__ import annotations

import base64
import copy
import json

from PySide6.QtCore import QCoreApplication, QMimeData

from gui.commands import InsertItem, MoveItem, RemoveItem, SetValue
from gui.document import Document
from model.document import (
    Banner,
    Block,
    Bulletin,
    ColumnBlock,
    HeadlineGroup,
    Page,
    Person,
    SpeechBlock,
    SpeechSection,
    block_texts,
    new_id,
)
from model.images import ImageError
from model.serialize import ModelError, from_data, to_data

translate = QCoreApplication.translate


def page_of(b: Bulletin, item_id: str) -> Page | None:
    """The page an item id is, or lies on."""
    for page in b.pages:
        if page.id == item_id:
            return page
        if any(x is not None and x.id == item_id for x in (page.banner, page.headline, *page.blocks)):
            return page
    return None


def _block_index(page: Page, item_id: str) -> int | None:
    for i, block in enumerate(page.blocks):
        if block.id == item_id:
            return i
    return None


def _insert_position(b: Bulletin, selected: str) -> tuple[Page | None, int]:
    """Where a new block goes: after the selected block; first on a page whose page, banner or
    headline is selected (the blocks follow the head); at the end when the bulletin is selected."""
    page = page_of(b, selected)
    if page is None:
        return (b.pages[-1], len(b.pages[-1].blocks)) if b.pages else (None, 0)
    i = _block_index(page, selected)
    return page, (i + 1 if i is not None else 0)


def add_block(doc: Document, selected: str, kind: str) -> str:
    page, index = _insert_position(doc.bulletin, selected)
    if page is None:
        add_page(doc, selected)
        page, index = doc.bulletin.pages[-1], 0
    if kind == "speech":
        block = SpeechBlock(sections=[SpeechSection()])
        text = translate("Structure", "添加讲话摘编")
    else:
        block = ColumnBlock(person=Person())
        text = translate("Structure", "添加栏目")
    doc.push(InsertItem(doc, page, "blocks", index, block, text))
    return block.id


def add_page(doc: Document, selected: str) -> str:
    b = doc.bulletin
    page = page_of(b, selected)
    index = b.pages.index(page) + 1 if page is not None else len(b.pages)
    new = Page(headline=HeadlineGroup())
    doc.push(InsertItem(doc, b, "pages", index, new, translate("Structure", "添加版面")))
    return new.id


def _fresh_ids(item):
    """A deep copy with new ids everywhere (ids must stay unique in a bulletin)."""
    clone = copy.deepcopy(item)
    if isinstance(clone, Page):
        clone.id = new_id("page")
        if clone.banner is not None:
            clone.banner.id = new_id("banner")
        if clone.headline is not None:
            clone.headline.id = new_id("headline")
        for block in clone.blocks:
            block.id = new_id(block.type)
    else:
        clone.id = new_id(clone.type)
    return clone


def duplicate(doc: Document, selected: str) -> str:
    b = doc.bulletin
    page = page_of(b, selected)
    if page is None:
        return ""
    if page.id == selected:
        clone = _fresh_ids(page)
        doc.push(InsertItem(doc, b, "pages", b.pages.index(page) + 1, clone, translate("Structure", "创建版面副本")))
        return clone.id
    i = _block_index(page, selected)
    if i is None:
        return ""
    clone = _fresh_ids(page.blocks[i])
    doc.push(InsertItem(doc, page, "blocks", i + 1, clone, translate("Structure", "创建栏目副本")))
    return clone.id


def can_delete(b: Bulletin, selected: str) -> bool:
    page = page_of(b, selected)
    if page is None:
        return False
    return page.id != selected or len(b.pages) > 1


def delete(doc: Document, selected: str, label: str = "") -> str:
    """Delete the selection (one undo step named ``label``, default 删除…); the id to select next."""
    b = doc.bulletin
    page = page_of(b, selected)
    if page is None or not can_delete(b, selected):
        return ""
    if page.id == selected:
        i = b.pages.index(page)
        doc.push(RemoveItem(doc, b, "pages", page, label or translate("Structure", "删除版面")))
        return b.pages[min(i, len(b.pages) - 1)].id
    if page.banner is not None and page.banner.id == selected:
        doc.push(SetValue(doc, page, "banner", None, translate("Structure", "删除版头"), structural=True))
        return page.id
    if page.headline is not None and page.headline.id == selected:
        doc.push(SetValue(doc, page, "headline", None, translate("Structure", "删除标题"), structural=True))
        return page.id
    i = _block_index(page, selected)
    if i is None:
        return ""
    doc.push(RemoveItem(doc, page, "blocks", page.blocks[i], label or translate("Structure", "删除栏目")))
    if page.blocks:
        return page.blocks[min(i, len(page.blocks) - 1)].id
    return page.id


def _covered(b: Bulletin, ids: list[str]) -> list[str]:
    """``ids`` without those whose page is itself among them (the page takes its parts along), in
    the bulletin's order, each once."""
    order = [x.id for page in b.pages for x in (page, page.banner, page.headline, *page.blocks) if x is not None]
    chosen = set(ids)
    out = []
    for item_id in order:
        if item_id not in chosen:
            continue
        page = page_of(b, item_id)
        if page is not None and page.id != item_id and page.id in chosen:
            continue
        out.append(item_id)
    return out


def delete_many(doc: Document, ids: list[str]) -> str:
    """Delete several selected items as ONE undo step; the id to select next ("" if none went)."""
    b = doc.bulletin
    ids = [i for i in _covered(b, ids) if can_delete(b, i)]
    pages = [i for i in ids if page_of(b, i) is not None and page_of(b, i).id == i]
    if len(pages) >= len(b.pages):  # a bulletin keeps one page
        ids = [i for i in ids if i != pages[-1]]
    if not ids:
        return ""
    if len(ids) == 1:
        return delete(doc, ids[0])
    text = translate("Structure", "删除 {} 项").format(len(ids))
    doc.undo_stack.beginMacro(text)
    nxt = ""
    try:
        for item_id in ids:
            if doc.bulletin.find(item_id) is not None and can_delete(doc.bulletin, item_id):
                nxt = delete(doc, item_id, text)
    finally:
        doc.undo_stack.endMacro()
    while nxt and doc.bulletin.find(nxt) is None:
        nxt = ""
    return nxt or (doc.bulletin.pages[0].id if doc.bulletin.pages else "")


def move_many(doc: Document, ids: list[str], delta: int) -> bool:
    """Move several selected blocks (or pages) up or down together as ONE undo step, keeping their
    order: the one leading the way moves first, and when it cannot move none does."""
    b = doc.bulletin
    ids = _covered(b, ids)
    movable = [i for i in ids if copyable(b, i) is not None]  # pages and blocks, not banner/headline
    if len(movable) <= 1:
        return bool(movable) and move(doc, movable[0], delta)
    if delta > 0:
        movable.reverse()
    if not can_move(b, movable[0], delta):
        return False
    doc.undo_stack.beginMacro(translate("Structure", "移动 {} 项").format(len(movable)))
    try:
        for item_id in movable:
            move(doc, item_id, delta)
    finally:
        doc.undo_stack.endMacro()
    return True


def can_move(b: Bulletin, selected: str, delta: int) -> bool:
    """Whether :func:`move` would move this item (a block at the last page's foot cannot go down)."""
    page = page_of(b, selected)
    if page is None:
        return False
    p = b.pages.index(page)
    if page.id == selected:
        return 0 <= p + delta < len(b.pages)
    i = _block_index(page, selected)
    if i is None:
        return False
    return 0 <= i + delta < len(page.blocks) or 0 <= p + delta < len(b.pages)


def move(doc: Document, selected: str, delta: int) -> bool:
    """Move up (-1) or down (+1); a block at a page's edge moves on to the neighbouring page."""
    b = doc.bulletin
    page = page_of(b, selected)
    if page is None:
        return False
    if page.id == selected:
        i = b.pages.index(page)
        j = i + delta
        if not 0 <= j < len(b.pages):
            return False
        doc.push(MoveItem(doc, page, b, b, j, "pages", translate("Structure", "移动版面")))
        return True
    i = _block_index(page, selected)
    if i is None:
        return False
    block = page.blocks[i]
    j = i + delta
    if 0 <= j < len(page.blocks):
        doc.push(MoveItem(doc, block, page, page, j, "blocks", translate("Structure", "移动栏目")))
        return True
    p = b.pages.index(page) + delta
    if not 0 <= p < len(b.pages):
        return False
    target = b.pages[p]
    index = len(target.blocks) if delta < 0 else 0
    doc.push(MoveItem(doc, block, page, target, index, "blocks", translate("Structure", "移到另一版")))
    return True


def move_to(doc: Document, item_id: str, page_id: str, index: int) -> bool:
    """Drag and drop: a block to ``index`` on page ``page_id``, or (page_id "") a page to ``index``."""
    b = doc.bulletin
    page = page_of(b, item_id)
    if page is None:
        return False
    if page.id == item_id:
        index = max(0, min(index, len(b.pages) - 1))
        if b.pages.index(page) == index:
            return False
        doc.push(MoveItem(doc, page, b, b, index, "pages", translate("Structure", "移动版面")))
        return True
    target = next((p for p in b.pages if p.id == page_id), None)
    i = _block_index(page, item_id)
    if target is None or i is None:
        return False
    block = page.blocks[i]
    limit = len(target.blocks) - (1 if target is page else 0)
    index = max(0, min(index, limit))
    if target is page and index == i:
        return False
    text = translate("Structure", "移动栏目") if target is page else translate("Structure", "移到另一版")
    doc.push(MoveItem(doc, block, page, target, index, "blocks", text))
    return True


def add_part(doc: Document, page: Page, part: str) -> None:
    """Give a page a banner or headline group it lacks."""
    if part == "banner" and page.banner is None:
        doc.push(SetValue(doc, page, "banner", Banner(), translate("Structure", "添加版头"), structural=True))
    elif part == "headline" and page.headline is None:
        doc.push(SetValue(doc, page, "headline", HeadlineGroup(), translate("Structure", "添加标题"), structural=True))


# ---------------------------------------------------------------------------- clipboard
#: the clipboard format of a copied page or block: JSON with the item and its pictures
MIME_TYPE = "application/x-bulletin-item+json"


class PasteError(ValueError):
    """The clipboard holds no page or block this editor can paste (message for the user)."""


def copyable(b: Bulletin, selected: str) -> Page | Block | None:
    """The page or block a Copy takes for this selection (banner and headline are part of a page form)."""
    page = page_of(b, selected)
    if page is None:
        return None
    if page.id == selected:
        return page
    i = _block_index(page, selected)
    return page.blocks[i] if i is not None else None


def copy_item(b: Bulletin, selected: str) -> QMimeData | None:
    """The selected page or block as clipboard data: the item with its pictures, so it pastes
    into another bulletin too, and its text for other programs."""
    item = copyable(b, selected)
    if item is None:
        return None
    blocks = item.blocks if isinstance(item, Page) else [item]
    names = {x.portrait.image for x in blocks
             if isinstance(x, ColumnBlock) and x.portrait is not None and x.portrait.image}
    payload = {
        "kind": "page" if isinstance(item, Page) else "block",
        "item": to_data(item),
        "images": {n: base64.b64encode(b.images.get(n)).decode("ascii") for n in sorted(names) if n in b.images},
    }
    mime = QMimeData()
    mime.setData(MIME_TYPE, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    parts = [item.banner, item.headline, *item.blocks] if isinstance(item, Page) else [item]
    mime.setText("\n".join(t for x in parts if x is not None for t in block_texts(x) if t.strip()))
    return mime


def cut_item(doc: Document, selected: str) -> tuple[QMimeData | None, str]:
    """Copy, then delete (one undo step): (clipboard data, id to select next)."""
    mime = copy_item(doc.bulletin, selected)
    if mime is None or not can_delete(doc.bulletin, selected):
        return None, ""
    return mime, delete(doc, selected, translate("Structure", "剪切"))


def can_paste(mime: QMimeData | None) -> bool:
    return mime is not None and mime.hasFormat(MIME_TYPE)


def paste_item(doc: Document, selected: str, mime: QMimeData | None) -> str:
    """Paste a copied page after the selected page, a copied block after the selected block (or
    first on the selected page); returns the new item's id. Raises PasteError on bad data."""
    if not can_paste(mime):
        raise PasteError(translate("Structure", "剪贴板中没有可粘贴的版面或栏目。"))
    try:
        payload = json.loads(bytes(mime.data(MIME_TYPE)).decode("utf-8"))
        kind = payload["kind"]
        item = from_data(Page if kind == "page" else Block, payload["item"], "clipboard")
        images = {n: base64.b64decode(v) for n, v in dict(payload.get("images", {})).items()}
    except (ValueError, KeyError, TypeError, AttributeError, ModelError) as exc:
        raise PasteError(translate("Structure", "剪贴板中的内容无法粘贴：{}").format(exc)) from None
    b = doc.bulletin
    renamed: dict[str, str] = {}
    for name, data in images.items():
        try:
            renamed[name] = name if name in b.images else b.images.add(data)  # content-addressed
        except ImageError as exc:
            raise PasteError(translate("Structure", "剪贴板中的图片无法使用：{}").format(exc)) from None
    clone = _fresh_ids(item)
    for block in (clone.blocks if isinstance(clone, Page) else [clone]):
        if isinstance(block, ColumnBlock) and block.portrait is not None and block.portrait.image in renamed:
            block.portrait.image = renamed[block.portrait.image]
    if isinstance(clone, Page):
        page = page_of(b, selected)
        index = b.pages.index(page) + 1 if page is not None else len(b.pages)
        doc.push(InsertItem(doc, b, "pages", index, clone, translate("Structure", "粘贴版面")))
        return clone.id
    page, index = _insert_position(b, selected)
    if page is None:
        add_page(doc, selected)
        page, index = b.pages[-1], 0
    doc.push(InsertItem(doc, page, "blocks", index, clone, translate("Structure", "粘贴栏目")))
    return clone.id
