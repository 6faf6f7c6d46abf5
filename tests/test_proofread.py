"""Proofreading: the seed page's real slips are found, clean text is left alone, the CLI reports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import proofread
from model.document import Bulletin, ColumnBlock, Page, Paragraph, Person
from proofread import check_text

ROOT = Path(__file__).resolve().parent.parent

#: (region or block kind, the slip's text) — every one must be reported as an error.
SEED_SLIPS = [
    ("延安", "实效"),  # 以实效实效
    ("铜川", "劳模"),  # 组织100名劳模劳模
    ("汉中", "和市委、市政府"),  # 市委、市政府和市委、市政府
    ("西安", "“农民工子女关爱诊疗中心”，并实行"),  # doubled clause
    ("宝鸡", "”"),  # 轻骑队“巡回基层开展”中国梦·劳动美、工会情”
    ("咸阳", "”"),  # “党在我心中、我在职工中、我在新时代”最美工会人”
    ("商洛", "“"),  # 服务吸引“农民工入会工作经验 (never closed)
    ("商洛", "团结合动员"),
    ("延安", "划拔"),
    ("speech", "深有深切"),
]


def _span(bulletin: Bulletin, f: proofread.Finding) -> str:
    block = bulletin.find(f.block_id)
    if f.field == "paragraphs":
        text = block.paragraphs[f.index].text
    else:
        si = int(f.field.split("[")[1].split("]")[0])
        text = block.sections[si].paragraphs[f.index].text
    return text[f.offset:f.offset + f.length]


def test_every_real_slip_of_the_seed_page_is_found_and_nothing_else(example):
    findings = proofread.check(example)
    errors = [f for f in findings if f.level == "error"]
    names = {b.id: (b.region if isinstance(b, ColumnBlock) else "speech") for _, b in example.iter_blocks()}
    found = sorted((names[f.block_id], _span(example, f)) for f in errors)
    assert found == sorted(SEED_SLIPS)
    assert not [f for f in findings if f.level == "warning"]  # no false alarms on the real page


def test_finding_fields_point_at_the_slip(example):
    f = next(f for f in proofread.check(example) if "实效" in f.message)
    yanan = example.find(f.block_id)
    assert yanan.region == "延安" and f.field == "paragraphs" and f.paragraph == 1 == f.index
    text = yanan.paragraphs[1].text
    assert text[f.offset - 3:f.offset + f.length] == "以实效实效"
    assert f.excerpt.endswith("以实效⟦实效⟧做到“两个维护”。") and f.replacement == ""
    assert (f.message, f.suggestion) == ("重复词语“实效”", "删去第二个“实效”")
    assert (f.message_en, f.suggestion_en) == ("repeated word “实效”", "delete the second “实效”")
    assert f.message_in("zh_CN") == f.message and f.message_in("en") == f.message_en
    assert f.suggestion_in("zh") == f.suggestion and f.suggestion_in("en_US") == f.suggestion_en
    fixed = text[:f.offset] + f.replacement + text[f.offset + f.length:]
    assert "以实效做到" in fixed and not check_text(fixed)


@pytest.mark.parametrize("text", [
    "成绩有目共睹，而且个个来之不易。", "看一看，比一比，谁家都是颗粒归仓。", "常常深入一线，渐渐摸清情况，一一解决。",
    "做优做细做深做透，增强职工幸福感。", "要谋大势、谋实事、谋突破、谋创新。", "筹集资金2484.4万元。",
    "“五销”模式被新华社APP报道。", "持续深化“工会在您身边 竭诚为您服务”主题活动。",
])
def test_real_reduplication_and_good_text_are_left_alone(text):
    assert check_text(text) == []


@pytest.mark.parametrize(("text", "code", "span"), [
    ("以实效实效做到两个维护。", "repeat", "实效"),
    ("在市委、市政府和市委、市政府的领导下。", "repeat", "和市委、市政府"),
    ("组建轻骑队“巡回基层开展”中国梦、工会情”演出。", "bracket", "”"),
    ("《关于（试点》的通知）", "bracket", "》"),
    ("新建工会组织120家,发展会员。", "halfwidth", ","),
    ("坚持服务职工，，推动落实。", "doubled-mark", "，，"),
    ("全市工会 组织积极开展活动。", "space", " "),
    ("全年发放助学金３５万元。", "fullwidth", "３５"),
    ("全体职工再接再励。", "typo", "再接再励"),
])
def test_planted_slips(text, code, span):
    hits = [f for f in check_text(text) if f.code == code]
    assert hits and text[hits[0].offset:hits[0].offset + hits[0].length] == span


@pytest.mark.parametrize(("text", "role", "zh", "en"), [
    ("以实效实效做到两个维护。", "body", ("重复词语“实效”", "删去第二个“实效”"),
     ("repeated word “实效”", "delete the second “实效”")),
    ("认真学习的的精神。", "body", ("“的”字重复", "删去一个“的”"), ("“的” written twice", "delete one “的”")),
    ("在市委、市政府和市委、市政府的领导下。", "body", ("“市委、市政府”在“和”前后重复", "删去“和市委、市政府”"),
     ("“市委、市政府” repeated around “和”", "delete “和市委、市政府”")),
    ("弘扬劳模精神、劳动精神、劳模精神。", "body", ("并列成分“劳模精神”重复出现", "删去第二个“劳模精神”或改正"),
     ("“劳模精神” listed twice", "delete the second “劳模精神” or correct it")),
    ("组建轻骑队“巡回基层开展”中国梦、工会情”演出。", "body",
     ("”缺少对应的“", "在引文或括注开始处补上“，或删去此处的”"),
     ("” without an opening “", "add the missing “ where the quotation begins, or delete this ”")),
    ("服务吸引“农民工入会工作经验。", "body", ("“缺少对应的”", "在引文或括注结束处补上”，或删去此处的“"),
     ("“ is never closed", "add the missing ” where the quotation ends, or delete this “")),
    ("新建工会组织120家,发展会员。", "body", ("中文句中使用了半角逗号", "改为全角“，”"),
     ("half-width “,” in Chinese text", "use the full-width “，”")),
    ("坚持服务职工，，推动落实。", "body", ("标点“，，”连用", "只保留一个"),
     ("punctuation marks “，，” written together", "keep one mark")),
    ("全市工会 组织积极开展活动。", "body", ("中文句中有多余空格", "删去空格"),
     ("space inside Chinese text", "delete the space")),
    ("全年发放助学金３５万元。", "body", ("使用了全角数字或字母“３５”", "改为半角“35”"),
     ("full-width “３５”", "use ordinary digits and letters: 35")),
    ("全体职工再接再励。", "body", ("“再接再励”是常见误写", "改为“再接再厉”"),
     ("“再接再励” is a common misspelling", "write “再接再厉”")),
    ("当好全省工会排头兵。", "heading", ("标题不应以句号结尾", "删去末尾的“。”"),
     ("headline ends with “。”", "a headline takes no final 。")),
    ("西安市总工会", "title_line", ("职务行“西安市总工会”未以职务结尾", "职务行应写明职务（…主席、…书记、…主任），请核对人物说明"),
     ("title line “西安市总工会” does not end in a post",
      "a title line names a post (…主席, …书记, …主任); check the caption")),
])
def test_messages_in_chinese_and_english(text, role, zh, en):
    f = check_text(text, role)[0]
    assert (f.message, f.suggestion) == zh and (f.message_en, f.suggestion_en) == en
    assert (f.message_in("zh_CN"), f.suggestion_in("zh_CN")) == zh
    assert (f.message_in("en"), f.suggestion_in("en")) == en


def test_a_finding_with_one_language_falls_back_to_it():
    only_en = proofread.Finding("error", "overset", "", "b", message_en="3 lines do not fit")
    assert only_en.message_in("zh_CN") == only_en.message_in("en") == "3 lines do not fit"
    only_zh = proofread.Finding("error", "overset", "3 行排不下", "b")
    assert only_zh.message_in("en") == only_zh.message_in("zh") == "3 行排不下"


def test_display_lines():
    assert [f.code for f in check_text("当好全省工会排头兵。", "heading")] == ["heading-end"]
    assert [f.code for f in check_text("薛振虎。", "name")] == ["heading-end"]
    assert [f.code for f in check_text("西安市总工会", "title_line")] == ["title-line"]
    assert check_text("市总工会主席", "title_line") == []
    assert check_text("以优异成绩 庆祝建党100周年", "banner") == []
    assert [f.level for f in check_text("主力军作用有效发挥。", "body")] == []


def _one_column(text: str, headline: str = "标题", titles: list[str] | None = None) -> Bulletin:
    col = ColumnBlock(region="西安", headline=headline, person=Person("薛振虎", titles or ["市总工会主席"]),
                      paragraphs=[Paragraph(text)])
    return Bulletin(pages=[Page(blocks=[col])])


def test_length_budget():
    b = _one_column("字" * 650)
    (f,) = proofread.check(b, chars_target=600)
    assert (f.code, f.level, f.block_id) == ("length", "warning", b.pages[0].blocks[0].id)
    assert (f.message, f.suggestion) == ("本栏正文 650 字，超出目标 600 字 50 字", "删减约 50 字")
    assert (f.message_en, f.suggestion_en) == ("column 西安: 650 characters, 50 over the target of 600",
                                               "cut about 50 characters")
    assert proofread.check(b) == []  # no target, no length check
    assert proofread.check(_one_column("字" * 590), chars_target=600) == []
    (f,) = proofread.check(_one_column("字" * 300), chars_target=600)
    assert (f.message, f.suggestion) == ("本栏正文 300 字，比目标 600 字少 300 字", "还可增加约 300 字")
    assert "300 under" in f.message_en and f.suggestion_en == "about 300 more characters fit"


def test_extra_checks_hook_for_the_layout():
    b = _one_column("正文。")
    col = b.pages[0].blocks[0]

    def overset(bulletin, options):
        yield proofread.Finding("error", "overset", "3 lines do not fit", col.id, "paragraphs", 0, 0, 0)

    findings = proofread.check(b, extra_checks=[overset])
    assert [f.code for f in findings] == ["overset"] and proofread.has_errors(findings)


def test_findings_come_in_reading_order(example):
    findings = proofread.check(example)
    order = [b.id for _, b in example.iter_blocks()]
    positions = [order.index(f.block_id) for f in findings]
    assert positions == sorted(positions)


# ------------------------------------------------------------------------------- command line


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_cli_check_example_exit_1_with_findings(tmp_path):
    f = tmp_path / "e.bulletin"
    assert run_cli("example", "-o", str(f)).returncode == 0
    r = run_cli("check", str(f), "--target", "600")
    assert r.returncode == 1, r.stderr
    assert "以实效⟦实效⟧" in r.stdout and "p1 延安" in r.stdout and "10 个错误，2 个警告" in r.stdout
    assert "重复词语“实效”" in r.stdout and "→ 删去第二个“实效”" in r.stdout and "repeated" not in r.stdout
    r = run_cli("check", str(f), "--target", "600", "--lang", "en")
    assert r.returncode == 1, r.stderr
    assert "repeated word “实效”" in r.stdout and "→ delete the second “实效”" in r.stdout
    assert "10 error(s), 2 warning(s)" in r.stdout and "重复词语" not in r.stdout
    r = run_cli("check", str(f), "--json")
    data = json.loads(r.stdout)
    assert len(data) == 10 and {"level", "block_id", "paragraph", "offset", "excerpt", "suggestion", "message_en",
                                "suggestion_en"} <= set(data[0])
    yanan = next(d for d in data if d["excerpt"].startswith("…落实党建主体责任，以实效⟦实效⟧"))
    assert (yanan["message"], yanan["message_en"]) == ("重复词语“实效”", "repeated word “实效”")
    assert json.loads(run_cli("check", str(f), "--json", "--lang", "en").stdout) == data


def test_cli_clean_file_exit_0_and_warnings_only_exit_0(tmp_path):
    from model.project_file import save

    f = tmp_path / "ok.bulletin"
    save(_one_column("干净的正文。"), f)
    r = run_cli("check", str(f))
    assert r.returncode == 0 and "0 个错误，0 个警告" in r.stdout
    assert "0 error(s), 0 warning(s)" in run_cli("check", str(f), "--lang", "en").stdout
    save(_one_column("字" * 700), f)
    r = run_cli("check", str(f), "--target", "600")
    assert r.returncode == 0 and "1 个警告" in r.stdout and "超出目标 600 字 100 字" in r.stdout
    r = run_cli("check", str(f), "--target", "600", "--lang", "en")
    assert r.returncode == 0 and "1 warning(s)" in r.stdout and "100 over the target of 600" in r.stdout


def test_cli_bad_file_exit_2(tmp_path):
    bad = tmp_path / "bad.bulletin"
    bad.write_bytes(b"junk")
    r = run_cli("check", str(bad))
    assert r.returncode == 2 and "bad.bulletin" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("check", str(tmp_path / "missing.bulletin"))
    assert r.returncode == 2 and "Traceback" not in r.stderr


# ------------------------------------------------------------------------------- properties

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ALPHABET = st.sampled_from(list("工会职工劳模实效市委、市政府和的了在一个常看，。；：！？“”‘’《》（）【】,.;:?!() 　"
                                 "0123456789AaＡ０…—"))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(_ALPHABET, max_size=200)),
       st.sampled_from(["body", "heading", "name", "title_line", "bullet", "banner", "attribution"]))
def test_check_text_never_raises_and_points_inside_the_text(text, role):
    for f in check_text(text, role):
        assert 0 <= f.offset <= len(text) and 0 <= f.offset + f.length <= len(text)
        assert f.level in ("error", "warning") and f.message and f.message_en
