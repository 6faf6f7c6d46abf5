"""The editor's hand on the page make-up (issue 10): pins, fixed layout, picture blocks, 适配版面.

Every action here is one undoable step: pinning a block's span or height by dragging its edge
in the preview, unpinning it, fixing a page (which pins every block where it stands, so typing
moves nothing else), adding a picture block, and copy-fit, whose several changes are pushed as
one macro. ``install(window)`` adds the actions to a main window and wires the preview.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from gui.commands import InsertItem, SetValue
from gui.document import Document
from layout.grid import MM, Grid, make_grid
from layout.types import LaidOutPage
from model.document import Page, PictureBlock, Placement

translate = QCoreApplication.translate


def span_of(grid: Grid, width: float) -> int:
    """Columns of a width in points (a block's area, or where its right edge was dragged)."""
    return max(1, min(grid.columns, round((width + grid.gutter) / (grid.col_w + grid.gutter))))


def lines_of(grid: Grid, height: float) -> int:
    return max(1, round(height / grid.leading))


def set_placement(doc: Document, block, text: str, **changes) -> None:
    """One undo step that changes some of a block's pins."""
    new = replace(block.placement, **changes)
    if new != block.placement:
        doc.push(SetValue(doc, block, "placement", new, text))


def pin_from_drag(doc: Document, block, edge: str, width: float, height: float) -> None:
    """The user dragged the right (``w``) or bottom (``h``) edge of ``block`` to this size (pt)."""
    grid = make_grid(doc.bulletin.page_setup)
    if edge == "w":
        set_placement(doc, block, translate("Makeup", "固定占栏"), columns=span_of(grid, width))
    else:
        set_placement(doc, block, translate("Makeup", "固定高度"), height_mm=round(lines_of(grid, height) * grid.leading / MM, 1))


def unpin(doc: Document, block) -> None:
    set_placement(doc, block, translate("Makeup", "取消固定"), columns=None, height_mm=None, row=None)


def set_fixed_layout(doc: Document, page: Page, on: bool, laid_out: LaidOutPage | None) -> None:
    """Fix a page where it stands (every block pinned to its span, row and height) or free it
    (the pins go, the layout decides again) — one undo step either way."""
    grid = make_grid(doc.bulletin.page_setup)
    doc.undo_stack.beginMacro(translate("Makeup", "固定版面") if on else translate("Makeup", "取消固定版面"))
    try:
        if on and laid_out is not None:
            areas = {a.block_id: a for a in laid_out.areas}
            for block in page.blocks:
                a = areas.get(block.id)
                if a is None or a.h <= 0:
                    continue
                opens_row = abs(a.x - grid.left) < 0.5
                set_placement(doc, block, translate("Makeup", "固定版面"), columns=span_of(grid, a.w),
                              height_mm=round(lines_of(grid, a.h) * grid.leading / MM, 3),
                              row=_row_index(page, laid_out, grid, block.id) if opens_row else None)
        elif not on:
            for block in page.blocks:
                set_placement(doc, block, translate("Makeup", "取消固定版面"), columns=None, height_mm=None, row=None)
        doc.push(SetValue(doc, page, "fixed_layout", on, translate("Makeup", "固定版面") if on else translate("Makeup", "取消固定版面")))
    finally:
        doc.undo_stack.endMacro()


def _row_index(page: Page, laid_out: LaidOutPage, grid: Grid, block_id: str) -> int:
    """Which row (0-based) a block that stands at the left edge opens."""
    areas = {a.block_id: a for a in laid_out.areas}
    starts = sorted(round(a.y, 2) for b in page.blocks if (a := areas.get(b.id)) is not None
                    and abs(a.x - grid.left) < 0.5)
    return starts.index(round(areas[block_id].y, 2))


def add_picture_block(doc: Document, selected: str) -> str:
    """A new, empty picture block after the selection (or at the end of the page)."""
    from gui import structure

    page, index = structure._insert_position(doc.bulletin, selected)
    if page is None:
        structure.add_page(doc, selected)
        page, index = doc.bulletin.pages[-1], 0
    block = PictureBlock()
    doc.push(InsertItem(doc, page, "blocks", index, block, translate("Makeup", "添加图片块")))
    return block.id


def copy_fit(doc: Document, parent=None) -> list[str]:
    """适配版面: compute copy-fit's changes and push them as one undo step; returns their texts."""
    import copy

    from gui.auto_makeup import run_in_worker
    from layout.fit import fit_bulletin

    snapshot = copy.deepcopy(doc.bulletin)
    found = run_in_worker(lambda _cancelled, _progress: fit_bulletin(snapshot),
                          translate("Makeup", "正在适配版面…"), name="copyFitProgress")
    if found is None:  # cancelled: nothing changes
        return []
    changes = [_on(doc.bulletin, snapshot, c) for c in found]
    if changes:
        doc.undo_stack.beginMacro(translate("Makeup", "适配版面"))
        try:
            for c in changes:
                doc.push(SetValue(doc, c.obj, c.attr, c.value, c.text, structural=c.structural))
        finally:
            doc.undo_stack.endMacro()
    if parent is not None:
        text = "\n".join(c.text for c in changes) if changes else translate("Makeup", "在版面设置允许的范围内，没有能让版面更好的调整。")
        QMessageBox.information(parent, translate("Makeup", "适配版面"), text)
    return [c.text for c in changes]


def _on(bulletin, snapshot, change):
    """``change``, found on a copy of ``bulletin``, made on the bulletin itself (by ids)."""
    from dataclasses import replace as dc_replace

    obj = bulletin.page_setup if change.obj is snapshot.page_setup else bulletin.find(change.obj.id)
    value = change.value
    if isinstance(value, list):
        value = [bulletin.find(x.id) for x in value]
    return dc_replace(change, obj=obj, value=value)


def install(window) -> None:
    """Add the page make-up actions to ``window`` (a MainWindow) and wire its preview."""
    window.act_add_picture = QAction(translate("Makeup", "加图片"), window)
    window.act_add_picture.setStatusTip(translate("Makeup", "添加图片块（新闻照片或广告，可带图片说明）"))
    window.act_add_picture.triggered.connect(lambda: window._structural(add_picture_block))
    window.act_copy_fit = QAction(translate("Makeup", "适配版面"), window)
    window.act_copy_fit.setStatusTip(translate("Makeup", "在版面设置的范围内调整标题字号、肖像规格和版面分配，填满短版、消除超出"))
    window.act_copy_fit.triggered.connect(lambda: copy_fit(window.doc, window))
    menu = getattr(window, "edit_menu", None)
    if menu is not None:
        menu.addSeparator()
        menu.addAction(window.act_add_picture)
        menu.addAction(window.act_copy_fit)
    from gui.auto_makeup_action import install_auto_makeup

    install_auto_makeup(window)  # issue 24: 自动组版 (Ctrl+Shift+M), in the 版面 menu once it is there
    window.preview.canvas.edgeDragged.connect(lambda block_id, edge, w, h: _dragged(window, block_id, edge, w, h))


def _dragged(window, block_id: str, edge: str, width: float, height: float) -> None:
    block = window.doc.bulletin.find(block_id)
    if block is not None and isinstance(getattr(block, "placement", None), Placement):
        pin_from_drag(window.doc, block, edge, width, height)
        window.select(block_id)
