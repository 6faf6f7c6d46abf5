"""Which city or district a column belongs to, read from the text around it.

The seed page puts some chairpersons' captions after their column's text (安康, 商洛), so a name
alone does not say where a column starts. The region named in the person's title
(安康市人大常委会副主任), in an organisation (杨凌示范区总工会) or in the column's opening
sentence (2020年，商洛市团结…) does: the importer compares them to keep captions with their text.
"""

from __future__ import annotations

import re

from importers.lines import HAN

_REGION = re.compile(f"^([{HAN}]{{2,4}}?)(?:示范区|新区|地区|自治州|市|区|县|州|盟)")
_OPENING = re.compile(r"^(?:19|20)\d\d年[，,]\s*")


def region_of(text: str) -> str:
    """The place a title or organisation starts with (西安市… → 西安), or ""."""
    m = _REGION.match(text)
    return m.group(1) if m else ""


def opening_region(paragraph: str) -> str:
    """The place named by a column's opening sentence "2020年，汉中市总工会…", or ""."""
    m = _OPENING.match(paragraph)
    return region_of(paragraph[m.end():]) if m else ""
