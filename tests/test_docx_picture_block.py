"""A picture block in the DOCX: the cropped picture as wide as a Word column, in the crop's
shape, and its caption in the 图注 style right after it."""

from __future__ import annotations

import io

import docx
from PIL import Image

from exporters.docx import printed_texts, write_docx
from model.document import Crop, PictureBlock, Portrait


def _png(w: int, h: int) -> bytes:
    im = Image.new("RGB", (w, h), "white")
    im.paste((200, 0, 0), (0, h // 2, w, h))
    out = io.BytesIO()
    im.save(out, "PNG")
    return out.getvalue()


def test_picture_block_exports_picture_and_caption(example, tmp_path):
    name = example.images.add(_png(1000, 800))
    block = PictureBlock(picture=Portrait(name, Crop(0.0, 0.5, 1.0, 0.5)), caption="图为职工书屋揭牌现场")
    example.pages[1].blocks.append(block)
    path = tmp_path / "p.docx"
    assert write_docx(example, path).problems == []
    doc = docx.Document(str(path))
    assert len(doc.inline_shapes) == 10  # the nine portraits and the picture
    shape = doc.inline_shapes[9]
    assert abs(shape.height / shape.width - 400 / 1000) < 0.01
    paras = [p for p in doc.paragraphs if p.text == "图为职工书屋揭牌现场"]
    assert len(paras) == 1 and paras[0].style.name == "图注"
    assert list(printed_texts(example))[-1] == "图为职工书屋揭牌现场"


def test_picture_block_without_image_keeps_its_caption(example, tmp_path):
    example.pages[0].blocks.append(PictureBlock(caption="广告位"))
    path = tmp_path / "p.docx"
    write_docx(example, path)
    assert any(p.text == "广告位" for p in docx.Document(str(path)).paragraphs)
