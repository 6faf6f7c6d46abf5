"""Where display text (headlines, headings, ◎ items, captions) may break, and how well.

A newspaper never breaks a headline inside a word (以一域工作作为全 / 局添彩) and prefers to break
after punctuation and between phrases rather than inside one (在新的 / 一年里). The composer knows
which breaks the line rules allow; this module adds what only language knowledge can: a
*penalty* per boundary between two characters, from a word segmenter and its part-of-speech tags.

Segmenter: **rjieba** (the Python binding of jieba-rs). Chosen after looking at the maintained
segmenters on PyPI:

- *jieba* (MIT) is the reference for quality on news text, but it is pure Python: importing it
  and building its prefix dictionary costs ≈ 1 s per process (it writes a cache to the temp
  directory), and its last release is from 2020.
- *rjieba* (MIT, released 2026) is jieba's algorithm and dictionary (same DAG + HMM, same POS
  tags) in Rust: identical segmentation, ≈ 0.15 s to import, ≈ 7 µs to tag a headline, a single
  ≈ 5 MB wheel with the dictionary compiled in and no runtime downloads or caches. Chosen.
- *pkuseg / spacy-pkuseg* segment slightly better on some domains but need model files downloaded
  at run time (tens of MB) and are slow to load; *thulac* carries a non-commercial licence;
  *LAC* and *HanLP* pull in deep-learning runtimes — all far too heavy for breaking a headline.

Penalties are kept in the user cache (``phrases/``, :mod:`layout.cache_file`), so a process
whose display texts were all seen before never imports the segmenter at all.

When no segmenter can be imported the module still works from character classes alone
(punctuation and spaces are phrase breaks; every break between two Han characters gets the same
moderate penalty), so layout never fails for want of it — it only breaks less well.

API
---
``break_penalties(text) -> list[float]``
    ``len(text) + 1`` penalties, entry ``i`` for the boundary before ``text[i]`` (0 and
    ``len(text)`` are the ends). ``INSIDE_WORD`` marks a boundary inside a word; smaller is better:
    0 after punctuation or at a typed space, ≈ 1 between two words of a phrase, more where a
    break would strand a particle, a preposition or a numeral from its word.
``words(text) -> list[tuple[str, int, int]]``
    The segmenter's words with character offsets (tests use it to check every break).
"""

from __future__ import annotations

import atexit
import json
import os
import threading
from functools import lru_cache
from pathlib import Path

from layout import cjk

#: the boundary lies inside a word: only taken when a word is longer than the measure
INSIDE_WORD = 1000.0

_PUNCT_CLASSES = frozenset({cjk.C_PAUSE, cjk.C_CLOSE})
#: single-character words that bind to the word *after* them (a line should not end with them)
_BIND_NEXT = frozenset("在把被对为从向以与和及将让使于给跟同并或而且其每各该本此这那第约近逾共达")
#: single-character words that bind to the word *before* them (a line should not start with them)
_BIND_PREV = frozenset("的地得了着过们里中上下内外间后前时性化者等式型度率")


def _segmenter():  # type: ignore[no-untyped-def]
    try:
        import rjieba

        return rjieba.tag
    except ImportError:
        pass
    try:
        import logging

        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.ERROR)
        return lambda s: [(w.word, w.flag) for w in jieba.posseg.cut(s)]
    except ImportError:
        return None


_NOT_LOADED = object()
#: the segmenter's tag function, imported on first use (rjieba's import costs ≈ 0.1 s, more than
#: laying out a page, and a process whose display texts are all in the penalty cache never needs it)
_TAG = _NOT_LOADED
_TAG_LOCK = threading.Lock()


def _tagger():  # type: ignore[no-untyped-def]
    global _TAG
    if _TAG is _NOT_LOADED:
        with _TAG_LOCK:
            if _TAG is _NOT_LOADED:
                _TAG = _segmenter()
    return _TAG


def _tagged(text: str) -> list[tuple[str, str]]:
    tag = _tagger()
    if tag is None:
        return [(ch, "x" if not cjk.is_han(ch) else "zg") for ch in text]
    return list(tag(text))


# --------------------------------------------------------------------------------------------
# The penalties of texts seen before, kept on disk (layout.cache_file): a headline is segmented
# once, not once per process

_CACHE_MAGIC = b"BULLETIN-PHRASE-PENALTIES\n"
#: texts kept; the oldest go first (a year of weekly bulletins has a few thousand display texts)
_CACHE_MAX = 20_000


def _segmenter_stamp() -> str:
    """What the penalties depend on besides the text, found without importing the segmenter:
    this module's and layout.cjk's source and the installed segmenter's files (a new version
    of any gives a new cache file)."""
    import hashlib
    import importlib.util

    h = hashlib.sha256()
    for source in (__file__, cjk.__file__):  # the rules and the character classes they use
        try:
            with open(source, "rb") as fh:
                h.update(fh.read())
        except (OSError, TypeError):
            h.update(b"?")
    for name in ("rjieba", "jieba"):
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            try:
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError:
                continue
            for e in entries:
                if e.is_file():
                    st = e.stat()
                    h.update(f"{name}/{e.name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
        break  # the one _segmenter() imports
    else:
        h.update(b"no segmenter")
    return h.hexdigest()[:24]


class _PenaltyStore:
    """text → penalties, read from the cache file on first use and written back at exit when
    new texts were segmented. A damaged, foreign or unwritable file only costs segmenting."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._known: dict[str, tuple[float, ...]] | None = None
        self._new = 0
        self._path: Path | None = None

    def _load(self) -> dict[str, tuple[float, ...]]:
        from layout.cache_file import read_framed
        from layout.fonts import cache_base_dir

        self._path = cache_base_dir() / "phrases" / f"penalties-{_segmenter_stamp()}.json"
        known: dict[str, tuple[float, ...]] = {}
        framed = read_framed(self._path, _CACHE_MAGIC)
        if framed is not None:
            try:
                data = json.loads(bytes(framed[1]).decode("utf-8"))
                for text, pen in data.items() if isinstance(data, dict) else ():
                    if (isinstance(text, str) and isinstance(pen, list) and len(pen) == len(text) + 1
                            and all(isinstance(v, float) for v in pen)):
                        known[text] = tuple(pen)
            except (ValueError, UnicodeDecodeError):
                known = {}
        atexit.register(self.save)
        return known

    def get(self, text: str) -> tuple[float, ...] | None:
        with self._lock:
            if self._known is None:
                self._known = self._load()
            return self._known.get(text)

    def put(self, text: str, pen: tuple[float, ...]) -> None:
        with self._lock:
            if self._known is None:
                self._known = self._load()
            self._known[text] = pen
            self._new += 1

    def save(self) -> None:
        from layout.cache_file import write_framed

        with self._lock:
            if not self._new or self._known is None or self._path is None:
                return
            known = self._known
            if len(known) > _CACHE_MAX:
                known = dict(list(known.items())[-_CACHE_MAX:])
            payload = json.dumps(known, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            if write_framed(self._path, _CACHE_MAGIC, {"version": 1}, payload):
                self._new = 0


_STORE = _PenaltyStore()


def words(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) in character offsets, as the segmenter cuts ``text``."""
    out = []
    i = 0
    for w, _tag in _tagged(text):
        out.append((w, i, i + len(w)))
        i += len(w)
    return out


def _is_punct(word: str) -> bool:
    return all(cjk.char_class(ch) in cjk.CJK_PUNCT or cjk.char_class(ch) == cjk.C_LATIN_PUNCT for ch in word)


@lru_cache(maxsize=4096)
def break_penalties(text: str) -> tuple[float, ...]:
    """Penalty for breaking before each character of ``text`` (see the module docstring)."""
    pen = _STORE.get(text)
    if pen is None:
        pen = _penalties(text)
        _STORE.put(text, pen)
    return pen


def _penalties(text: str) -> tuple[float, ...]:
    n = len(text)
    pen = [INSIDE_WORD] * (n + 1)
    pen[0] = pen[n] = 0.0
    tagged = _tagged(text)
    pos = 0
    prev_word, prev_tag = "", ""
    for word, tag in tagged:
        start = pos
        pos += len(word)
        if start == 0:
            prev_word, prev_tag = word, tag
            continue
        if word.isspace() or prev_word.isspace():
            pen[start] = 0.0  # a space the author typed between the parts of a headline
        elif _is_punct(prev_word):
            last = cjk.char_class(prev_word[-1])
            pen[start] = 0.0 if last in _PUNCT_CLASSES else 1.0
        elif _is_punct(word):
            # before a mark: an opening mark starts a phrase (the composer's line rules already
        # keep the others from starting a line)
            pen[start] = 0.5 if cjk.char_class(word[0]) == cjk.C_OPEN else 2.0
        else:
            pen[start] = _between_words(prev_word, prev_tag, word, tag)
        prev_word, prev_tag = word, tag
    return tuple(pen)


def _between_words(a: str, a_tag: str, b: str, b_tag: str) -> float:
    """How much a break between word ``a`` and word ``b`` tears a phrase apart."""
    cost = 1.0
    if b_tag.startswith(("u", "y", "f")) or (len(b) == 1 and b in _BIND_PREV):
        cost += 8.0  # 的 了 着 里 上 … belong to the word before
    if (a_tag.startswith(("p", "c")) and len(a) == 1) or (len(a) == 1 and a in _BIND_NEXT):
        cost += 6.0  # 在 把 对 与 … belong to the word after
    if a_tag.startswith("m") and b_tag.startswith(("m", "q")):
        cost += 6.0  # a numeral and its measure word
    if a_tag == "a" and len(a) == 1:
        cost += 4.0  # 新 / 时代: a one-character modifier and its noun
    if a_tag.startswith("u"):
        cost += 1.0  # 新的 / 一年: allowed, but inside a phrase
    if len(a) == 1 and len(b) == 1 and cjk.is_han(a) and cjk.is_han(b):
        cost += 4.0  # two lone characters: most likely a name or a word the dictionary lacks
    elif (len(a) == 1 and cjk.is_han(a) and not a_tag.startswith(("u", "f"))) or (
        len(b) == 1 and cjk.is_han(b) and not b_tag.startswith(("p", "c")) and b not in _BIND_NEXT
    ):
        cost += 2.0  # a lone character beside the break usually belongs with its neighbour
    return cost
