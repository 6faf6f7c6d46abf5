"""Font registry, discovery, metrics and fallback (DESIGN §6)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

from layout import fonts as F
from layout.compose import compose
from layout.fonts import FontInfo, FontRegistry, find_font, load_face, resolve_spec, split_key

SIZE = 9.0


def _subset(src: str, text: str, out: Path, *, keep_layout: bool = False) -> Path:
    tt = TTFont(src)
    opts = subset.Options()
    opts.layout_features = ["locl"] if keep_layout else []
    opts.notdef_outline = True
    opts.glyph_names = True
    opts.name_IDs = ["*"]
    s = subset.Subsetter(opts)
    s.populate(text=text)
    s.subset(tt)
    tt.save(out)
    return out


@pytest.fixture(scope="session")
def font_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fonts")


@pytest.fixture(scope="session")
def small_serif(font_dir) -> Path:
    """Noto Serif SC cut down to three characters: everything else must fall back."""
    return _subset(F.default_serif_path(), "一二三", font_dir / "SmallSerif.otf")


@pytest.fixture(scope="session")
def collection(font_dir) -> Path:
    a = TTFont(_subset(F.default_serif_path(), "一二三甲", font_dir / "a.otf"))
    b = TTFont(_subset(F.default_sans_path(), "一二三乙", font_dir / "b.otf"))
    coll = TTCollection()
    coll.fonts = [a, b]
    out = font_dir / "pair.ttc"
    coll.save(out)
    return out


@pytest.fixture(scope="session")
def narrow_quotes(font_dir) -> Path:
    """A face that sets “ ” proportionally narrow (like many Latin-first fonts), made from Noto
    Serif SC's own proportional quote glyphs."""
    src = F.default_serif_path()
    tt = TTFont(src)
    cmap = tt.getBestCmap()
    gsub = tt["GSUB"].table
    pwid = {}
    for rec in gsub.FeatureList.FeatureRecord:
        if rec.FeatureTag == "pwid":
            for li in rec.Feature.LookupListIndex:
                for st in gsub.LookupList.Lookup[li].SubTable:
                    st = getattr(st, "ExtSubTable", st)
                    pwid.update(getattr(st, "mapping", {}) or {})
    left, right = pwid[cmap[0x201C]], pwid[cmap[0x201D]]
    opts = subset.Options()
    opts.layout_features = []
    opts.notdef_outline = True
    opts.glyph_names = True
    opts.name_IDs = ["*"]
    s = subset.Subsetter(opts)
    s.populate(text="一二三四五甲乙“”", glyphs=[left, right])
    s.subset(tt)
    for table in tt["cmap"].tables:
        if 0x201C in table.cmap:
            table.cmap[0x201C] = left
            table.cmap[0x201D] = right
    out = font_dir / "NarrowQuotes.otf"
    tt.save(out)
    return out


# ---- defaults and roles -----------------------------------------------------------------------


def test_default_faces_per_role():
    reg = FontRegistry()
    for role in ("body", "caption"):
        assert reg.face(role).family == "Noto Serif SC", role
    for role in ("title", "subtitle", "kicker", "heading", "name", "title_line", "label", "banner"):
        assert reg.face(role).family == "Noto Sans SC", role
    assert set(F.ROLES) >= {"title", "body", "lead", "caption", "banner"}
    assert reg.errors == {}


def test_faces_are_cached_per_process():
    a = load_face(F.default_serif_path())
    b = load_face(a.key)
    assert a is b
    assert FontRegistry().face("body") is a


def test_metrics_come_from_the_font():
    face = load_face(F.default_serif_path())
    assert face.upm == 1000
    assert face.ascender == 880 and face.descender == -120
    raw = face.ttfont.getBestCmap()[0x2014]
    assert face.advance(face.ttfont.getGlyphID(raw)) == 890  # U+2014 is narrow in this face …
    gid = face.glyph("—")
    assert face.advance(gid) == 1000  # … the zh-Hans localized dash is a full em
    ink = face.ink(face.glyph("。"))
    assert ink[2] <= 500  # 。 keeps its ink in the left half (GB style): compressible
    assert face.glyph("\U00020bb7") is None
    assert not face.has("\U00020bb7")


def test_key_round_trip():
    assert split_key("/a/b.ttc#2") == ("/a/b.ttc", 2)
    assert split_key("/a/b.otf") == ("/a/b.otf", 0)
    assert split_key("/a/#odd.otf") == ("/a/#odd.otf", 0)
    assert F.face_key("/a/b.ttc", 1) == "/a/b.ttc#1"


# ---- choosing fonts ---------------------------------------------------------------------------


def test_spec_by_path_and_by_family_name(small_serif):
    assert resolve_spec(str(small_serif)).path == str(small_serif)
    assert resolve_spec("Noto Sans SC").path == os.path.abspath(F.default_sans_path())
    assert resolve_spec("noto serif sc").path == os.path.abspath(F.default_serif_path())


def test_bad_specs_are_reported_and_fall_back_to_the_default(tmp_path):
    reg = FontRegistry({"title": "No Such Font 12345", "body": str(tmp_path / "gone.otf")})
    assert "title" in reg.errors and "body" in reg.errors
    assert reg.face("title").family == "Noto Sans SC"
    assert reg.face("body").family == "Noto Serif SC"


def test_collection_faces_by_index(collection):
    infos = F.scan_font_file(collection)
    assert [i.index for i in infos] == [0, 1]
    assert infos[0].families[0] == "Noto Serif SC" and infos[1].families[0] == "Noto Sans SC"
    face = resolve_spec(f"{collection}#1")
    assert face.index == 1 and face.family == "Noto Sans SC"
    assert face.key == f"{collection}#1"
    assert face.glyph("乙") is not None and face.glyph("甲") is None
    reg = FontRegistry({"body": f"{collection}#1"})
    c = compose("一二乙", 13, SIZE, reg, indent_em=0)
    assert c.problems == []
    assert {r.font for r in c[0].glyph_runs(0, 0)} == {face.key}


def test_find_font_prefers_the_regular_or_the_bold_style():
    infos = [
        FontInfo("/f/FZSS-Bold.ttf", 0, ("方正书宋_GBK", "FZShuSong-Z01"), "Bold", 700),
        FontInfo("/f/FZSS.ttf", 0, ("方正书宋_GBK", "FZShuSong-Z01"), "Regular", 400),
        FontInfo("/f/FZSS-It.ttf", 0, ("方正书宋_GBK",), "Italic", 400),
        FontInfo("/f/Other.ttf", 0, ("Other",), "Regular", 400, ("方正书宋_GBK Regular",)),
    ]
    assert find_font("方正书宋_GBK", fonts=infos).path == "/f/FZSS.ttf"
    assert find_font("fzshusong-z01", fonts=infos).path == "/f/FZSS.ttf"
    assert find_font("方正书宋_GBK", bold=True, fonts=infos).path == "/f/FZSS-Bold.ttf"
    assert find_font("方正黑体", fonts=infos) is None


def test_font_dirs_per_platform(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", r"D:\Win")
    assert any(str(d).startswith(r"D:\Win") and str(d).endswith("Fonts") for d in F.font_dirs())
    monkeypatch.setattr(sys, "platform", "darwin")
    assert Path("/System/Library/Fonts") in F.font_dirs() and Path("/Library/Fonts") in F.font_dirs()
    monkeypatch.setattr(sys, "platform", "linux")
    dirs = F.font_dirs()
    assert Path("/usr/share/fonts") in dirs and Path.home() / ".fonts" in dirs


def test_system_discovery_finds_the_pip_fonts():
    found = F.system_fonts()
    paths = {os.path.abspath(i.path) for i in found}
    assert os.path.abspath(F.default_serif_path()) in paths
    assert os.path.abspath(F.default_sans_path()) in paths


def test_font_families_for_a_chooser():
    names = F.font_families()
    assert "Noto Serif SC" in names and "Noto Sans SC" in names
    assert names == sorted(names)


def test_scanning_directories_without_fontconfig(collection, small_serif):
    infos = F._scan_dirs([collection.parent])
    names = {(Path(i.path).name, i.index) for i in infos}
    assert ("pair.ttc", 1) in names and ("SmallSerif.otf", 0) in names


# ---- fallback ---------------------------------------------------------------------------------


def test_character_missing_from_the_role_face_falls_back_and_is_reported(small_serif):
    reg = FontRegistry({"body": str(small_serif)})
    c = compose("一二三四四", 13, SIZE, reg, indent_em=0)
    assert c[0].text == "一二三四四"
    kinds = [(p.kind, p.chars) for p in c.problems]
    assert kinds == [("fallback", 2)]
    assert "四" in c.problems[0].message and "U+56DB" in c.problems[0].message
    runs = c[0].glyph_runs(0, 0)
    assert runs[0].font == load_face(small_serif).key and runs[0].text == "一二三"
    assert runs[1].text == "四四"
    assert runs[1].font == load_face(F.default_serif_path()).key  # Song falls back to Song


def test_character_missing_everywhere_is_kept_and_reported():
    reg = FontRegistry(rare_fallbacks=())  # no rare-character fonts: 𠮷 is in no face
    c = compose("吉\U00020bb7祥", 13, SIZE, reg, indent_em=0, block_id="b1")
    assert c[0].text == "吉\U00020bb7祥"
    (problem,) = c.problems
    assert problem.kind == "missing_glyph" and problem.block_id == "b1" and problem.chars == 1
    assert "U+20BB7" in problem.message
    run = c[0].glyph_runs(0, 0)[0]
    assert run.glyphs[1] == 0  # .notdef, a visible box — never dropped
    assert run.xs[2] - run.xs[1] > 0


def test_rare_characters_fall_back_to_a_font_with_the_cjk_extensions():
    faces = {f.family for f in F.rare_fallback_faces()}
    if not faces & {"HanaMinA", "HanaMinB", "BabelStone Han", "Jigmo"}:
        pytest.skip("no rare-character font installed (Debian: fonts-hanazono, fonts-babelstone-han)")
    c = compose("张\U00020bb7\U0002a6d6明", 13, SIZE, indent_em=0, block_id="b1", role="name")
    assert [p.kind for p in c.problems] == ["fallback"]
    assert "“\U00020bb7\U0002a6d6”" in c.problems[0].message and "[name]" in c.problems[0].message
    runs = c[0].glyph_runs(0, 0)
    rare = [r for r in runs if "\U00020bb7" in r.text]
    assert rare and all(g != 0 for g in rare[0].glyphs)
    assert load_face(rare[0].font).family in faces


def test_rare_fallbacks_are_the_registry_s_to_choose():
    faces = F.rare_fallback_faces()
    if not faces:
        pytest.skip("no rare-character font installed (Debian: fonts-hanazono, fonts-babelstone-han)")
    ch = next(c for c in ("\U00020bb7", "\U0002a6d6", "\U00030000") if faces[-1].glyph(c) is not None)
    assert FontRegistry(rare_fallbacks=()).choose("title", ch).status == F.MISSING
    choice = FontRegistry(rare_fallbacks=[faces[-1]]).choose("title", ch)
    assert choice.status == F.FALLBACK and choice.face is faces[-1]


# ---- §5.9 narrow marks, synthetic bold ---------------------------------------------------------


def test_narrow_quotes_are_set_in_a_full_em_box(narrow_quotes):
    reg = FontRegistry({"body": str(narrow_quotes)})
    face = reg.face("body")
    gid = face.glyph("“")
    adv = face.advance(gid) / face.upm
    assert adv < 0.6  # the face really sets it narrow
    line = compose("甲“乙”丙", 20, SIZE, reg, indent_em=0)[0]
    boxes, xs = line.boxes, line.xs
    assert boxes[2] - boxes[1] == pytest.approx(SIZE)  # “ occupies a whole em
    assert boxes[4] - boxes[3] == pytest.approx(SIZE)
    # an opening quote sits at the right of its box, a closing one at the left
    assert xs[1] == pytest.approx(boxes[1] + (1 - adv) * SIZE)
    assert xs[3] == pytest.approx(boxes[3])


def test_synthetic_bold_when_the_face_has_no_bold():
    reg = FontRegistry()
    assert reg.bold_face("title") is None and reg.needs_synthetic_bold("title")
    from layout.compose import Run

    c = compose(Run("力争", "title", bold=True, size=30), 10, 30, reg, indent_em=0)
    (run,) = c[0].glyph_runs(0, 0)
    assert run.bold == pytest.approx(30 * F.SYNTHETIC_BOLD)
