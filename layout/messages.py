"""Problems in words: the one catalogue from which the command line, the export report and the
problems panel word a :class:`layout.types.Problem`, in Chinese or English.

The layout reports facts (kind, block, role, characters, numbers); wording them is the edge's
job, in the user's language. Keeping the wording here, beside no Qt, lets the CLI and the GUI
say the same thing and lets no one parse a message back into numbers.
"""

from __future__ import annotations

from string import Formatter

from layout.types import Problem
from model.images import MIN_PPI

Lang = str  # "zh" or "en"

#: kind -> (Chinese, English) short names, as the report's first column and the panel's type
KIND_NAMES: dict[str, tuple[str, str]] = {
    "overset": ("文字超出", "Overset text"),
    "underset": ("文字不足", "Short text"),
    "fallback": ("替代字体", "Substitute font"),
    "missing_glyph": ("缺字", "Missing character"),
    "low_res": ("图片分辨率低", "Low-resolution image"),
    "missing_portrait": ("缺少肖像", "Missing portrait"),
    "title_fit": ("标题过长", "Headline too long"),
    "space": ("空位", "Space"),
    "short_copy": ("缺稿", "Short of copy"),
    "group_apart": ("离开组标题", "Apart from its group"),
    "page_rules": ("版面不合规", "Page not made up"),
    "bad_image": ("照片损坏", "Damaged picture"),
    "truncated": ("文字未排全", "Text cut off"),
    # the print preflight's (exporters.separation, exporters.pdf_draw)
    "ink_limit": ("总墨量超限", "Total ink over the limit"),
    "faint_tint": ("网点过浅", "Tint too faint"),
    "one_ink": ("细线改为单色", "Thin rule set in one ink"),
    "hairline": ("线条过细", "Hairline"),
    "no_output_intent": ("未声明印刷条件", "No output intent"),
    "screen_only": ("仅供屏幕阅读", "For screens only"),
}

#: kind -> (Chinese, English) templates over the problem's fields and numbers
_TEMPLATES: dict[str, tuple[str, str]] = {
    "overset": ("超稿 {chars} 字（{lines} 行）：可加版、改大版面或删减", "{chars} characters over ({lines} lines): add a page, a larger size, or cut"),
    "group_apart": ("不在所属标题之下（与上一篇不在同一行）：可自动组版或改为单独标题",
                    "not under its group's headline (not in the row of the article before it): run the make-up or give it a headline"),
    "page_rules": ("版面有洞 {holes_pct:.0f}%、孤行 {isolated:.0f} 处：可自动组版，或调整栏目占栏与顺序",
                   "holes {holes_pct:.0f}%, {isolated:.0f} stranded lines: run the make-up, or change spans and order"),
    "short_copy": ("缺稿约 {chars} 字（空白 {empty_pct:.0f}%，约 {width_mm:.0f} × {height_mm:.0f} mm）：可自动组版（减少版数、改小版面、放大肖像）、补稿或加图片块",
                   "short of about {chars} characters ({empty_pct:.0f}% white, about {width_mm:.0f} × {height_mm:.0f} mm): "
                   "run automatic make-up (fewer pages, a smaller size, larger portraits), add copy or a picture block"),
    "underset": ("还差 {lines} 行", "{lines} lines short"),
    "low_res": ("照片只有 {ppi:.0f} ppi，印刷需要 {min_ppi} ppi",
                "photo is only {ppi:.0f} ppi; print needs {min_ppi} ppi"),
    "missing_portrait": ("{text} 没有照片", "no portrait of {text}"),
    "title_fit": ("标题太长，缩到 {size_pt:.0f} pt 仍需 {lines} 行",
                  "title too long: {lines} lines even at {size_pt:.0f} pt"),
    "space": ("宽 {width_mm:.0f} mm × 高 {height_mm:.0f} mm：可放图片块或补稿",
              "space {width_mm:.0f} mm wide × {height_mm:.0f} mm high: room for a picture block or more copy"),
    "fallback": ("“{text}”不在所选字体中，已用其他字体排出",
                 "“{text}” is not in the chosen font; set in another font"),
    "missing_glyph": ("“{text}”在所有字体中都没有，排成方框",
                      "“{text}” is in no font; shown as a box"),
}


#: kind -> English words for a problem whose producer gave Chinese words instead of the facts a
#: template needs (the press preflight, a damaged picture, text cut off): the English user still
#: reads English, with the numbers the Chinese message lists after its colon
_ENGLISH_FALLBACK: dict[str, str] = {
    "truncated": "not printed in full (runs off the page or overprints other text)",
    "bad_image": "the picture cannot be read; an empty frame is printed",
    "missing_portrait": "no picture",
    "ink_limit": "total ink over the printing condition's limit; reduced",
    "faint_tint": "tints too faint to print; raised",
    "one_ink": "thin rules in several inks; set in their main ink",
    "hairline": "rules too thin to print reliably",
    "no_output_intent": "no PDF/X output intent: the printer cannot tell which printing condition the colours are for",
    "screen_only": "RGB export: for screens only, not for print",
    "overset": "text does not fit",
    "underset": "text too short for its space",
    "title_fit": "title too long",
}
_NEUTRAL = set("0123456789.,/%、 ptPTx×-+")


def _english_words(problem: Problem) -> str:
    """English for a problem the templates cannot word: the kind's sentence, the characters
    counted, and the language-neutral list (colours, widths) of the producer's message."""
    if problem.kind not in _ENGLISH_FALLBACK and problem.kind not in KIND_NAMES:
        return problem.message  # a kind this catalogue does not know yet: the producer's own words
    text = _ENGLISH_FALLBACK.get(problem.kind) or KIND_NAMES[problem.kind][1]
    if problem.kind == "truncated" and problem.chars:
        text = f"{problem.chars} characters not printed"
    tail = problem.message.rpartition("：")[2].strip() if "：" in problem.message else ""
    if tail and set(tail) <= _NEUTRAL:
        text += f": {tail}"
    return text


def _english(lang: Lang) -> bool:
    return lang.split("_")[0].lower() == "en"


def kind_name(kind: str, lang: Lang = "zh") -> str:
    names = KIND_NAMES.get(kind)
    if names is None:
        return kind
    return names[1] if _english(lang) else names[0]


def describe(problem: Problem, lang: Lang = "zh") -> str:
    """The problem in words, without the block's name (the edge shows that beside it)."""
    template = _TEMPLATES.get(problem.kind)
    if template is None:
        return _english_words(problem) if _english(lang) else problem.message
    fields = {"chars": problem.chars, "lines": problem.lines, "role": problem.role, "text": problem.text,
              "min_ppi": MIN_PPI, **dict(problem.numbers)}
    chosen = template[1] if _english(lang) else template[0]
    needed = {name for _lit, name, _spec, _conv in Formatter().parse(chosen) if name}
    if problem.message and any(fields.get(name, "") == "" for name in needed):
        # a producer that gave words instead of the facts the template needs
        return _english_words(problem) if _english(lang) else problem.message
    try:
        return chosen.format(**fields)
    except (KeyError, ValueError, IndexError):
        return problem.message or kind_name(problem.kind, lang)
