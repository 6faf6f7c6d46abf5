"""Column flow: smallest level height, reserved tops, headings kept with what follows."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from layout.flow import balance, min_height, split_fit


def test_portrait_reserves_the_top_of_the_first_column():
    h = [1] * 50
    H = min_height(h, 2, 12)
    assert H == 31  # (50 + 12) / 2
    assert balance(h, 2, H, 12) == [19, 31]


def test_two_column_picture_reserves_two_tops():
    h = [1] * 47
    H = min_height(h, 4, [10, 10])
    counts = balance(h, 4, H, [10, 10])
    assert sum(counts) == 47 and counts[0] == counts[1] == H - 10


def test_a_heading_never_ends_a_column():
    # 10 body lines, then a 3-line label kept with its first line, then 10 more
    h = [1] * 10 + [3] + [1] * 10
    keep = [False] * 10 + [True] + [False] * 10
    H = min_height(h, 2, 0, keep=keep)
    counts = balance(h, 2, H, 0, keep)
    assert counts[0] == 10  # the label moved to the top of column 2


def test_what_does_not_fit_is_counted():
    counts, lost = split_fit([1] * 30, 2, 10)
    assert counts == [10, 10] and lost == 10


@given(st.lists(st.integers(1, 3), min_size=1, max_size=80), st.integers(1, 5), st.integers(0, 15))
def test_balanced_columns_hold_everything_and_end_level(heights, columns, reserved):
    H = min_height(heights, columns, reserved)
    counts = balance(heights, columns, H, reserved)
    assert counts is not None and sum(counts) == len(heights)
    ends, i = [], 0
    for c, n in enumerate(counts):
        used = sum(heights[i:i + n]) + (reserved if c == 0 else 0)
        assert used <= H
        ends.append(used)
        i += n
    assert min_height(heights, columns, reserved) == H
    if all(x == 1 for x in heights) and len(heights) + reserved >= columns * (reserved + 1):
        assert max(ends) - min(ends) <= 2
