"""DOCX for a picture block (a news photo or an advertisement with its 图片说明).

Word lays out the DOCX itself (DESIGN §8), so the picture is an inline image as wide as a Word
column, keeping the shape of the user's crop, followed by its caption in the 图注 style; both
stay together (keep-with-next) so a caption never opens a column alone.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.oxml.shared import OxmlElement

from exporters.docx_images import PortraitError, prepare_portrait
from exporters.docx_xml import EMU_PER_PT
from layout.types import Problem
from model.document import PictureBlock


def _keep_next(p) -> None:
    ppr = p.get_or_add_pPr()
    if ppr.find(qn("w:keepNext")) is None:
        ppr.append(OxmlElement("w:keepNext"))


def write_captioned_picture(writer, block_id: str, pic, caption: str, unreadable: str) -> bool:
    """A picture as wide as a Word column (its crop's shape) and its caption in 图注, kept
    together; a picture that cannot be read is reported as ``unreadable`` (and left out).
    Returns whether the picture was placed."""
    width = min(writer.g.column_w, writer.flow_w)
    placed = False
    if pic.image:
        try:
            prepared = prepare_portrait(writer.b.images.get(pic.image), pic.crop, width / 72)
        except (KeyError, OSError, PortraitError) as exc:
            writer.problems.append(Problem("bad_image", block_id, f"{unreadable}无法读取，"
                                                                  f"未放入 Word 文档 left out of the DOCX（{exc}）"))
        else:
            p = writer.para(writer.doc, "肖像")
            if caption.strip():
                _keep_next(p._p)
            height = width * prepared.height_px / max(1, prepared.width_px)
            writer.pictures.add(p._p, prepared.data, prepared.ext, round(width * EMU_PER_PT),
                                round(height * EMU_PER_PT))
            placed = True
    if caption.strip():
        writer.para(writer.doc, "图注", caption)
    return placed


def write_picture_block(writer, block: PictureBlock) -> None:
    """Append ``block`` through the exporter's ``Writer`` (its styles and picture parts)."""
    pic = block.picture
    placed = write_captioned_picture(writer, block.id, pic, block.caption,
                                     f"图片 {block.caption[:20] or block.id} ")
    if not placed and not pic.image and not block.caption.strip():
        writer.problems.append(Problem("missing_portrait", block.id, "图片块没有图片，也没有图片说明 "
                                                                    "a picture block with neither picture nor caption"))
