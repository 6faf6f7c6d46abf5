"""Pictures in the DOCX: image parts and inline drawings, one part per distinct image.

python-docx's ``add_picture`` hashes every image part and searches the whole document for
shape ids on each call — quadratic on a 240-portrait issue — so parts are deduplicated by
digest here and shape ids counted.
"""

from __future__ import annotations

import hashlib

from docx.document import Document
from docx.image.image import Image as DocxImage
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement
from docx.oxml.shape import CT_Inline
from docx.parts.image import ImagePart
from docx.shared import Emu


class Pictures:
    """Adds inline pictures to paragraphs of one document."""

    def __init__(self, doc: Document) -> None:
        self.part = doc.part
        self.by_hash: dict[bytes, tuple[str, str]] = {}
        self.shape_id = 0

    def add(self, p, data: bytes, ext: str, cx: int, cy: int) -> None:
        """Append a run holding the picture ``data`` at ``cx`` × ``cy`` EMU to paragraph ``p``."""
        key = hashlib.sha256(data).digest()
        if key not in self.by_hash:
            n = len(self.by_hash) + 1
            filename = f"portrait{n}.{ext}"
            part = ImagePart.from_image(DocxImage.from_blob(data), PackURI(f"/word/media/{filename}"))
            self.by_hash[key] = (self.part.relate_to(part, RT.IMAGE), filename)
        rId, filename = self.by_hash[key]
        self.shape_id += 1
        inline = CT_Inline.new_pic_inline(self.shape_id, rId, filename, Emu(cx), Emu(cy))
        r = OxmlElement("w:r")
        drawing = OxmlElement("w:drawing")
        drawing.append(inline)
        r.append(drawing)
        p.append(r)
