"""Inputs far beyond a bulletin (issue 29): time and peak memory, as a user runs the commands.

    python benchmarks/bench_hostile2.py                 # every case, this checkout
    python benchmarks/bench_hostile2.py --root DIR      # the same cases run by another checkout
    python benchmarks/bench_hostile2.py lines styles    # some cases

Cases (each run as ``main.py import …`` or ``main.py export …`` in a fresh process; peak memory
is that child's maximum resident set size; a run is stopped after --timeout seconds and at
--memory-gb of address space, so an old checkout cannot take the shared machine down):

    lines     a 4–5 MB .txt of 1,000,000 short lines, imported
    txt19     a 19 MB .txt (under the 20 MB limit), imported, and what was imported exported to PDF
    project   a project holding that much text (written by hand, not imported), exported to PDF
    styles38  a .docx whose styles part is 38 MB, imported
    styles97  a .docx whose styles part is 97 MB, imported
    save      6 MB of one punctuation mark saved by the editor's own save, then opened again (info)

Target: each ends within 60 s and 2 GB, or is refused clearly.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_LIMITED = """
import resource, runpy, sys
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
sys.argv = sys.argv[2:]
sys.path[0] = sys.argv[0].rsplit("/", 1)[0]  # the checkout's code, not the current folder's
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def run_child(root: Path, args: list[str], timeout: float, memory_gb: float) -> tuple[str, float, float, int, str]:
    """(status, seconds, peak MB, exit code, last line of output) of one ``main.py`` run."""
    env = dict(os.environ, PYTHONPATH=str(root), PYTHONDONTWRITEBYTECODE="1")
    code = ("import resource, subprocess, sys\n"
            "try:\n"
            "    r = subprocess.run(sys.argv[2:], capture_output=True, text=True, timeout=float(sys.argv[1]))\n"
            "    rc, out = r.returncode, (r.stdout + r.stderr).strip().splitlines()\n"
            "except subprocess.TimeoutExpired:\n"
            "    rc, out = -9, ['(stopped at the time limit)']\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
            "print((out or [''])[-1][:160])\n"
            "sys.exit(0)\n")
    limit = str(int(memory_gb * 1024 ** 3))
    # "@script" runs a script of the benchmark with the checkout's code instead of main.py
    program = args[0][1:] if args and args[0].startswith("@") else str(root / "main.py")
    rest = args[1:] if args and args[0].startswith("@") else args
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", code, str(timeout), sys.executable, "-c", _LIMITED, limit,
                        program, *rest], capture_output=True, text=True, env=env, cwd=str(root))
    dt = time.perf_counter() - t0
    peak_kb = int(r.stderr.strip().splitlines()[-1])
    last = r.stdout.strip()
    rc_status = "timeout" if "(stopped at the time limit)" in last else "ok"
    rc = -9 if rc_status == "timeout" else 0
    if rc_status != "timeout" and ("MemoryError" in last or "Traceback" in last or "Error" in last and "错误" not in last):
        rc_status = "crashed"
    elif last.startswith("错误"):
        rc_status = "refused"
    return rc_status, dt, peak_kb / 1024, rc, last


# ------------------------------------------------------------------------------ inputs

_SHORT = ["王", "芳", "◎", "12", "图", "主席", "a", "短行"]  # about 4 bytes a line, as in the issue


def many_lines(dest: Path, n: int = 1_000_000) -> Path:
    rnd = random.Random(1)
    dest.write_text("\n".join(rnd.choice(_SHORT) for _ in range(n)), encoding="utf-8")
    return dest


def big_text(dest: Path, mb: float = 19.0) -> Path:
    """Paragraphs of body text with a headline, a name and a title every forty paragraphs."""
    rnd = random.Random(2)
    out, size, k = [], 0, 0
    sentence = "2020年，{r}市总工会深入开展职工之家建设，扎实推进劳动竞赛和职工技能提升工作。"
    while size < mb * 1e6:
        if k % 40 == 0:
            block = f"当好排头兵第{k}篇\n\n王芳\n市总工会主席\n\n"
        else:
            block = sentence.format(r=rnd.choice(["西安", "宝鸡", "咸阳", "渭南"])) * 6 + "\n\n"
        out.append(block)
        size += len(block.encode())
        k += 1
    dest.write_text("".join(out), encoding="utf-8")
    return dest


def big_project(dest: Path, chars: int = 6_000_000) -> Path:
    """Thirty columns of 200,000 characters on one page, of varied text (it compresses about
    2×, as real text does, so that any loader opens it)."""
    import model.document as d
    from model.project_file import save

    rnd = random.Random(3)
    pool = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)] + list("，。、；")
    per_block = 200_000
    blocks = []
    for i in range(max(1, chars // per_block)):
        paras = ["".join(rnd.choices(pool, k=240)) + "。" for _ in range(per_block // 241)]
        blocks.append(d.ColumnBlock(headline=f"当好排头兵第{i}篇", person=d.Person("王芳", ["市总工会主席"]),
                                    paragraphs=[d.Paragraph(p) for p in paras]))
    save(d.Bulletin(pages=[d.Page(blocks=blocks)]), dest)
    return dest


def docx_with_styles(dest: Path, mb: float) -> Path:
    """A four-paragraph .docx whose styles part (linked from the document, so Word and
    python-docx read it) is ``mb`` MB of styles."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    one = ('<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="样式{i}"/><w:basedOn w:val="Normal"/>'
           '<w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>')
    n = int(mb * 1e6 / len(one.format(i=100000)))
    styles = f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{w}">' + "".join(
        one.format(i=i) for i in range(n)) + "</w:styles>"
    body = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in
                   ("当好排头兵", "王芳", "市总工会主席", "2020年，西安市总工会开展活动。"))
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                               'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
                               'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
                               f'"application/xml"/><Override PartName="/word/document.xml" ContentType="{main}.'
                               f'document.main+xml"/><Override PartName="/word/styles.xml" ContentType="{main}.'
                               'styles+xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}"><Relationship Id="rId1" '
                       f'Type="{rel}/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}">'
                                        f'<Relationship Id="rId1" Type="{rel}/styles" Target="styles.xml"/>'
                                        "</Relationships>",
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body>{body}'
                             "</w:body></w:document>",
        "word/styles.xml": styles,
    }
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return dest


_SAVE_MARKS = """
import sys
import model.document as d
from model.project_file import save
paras = [d.Paragraph("。" * 1_000_000) for _ in range(2)]  # 6 MB of one mark, as pasted
save(d.Bulletin(pages=[d.Page(blocks=[d.ColumnBlock(headline="标点", paragraphs=paras)])]), sys.argv[1])
print("saved", sys.argv[1])
"""


CASES = ["lines", "txt19", "project", "styles38", "styles97", "save"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cases", nargs="*", help=f"some of {', '.join(CASES)} (default: all)")
    ap.add_argument("--root", type=Path, default=ROOT, help="the checkout whose main.py runs the cases")
    ap.add_argument("--timeout", type=float, default=180.0)
    ap.add_argument("--memory-gb", type=float, default=4.0)
    args = ap.parse_args()
    cases = args.cases or CASES
    unknown = [c for c in cases if c not in CASES]
    if unknown:
        ap.error(f"unknown case {', '.join(unknown)}; expected some of {', '.join(CASES)}")
    print(f"checkout: {args.root}")
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for case in cases:
            if case == "lines":
                src = many_lines(d / "lines.txt")
                runs = [("import", ["import", str(src), "-o", str(d / "lines.bulletin")])]
            elif case == "txt19":
                src = big_text(d / "big.txt")
                runs = [("import", ["import", str(src), "-o", str(d / "big.bulletin")]),
                        ("export", ["export", str(d / "big.bulletin"), "--pdf", str(d / "big19.pdf"),
                                    "--allow-overset"])]
            elif case == "project":
                src = big_project(d / "big_project.bulletin")
                runs = [("export", ["export", str(src), "--pdf", str(d / "big.pdf"), "--allow-overset"])]
            elif case in ("styles38", "styles97"):
                src = docx_with_styles(d / f"{case}.docx", float(case[-2:]))
                runs = [("import", ["import", str(src), "-o", str(d / f"{case}.bulletin")])]
            else:
                script = d / "save_marks.py"
                script.write_text(_SAVE_MARKS, encoding="utf-8")
                src = d / "mark.bulletin"
                runs = [("save", [f"@{script}", str(src)]), ("open", ["info", str(src)])]
            for what, cmd in runs:
                size = src.stat().st_size / 1e6 if src.exists() else 0.0
                status, dt, peak, _rc, last = run_child(args.root, cmd, args.timeout, args.memory_gb)
                print(f"{case:9} {what:6} ({size:5.1f} MB): {dt:6.1f} s, peak {peak:6.0f} MB, {status:8} | {last}")
                sys.stdout.flush()


if __name__ == "__main__":
    main()
