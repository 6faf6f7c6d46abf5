"""Importing submissions from the editor: File → 导入稿件…, dropped files, 打开 of a .docx/.txt.

The window calls three hooks (``add_menu_action``, ``install_drop``, ``offer_import``), which
live in gui/import_hooks.py so that starting the editor does not import the importers; the
rest lives here and in gui/import_dialog.py. Files are read first (a file that cannot be read is
named with the reason and nothing changes), the review dialog lets the user correct what was
recognised, and the accepted result is inserted as ONE undo step (a macro of InsertItem
commands, so undo puts back exactly the bulletin as it was). The import report then appears in
the Problems panel, next to layout problems and proofreading.

Files are read on a worker thread behind a progress dialog with 取消 (``read_in_worker``): a
slow conversion through LibreOffice or a long file froze the window before, with no way out.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from gui import structure
from gui.commands import InsertItem, RemoveItem
from gui.document import Document
from gui.import_hooks import (  # noqa: F401 - the light half, re-exported
    SUBMISSION_SUFFIXES,
    add_menu_action,
    ask_and_import,
    dropped_paths,
    file_filter,
    import_hooks,
    install_drop,
    is_submission,
    offer_import,
)
from importers import ImportReport, SubmissionError
from importers.budget import check_bulletin
from importers.cancel import CancelToken, ImportCancelled, cancellable
from importers.convert import CONVERTED_SUFFIXES
from importers.messages_zh import error_in_language, in_language
from importers.review import DOCX_SUFFIXES, TEXT_SUFFIXES, Submission, read_submission
from model.document import Bulletin, Page

translate = QCoreApplication.translate
#: what the importers read; gui.import_hooks names the same suffixes without importing them
READ_SUFFIXES = (*DOCX_SUFFIXES, *TEXT_SUFFIXES, *CONVERTED_SUFFIXES)


# ------------------------------------------------------------------------------ model side

def is_placeholder(item) -> bool:
    """An empty block a template put there to be filled (未命名栏目, an empty speech): no text
    and no picture. An import puts the submissions in its place instead of after it."""
    from model.document import block_texts

    if item is None:
        return True
    if any(t.strip() for t in block_texts(item)):
        return False
    picture = getattr(item, "portrait", None) or getattr(item, "picture", None)
    return not getattr(picture, "image", "")


def _empty_page(page: Page) -> bool:
    return all(is_placeholder(x) for x in (page.banner, page.headline, *page.blocks))


def apply_import(doc: Document, imported: Bulletin, target: Page | None, *, new_page: bool, after: Page | None = None,
                 label: str = "") -> list[str]:
    """Insert the imported pages/blocks into ``doc`` as one undo step; returns the new block ids.

    A page that came with its own banner or headline stays a page of its own (inserted after
    the current page). The other blocks go into ``target`` — or, with ``new_page`` or when the
    bulletin has no page, into a new page after the current one (a bulletin's first page gets a
    headline group for its title). The target's empty placeholder blocks are replaced: the
    submissions go where the first one stood. A page left wholly empty by the import (a
    template's page, when the submissions brought pages of their own) is removed.
    """
    from model.document import HeadlineGroup

    b = doc.bulletin
    for name in imported.images:
        if name not in b.images:
            b.images.add_lazy(name, lambda n=name, store=imported.images: store.get(n))
    pages = list(b.pages)
    anchor = after or target
    at = pages.index(anchor) + 1 if anchor in pages else len(pages)
    loose = [blk for page in imported.pages if not (page.banner or page.headline) for blk in page.blocks]
    own = [page for page in imported.pages if page.banner or page.headline]
    ids = [blk.id for page in imported.pages for blk in page.blocks]
    text = translate("Importing", "导入稿件")
    doc.undo_stack.beginMacro(label or text)
    try:
        if loose:
            if new_page or target is None or target not in b.pages:
                holder = Page(headline=HeadlineGroup()) if not b.pages and not own else Page()
                doc.push(InsertItem(doc, b, "pages", at, holder, text))
                at += 1
                index = 0
            else:
                holder = target
                spots = [k for k, blk in enumerate(holder.blocks) if is_placeholder(blk)]
                index = spots[0] if spots else len(holder.blocks)
                for blk in [holder.blocks[k] for k in spots]:
                    doc.push(RemoveItem(doc, holder, "blocks", blk, text))
            for k, blk in enumerate(loose):
                doc.push(InsertItem(doc, holder, "blocks", index + k, blk, text))
        for page in own:
            doc.push(InsertItem(doc, b, "pages", at, page, text))
            at += 1
        if own and target in b.pages and len(b.pages) > 1 and _empty_page(target):
            doc.push(RemoveItem(doc, b, "pages", target, text))
        if not b.issue_title and imported.issue_title:
            from gui.commands import SetValue

            doc.push(SetValue(doc, b, "issue_title", imported.issue_title, text))
        from gui.auto_makeup import plan_after_import

        plan_after_import(doc)  # issue 24: the import ends on the planned pages, in this undo step
    finally:
        doc.undo_stack.endMacro()
    return ids


def _lang() -> str:
    from gui import i18n

    return i18n.current()


def report_rows(report: ImportReport, block_of: dict[str, str] | None = None) -> list[tuple[str, str, str, bool]]:
    """(kind, block id, message, severe) rows for the Problems panel, in the UI language; a note
    about a file names the block that file became (``block_of``: file name → block id)."""
    rows = []
    for item in report.items:
        where = ":".join(x for x in (item.source, str(item.line) if item.line else "") if x)
        text = f"「{item.text[:30]}{'…' if len(item.text) > 30 else ''}」" if item.text else ""
        message = in_language(item.message, _lang())
        block_id = (block_of or {}).get(item.source, "")
        rows.append(("import", block_id, f"{where}  {message} {text}".strip(), item.level == "warning"))
    return rows


def blocks_by_source(dialog) -> dict[str, str]:
    """File name → the first block its submission became (what an import note points at)."""
    out: dict[str, str] = {}
    for i in range(len(dialog.submissions)):
        res = dialog.result(i)
        blocks = [blk.id for page in res.bulletin.pages for blk in page.blocks]
        heads = [x.id for page in res.bulletin.pages for x in (page.headline, page.banner) if x is not None]
        first = (blocks or heads or [""])[0]
        for source in {it.source for it in res.report.items} | {getattr(dialog.submissions[i], "source", "")}:
            if source and first:
                out.setdefault(source, first)
    return out


def error_text(exc: SubmissionError) -> str:
    return error_in_language(exc.source, exc.problem, _lang())


# ------------------------------------------------------------------------------ window side

class _Bridge(QObject):
    """Carries the worker's news to the UI thread (queued: the worker never touches a widget)."""

    step = Signal(int, str)
    done = Signal()


# after this long without an answer the progress dialog shows (a quick read shows nothing)
PROGRESS_DELAY_MS = 400


def read_in_worker(parent: QWidget | None, paths: list[str]) -> tuple[list[Submission], list[str]] | None:
    """Read ``paths`` on a worker thread: (submissions, messages of files that could not be
    read), or None when the user pressed 取消. The window keeps repainting meanwhile; 取消
    stops a LibreOffice conversion at once (its whole process group is killed)."""
    token = CancelToken()
    subs: list[Submission] = []
    errors: list[str] = []
    bridge = _Bridge()
    progress = QProgressDialog(translate("Importing", "正在读取稿件…"), translate("Importing", "取消"), 0,
                               max(1, len(paths)), parent)
    progress.setObjectName("importProgress")
    progress.setWindowTitle(translate("Importing", "导入稿件"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(PROGRESS_DELAY_MS)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setValue(0)
    progress.canceled.connect(token.cancel)
    loop = QEventLoop()
    bridge.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def show_step(i: int, name: str) -> None:
        progress.setValue(i)
        progress.setLabelText(translate("Importing", "正在读取 {}（{}/{}）…").format(name, i + 1, len(paths)))

    bridge.step.connect(show_step, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            with cancellable(token):
                for i, path in enumerate(paths):
                    if token.cancelled:
                        break
                    bridge.step.emit(i, os.path.basename(path))
                    try:
                        subs.append(read_submission(path))
                    except SubmissionError as exc:
                        errors.append(error_text(exc))
                    except ImportCancelled:
                        break
                    except MemoryError:
                        errors.append(f"{os.path.basename(path)}: "
                                      + translate("Importing", "内存不足，无法读取"))
                    except Exception as exc:  # noqa: BLE001 - one bad file must not end the import silently
                        errors.append(f"{os.path.basename(path)}: {type(exc).__name__}: {exc}")
        finally:
            bridge.done.emit()

    worker = threading.Thread(target=work, name="import-read", daemon=True)
    worker.start()
    loop.exec()
    worker.join()
    cancelled = token.cancelled
    progress.canceled.disconnect(token.cancel)  # closing a QProgressDialog emits canceled
    progress.close()
    progress.deleteLater()
    if cancelled:
        return None
    return subs, errors


def read_all(parent: QWidget, paths: Iterable[str]) -> list[Submission]:
    """Read every file; name each one that cannot be read (the others are still offered)."""
    read = read_in_worker(parent, list(paths))
    if read is None:  # cancelled: nothing was changed
        return []
    subs, errors = read
    if errors:
        QMessageBox.warning(parent, translate("Importing", "有稿件无法读取"),
                            translate("Importing", "以下文件无法读取，未导入：\n\n{}").format("\n".join(errors)))
    return subs


def import_paths(window, paths: list[str], *, fresh: bool = False) -> bool:
    """Read ``paths``, show the review dialog, and import what the user accepts. ``fresh``
    (新建 → 从稿件新建): the accepted submissions become a new bulletin of their own, without
    a template's placeholder blocks; until then the open document is left as it is."""
    from gui.import_dialog import ImportDialog

    subs = read_all(window, paths)
    if not subs:
        return False
    dialog = ImportDialog(subs, window, has_pages=bool(window.doc.bulletin.pages) and not fresh)
    window._import_dialog = dialog  # for tests and screenshots
    if dialog.exec() != ImportDialog.DialogCode.Accepted:
        return False
    if fresh:
        window.file_ops.start_fresh()
    return finish_import(window, dialog)


def finish_import(window, dialog) -> bool:
    bulletin, report = dialog.result_bulletin()
    doc: Document = window.doc
    try:  # the files together may be far more than a bulletin prints, though each was read
        check_bulletin(bulletin)
    except SubmissionError as exc:
        QMessageBox.warning(window, translate("Importing", "稿件太多"), error_text(exc))
        return False
    if not any(page.blocks or page.banner or page.headline for page in bulletin.pages):
        QMessageBox.information(window, translate("Importing", "没有可导入的内容"),
                                translate("Importing", "所选稿件中没有文字，未作任何修改。"))
        return False
    target = structure.page_of(doc.bulletin, window.selected_id) or (doc.bulletin.pages[-1] if doc.bulletin.pages else None)
    ids = apply_import(doc, bulletin, target, new_page=dialog.new_page(),
                       label=translate("Importing", "导入稿件（{} 个文件）").format(len(dialog.submissions)))
    window.problems.notes = report_rows(report, blocks_by_source(dialog))
    # a note goes when its block is edited or deleted, all of them when the import is undone
    window.problems.note_state = {i: repr(doc.bulletin.find(i)) for i in ids if doc.bulletin.find(i) is not None}
    window.problems.shown = None
    window._show_problems()
    if ids:
        window.select(ids[0])
    window.statusBar().showMessage(translate("Importing", "已导入 {} 个栏目").format(report.columns), 5000)
    return True
