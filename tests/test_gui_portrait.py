"""Portrait import: JPEG, transparent PNG, rotated phone photo, junk; crop locked to 3:4."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QMessageBox

from gui.forms.crop_dialog import CropView
from gui.images import PORTRAIT_ASPECT, decode_upright, upright_size
from model.document import ColumnBlock, Crop
from tests.test_gui_helpers import first_column, wait_layout

pytest_plugins = ("tests.test_gui_helpers",)  # its fixtures: gui_env, make_window


def _jpeg(size=(1200, 1600), orientation: int | None = None, colour=(120, 80, 40)) -> bytes:
    im = Image.new("RGB", size, colour)
    out = io.BytesIO()
    kw = {}
    if orientation:
        exif = Image.Exif()
        exif[0x0112] = orientation
        kw["exif"] = exif.tobytes()
    im.save(out, "JPEG", quality=90, **kw)
    return out.getvalue()


def _png_rgba() -> bytes:
    im = Image.new("RGBA", (900, 1200), (0, 0, 0, 0))
    im.paste((200, 30, 30, 255), (200, 200, 700, 1000))
    out = io.BytesIO()
    im.save(out, "PNG")
    return out.getvalue()


def _crop_aspect_px(crop: Crop, size: tuple[int, int]) -> float:
    return crop.w * size[0] / (crop.h * size[1])


@pytest.fixture
def column_window(make_window):
    w = make_window()
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    return w, col


@pytest.mark.parametrize("kind", ["jpeg", "png", "phone"])
def test_portrait_import(column_window, tmp_path, qtbot, kind):
    w, col = column_window
    data = {"jpeg": _jpeg(), "png": _png_rgba(), "phone": _jpeg((1600, 1200), orientation=6)}[kind]
    path = tmp_path / f"photo.{ 'png' if kind == 'png' else 'jpg'}"
    path.write_bytes(data)
    count = w.doc.undo_stack.count()
    assert w.form.portrait.import_file(str(path))
    assert w.doc.undo_stack.count() == count + 1
    name = col.portrait.image
    assert name in w.doc.bulletin.images and w.doc.bulletin.images.get(name) == data
    size = upright_size(data)
    if kind == "phone":
        assert size == (1200, 1600)  # EXIF 6: stored landscape, seen portrait
        image = decode_upright(data)
        assert (image.width(), image.height()) == (1200, 1600)
    # The automatic crop is exactly 3:4 in pixels of the upright image.
    assert _crop_aspect_px(col.portrait.crop, size) == pytest.approx(PORTRAIT_ASPECT, abs=1e-6)
    assert "ppi" in w.form.portrait.info.text()
    wait_layout(qtbot, w)
    pics = [it for p in w.runner.result.document.pages for it in p.items if getattr(it, "image", "") == name]
    assert pics, "the preview shows the new portrait"
    w.act_undo.trigger()
    assert col.portrait is None or col.portrait.image != name


def test_non_image_file_is_refused_with_a_message(column_window, tmp_path, monkeypatch):
    w, col = column_window
    before = col.portrait
    bogus = tmp_path / "报告.docx"
    bogus.write_bytes(b"PK\x03\x04 this is not a photo")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a) or QMessageBox.StandardButton.Ok)
    count = w.doc.undo_stack.count()
    images = set(w.doc.bulletin.images)
    assert not w.form.portrait.import_file(str(bogus))
    assert shown, "the user is told"
    assert "报告.docx" in shown[0][2] and "JPEG" in shown[0][2]
    assert col.portrait is before
    assert w.doc.undo_stack.count() == count
    assert set(w.doc.bulletin.images) == images
    assert not w.isWindowModified()


def test_paste_and_drop_go_through_the_same_import(column_window, tmp_path):
    w, col = column_window
    QGuiApplication.clipboard().setImage(QImage.fromData(_jpeg((300, 400))))
    assert w.form.portrait.paste()
    first = col.portrait.image
    path = tmp_path / "drop.png"
    path.write_bytes(_png_rgba())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    assert w.form.portrait._import_mime(mime, "drop")
    assert col.portrait.image != first


def test_crop_view_keeps_three_to_four(qapp):
    img = QImage(1600, 1200, QImage.Format.Format_RGB32)
    size = (1600, 1200)
    view = CropView(img, size, Crop(0.1, 0.1, 0.3, 0.3 * 1600 / 0.75 / 1200 / 1600 * 1600))
    for w in (0.05, 0.2, 0.4, 0.9):
        view.set_width(w)
        c = view.crop
        assert _crop_aspect_px(c, size) == pytest.approx(0.75, abs=1e-6)
        assert c.x + c.w <= 1 + 1e-9 and c.y + c.h <= 1 + 1e-9
    view.move_to(2.0, 2.0)
    assert view.crop.x + view.crop.w == pytest.approx(1.0) and view.crop.y + view.crop.h == pytest.approx(1.0)


def test_set_crop_is_undoable_and_low_resolution_is_flagged(column_window):
    w, col = column_window
    assert isinstance(col, ColumnBlock)
    w.form.portrait.import_bytes(_jpeg((150, 200)), "tiny.jpg")
    assert "低于" in w.form.portrait.info.text()  # 150 px across a column is far below 300 ppi
    old = col.portrait.crop
    w.form.portrait.set_crop(Crop(0.0, 0.0, 0.5, 0.5))
    assert col.portrait.crop == Crop(0.0, 0.0, 0.5, 0.5)
    w.act_undo.trigger()
    assert col.portrait.crop == old
