"""The laid-out document: the one thing every drawing back end consumes.

The PDF exporter, the Qt preview and any PNG renderer draw exactly these items and make no
typesetting decision of their own; that is what keeps preview and print line-for-line equal
(DESIGN §2). Everything is plain frozen data in points, origin at the top-left corner of the
trimmed page, y growing downwards (the PDF back end flips it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: A colour as CMYK fractions 0..1. Black text is (0, 0, 0, 1): pure K, never RGB black.
Colour = tuple[float, float, float, float]

BLACK: Colour = (0.0, 0.0, 0.0, 1.0)
WHITE: Colour = (0.0, 0.0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class GlyphRun:
    """Glyphs of one face at one size on one baseline, each at an explicit x.

    ``text`` holds one code point per glyph (``len(text) == len(glyphs) == len(xs)``) so that
    back ends can emit searchable text and tests can check order and position of every
    character.
    """

    font: str  # key of the face in layout.fonts' registry
    size: float  # pt
    x: float  # origin of the run; glyph i is drawn at x + xs[i]
    y: float  # baseline
    text: str
    glyphs: tuple[int, ...]
    xs: tuple[float, ...]
    advances: tuple[float, ...]  # the width each glyph occupies on the line (after compression)
    bold: float = 0.0  # synthetic-bold stroke width in pt; 0 for none
    colour: Colour = BLACK
    block_id: str = ""


@dataclass(frozen=True, slots=True)
class Rule:
    """A straight line (column rules, box frames, folio line)."""

    x0: float
    y0: float
    x1: float
    y1: float
    width: float = 0.5
    colour: Colour = BLACK


@dataclass(frozen=True, slots=True)
class Rect:
    """A filled and/or stroked rectangle (banner band, tinted speech box)."""

    x: float
    y: float
    w: float
    h: float
    fill: Colour | None = None
    stroke: Colour | None = None
    stroke_width: float = 0.5


@dataclass(frozen=True, slots=True)
class Picture:
    """An image from the bulletin's image store placed in a frame.

    ``crop`` is the visible part of the source as fractions (x, y, w, h) of the upright
    (EXIF-rotated) image; the back end scales that part to fill ``w`` × ``h``.
    """

    image: str
    x: float
    y: float
    w: float
    h: float
    crop: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 1.0)
    block_id: str = ""


Item = GlyphRun | Rule | Rect | Picture


@dataclass(frozen=True, slots=True)
class BlockArea:
    """Where a block landed, for hit-testing in the preview and geometry checks in tests."""

    block_id: str
    kind: str
    x: float
    y: float
    w: float
    h: float


ProblemKind = Literal[
    "overset", "underset", "fallback", "missing_glyph", "low_res", "missing_portrait", "title_fit",
    "ink_limit", "faint_tint", "one_ink", "hairline", "no_output_intent", "screen_only",
    "bad_image",  # a picture that cannot be drawn (missing, unreadable, truncated)
    "truncated",  # text that is not drawn in full outside the text flow (banner, folio, a name)
    "space",  # leftover space on a page, gathered in one rectangle
    "short_copy",  # 缺稿: a page more than 10 % white, with the characters that would fill it
    "group_apart",  # an article without a headline set apart from its group's headline
    "page_rules",  # a page with copy enough that still breaks a make-up rule (holes, a stranded line …)
]
Severity = Literal["error", "warning", "info"]

#: How bad each kind is — the one table the problems panel, the export report and the command
#: line's exit status read. "error": something is not printed as the user wrote it.
SEVERITY: dict[str, Severity] = {
    "overset": "error",
    "missing_glyph": "error",
    "title_fit": "warning",
    "missing_portrait": "warning",
    "low_res": "warning",
    "fallback": "info",
    "underset": "info",
    "ink_limit": "warning",
    "faint_tint": "warning",
    "one_ink": "info",
    "hairline": "warning",
    "no_output_intent": "warning",
    "screen_only": "warning",
    "bad_image": "error",
    "truncated": "error",
    "space": "info",
    "short_copy": "warning",
    "group_apart": "warning",
    "page_rules": "warning",
}
#: Kinds whose content is not on the page at all: `export` exits 1 on them unless told otherwise.
LOST_KINDS: frozenset[str] = frozenset({"overset", "truncated", "bad_image"})


@dataclass(frozen=True, slots=True)
class Problem:
    """Something the user must hear about; never a silent clip or a silent box glyph.

    Structured, so that each edge (command line, problems panel, export dialog) words it in its
    own language from the same facts (``layout.messages``) and nothing parses text back.
    ``message`` is the producer's own Chinese wording, used only for a kind the catalogue does
    not know.
    """

    kind: ProblemKind
    block_id: str
    message: str = ""
    chars: int = 0  # characters concerned (overset characters; occurrences of a fallback character)
    lines: int = 0  # lines concerned (overset lines, lines a block is short)
    role: str = ""  # the text role concerned (body, title, banner, name …)
    text: str = ""  # the characters concerned (a missing glyph, a person's name …)
    numbers: tuple[tuple[str, float], ...] = ()  # named measurements: ("ppi", 250.0), ("size_pt", 30.0)

    @property
    def severity(self) -> Severity:
        return SEVERITY.get(self.kind, "warning")

    def number(self, key: str, default: float = 0.0) -> float:
        for k, v in self.numbers:
            if k == key:
                return v
        return default


@dataclass(slots=True)
class LaidOutPage:
    number: int  # 1-based
    width: float  # trim size, pt
    height: float
    items: list[Item] = field(default_factory=list)
    areas: list[BlockArea] = field(default_factory=list)
    #: body baseline grid of this page: (y of the first baseline, pitch); (0, 0) when unknown
    grid: tuple[float, float] = (0.0, 0.0)
    #: the page's leftover space gathered in one rectangle (x, y, w, h), for a picture block or
    #: more copy; drawn as a dashed frame in the preview, never printed
    space: tuple[float, float, float, float] | None = None
    #: how well the page is made up (layout.quality.PageQuality), measured once when laid out
    quality: object | None = None
    #: the page as laid out when it is not the bulletin's own object: a 转版 (layout/jump.py)
    #: put the rest of an article at its head or cut its last article at its foot
    source: object | None = None


@dataclass(slots=True)
class LaidOutDocument:
    pages: list[LaidOutPage] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
