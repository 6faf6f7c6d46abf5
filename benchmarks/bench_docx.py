"""DOCX export benchmarks (issue 5); run by hand, numbers go in the notes.

    python benchmarks/bench_docx.py                  # example + 24-page issue
    python benchmarks/bench_docx.py --photo-mp 12    # the 24-page issue with 12 MP phone photos

Times are whole-process: ``main.py export FILE --docx OUT`` in a fresh interpreter, as a user
runs it (interpreter start, imports, loading the project, building and saving the DOCX).
Targets: example ≤ 0.8 s, 24-page issue ≤ 5 s. Also prints the in-process build time, so a
regression can be told apart from slower imports.
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def synthetic_issue(pages: int, photo_mp: float):
    """``pages`` pages of the example's columns (10 per page, a speech box on every fourth),
    each column with its own JPEG portrait of about ``photo_mp`` megapixels, EXIF-rotated on
    every third, so image work is not flattered by de-duplication or cache hits."""
    from PIL import Image, ImageDraw

    from model.document import Bulletin, ColumnBlock, Page, Portrait, SpeechBlock
    from model.example import example_bulletin

    ex = example_bulletin()
    columns = [b for _, b in ex.iter_blocks() if isinstance(b, ColumnBlock)]
    speech = next(b for _, b in ex.iter_blocks() if isinstance(b, SpeechBlock))
    rnd = random.Random(5)
    h = int((photo_mp * 1e6 * 4 / 3) ** 0.5)
    w = int(h * 3 / 4)
    b = Bulletin(publication=ex.publication, issue_title="合订本", date=ex.date, edition=ex.edition,
                 page_setup=ex.page_setup)
    for pi in range(pages):
        page = Page(label=f"第{pi + 1}版", headline=ex.pages[0].headline if pi % 4 == 0 else None,
                    banner=ex.pages[1].banner if pi % 4 == 2 else None)
        page.headline = None if page.headline is None else type(page.headline)(
            kicker="", title=f"{page.headline.title}（{pi + 1}）", subtitle=page.headline.subtitle)
        if page.banner is not None:
            page.banner = type(page.banner)(lines=list(page.banner.lines))
        if pi % 4 == 0:
            page.blocks.append(SpeechBlock(speaker=speech.speaker, sections=speech.sections,
                                           attribution=speech.attribution))
        for ci in range(10):
            src = columns[ci % len(columns)]
            im = Image.new("RGB", (w, h), tuple(rnd.randrange(60, 200) for _ in range(3)))
            d = ImageDraw.Draw(im)
            d.ellipse((w * 0.3, h * 0.15, w * 0.7, h * 0.5), fill=(230, 200, 180))
            for _ in range(40):  # some texture so the JPEG is photo-sized, not a flat colour
                x, y = rnd.randrange(w), rnd.randrange(h)
                d.line((x, y, x + rnd.randrange(-300, 300), y + rnd.randrange(-300, 300)),
                       fill=tuple(rnd.randrange(256) for _ in range(3)), width=9)
            exif = Image.Exif()
            if (pi * 10 + ci) % 3 == 0:
                im = im.transpose(Image.Transpose.ROTATE_90)
                exif[0x0112] = 6
            out = io.BytesIO()
            im.save(out, format="JPEG", quality=88, exif=exif)
            name = b.images.add(out.getvalue(), f"photo {pi}-{ci}")
            page.blocks.append(ColumnBlock(region=src.region, organisation=src.organisation,
                                           headline=src.headline, person=src.person,
                                           portrait=Portrait(image=name), paragraphs=src.paragraphs))
        b.pages.append(page)
    return b


def whole_process(src: Path, out: Path, runs: int) -> tuple[float, float]:
    """Median wall time of ``main.py export --docx`` and the largest child RSS in MB."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        r = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(src), "--docx", str(out)],
                           capture_output=True, text=True, cwd=ROOT)
        times.append(time.perf_counter() - t)
        if r.returncode != 0:
            raise SystemExit(r.stderr)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return statistics.median(times), peak


def in_process(bulletin) -> float:
    from exporters.docx import docx_bytes

    t = time.perf_counter()
    docx_bytes(bulletin)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=24)
    ap.add_argument("--photo-mp", type=float, default=3.0, help="megapixels per synthetic portrait")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    from model.example import example_bulletin
    from model.project_file import save

    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        ex = example_bulletin()
        save(ex, tmpd / "example.bulletin")
        t, peak = whole_process(tmpd / "example.bulletin", tmpd / "example.docx", args.runs)
        size = (tmpd / "example.docx").stat().st_size / 1e6
        print(f"example   : whole process {t:.2f} s (target ≤ 0.8 s), build+save in process "
              f"{in_process(ex):.2f} s, {size:.1f} MB, peak RSS {peak:.0f} MB")

        big = synthetic_issue(args.pages, args.photo_mp)
        save(big, tmpd / "big.bulletin")
        src_mb = (tmpd / "big.bulletin").stat().st_size / 1e6
        t, peak = whole_process(tmpd / "big.bulletin", tmpd / "big.docx", max(1, args.runs - 2))
        size = (tmpd / "big.docx").stat().st_size / 1e6
        print(f"{args.pages}-page : whole process {t:.2f} s (target ≤ 5 s), {len(big.pages) * 10} portraits of "
              f"{args.photo_mp:g} MP ({src_mb:.0f} MB project) → {size:.1f} MB DOCX, peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
