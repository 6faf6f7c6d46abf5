"""The built-in example bulletin: the real 2021 Q1 special page (DESIGN §1, seed).

Portraits are neutral generated placeholders (a silhouette and the person's name), never
photos of anyone; they are real PNG images stored in the project like any imported photo.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from model.document import (
    Banner,
    Bulletin,
    ColumnBlock,
    Credits,
    HeadlineGroup,
    Page,
    PageSetup,
    Paragraph,
    Person,
    Portrait,
    SpeechBlock,
    SpeechSection,
)
from resources.example_content import PAGES

PORTRAIT_SIZE = (1200, 1600)  # 3:4, ≥ 300 ppi even as a tall-cropped two-column (≈ 85 mm) picture


@lru_cache(maxsize=1)
def _label_font() -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        import pylopdf_fonts_zh_cn

        return ImageFont.truetype(str(pylopdf_fonts_zh_cn.sans_path()), 128)
    except (ImportError, OSError):
        return ImageFont.load_default()


@lru_cache(maxsize=1)
def _backdrop() -> Image.Image:
    """The studio backdrop every placeholder shares (mid-grey 104–128), made once per process."""
    w, h = PORTRAIT_SIZE
    return Image.linear_gradient("L").resize((w, h)).point(lambda v: 104 + v * 24 // 255)


def placeholder_portrait(label: str) -> bytes:
    """A head-and-shoulders silhouette on a studio backdrop with ``label`` on it, as PNG bytes.

    Its tones are a portrait photo's (a mid-grey backdrop that prints at about 25 % black, a darker
    figure), not a white card:
    the example page should look, and print, as it will with the cities' real photos.
    """
    w, h = PORTRAIT_SIZE
    im = _backdrop().copy()
    d = ImageDraw.Draw(im)
    d.ellipse((w * 0.30, h * 0.13, w * 0.70, h * 0.50), fill=58)  # head
    d.ellipse((w * 0.10, h * 0.52, w * 0.90, h * 1.15), fill=46)  # shoulders
    font = _label_font()
    box = d.textbbox((0, 0), label, font=font)
    d.text(((w - (box[2] - box[0])) / 2 - box[0], h * 0.88 - (box[3] - box[1]) / 2 - box[1]), label,
           fill=236, font=font)
    out = io.BytesIO()
    im.save(out, format="PNG")  # optimize=True triples the time for 30 % of a few KB
    return out.getvalue()


def _paragraphs(items: list[dict]) -> list[Paragraph]:
    return [Paragraph(text=p["text"], lead=p["lead"]) for p in items]


def example_bulletin(portrait: Callable[[str], bytes] | None = None) -> Bulletin:
    """A fresh copy of the example; callers may change it freely. ``portrait`` makes the PNG of
    a placeholder portrait for a name (default :func:`placeholder_portrait`; the editor passes
    one that keeps them in its cache: encoding nine of them is most of the example's cost)."""
    portrait_png = portrait or placeholder_portrait
    b = Bulletin(
        publication="陕西工人报",
        issue_title=PAGES[0]["headline"]["title"],
        date="2021-04",
        issue_number="",
        edition="专版",
        credits=Credits(),
        page_setup=PageSetup.from_preset("broadsheet"),
    )
    # 五号 body on 16 pt leading: the seed's two pages hold about 3,500 characters each, a
    # light special page with portraits; 小五 would leave a third of the broadsheet empty.
    b.page_setup.body_size_pt = 10.5
    b.page_setup.leading_pt = 16.0
    for pdata in PAGES:
        page = Page(id=pdata["id"], label=pdata["label"])
        if "banner" in pdata:
            page.banner = Banner(id=pdata["banner"]["id"], lines=list(pdata["banner"]["lines"]))
        if "headline" in pdata:
            h = pdata["headline"]
            page.headline = HeadlineGroup(id=h["id"], kicker=h["kicker"], title=h["title"], subtitle=h["subtitle"])
        if "speech" in pdata:
            s = pdata["speech"]
            page.blocks.append(
                SpeechBlock(
                    id=s["id"],
                    speaker=Person(s["speaker"]["name"], list(s["speaker"]["titles"])),
                    sections=[
                        SpeechSection(sec["label"], sec["heading"], list(sec["bullets"]), _paragraphs(sec["paragraphs"]))
                        for sec in s["sections"]
                    ],
                    attribution=s["attribution"],
                )
            )
        for c in pdata["columns"]:
            person = Person(c["person"]["name"], list(c["person"]["titles"])) if c["person"] else None
            portrait = None
            if person is not None:
                portrait = Portrait(image=b.images.add(portrait_png(person.name), f"portrait of {person.name}"))
            page.blocks.append(
                ColumnBlock(
                    id=c["id"],
                    region=c["region"],
                    organisation=c["organisation"],
                    headline=c["headline"],
                    person=person,
                    portrait=portrait,
                    paragraphs=_paragraphs(c["paragraphs"]),
                )
            )
        b.pages.append(page)
    return b
