"""The bulletin's typography, defined once: every text role's size, face, leading, weight and
colour, and the named numbers the page composer sets type with (DESIGN §5, issue 18).

The layout (so the preview and the PDF) and the DOCX exporter both read their sizes from
here, so a name set at 1.3 × body on the printed page is 1.3 × body in Word too. Sizes are
relative to the page setup's body size, optionally capped in points, exactly as the page
composer computes them (``min(rel × body, cap)``); a headline the layout shrinks to fit its
width starts from ``size`` and never goes below ``min_size``.

No Qt here; colours are named (``accent`` …) and given as process CMYK for print below, so
an RGB back end (DOCX) maps the same names to its own values.
"""

from __future__ import annotations

from dataclasses import dataclass

Colour = tuple[float, float, float, float]

# ---------------------------------------------------------------------------- named numbers

#: Ascent of the em box as a fraction of the size: the baseline sits this far below the top
#: of a character's square (Noto/Source Han design: 0.88 em above, 0.12 em below).
ASCENT = 0.88
#: A headline too wide for its measure is scaled by width/natural and then by this much
#: more, so rounding never leaves it a hair too wide to stay on one line.
FIT_SHRINK = 0.999
#: Peer headlines on one page stay in one size class: the largest at most this many times the
#: smallest. A headline too long for one line shrinks only this far, then breaks into lines.
HEADLINE_PEER_RATIO = 1.25
#: Grid lines the banner band takes, the rule gap below it included.
BANNER_LINES = 6
#: Padding left and right inside the banner band, in body ems.
BANNER_PAD_EM = 1.5
#: Share of the band's width the side texts of a banner may take before they shrink.
BANNER_SIDE_WIDTH = 0.34
#: Line pitch of a wrapped banner text, as a multiple of its size.
BANNER_LINE_FACTOR = 1.2
#: Baseline below the band's middle, as a fraction of the size (optically centres Han).
BANNER_BASELINE = 0.38
#: A banner's text size as a fraction of the band height, by how many texts it holds:
#: one centred word; two texts left and right; three or more (left, centre, right).
BANNER_ONE = 0.55
BANNER_TWO = 0.3
BANNER_SIDE = 0.28
BANNER_CENTRE = 0.62
#: The subtitle is set across this share of the page width, centred.
SUBTITLE_MEASURE = 0.9
#: Grid lines a body-size paragraph line takes per line of larger type: size × factor / leading.
LINES_FACTOR = 1.25
#: Folio: its size relative to body, and the distance from the foot rule to its em box (pt).
FOLIO_GAP = 4.0
#: Body paragraphs open with a two-em indent (DESIGN §5).
BODY_INDENT_EM = 2.0

# ---------------------------------------------------------------------------- colours

#: Process CMYK of the named colours: 专色红 as process red, its darker shade, the warm tint
#: of the speech box, black and white.
CMYK: dict[str, Colour] = {
    "accent": (0.0, 1.0, 1.0, 0.0),
    "accent_dark": (0.0, 1.0, 1.0, 0.25),
    "tint": (0.0, 0.05, 0.12, 0.0),
    "black": (0.0, 0.0, 0.0, 1.0),
    "white": (0.0, 0.0, 0.0, 0.0),
}


@dataclass(frozen=True)
class TextStyle:
    """One text role. ``rel`` × body, capped at ``cap`` pt when given; ``min_rel`` × body is
    the smallest a fitted headline may become; ``line`` is the line pitch as a multiple of the
    size (0: the body leading, 1 line per grid line)."""

    key: str
    font_role: str  # role in Bulletin.fonts / layout.fonts.ROLES
    rel: float
    cap: float | None = None
    min_rel: float | None = None
    line: float = 0.0
    bold: bool = False
    colour: str = "black"

    def size(self, body: float) -> float:
        """The size in points on a page whose body type is ``body`` pt."""
        size = self.rel * body
        return size if self.cap is None else min(size, self.cap)

    def min_size(self, body: float) -> float:
        return self.size(body) if self.min_rel is None else self.min_rel * body


#: Every text role of the bulletin, as the layout sets it.
STYLES: dict[str, TextStyle] = {s.key: s for s in (
    # banner sizes depend on the band, not on body: see banner_sizes
    TextStyle("banner", "banner", 1.0, colour="white"),
    TextStyle("kicker", "kicker", 1.8, line=1.5),
    TextStyle("title", "title", 6.0, cap=60.0, min_rel=2.5, line=1.3, bold=True, colour="accent"),
    TextStyle("subtitle", "subtitle", 1.9, line=1.6),
    TextStyle("column_headline", "heading", 2.6, cap=24.0, min_rel=1.3, line=1.2),
    TextStyle("speech_label", "label", 2.6, colour="accent"),
    TextStyle("speech_heading", "heading", 1.25, colour="accent_dark"),
    TextStyle("speech_bullet", "kicker", 1.0),
    TextStyle("body", "body", 1.0),
    TextStyle("lead", "lead", 1.0, bold=True),
    TextStyle("name", "name", 1.3, bold=True),
    TextStyle("title_line", "title_line", 0.9),
    TextStyle("caption", "caption", 1.0),
    TextStyle("attribution", "caption", 1.0),
    TextStyle("folio", "label", 0.9),
)}


def style(key: str) -> TextStyle:
    return STYLES[key]


def banner_ratios(count: int) -> list[float]:
    """Each banner text's size as a fraction of the band height, for ``count`` texts (the
    middle ones of three or more share one centre slot)."""
    if count <= 1:
        return [BANNER_ONE]
    if count == 2:
        return [BANNER_TWO, BANNER_TWO]
    return [BANNER_SIDE, BANNER_CENTRE, BANNER_SIDE]


def banner_height(leading: float) -> float:
    """Height of the red band in points (its last grid line is the gap below it)."""
    return (BANNER_LINES - 1) * leading
