"""Make-up (组版) over the generated corpus (issue 24, point 6): how many pages meet every rule.

    python benchmarks/bench_makeup.py [--limit N] [--big] [--jobs J] [--budget S]
                                      [--pdf-check K] [--render DIR] [--keep DIR]

Every corpus bulletin (benchmarks/makeup_corpus.py) is planned with its own free/fixed page
count and size (``plan_makeup`` as ``main.py fit`` calls it), the best plan is applied when it
beats the bulletin as it stands (as ``fit`` does), and the result is laid out and measured page
by page with ``layout.quality`` (the meaning of ../shared/tools/page_quality.py). Printed:

- the share of pages meeting every rule, failures per rule, the spread of white;
- the ten worst pages with their figures and bulletin id;
- the 缺稿 / 超稿 reports on failing pages, each checked against the real shortfall: for 缺稿,
  the characters that, added as body text to the page's longest block, bring its white to
  ≤ 10 % and the white at its column feet to ≤ 2 % (and, on a page reported short for its
  holes alone, its holes to ≤ 3 %) (found by adding text in growing steps and bisecting, re-laying out that page each
  time); for 超稿, the characters of the block that are not printed;
- characters not printed without an overset report (must be none);
- plan time p50 / p95 by page count (targets: ≤ 2 s for two pages, ≤ 20 s for 24 pages);
- with ``--pdf-check K``: the K worst pages' bulletins exported to PDF and measured by
  page_quality.py (a second opinion); with ``--render DIR``: the three worst pages as PNG.

Prints numbers, asserts nothing (DESIGN §10). The machine is shared: use ``--limit`` for tries.
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import multiprocessing
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.makeup_corpus import BIG, DEFAULT_COUNT, bulletin_for, corpus_id, describe, filler  # noqa: E402
from model.document import Bulletin, PictureBlock, block_texts  # noqa: E402

#: the shared second-opinion tool, ../shared/tools/page_quality.py from the repository or a worktree of it
PAGE_QUALITY = next((p / "shared" / "tools" / "page_quality.py" for p in ROOT.parents
                     if (p / "shared" / "tools" / "page_quality.py").exists()), ROOT.parent / "shared" / "tools" / "page_quality.py")
#: how far a 缺稿 / 超稿 number may be from the real shortfall (issue 24: within 25 %)
TOLERANCE = 0.25
#: the real shortfall is found by adding copy in steps of this factor, then bisecting: fine steps,
#: since more copy can set a page worse (the grown block takes another span), so a coarse step
#: can leap over the least amount that fills
GROWTH = 1.2
TARGETS_S = {2: 2.0, 24: 20.0}


@dataclass
class PageRecord:
    bulletin: str
    number: int
    preset: str
    pages: int
    empty: float
    holes: float
    foot: float
    isolated: int
    portraits: int
    portrait_ratio: float
    portrait_tops_mm: float
    failures: list[str]
    badness: float
    short_copy: int | None = None  # the 缺稿 number reported for the page
    real_short: int | None = None  # characters that really fill it (None: not measured)
    never_fills: bool = False  # adding body text up to 4 pages' worth never brings the white to ≤ 10 % (feet ≤ 2 %)
    overset: dict[str, int] = field(default_factory=dict)  # block id -> characters reported over
    unprinted: dict[str, int] = field(default_factory=dict)  # block id -> characters not printed
    lost_pictures: list[str] = field(default_factory=list)  # picture blocks whose picture is not drawn

    @property
    def meets(self) -> bool:
        return not self.failures and not self.unprinted and not self.overset and not self.lost_pictures

    def figures(self) -> str:
        parts = [f"空 {100 * self.empty:4.1f}%", f"洞 {100 * self.holes:4.1f}%", f"脚 {100 * self.foot:4.1f}%",
                 f"孤行 {self.isolated}"]
        if self.portraits:
            parts.append(f"肖像 {self.portraits} ×{self.portrait_ratio:.2f} 顶差 {self.portrait_tops_mm:.1f}mm")
        if self.short_copy is not None:
            real = "∞" if self.never_fills else "?" if self.real_short is None else str(self.real_short)
            parts.append(f"缺稿 {self.short_copy} 字 (实 {real})")
        if self.overset:
            parts.append(f"超稿 {sum(self.overset.values())} 字 (未排 {sum(self.unprinted.values())})")
        elif self.unprinted:
            parts.append(f"未排 {sum(self.unprinted.values())} 字未报")
        return "  ".join(parts)


@dataclass
class BulletinRecord:
    bulletin: str
    shape: str
    free: bool
    plan_s: float
    layouts: int
    note: str
    applied: bool
    plan: str
    pages: list[PageRecord]
    error: str = ""


def _printed(doc) -> dict[str, Counter]:
    from layout.types import GlyphRun

    out: dict[str, Counter] = defaultdict(Counter)
    for lp in doc.pages:
        for it in lp.items:
            if isinstance(it, GlyphRun):
                out[it.block_id].update(c for c in it.text if not c.isspace())
    return out


def _with_text(block, chars: int):
    """``block`` with ``chars`` more characters of the corpus's own body text (a copy; the model
    is not touched): the layout tries its 缺稿 with a filler of its own, the check with this."""
    from layout.short_copy import with_paragraphs

    return with_paragraphs(block, filler(chars))


def real_shortfall(b: Bulletin, index: int, cap: int, holes: bool = False, page=None) -> int | None:
    """The characters that, added as body text to page ``index``'s longest block, bring the
    page's white to ≤ 10 % and its white at the column feet to ≤ 2 % (what the 缺稿 report counts;
    with ``holes``, for a page whose white is within those, its holes to ≤ 3 % as well):
    grown in steps of ``GROWTH`` from 40 characters, then bisected to 2 %.
    None when even ``cap`` characters do not (the white is not for want of copy). A page
    without a text block gets the text as a column of its own. ``page``: the page as laid out,
    when a 转版 made it other than the bulletin's own (``LaidOutPage.source``)."""
    from layout.document import ImageSizes, lay_out_page, registry_for
    from layout.grid import make_grid
    from layout.quality import measure_page
    from layout.short_copy import article_to_grow
    from layout.short_copy import filled as within_limits

    page = page or b.pages[index]
    blocks, longest = article_to_grow(page)
    g = make_grid(b.page_setup)
    fonts, sizes = registry_for(b), ImageSizes(b.images)

    def filled(chars: int) -> bool:
        trial = copy.copy(page)
        trial.blocks = [_with_text(blk, chars) if blk is longest else blk for blk in blocks]
        lp, _problems = lay_out_page(b, trial, index + 1, fonts, sizes)
        return within_limits(measure_page(lp, g), holes)

    from layout.short_copy import least_filling

    return least_filling(filled, 40, cap, GROWTH, 0.02)


def measure(index: int, budget: float = 20.0, keep: str = "", shortfall: bool = True) -> BulletinRecord:
    """Plan, apply and measure corpus bulletin ``index`` (the benchmark's unit of work)."""
    from layout.document import lay_out_bulletin
    from layout.fit import apply
    from layout.grid import make_grid
    from layout.quality import badness, measure_page
    from layout.types import Picture
    from makeup import changes_for, plan_makeup

    b = bulletin_for(index)
    shape = describe(index, b)
    free = b.page_setup.fit.free_pages
    t0 = time.perf_counter()
    result = plan_makeup(b, budget_s=budget)
    plan_s = time.perf_counter() - t0
    best = result.best
    applied = best is not None and (result.current is None or best.cost < result.current.cost - 1e-9)
    if applied:
        apply(changes_for(b, best.plan))
    doc = lay_out_bulletin(b)
    g = make_grid(b.page_setup)
    printed = _printed(doc)
    records = []
    for n, (page, lp) in enumerate(zip(b.pages, doc.pages)):
        q = measure_page(lp, g)
        ids = {blk.id for blk in page.blocks}
        rec = PageRecord(corpus_id(index), n + 1, b.page_setup.preset, len(b.pages), q.empty, q.holes, q.foot,
                         len(q.isolated), q.portraits, q.portrait_ratio, q.portrait_tops_mm, list(q.failures), badness(q))
        # every article under its own or its group's headline (issue 24, point 3)
        if any(p.kind == "group_apart" and p.block_id in ids for p in doc.problems):
            rec.failures.append("group")
        for p in doc.problems:
            if p.kind == "short_copy" and p.block_id == page.id:
                rec.short_copy = (rec.short_copy or 0) + p.chars
            elif p.kind in ("overset", "truncated") and p.block_id in ids and (p.chars > 0 or p.kind == "overset"):
                rec.overset[p.block_id] = rec.overset.get(p.block_id, 0) + p.chars
        drawn = {it.block_id for it in lp.items if isinstance(it, Picture)}
        rec.lost_pictures = [blk.id for blk in page.blocks if isinstance(blk, PictureBlock) and blk.picture.image
                             and blk.id not in drawn]
        for blk in page.blocks:
            want = Counter(c for t in block_texts(blk) for c in t if not c.isspace())
            missing = sum((want - printed.get(blk.id, Counter())).values())
            if missing:
                rec.unprinted[blk.id] = missing
        if shortfall and rec.short_copy is not None and not rec.meets:
            from layout.short_copy import filled as within_limits

            holes_only = within_limits(q)
            rec.real_short = real_shortfall(b, n, 4 * g.lines * g.columns * g.col_chars, holes=holes_only,
                                           page=lp.source)
            rec.never_fills = rec.real_short is None
        records.append(rec)
    if keep:
        from model.project_file import save

        save(b, str(Path(keep) / f"{corpus_id(index)}.bulletin"))
    return BulletinRecord(corpus_id(index), shape, free, plan_s, result.layouts, result.note, applied,
                          best.plan.describe() if best is not None else "(none)", records)


def _safe_measure(args: tuple[int, float, str, bool]) -> BulletinRecord:
    index, budget, keep, shortfall = args
    try:
        return measure(index, budget, keep, shortfall)
    except Exception as exc:  # noqa: BLE001 - one broken bulletin must not hide the others' numbers
        import traceback

        return BulletinRecord(corpus_id(index), "", False, 0.0, 0, "", False, "", [],
                              error=f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=4)}")


def _pct(xs: list[float], p: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, math.ceil(p / 100 * len(xs)) - 1))]


def _within(reported: int, real: int | None) -> bool:
    return real is not None and abs(reported - real) <= TOLERANCE * max(1, real)


def report(records: list[BulletinRecord]) -> list[PageRecord]:
    """Print the distribution; returns the pages worst first."""
    errors = [r for r in records if r.error]
    ok = [r for r in records if not r.error]
    pages = [p for r in ok for p in r.pages]
    print(f"\n== {len(ok)} bulletins planned, {len(pages)} pages"
          + (f"; {len(errors)} bulletins FAILED to plan" if errors else ""))
    for r in errors:
        print(f"  {r.bulletin}: {r.error}")
    if not pages:
        return []
    meets_q = sum(1 for p in pages if not p.failures)
    meets = sum(1 for p in pages if p.meets)
    print(f"pages meeting every make-up rule (layout.quality): {meets_q}/{len(pages)} = {100 * meets_q / len(pages):.1f} %")
    print(f"... and with all their text printed:               {meets}/{len(pages)} = {100 * meets / len(pages):.1f} %")
    for label, sel in (("free page count/size", True), ("fixed page count/size", False)):
        ps = [p for r in ok if r.free == sel for p in r.pages]
        if ps:
            m = sum(1 for p in ps if p.meets)
            print(f"  {label}: {m}/{len(ps)} = {100 * m / len(ps):.1f} % of pages meet every rule")
    by_preset: dict[str, list[PageRecord]] = defaultdict(list)
    for p in pages:
        by_preset[p.preset].append(p)
    print("  by page size after make-up: " + ", ".join(
        f"{k} {sum(1 for p in v if p.meets)}/{len(v)}" for k, v in sorted(by_preset.items())))
    rules = Counter(f for p in pages for f in p.failures)
    rules["overset"] = sum(1 for p in pages if p.overset)
    print("failures per rule (pages): " + ", ".join(f"{k} {rules[k]}" for k in
                                                    ("empty", "holes", "foot", "isolated", "portraits", "tops", "group",
                                                     "overset")))
    empties = [100 * p.empty for p in pages]
    print(f"white (empty %): p50 {_pct(empties, 50):.1f}  p90 {_pct(empties, 90):.1f}  max {max(empties):.1f};  "
          f"holes % p90 {_pct([100 * p.holes for p in pages], 90):.1f};  foot % p90 {_pct([100 * p.foot for p in pages], 90):.1f};  "
          f"isolated lines total {sum(p.isolated for p in pages)}")
    buckets = Counter(min(9, int(e // 10)) for e in empties)
    print("white histogram: " + "  ".join(f"{10 * k}–{10 * k + 10}%:{buckets[k]}" for k in range(10) if buckets[k]))

    worst = sorted(pages, key=lambda p: -(p.badness + (200 if p.overset or p.unprinted else 0)
                                          + 3 * sum(p.overset.values()) / 100))
    print("\n10 worst pages:")
    for p in worst[:10]:
        print(f"  {p.bulletin} p{p.number}/{p.pages} {p.preset:10s} {p.figures()}  ✗ {_fails(p)}")

    failing = [p for p in pages if not p.meets]
    with_short = [p for p in failing if p.short_copy is not None]
    with_over = [p for p in failing if p.overset]
    bare = [p for p in failing if p.short_copy is None and not p.overset]
    print(f"\nfailing pages {len(failing)}: with 缺稿 report {len(with_short)}, with 超稿 report {len(with_over)}, "
          f"with neither {len(bare)}")
    if bare:
        print("  failing without a report: " + ", ".join(f"{p.bulletin} p{p.number} ({','.join(p.failures)})"
                                                        for p in bare[:12]) + (" …" if len(bare) > 12 else ""))
    near = [p for p in with_short if _within(p.short_copy or 0, p.real_short)]
    print(f"缺稿 numbers within {100 * TOLERANCE:.0f} % of the real shortfall: {len(near)}/{len(with_short)}"
          f" (adding text never fills {sum(1 for p in with_short if p.never_fills)}, "
          f"not measured {sum(1 for p in with_short if p.real_short is None and not p.never_fills)})")
    for p in sorted(with_short, key=lambda p: p.bulletin)[:15]:
        real = p.real_short
        ratio = f"{(p.short_copy or 0) / real:.2f}×" if real else "—"
        shown = real if real is not None else "∞" if p.never_fills else "not measured"
        print(f"  {p.bulletin} p{p.number}: reported 缺稿 {p.short_copy} 字, real {shown} ({ratio})")
    over_blocks = [(p, bid, chars) for p in with_over for bid, chars in p.overset.items()]
    off = [(p, bid, chars) for p, bid, chars in over_blocks if not _within(chars, p.unprinted.get(bid, 0))]
    print(f"超稿 numbers within {100 * TOLERANCE:.0f} % of the characters not printed: "
          f"{len(over_blocks) - len(off)}/{len(over_blocks)} blocks"
          + ("; off: " + ", ".join(f"{p.bulletin}/{bid} reported {chars}, not printed {p.unprinted.get(bid, 0)}"
                                   for p, bid, chars in off[:8]) if off else ""))
    both = [p for p in failing if p.short_copy is not None and p.overset]
    print(f"pages reported both 缺稿 and 超稿 (white beside copy that does not fit): {len(both)}")
    lost = [(p, bid) for p in pages for bid in p.lost_pictures]
    print(f"picture blocks not drawn: {len(lost)}"
          + (" (" + ", ".join(f"{p.bulletin}/{bid}{'' if bid in p.overset else ' UNREPORTED'}" for p, bid in lost[:8])
             + (" …" if len(lost) > 8 else "") + ")" if lost else ""))
    unreported = [(p, bid, n) for p in pages for bid, n in p.unprinted.items() if bid not in p.overset]
    print(f"characters not printed without an overset report: {sum(n for _p, _b, n in unreported)} "
          f"in {len(unreported)} blocks" + (": " + ", ".join(f"{p.bulletin}/{bid} {n}" for p, bid, n in unreported[:8])
                                            if unreported else ""))

    print("\nplan time by page count (s):")
    by_count: dict[int, list[float]] = defaultdict(list)
    for r in ok:
        by_count[len(r.pages)].append(r.plan_s)
    for count in sorted(by_count):
        ts = by_count[count]
        target = TARGETS_S.get(count)
        mark = f"  target ≤ {target:.0f} s: {'met' if _pct(ts, 95) <= target else 'MISSED'}" if target else ""
        print(f"  {count:2d} pages: n={len(ts):3d}  p50 {statistics.median(ts):5.2f}  p95 {_pct(ts, 95):5.2f}  "
              f"max {max(ts):5.2f}{mark}")
    all_t = [r.plan_s for r in ok]
    print(f"  all: p50 {statistics.median(all_t):.2f}  p95 {_pct(all_t, 95):.2f}; "
          f"search stopped by its budget in {sum(1 for r in ok if r.note)} bulletins")
    counts = Counter(len(r.pages) for r in ok)
    print("pages per bulletin after make-up: " + ", ".join(f"{k}:{v}" for k, v in sorted(counts.items())))
    return worst


def _export(keep: Path, bulletin: str, out: Path) -> Path:
    from exporters.pdf import write_pdf
    from model.project_file import load

    pdf = out / f"{bulletin}.pdf"
    if not pdf.exists():
        write_pdf(load(str(keep / f"{bulletin}.bulletin")), str(pdf))
    return pdf


def pdf_check(worst: list[PageRecord], k: int, keep: Path, out: Path, tool: Path = PAGE_QUALITY) -> None:
    """The worst pages' bulletins exported and measured by page_quality.py: a second opinion."""
    print(f"\nPDF check ({tool}) of the {k} worst pages:")
    for p in worst[:k]:
        pdf = _export(keep, p.bulletin, out)
        run = subprocess.run([sys.executable, str(tool), str(pdf), "--json"], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"  {p.bulletin} p{p.number}: page_quality.py failed: {run.stderr.strip()[-300:]}")
            continue
        rec = next((x for x in json.loads(run.stdout)["pages"] if x["page"] == p.number), None)
        if rec is None:
            print(f"  {p.bulletin} p{p.number}: not in the PDF")
            continue
        print(f"  {p.bulletin} p{p.number}: PDF empty {rec['empty_pct']}% holes {rec['holes_pct']}% foot {rec['foot_pct']}% "
              f"isolated {rec['isolated']} portraits {rec['portraits']} ratio {rec['portrait_ratio']} "
              f"tops {rec['portrait_tops_mm']} mm {'meets' if rec['meets'] else 'falls short'}   "
              f"(layout: empty {100 * p.empty:.1f}% holes {100 * p.holes:.1f}% foot {100 * p.foot:.1f}% isolated {p.isolated})")


def render(worst: list[PageRecord], keep: Path, out: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    print(f"\nrenders of the three worst pages in {target}:")
    for p in worst[:3]:
        pdf = _export(keep, p.bulletin, out)
        stem = target / f"{p.bulletin}-p{p.number}"
        subprocess.run(["pdftoppm", "-f", str(p.number), "-l", str(p.number), "-r", "50", "-png", "-singlefile",
                        str(pdf), str(stem)], check=False)
        print(f"  {stem}.png  ({p.figures()})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="only the first N corpus bulletins (quick tries)")
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="corpus size (default %(default)s)")
    parser.add_argument("--big", action="store_true", help="include the 24-page bulletin even with --limit")
    parser.add_argument("--only", default="", help="comma-separated corpus indices (e.g. 3,17; -1 and -2 are the 24-page ones)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (the machine has 2 cores)")
    parser.add_argument("--budget", type=float, default=20.0, help="the search's time budget per bulletin, s")
    parser.add_argument("--no-shortfall", action="store_true", help="skip measuring the real 缺稿 shortfall")
    parser.add_argument("--pdf-check", type=int, default=0, metavar="K")
    parser.add_argument("--pdf-tool", metavar="PATH", default=str(PAGE_QUALITY), help="default: %(default)s")
    parser.add_argument("--render", metavar="DIR", default="")
    parser.add_argument("--keep", metavar="DIR", default="", help="keep the planned bulletins (and PDFs) here")
    parser.add_argument("--quiet", action="store_true", help="no line per bulletin")
    args = parser.parse_args()

    if args.only:
        indices = [int(x) for x in args.only.split(",")]
    else:
        n = args.count if args.limit is None else min(args.limit, args.count)
        indices = list(range(n)) + (list(BIG) if args.big or args.limit is None else [])
    tmp = tempfile.TemporaryDirectory()
    keep = Path(args.keep or tmp.name)
    keep.mkdir(parents=True, exist_ok=True)
    work = [(i, args.budget, str(keep), not args.no_shortfall) for i in indices]
    print(f"make-up benchmark: {len(indices)} bulletins, budget {args.budget:g} s, jobs {args.jobs}")
    t0 = time.perf_counter()
    records: list[BulletinRecord] = []
    if args.jobs > 1:
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            it = pool.imap(_safe_measure, work)
            for r in it:
                records.append(r)
                _line(r, args.quiet)
    else:
        for w in work:
            r = _safe_measure(w)
            records.append(r)
            _line(r, args.quiet)
    print(f"(wall time {time.perf_counter() - t0:.0f} s)")
    worst = report(records)
    out = keep / "pdf"
    out.mkdir(exist_ok=True)
    if args.pdf_check and worst:
        pdf_check(worst, args.pdf_check, keep, out, Path(args.pdf_tool))
    if args.render and worst:
        render(worst, keep, out, Path(args.render))
    tmp.cleanup()
    return 0


def _fails(p: PageRecord) -> str:
    return ",".join([*p.failures, *(["overset"] if p.overset else []),
                     *(["unprinted"] if p.unprinted and not p.overset else [])]) or "-"


def _line(r: BulletinRecord, quiet: bool) -> None:
    if r.error:
        print(f"{r.bulletin}: ERROR {r.error.splitlines()[0]}", flush=True)
        return
    if quiet:
        return
    met = sum(1 for p in r.pages if p.meets)
    print(f"{r.shape}\n    → {r.plan}{'' if r.applied else ' (kept as it stands)'}  {met}/{len(r.pages)} meet, "
          f"plan {r.plan_s:.1f} s, {r.layouts} layouts{'  ' + r.note if r.note else ''}", flush=True)
    for p in r.pages:
        if not p.meets:
            print(f"      p{p.number}: {p.figures()}  ✗ {_fails(p)}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
