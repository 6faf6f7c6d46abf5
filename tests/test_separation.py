"""Picture separation and press-safe flat colours for a printing condition (issue 13)."""

from __future__ import annotations

import pytest
from PIL import Image

from exporters.separation import (
    CONDITIONS,
    PressColours,
    dot_gain_lut,
    grey_level,
    one_ink,
    raise_tints,
    separate,
    total_ink,
)

NEWS = CONDITIONS["newsprint"]


def test_dot_gain_curve_makes_a_50_percent_grey_print_as_50_percent():
    lut = dot_gain_lut(NEWS.tvi40)
    assert lut[0] == 0 and lut[255] == 255
    assert all(a <= b for a, b in zip(lut, lut[1:]))
    d = lut[128] / 255
    g = NEWS.tvi40 / 0.24
    printed = d + g * d * (1 - d)
    assert d < 0.4 and printed == pytest.approx(128 / 255, abs=0.01)


def test_rgb_is_capped_and_neutrals_go_to_black():
    hsv = Image.merge("HSV", (Image.linear_gradient("L").rotate(90), Image.new("L", (256, 256), 255),
                              Image.linear_gradient("L"))).convert("RGB")
    out = separate(hsv, "cmyk", NEWS).image
    assert out.mode == "CMYK" and total_ink(out) <= round(NEWS.total_ink * 255)
    plain = separate(hsv, "cmyk", None).image
    assert total_ink(plain) > round(NEWS.total_ink * 255)  # the picture is hostile without the cap
    grey = separate(Image.new("RGB", (4, 4), (128, 128, 128)), "cmyk", NEWS).image
    c, m, y, k = grey.getpixel((0, 0))
    # on K (the table's interpolation may leave a 1/255 trace: no dot prints that small), lightened
    assert max(c, m, y) <= 2 and 0 < k < 128


def test_cmyk_over_the_limit_is_reseparated_and_under_passes():
    heavy = Image.new("CMYK", (8, 8), (255, 255, 255, 255))
    sep = separate(heavy, "cmyk", NEWS)
    assert sep.reseparated and sep.source_ink == pytest.approx(4.0)
    assert total_ink(sep.image) <= round(NEWS.total_ink * 255)
    light = Image.new("CMYK", (8, 8), (100, 50, 0, 20))
    sep = separate(light, "cmyk", NEWS)
    assert not sep.reseparated and sep.image.tobytes() == light.tobytes()


def test_grey_export_compensates_dot_gain():
    out = separate(Image.new("L", (2, 2), 128), "grey", NEWS).image
    assert out.mode == "L" and out.getpixel((0, 0)) > 128  # a lighter grey that prints as 50 %


def test_flat_colour_rules():
    assert raise_tints((0, 0, 0, 0.02), 0.05) == ((0, 0, 0, 0.05), True)
    assert raise_tints((0, 0, 0, 0), 0.05)[1] is False
    assert one_ink((0, 1, 1, 0)) == ((0, 1, 0, 0), True)
    assert one_ink((0, 0, 0, 1))[1] is False
    assert grey_level((0, 0, 0, 0.5)) == 0.5
    press = PressColours("cmyk", NEWS)
    assert press.stroke((0, 1, 1, 0), 0.4) == (0, 1, 0, 0)  # a 0.4 pt rule in one ink
    assert press.stroke((0, 1, 1, 0), 2.0) == (0, 1, 1, 0)  # a thick one keeps both
    assert press.fill((0, 0, 0, 0.03)) == (0, 0, 0, 0.05)
    c, m, y, k = press.fill((1, 1, 1, 1))
    assert c + m + y + k == pytest.approx(NEWS.total_ink) and k == 1
    press.stroke((0, 0, 0, 1), 0.1)
    assert press.overprints((0, 0, 0, 1)) and not press.overprints((0, 1, 1, 0))
    kinds = {p.kind for p in press.problems()}
    assert kinds == {"one_ink", "faint_tint", "ink_limit", "hairline"}
    grey = PressColours("grey", NEWS)
    assert grey.fill((0, 0, 0, 0.04)) == (0, 0, 0, 0.05) and not grey.overprints((0, 0, 0, 1))
    screen = PressColours("rgb", NEWS)
    assert screen.fill((0, 0, 0, 0.02)) == (0, 0, 0, 0.02) and screen.problems() == []


def test_flat_colour_preflight_matches_the_export():
    from exporters.pdf import pdf_bytes
    from exporters.pdfx import EPOCH_2000
    from exporters.separation import flat_colour_problems
    from layout.document import lay_out_bulletin
    from layout.types import LaidOutPage, Rect, Rule
    from model.example import example_bulletin

    b = example_bulletin()
    doc = lay_out_bulletin(b)
    doc.pages[0].items += [Rule(0, 0, 10, 0, 0.1, (0, 0, 0, 1)), Rect(0, 0, 5, 5, fill=(0.02, 0, 0, 0))]
    found = flat_colour_problems(doc.pages, "cmyk", NEWS)
    assert {p.kind for p in found} == {"one_ink", "hairline", "faint_tint"}
    exported = pdf_bytes(b, doc=doc, condition="newsprint", when=EPOCH_2000).problems
    assert [p for p in exported if p.kind in {"one_ink", "hairline", "faint_tint"}] == found
    assert flat_colour_problems([LaidOutPage(1, 10, 10)], "cmyk", NEWS) == []
