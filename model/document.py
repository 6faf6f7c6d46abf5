"""The bulletin as plain data (DESIGN §3).

Plain dataclasses, no Qt and no I/O: the layout engine, the exporters, the importer and the GUI
all read the same objects, and the project file is nothing but these objects serialised.
Every block carries a stable ``id`` so that the GUI selection, layout problems and proofreading
findings can point at a block however the user reorders the page.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from typing import Literal

from model.images import ImageStore

SizePreset = Literal["broadsheet", "tabloid", "a3", "a4", "custom"]
ColourMode = Literal["cmyk", "grey", "rgb"]
PrintingConditionKey = Literal["newsprint", "coated", "uncoated"]

#: Text roles the user can give a font each (DESIGN §6). Empty spec = the built-in default.
#: The one list of roles: the font registry, the page-setup form and the DOCX styles use it.
FONT_ROLES: tuple[str, ...] = (
    "title",
    "subtitle",
    "kicker",
    "heading",
    "body",
    "lead",  # the run-in lead sentence (段首句), Hei by default
    "name",
    "title_line",
    "caption",
    "label",
    "banner",
)

#: Sentence-ending marks that close a run-in lead sentence.
_LEAD_END = re.compile(r"[。！？]")


def new_id(prefix: str) -> str:
    """Random, short, stable-once-made id; the prefix only helps a human reading the JSON."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@dataclass
class Margins:
    top: float = 20.0  # mm
    bottom: float = 20.0
    left: float = 18.0
    right: float = 18.0


@dataclass
class PortraitSpec:
    """One frame size for every column portrait of a bulletin (DESIGN §3).

    In this genre a bigger photo for one city leader than for the others is a political
    mistake, so the size is a page-setup decision, never the layout's: the frame is
    ``width_columns`` columns wide (or ``width_mm`` when set) and ``aspect_w``:``aspect_h``
    in shape, and crops are made at that shape. The speech's leader portrait has its own width.
    """

    width_columns: int = 1
    width_mm: float | None = None  # overrides width_columns when set
    aspect_w: int = 3
    aspect_h: int = 4
    leader_width_columns: int = 1  # the speech block's leader portrait
    #: ``width_mm`` was chosen by the make-up (a size class between whole columns), so the
    #: make-up may choose again; a width the user typed is kept
    by_makeup: bool = False

    @property
    def aspect(self) -> float:
        """Height / width of the frame."""
        return self.aspect_h / max(1, self.aspect_w)


@dataclass
class FitLimits:
    """How far copy-fit (适配版面) may move away from the defaults; body size never changes."""

    headline_scale_min: float = 0.8  # headlines may shrink to this share of their size
    headline_scale_max: float = 1.25
    paragraph_gap_lines: int = 2  # blank lines the layout may put above a paragraph to level a row
    portrait_columns_max: int = 2  # copy-fit may set the (bulletin-wide) portrait width up to this
    move_blocks: bool = False  # may whole blocks move between pages in reading order
    #: the make-up (自动组版) may choose the number of pages / the page size; a newspaper gives a
    #: special page as N pages of a fixed size, so both are fixed unless the bulletin was made
    #: by import (or the user frees them)
    free_pages: bool = False
    free_format: bool = False


@dataclass
class PageSetup:
    """Physical page and the body type on it; layout derives the column grid from this."""

    preset: SizePreset = "broadsheet"
    width_mm: float = 390.0
    height_mm: float = 543.0
    margins: Margins = field(default_factory=Margins)
    columns: int = 8
    gutter_em: float = 1.0  # gutter between columns, in body ems
    body_size_pt: float = 9.0  # 小五
    leading_pt: float = 13.5  # baseline-to-baseline distance of body text
    colour_mode: ColourMode = "cmyk"
    #: the press the PDF is made for: ink limit, dot gain, PDF/X output intent (exporters/separation.py)
    printing_condition: PrintingConditionKey = "newsprint"
    #: the printing plant's own ICC output profile (a file path), or "": then the PDF is PDF/X-4
    icc_profile: str = ""
    #: 人名加空: a two-character name set with a full-width space (王　明) so that it aligns
    #: with three-character names, as newspapers do; off for A3/A4 bulletins
    spaced_names: bool = True
    portrait: PortraitSpec = field(default_factory=PortraitSpec)
    fit: FitLimits = field(default_factory=FitLimits)

    @classmethod
    def from_preset(cls, preset: SizePreset) -> PageSetup:
        """The page sizes a Chinese newsroom names (对开, 四开) plus ISO sizes for 简报."""
        presets: dict[str, PageSetup] = {
            "broadsheet": cls("broadsheet", 390.0, 543.0, Margins(22.0, 22.0, 18.0, 18.0), 8),
            "tabloid": cls("tabloid", 270.0, 390.0, Margins(20.0, 20.0, 20.0, 20.0), 6),
            "a3": cls("a3", 297.0, 420.0, Margins(18.0, 18.0, 16.0, 16.0), 5, body_size_pt=9.0,
                      spaced_names=False),
            "a4": cls("a4", 210.0, 297.0, Margins(20.0, 20.0, 18.0, 18.0), 3, body_size_pt=10.5,
                      leading_pt=16.0, spaced_names=False),
        }
        if preset == "custom":
            return cls(preset="custom")
        setup = presets[preset]
        return setup


@dataclass
class Credits:
    editor: str = ""  # 责任编辑
    art_editor: str = ""  # 美术编辑
    proofreader: str = ""  # 校对


@dataclass
class Paragraph:
    """A body paragraph. With ``lead`` set, its first sentence is a bold run-in lead."""

    text: str = ""
    lead: bool = False

    def split_lead(self) -> tuple[str, str]:
        """(lead sentence, rest). Computed, not stored, so edits can never desynchronise them."""
        if not self.lead:
            return "", self.text
        m = _LEAD_END.search(self.text)
        if m is None:
            return "", self.text
        return self.text[: m.end()], self.text[m.end():]


@dataclass
class Person:
    name: str = ""
    titles: list[str] = field(default_factory=list)


@dataclass
class Crop:
    """Visible part of an upright image, as fractions of its width and height."""

    x: float = 0.0
    y: float = 0.0
    w: float = 1.0
    h: float = 1.0

    @classmethod
    def framing(cls, width: int, height: int, aspect: float) -> Crop:
        """The largest crop of a ``width`` × ``height`` image at ``aspect`` (frame width / height),
        centred across and nearer the top, where heads are: what a picture editor sets before
        anyone adjusts it, so the frame prints exactly this crop and nothing is trimmed later."""
        if width <= 0 or height <= 0 or aspect <= 0:
            return cls()
        if width / height > aspect:  # too wide: trim the sides
            w = aspect * height / width
            return cls(x=(1 - w) / 2, y=0.0, w=w, h=1.0)
        h = width / aspect / height
        return cls(x=0.0, y=(1 - h) * 0.25, w=1.0, h=h)


@dataclass
class Portrait:
    image: str = ""  # name in the ImageStore ("<sha256>.<ext>")
    crop: Crop = field(default_factory=Crop)


@dataclass
class Placement:
    """Manual overrides of automatic placement; None means "let the layout decide"."""

    columns: int | None = None  # column span
    height_mm: float | None = None  # fixed height
    row: int | None = None  # 0-based row of the page's block rows this block must start
    headline_scale: float = 1.0  # copy-fit's choice (not a pin): the headline's size factor
    #: 转版: an article closing its page runs to the page's foot and its rest opens the next page
    #: (layout/jump.py); the make-up sets it where copy falls between two page counts
    continues: bool = False


@dataclass
class Banner:
    """版头 / 栏目: the band across the top of a page (e.g. 以优异成绩 庆祝建党100周年)."""

    id: str = field(default_factory=lambda: new_id("banner"))
    lines: list[str] = field(default_factory=list)


@dataclass
class HeadlineGroup:
    """引题 / 主题 / 副题 across the full width of a page."""

    id: str = field(default_factory=lambda: new_id("headline"))
    kicker: str = ""
    title: str = ""
    subtitle: str = ""


@dataclass
class SpeechSection:
    label: str = ""  # e.g. 2020
    heading: str = ""
    bullets: list[str] = field(default_factory=list)  # ◎ lines, stored with their ◎
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class SpeechBlock:
    """讲话摘编: the leader's speech excerpt, set in a framed box."""

    id: str = field(default_factory=lambda: new_id("speech"))
    type: Literal["speech"] = "speech"
    speaker: Person = field(default_factory=Person)
    sections: list[SpeechSection] = field(default_factory=list)
    attribution: str = ""
    placement: Placement = field(default_factory=Placement)
    portrait: Portrait | None = None  # the leader's photo, sized by PortraitSpec.leader_width_columns


@dataclass
class ColumnPhoto:
    """A news photo (活动照片) inside a column, with its caption (图为……), set after paragraph
    ``after`` (0: before the first paragraph; at or past the end: after the last).

    Kept apart from the portrait: the portrait is the person's frame of the bulletin-wide
    portrait size, a news photo is as wide as a column and as tall as its crop's shape.
    """

    picture: Portrait = field(default_factory=Portrait)
    caption: str = ""
    after: int = 0


@dataclass
class TableRow:
    cells: list[str] = field(default_factory=list)


@dataclass
class ColumnTable:
    """A small table of figures (项目 / 数量) inside a column, set after paragraph ``after``.

    Rows of cells as typed; the first ``header_rows`` rows are the heading. The layout rules
    it, sets it in the body font and aligns figures right; one too wide for a column spans
    the whole block.
    """

    rows: list[TableRow] = field(default_factory=list)
    header_rows: int = 1
    after: int = 0

    @property
    def width(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


@dataclass
class ColumnBlock:
    """One city's or organisation's column: headline, person, portrait, body, its news photos
    and tables (each anchored after a paragraph)."""

    id: str = field(default_factory=lambda: new_id("column"))
    type: Literal["column"] = "column"
    region: str = ""  # e.g. 西安
    organisation: str = ""  # shown instead of a person when there is none (杨凌示范区总工会)
    headline: str = ""
    person: Person | None = None
    portrait: Portrait | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    placement: Placement = field(default_factory=Placement)
    kicker: str = ""  # 引题 above the headline
    photos: list[ColumnPhoto] = field(default_factory=list)
    tables: list[ColumnTable] = field(default_factory=list)

    def flow(self) -> list[Paragraph | ColumnPhoto | ColumnTable]:
        """Paragraphs with the photos and tables where they stand, in reading order (photos
        before tables at the same place, each in list order)."""
        out: list[Paragraph | ColumnPhoto | ColumnTable] = []
        inserts = sorted([*self.photos, *self.tables], key=lambda x: (min(max(x.after, 0), len(self.paragraphs)),
                                                                      isinstance(x, ColumnTable)))
        k = 0
        for i, para in enumerate(self.paragraphs):
            while k < len(inserts) and min(max(inserts[k].after, 0), len(self.paragraphs)) <= i:
                out.append(inserts[k])
                k += 1
            out.append(para)
        out += inserts[k:]
        return out


@dataclass
class PictureBlock:
    """A news photo or an advertisement with an optional caption (图片说明).

    It fills the width it is given and takes its height from the crop's shape, so the printed
    picture always shows exactly the part the user chose.
    """

    id: str = field(default_factory=lambda: new_id("picture"))
    type: Literal["picture"] = "picture"
    picture: Portrait = field(default_factory=Portrait)
    caption: str = ""
    placement: Placement = field(default_factory=Placement)


Block = SpeechBlock | ColumnBlock | PictureBlock


@dataclass
class Page:
    id: str = field(default_factory=lambda: new_id("page"))
    label: str = ""  # edition/page label, e.g. 第3版 · 专版
    banner: Banner | None = None
    headline: HeadlineGroup | None = None
    blocks: list[Block] = field(default_factory=list)
    #: typing never moves other blocks: each block keeps the place and size recorded in its
    #: placement, and text that no longer fits is overset in its own block
    fixed_layout: bool = False


@dataclass
class Bulletin:
    publication: str = ""  # 陕西工人报
    issue_title: str = ""
    date: str = ""  # ISO date as typed by the user, e.g. 2021-04-20
    issue_number: str = ""
    edition: str = ""  # e.g. 专版
    credits: Credits = field(default_factory=Credits)
    page_setup: PageSetup = field(default_factory=PageSetup)
    fonts: dict[str, str] = field(default_factory=dict)  # role -> family name or path
    chars_target: int | None = None  # characters per column the editor aims for (proofreading budget)
    pages: list[Page] = field(default_factory=list)
    images: ImageStore = field(default_factory=ImageStore)

    @property
    def printed_title(self) -> str:
        """The bulletin's title as the page prints it: the first page's headline (主题); the
        ``issue_title`` only when no page prints one (an older file, a page without headline)."""
        for page in self.pages[:1]:
            if page.headline is not None and page.headline.title.strip():
                return page.headline.title.strip()
        return self.issue_title

    def iter_blocks(self):
        """All blocks in reading order, with their page."""
        for page in self.pages:
            for block in page.blocks:
                yield page, block

    def find(self, item_id: str):
        """The page, banner, headline group or block with this id, or None."""
        for page in self.pages:
            if page.id == item_id:
                return page
            for item in (page.banner, page.headline, *page.blocks):
                if item is not None and item.id == item_id:
                    return item
        return None


def block_texts(block: Block | Banner | HeadlineGroup) -> list[str]:
    """Every piece of text a block prints, in reading order (for counts and checks).

    The speaker's name and titles are printed under the leader's portrait; without one they are
    the speech's metadata (the attribution says them), proofread but not counted as printed.
    """
    from model.texts import iter_item_texts  # the one walker; it imports this module

    printed_speaker = isinstance(block, SpeechBlock) and block.portrait is not None and bool(block.portrait.image)
    return [text for field, _index, _role, text in iter_item_texts(block)
            if printed_speaker or not field.startswith("speaker.")]


def char_count(texts: list[str]) -> int:
    """Characters a typesetter counts: everything but white space."""
    return sum(1 for t in texts for ch in t if not ch.isspace())


def issue_label(issue_number: str) -> str:
    """The issue number as a folio prints it: "1288", "第 1288 期" and "第1288期" all give
    "第1288期"; a form of the user's own ("总第 1288 期", "2021 年第 3 期") is kept as typed."""
    s = issue_number.strip()
    if not s or "期" in s and not re.fullmatch(r"第\s*(.+?)\s*期", s):
        return s
    core = re.fullmatch(r"第?\s*(.+?)\s*期?", s).group(1)  # type: ignore[union-attr]
    return f"第{core}期"
