"""Portraits in one row stand level (issue 24, point 3): planned by the packer, drawn as planned.

page_quality.py reads portraits of one width whose tops lie within 40 mm as one row and wants
their tops within a line pitch. A row's cells open with portraits under headlines of different
depths, a group's portraits stand under the group's headline, and stacked blocks in two cells
can bring portraits near each other lower down.
"""

from __future__ import annotations

from layout.document import lay_out_page
from layout.grid import make_grid
from layout.packing import _level_stacked, _pads, pack
from layout.quality import measure_page
from layout.types import Picture


def _pack(heights, heads, columns=6, available=200, follows=None, cap_lines=None, stretch=0):
    n = len(heights)
    return pack(n, columns, available, lambda i, s: heights[i], [columns // n] * n, [None] * n,
                stretch=lambda i, s: stretch, follows=follows, cap_lines=cap_lines,
                portrait_head=lambda i, s: heads[i], portrait_apart=10)


def test_a_row_is_planned_tall_enough_for_its_shorter_headline_to_take_the_air_that_levels_its_portrait():
    plain = _pack([30, 30], [None, None])
    assert len(plain) == 1 and plain[0].height == 30
    levelled = _pack([30, 30], [1, 4])  # 3 lines between the headlines: 2 lines of air under the shorter
    assert len(levelled) == 1 and levelled[0].height == 32


def test_a_line_of_difference_is_within_the_rule_and_takes_no_air():
    assert _pads([2, 3], [None, None]) == [0, 0]
    assert _pads([1, 4, None], [None, None, None]) == [2, 0, 0]


def test_a_groups_cells_stand_at_the_depth_of_the_group_headline_and_take_no_air():
    # cells 0 and 1 are a group under a 5-line headline; cell 2's own headline is 1 line
    assert _pads([3, 0, 1], [5, 5, None]) == [0, 0, 3]


def test_stacked_portraits_near_each_other_are_shifted_level_where_the_block_above_has_room():
    heights = {0: 20, 1: 30, 2: 25, 3: 30}
    rooms = {0: 5, 1: 0, 2: 0, 3: 0}
    heads = {0: 2, 1: 2, 2: 2, 3: 2}
    lines = [20, 35, 25, 30]  # cell A: blocks 0, 1; cell B: blocks 2, 3 — portraits of 1 and 3 at 22 and 27
    out, left = _level_stacked(0, (2, 2), (3, 3), lines, [0, 0], lambda b, s: heads[b],
                               lambda b, s: (heights[b], rooms[b]), apart=10)
    assert left == 0 and out[0] == 25 and out[1] == 30 and sum(out[:2]) == sum(lines[:2])
    # no room above either: left as it is, and counted
    rooms[0] = 0
    out, left = _level_stacked(0, (2, 2), (3, 3), lines, [0, 0], lambda b, s: heads[b],
                               lambda b, s: (heights[b], rooms[b]), apart=10)
    assert left == 1 and out == lines


def test_a_groups_portraits_are_measured_at_the_group_headline_not_at_their_own():
    """A speech, a group's leader (own headline 3 lines) and its follower (none) with an article
    stacked under it: leader and follower stand under the group's 4-line headline, level — not
    a pair three lines apart that would send the page to be planned again."""
    heads = {0: None, 1: 3, 2: 0, 3: 0}
    args = (0, (1, 1, 2), (2, 2, 4), [45, 45, 22, 23], [0, 0, 0], lambda b, s: heads[b], lambda b, s: (20, 0), 9)
    assert _level_stacked(*args)[1] == 1
    assert _level_stacked(*args, [None, 4, 4])[1] == 0


def test_rows_whose_stacked_portraits_cannot_stand_level_are_planned_again_without_them():
    """Two cells of two stacked blocks would set the lower portraits three lines apart, with no
    room to level them: the packer plans the page again and takes the next best rows (one block
    beside a stack of three), whose portraits are level or far apart."""
    h = {0: {2: 50, 3: 20, 4: 15}, 1: {2: 70, 3: 30, 4: 15}, 2: {2: 60, 3: 23, 4: 17}, 3: {2: 70, 3: 27, 4: 18}}

    def run(apart):
        return pack(4, 6, 50, lambda i, s: h[i].get(s, 99), [None] * 4, [None] * 4, stretch=lambda i, s: 0,
                    portrait_head=lambda i, s: 2, portrait_apart=apart)

    unchecked = run(0)
    assert [(r.cells, r.spans) for r in unchecked] == [((2, 2), (3, 3, 3, 3))]  # portraits at lines 22 and 25
    checked = run(10)
    assert [(r.cells, r.spans) for r in checked] == [((1, 3), (2, 4, 4, 4))]


def test_a_group_leader_and_its_follower_with_portraits_stand_level_beside_a_headed_column():
    """The case that broke: a follower (no headline of its own) was given air as if its headline
    were missing, and its portrait stood lines below its leader's."""
    from benchmarks.makeup_corpus import bulletin_for
    from layout.fit import apply
    from makeup import changes_for, plan_makeup

    checked = 0
    for index in (3,):
        b = bulletin_for(index)
        apply(changes_for(b, plan_makeup(b).best.plan))
        g = make_grid(b.page_setup)
        for number, page in enumerate(b.pages, 1):
            lp, _problems = lay_out_page(b, page, number)
            q = measure_page(lp, g)
            if q.portraits > 1:
                checked += 1
                assert "tops" not in q.failures, (index, number, q.portrait_tops_mm)
                assert any(isinstance(it, Picture) for it in lp.items)
    assert checked >= 2


def test_a_narrow_page_title_opens_up_and_a_narrow_kicker_stands_between_hairlines():
    """The page's title group leaves no white wells above the first row: a title narrower than
    the type area is letter-spaced towards it, and a kicker far narrower than it is framed by
    hairlines to the area's edges (page_quality.py counts white beside them as holes)."""
    from layout.quality import ink_grid
    from layout.types import GlyphRun, Rule
    from model.document import HeadlineGroup
    from model.example import example_bulletin

    b = example_bulletin()
    page = b.pages[0]
    page.headline = HeadlineGroup(kicker="向三秦职工报告", title="建功“十四五” 工会在行动", subtitle="——地市工会篇")
    g = make_grid(b.page_setup)
    lp, _problems = lay_out_page(b, page, 1)
    hid = page.headline.id
    title = [it for it in lp.items if isinstance(it, GlyphRun) and it.block_id == hid and it.size > 30]
    left = min(r.x + r.xs[0] for r in title)
    right = max(r.x + r.xs[-1] + r.advances[-1] for r in title)
    assert left < g.left + g.col_w and right > g.left + g.width - g.col_w  # it reaches the outer columns
    first_block = min(a.y for a in lp.areas if a.kind not in ("headline", "banner"))
    hairlines = [it for it in lp.items if isinstance(it, Rule) and it.y0 == it.y1 and it.y0 < first_block
                 and (it.x0 <= g.left + 0.5 or it.x1 >= g.left + g.width - 0.5) and it.width < 1]
    assert len(hairlines) >= 4  # both sides of the kicker and of the subtitle
    ink, top, _bottom, _runs = ink_grid(lp, g)
    rows = int((first_block - top) // g.leading)
    for k in range(g.columns):
        run = longest = 0
        for r in range(rows):
            run = 0 if ink[r][k] else run + 1
            longest = max(longest, run)
        assert longest < 2, (k, longest)  # no white well of two lines or more in the title group


def test_a_line_of_air_above_a_headline_never_leaves_two_white_lines_above_or_below_its_letters():
    """TOP_AIR goes above a headline only where its letters, raised in their slot if need be,
    leave under two whole white cells up to the rule above and down to the body — cells of
    page_quality.py's measure, which runs from the page's first ink (so the same headline is
    raised on one page and not on another)."""
    from dataclasses import replace as dc_replace

    from benchmarks.makeup_corpus import bulletin_for
    from layout.blocks import BlockMeasurer
    from layout.document import ImageSizes, _air_raise, registry_for
    from layout.types import GlyphRun, LaidOutPage

    b = bulletin_for(86)
    g = make_grid(b.page_setup)
    blk = b.pages[0].blocks[0]
    blk = dc_replace(blk, placement=dc_replace(blk.placement, headline_scale=1.25))
    m = BlockMeasurer(g, registry_for(b), b.page_setup.portrait, b.page_setup.spaced_names).measure(blk, ImageSizes(b.images))
    raises = set()
    for off in (0.0, 3.0, 6.0, 9.0, 12.0):  # where the page's first letters stand
        lp = LaidOutPage(1, g.page_w, g.page_h)
        lp.items = [GlyphRun(g.left, g.top + off + 0.88 * 20, "题", 20.0, "title", (0.0,), (20.0,), (1,))]
        raises.add(_air_raise(m, g, lp, 20, m.head_big(3)))
    assert len(raises) > 1 and max(r for r in raises if r is not None) > 0
    for index in (59, 119):  # as generated: their pages took the air where it left two white lines
        b = bulletin_for(index)
        g = make_grid(b.page_setup)
        _check_no_white_pair_over_headlines(b, g)


def _check_no_white_pair_over_headlines(b, g) -> None:
    import math

    from layout.quality import INK_ABOVE, ink_grid
    from layout.types import GlyphRun

    for number, page in enumerate(b.pages, 1):
        lp, _problems = lay_out_page(b, page, number)
        ink, top, _bottom, _runs = ink_grid(lp, g)
        for run in (it for it in lp.items if isinstance(it, GlyphRun) and it.xs and it.size > 1.6 * g.body):
            row = math.floor((run.y - INK_ABOVE * run.size - top) / g.leading)
            cols = {k for k in range(g.columns)
                    if g.col_x(k) < run.x + run.xs[-1] and g.col_x(k) + g.col_w > run.x + run.xs[0]}
            for k in cols:
                if 2 <= row <= len(ink):
                    assert ink[row - 1][k] or ink[row - 2][k], (number, run.text, k)
