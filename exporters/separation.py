"""Colour for the press: printing conditions, picture separation, and press-safe flat colours.

A printing plant prints on one paper with one press; what it can carry is its *printing
condition*: how much ink in all may lie on one spot (total area coverage, "TAC") before it
sets off or smears, how much a halftone dot grows on the paper (tone value increase, "dot
gain"), and the smallest tint that still prints as a dot. Pictures are separated for it:

* With the printer's ICC profile, RGB goes through LittleCMS (Pillow's ImageCms, perceptual).
* Without one, a documented black generation is used: full grey-component replacement
  (K = 1 − max(R, G, B); C = (max − R) / max …), then the dot-gain compensation curve of
  the condition (the dot that prints as the tone the pixel asked for, under a parabolic
  tone value increase model TVI(a) = tvi40 · a(1 − a) / 0.24), then the total-ink cap (where
  C + M + Y + K exceeds the limit, C, M and Y are scaled down; K keeps the detail).
* CMYK pictures were separated by someone for some press; they pass unchanged unless they
  exceed the limit, then they are re-separated (common grey moved to K, then capped) and the
  report says so.

Flat colours (text, rules, tints) are the designer's numbers and keep them, except that a tint
below the condition's minimum is raised to it and a thin rule is set in one ink (registration).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache

from layout.types import Colour, Problem


@dataclass(frozen=True)
class PrintingCondition:
    """A press and paper the file is made for (see module docstring)."""

    key: str
    name: str  # for the user
    identifier: str  # OutputConditionIdentifier: a registered characterization of the ICC registry
    info: str  # OutputIntent /Info: what the condition is, in words
    total_ink: float  # TAC limit, 1.0 = 100 %
    tvi40: float  # tone value increase at a 40 % dot
    min_tint: float  # smallest tint that still prints as a dot
    icc_profile: str = ""  # path to the printer's own ICC output profile, or ""
    registry: str = "http://www.color.org"


CONDITIONS: dict[str, PrintingCondition] = {
    "newsprint": PrintingCondition(
        "newsprint", "新闻纸（冷固轮转，IFRA26，总墨量 240%）", "IFRA26",
        "ISO 12647-3:2004 coldset offset on standard newsprint (ISOnewspaper26v4)", 2.40, 0.26, 0.05),
    "coated": PrintingCondition(
        "coated", "铜版纸（单张胶印，FOGRA39，总墨量 300%）", "FOGRA39",
        "Coated FOGRA39 (ISO 12647-2:2004, paper type 1/2, 60 l/cm), total ink limited to 300 %",
        3.00, 0.13, 0.03),
    "uncoated": PrintingCondition(
        "uncoated", "胶版纸（非涂布，FOGRA29，总墨量 300%）", "FOGRA29",
        "Uncoated FOGRA29 (ISO 12647-2:2004, paper type 4, 60 l/cm)", 3.00, 0.18, 0.04),
}
DEFAULT_CONDITION = "newsprint"


class IccProfileError(ValueError):
    """The printer's ICC profile cannot be used (unreadable, or not a CMYK output profile)."""


def condition_for(key: str, icc_profile: str = "", total_ink: float | None = None) -> PrintingCondition:
    """The condition named ``key``; with ``icc_profile`` the printer's own profile (its TAC is
    ``total_ink`` when given, else the named condition's). Raises KeyError for an unknown key."""
    base = CONDITIONS[key]
    if not icc_profile:
        return base
    desc = profile_description(icc_profile)
    return PrintingCondition(
        "custom", desc, "Custom", desc, total_ink or base.total_ink, base.tvi40, base.min_tint, icc_profile,
        registry="")


def _file_key(path: str) -> tuple[str, int, int]:
    """A profile file as the caches know it: replaced under the same name, it is read again."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise IccProfileError(f"{path}: cannot read the ICC profile ({exc.strerror or exc})") from exc
    return path, st.st_size, st.st_mtime_ns


def _open_profile(path: str):  # type: ignore[no-untyped-def]
    return _open_profile_at(_file_key(path))


@lru_cache(maxsize=8)
def _open_profile_at(key: tuple[str, int, int]):  # type: ignore[no-untyped-def]
    from PIL import ImageCms

    path = key[0]
    try:
        prof = ImageCms.getOpenProfile(path)
    except (OSError, ImageCms.PyCMSError) as exc:
        raise IccProfileError(f"{path}: cannot read the ICC profile ({exc})") from exc
    space = prof.profile.xcolor_space.strip()
    cls = prof.profile.device_class.strip()
    if space != "CMYK" or cls != "prtr":
        raise IccProfileError(
            f"{path}: expected a CMYK output (printer) profile, got a {space} {cls or '?'} profile")
    return prof


def profile_description(path: str) -> str:
    prof = _open_profile(path)
    return (prof.profile.profile_description or "").strip() or path.rsplit("/", 1)[-1]


def profile_bytes(path: str) -> bytes:
    _open_profile(path)
    with open(path, "rb") as fh:
        return fh.read()


def _rgb_transform(path: str):  # type: ignore[no-untyped-def]
    return _rgb_transform_at(_file_key(path))


@lru_cache(maxsize=8)
def _rgb_transform_at(key: tuple[str, int, int]):  # type: ignore[no-untyped-def]
    from PIL import ImageCms

    return ImageCms.buildTransform(ImageCms.createProfile("sRGB"), _open_profile_at(key), "RGB", "CMYK",
                                   renderingIntent=ImageCms.Intent.PERCEPTUAL)


# --------------------------------------------------------------------------------------------
# Pictures


def dot_for_tone(a: float, tvi40: float) -> float:
    """The dot (0–1) that prints as tone ``a`` under TVI(d) = tvi40 · d(1 − d) / 0.24: the root in
    [0, 1] of d + g·d(1 − d) = a. Solid stays solid (with a gain above 24 % at 40 % the model's
    root for a = 1 is below 1)."""
    g = tvi40 / 0.24
    if a >= 1.0 or g <= 0:
        return min(a, 1.0)
    return ((1 + g) - ((1 + g) ** 2 - 4 * g * a) ** 0.5) / (2 * g)


@lru_cache(maxsize=16)
def dot_gain_lut(tvi40: float) -> tuple[int, ...]:
    """8-bit curve: for each wanted tone the dot that prints as that tone (TVI model above)."""
    return tuple(max(0, min(255, round(dot_for_tone(v / 255.0, tvi40) * 255))) for v in range(256))


def total_ink(img) -> int:  # type: ignore[no-untyped-def]
    """The highest C + M + Y + K of a CMYK picture, 255 = 100 %."""
    from PIL import ImageMath

    c, m, y, k = img.split()
    total = ImageMath.lambda_eval(lambda a: a["c"] + a["m"] + a["y"] + a["k"], c=c, m=m, y=y, k=k)
    return int(total.getextrema()[1])


def _cap(img, limit: float):  # type: ignore[no-untyped-def]
    """C, M, Y scaled down where C + M + Y + K is above ``limit`` (K untouched)."""
    from PIL import Image, ImageMath

    c, m, y, k = (ch.convert("I") for ch in img.split())
    lim = round(limit * 255)
    cmy = ImageMath.lambda_eval(lambda a: a["c"] + a["m"] + a["y"], c=c, m=m, y=y)
    # scale in 1/65536ths: 65536 where no cap is needed, else (lim − K) / (C + M + Y); floored
    # so that the sum never exceeds the limit after rounding
    scale = ImageMath.lambda_eval(
        lambda a: a["min"](a["max"](lim - a["k"], 0) * 65536 / a["max"](a["cmy"], 1), 65536), k=k, cmy=cmy)
    chans = [ImageMath.lambda_eval(lambda a: a["convert"](a["v"] * a["s"] / 65536, "L"), v=v, s=scale)
             for v in (c, m, y)]
    return Image.merge("CMYK", (*chans, k.convert("L")))


def _gcr(img):  # type: ignore[no-untyped-def]
    """Move the grey that C, M and Y share onto K (CMYK pictures over the limit)."""
    from PIL import Image, ImageChops

    c, m, y, k = img.split()
    grey = ImageChops.darker(ImageChops.darker(c, m), y)
    room = ImageChops.invert(k)
    grey = ImageChops.darker(grey, room)
    return Image.merge("CMYK", (ImageChops.subtract(c, grey), ImageChops.subtract(m, grey),
                                ImageChops.subtract(y, grey), ImageChops.add(k, grey)))


def _rgb_to_cmyk_gcr(img):  # type: ignore[no-untyped-def]
    """RGB → CMYK with full grey-component replacement, so neutrals print on the K plate."""
    from PIL import Image, ImageChops, ImageMath

    r, g, b = img.convert("RGB").split()
    mx = ImageChops.lighter(ImageChops.lighter(r, g), b)
    k = ImageChops.invert(mx)
    # C = (max − R) / max etc., as 8-bit: (max − R) · 255 // max(max, 1); the difference is
    # taken on 8 bits and the divisor once for all three channels
    divisor = ImageChops.lighter(mx, Image.new("L", mx.size, 1)).convert("I")

    def chan(v):  # type: ignore[no-untyped-def]
        diff = ImageChops.subtract(mx, v).convert("I")
        return ImageMath.lambda_eval(lambda a: a["convert"](a["d"] * 255 / a["m"], "L"), d=diff, m=divisor)

    return Image.merge("CMYK", (chan(r), chan(g), chan(b), k))


#: grid points per axis of the RGB → CMYK table (LittleCMS uses 33 for 8-bit CMYK output too)
LUT_SIZE = 33


@lru_cache(maxsize=8)
def rgb_to_press_lut(total_ink: float, tvi40: float, size: int = LUT_SIZE):  # type: ignore[no-untyped-def]
    """The whole no-profile separation (GCR, dot-gain curve, ink cap) as one 3-D table that
    Pillow applies in C with trilinear interpolation: one pass over the pixels instead of a dozen.
    Each grid point is within ``total_ink``, and an interpolated pixel is a weighted mean of grid
    points, so the cap holds between them too (up to 8-bit rounding)."""
    from PIL import ImageFilter

    def comp(a: float) -> float:
        return dot_for_tone(a, tvi40)

    total_ink -= 2.0 / 255  # room for rounding each channel to 8 bits
    steps = [i / (size - 1) for i in range(size)]
    table: list[float] = []
    add = table.extend
    for b in steps:
        for gr in steps:
            for r in steps:
                mx = max(r, gr, b)
                if mx <= 0.0:
                    c = m = y = 0.0
                else:
                    c, m, y = comp((mx - r) / mx), comp((mx - gr) / mx), comp((mx - b) / mx)
                k = comp(1.0 - mx)
                cmy = c + m + y
                if cmy + k > total_ink and cmy > 0:
                    f = max(total_ink - k, 0.0) / cmy
                    c, m, y = c * f, m * f, y * f
                add((c, m, y, k))
    return ImageFilter.Color3DLUT(size, table, channels=4, target_mode="CMYK")


@dataclass
class Separated:
    """A picture separated for the press, and what the report should say about it."""

    image: object  # PIL image, mode CMYK / L / RGB
    source_ink: float = 0.0  # a CMYK source's highest total ink (1.0 = 100 %), 0 for others
    reseparated: bool = False  # a CMYK source over the limit was re-separated
    notes: list[str] = field(default_factory=list)


#: how far under the ink limit pictures are capped when they are stored as JPEG: DCT ringing at
#: saturated edges adds up to ≈ 3 % of total ink to single pixels
JPEG_INK_HEADROOM = 0.04


def separate(img, mode: str, condition: PrintingCondition | None, headroom: float = 0.0):  # type: ignore[no-untyped-def]
    """``img`` (RGB, L or CMYK) in the colour ``mode`` for ``condition`` (None: no press —
    the plain conversion of before, for screen-only output); RGB and re-separated pictures are
    capped ``headroom`` under the limit. Returns :class:`Separated`."""
    from PIL import Image, ImageChops

    if mode in ("grey", "gray"):
        if img.mode == "CMYK":
            img = img.convert("RGB")
        grey = img.convert("L")
        if condition is not None:
            k = ImageChops.invert(grey).point(list(dot_gain_lut(condition.tvi40)))
            grey = ImageChops.invert(k)
        return Separated(grey)
    if mode != "cmyk":
        return Separated(img if img.mode in ("RGB", "L") else img.convert("RGB"))
    if img.mode == "CMYK":
        if condition is None:
            return Separated(img)
        before = total_ink(img) / 255.0
        if before <= condition.total_ink + 0.005:
            return Separated(img, source_ink=before)
        out = _cap(_gcr(img), condition.total_ink - headroom)
        return Separated(out, source_ink=before, reseparated=True)
    if img.mode == "L":
        k = ImageChops.invert(img)
        if condition is not None:
            k = k.point(list(dot_gain_lut(condition.tvi40)))
        zero = Image.new("L", img.size, 0)
        return Separated(Image.merge("CMYK", (zero, zero, zero, k)))
    if condition is None:
        return Separated(_rgb_to_cmyk_gcr(img))
    limit = condition.total_ink - headroom
    if condition.icc_profile:
        from PIL import ImageCms

        out = ImageCms.applyTransform(img.convert("RGB"), _rgb_transform(condition.icc_profile))
        if total_ink(out) > round(limit * 255):  # the profile's own limit may be higher
            out = _cap(out, limit)
        return Separated(out)
    return Separated(img.convert("RGB").filter(rgb_to_press_lut(round(limit, 4), condition.tvi40)))


# --------------------------------------------------------------------------------------------
# Flat colours

#: thinner strokes than this are set in one ink: two plates never register that closely
ONE_INK_BELOW_PT = 1.0
HAIRLINE_PT = 0.25


def is_black(colour: Colour) -> bool:
    """100 % K and nothing else: the colour that overprints."""
    c, m, y, k = colour
    return k >= 0.999 and c <= 0.001 and m <= 0.001 and y <= 0.001


def raise_tints(colour: Colour, minimum: float) -> tuple[Colour, bool]:
    """Each ink between 0 and ``minimum`` raised to it; (colour, whether anything changed)."""
    out = tuple(minimum if 0.0005 < v < minimum else v for v in colour)
    return out, out != tuple(colour)  # type: ignore[return-value]


def one_ink(colour: Colour) -> tuple[Colour, bool]:
    """A thin stroke's colour in its strongest ink (K on a tie); (colour, whether changed)."""
    inks = [v for v in colour if v > 0.0005]
    if len(inks) <= 1:
        return colour, False
    order = (3, 1, 0, 2)  # K, M, C, Y: the darker ink wins a tie
    best = max(order, key=lambda i: (colour[i], -order.index(i)))
    out = [0.0, 0.0, 0.0, 0.0]
    out[best] = colour[best]
    return tuple(out), True  # type: ignore[return-value]


def grey_level(colour: Colour) -> float:
    """The K value (0–1) a CMYK colour becomes in a grey export."""
    c, m, y, k = colour
    return min(1.0, k + 0.3 * c + 0.59 * m + 0.11 * y)


class PressColours:
    """The flat colours of one export made press-safe, counting what was changed for the report.

    ``mode`` is the export's colour mode; with ``condition`` None (RGB for screens) colours
    pass unchanged. Overprint is only for CMYK: 100 % K text and thin rules print on top of
    what is under them (no white gap on misregistration); everything else knocks out.
    """

    def __init__(self, mode: str, condition: PrintingCondition | None) -> None:
        self.mode = "grey" if mode == "gray" else mode
        self.condition = condition if self.mode in ("cmyk", "grey") else None
        self._memo: dict[tuple[Colour, bool, bool], Colour] = {}
        self.raised: set[Colour] = set()  # colours with a tint below the minimum
        self.capped: set[Colour] = set()  # flat colours over the total-ink limit
        self.single_ink: set[Colour] = set()  # thin strokes set in one ink
        self.hairlines: set[float] = set()  # stroke widths under HAIRLINE_PT

    def fill(self, colour: Colour) -> Colour:
        return self._adjust(colour, False, False)

    def stroke(self, colour: Colour, width: float) -> Colour:
        if 0 < width < HAIRLINE_PT and self.condition is not None:
            self.hairlines.add(round(width, 3))
        return self._adjust(colour, True, width < ONE_INK_BELOW_PT)

    def overprints(self, colour: Colour) -> bool:
        return self.mode == "cmyk" and self.condition is not None and is_black(colour)

    def _adjust(self, colour: Colour, stroke: bool, thin: bool) -> Colour:
        key = (tuple(colour), stroke, thin)
        out = self._memo.get(key)  # type: ignore[arg-type]
        if out is not None:
            return out
        out = tuple(min(1.0, max(0.0, float(v))) for v in colour)  # type: ignore[assignment]
        cond = self.condition
        if cond is not None:
            if self.mode == "grey":
                level = grey_level(out)
                if 0.0005 < level < cond.min_tint:
                    self.raised.add(tuple(colour))  # type: ignore[arg-type]
                    out = (0.0, 0.0, 0.0, cond.min_tint)
            else:
                if thin:
                    out, changed = one_ink(out)
                    if changed:
                        self.single_ink.add(tuple(colour))  # type: ignore[arg-type]
                out, changed = raise_tints(out, cond.min_tint)
                if changed:
                    self.raised.add(tuple(colour))  # type: ignore[arg-type]
                c, m, y, k = out
                if c + m + y + k > cond.total_ink + 1e-6:
                    s = max(0.0, cond.total_ink - k) / max(c + m + y, 1e-9)
                    out = (c * s, m * s, y * s, k)
                    self.capped.add(tuple(colour))  # type: ignore[arg-type]
        self._memo[key] = out  # type: ignore[index]
        return out  # type: ignore[return-value]

    def problems(self) -> list[Problem]:
        """What the report says about the flat colours (one line per kind)."""
        cond = self.condition
        out: list[Problem] = []

        def pct(colour: Colour) -> str:
            return "/".join(f"{round(v * 100)}" for v in colour)

        if cond is None:
            return out
        if self.raised:
            out.append(Problem("faint_tint", "", (
                f"{len(self.raised)} 种颜色的网点低于 {cond.min_tint:.0%}，在 {cond.identifier} 上印不出来，"
                f"已提高到 {cond.min_tint:.0%}：" + "、".join(map(pct, sorted(self.raised))))))
        if self.single_ink:
            out.append(Problem("one_ink", "", (
                f"{len(self.single_ink)} 种颜色的细线（{ONE_INK_BELOW_PT:g} pt 以下）用了多个色版，套印不准会出虚边，"
                "已改为其主色：" + "、".join(map(pct, sorted(self.single_ink))))))
        if self.capped:
            out.append(Problem("ink_limit", "", (
                f"{len(self.capped)} 种平网颜色的总墨量超过 {cond.total_ink:.0%}，已减少青、品、黄：" + "、".join(map(pct, sorted(self.capped))))))
        if self.hairlines:
            out.append(Problem("hairline", "", (
                f"线条细于 {HAIRLINE_PT} pt，印刷时可能断线：" + "、".join(f"{w:g} pt" for w in sorted(self.hairlines)))))
        return out


def flat_colour_problems(pages, mode: str, condition: PrintingCondition | None) -> list[Problem]:  # type: ignore[no-untyped-def]
    """The preflight of a laid-out document's flat colours (text, rules, boxes) without making a
    PDF — cheap enough for the editor's problems panel after every layout; the same lines the
    export reports (pictures need decoding and are reported by the export)."""
    from layout.types import GlyphRun, Rect, Rule

    # each distinct colour once (a page holds hundreds of runs in two or three colours), in the
    # order first met; what the press makes of a colour does not depend on how often it is used
    fills: dict = {}
    strokes: dict = {}
    for page in pages:
        for item in page.items:
            if isinstance(item, GlyphRun):
                fills[tuple(item.colour)] = None
            elif isinstance(item, Rule):
                strokes[(tuple(item.colour), item.width)] = None
            elif isinstance(item, Rect):
                if item.fill is not None:
                    fills[tuple(item.fill)] = None
                if item.stroke is not None:
                    strokes[(tuple(item.stroke), item.stroke_width)] = None
    press = PressColours(mode, condition)
    for colour in fills:
        press.fill(colour)
    for colour, width in strokes:
        press.stroke(colour, width)
    return press.problems()
