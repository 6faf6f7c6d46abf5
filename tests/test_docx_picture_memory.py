"""DOCX export decodes each picture once and keeps no full-size copy beyond the decoded one
(issue 29, point 7): a transparent 100-megapixel portrait cost three full copies (decoded,
premultiplied, and back) — nine of them took the export past 2 GB."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = """
import resource, sys
from model.document import Crop
from exporters.docx_images import prepare_portrait
data = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
import gc; gc.collect()
out = prepare_portrait(data, Crop(0.1, 0.05, 0.8, 0.9), 0.8)
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(grown // 1024, out.width_px, out.height_px)
"""


def test_a_big_transparent_portrait_is_reduced_without_full_size_copies(tmp_path):
    from tests.hostile import big_portrait

    picture = tmp_path / "big.png"
    picture.write_bytes(big_portrait(36, seed=1, kind="rgba"))
    r = subprocess.run([sys.executable, "-c", _CHILD, str(picture)], capture_output=True, text=True, timeout=300,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert r.returncode == 0, r.stderr[-1000:]
    grown_mb, w, h = map(int, r.stdout.split())
    decoded_mb = 36 * 4  # 36 megapixels of RGBA
    assert 0 < w <= 0.8 * 900 and h > w  # printed size, portrait shape
    assert grown_mb < 1.5 * decoded_mb, f"preparing grew the process by {grown_mb} MB (decoded: {decoded_mb} MB)"


def test_strips_give_the_same_picture_as_a_whole_reduce():
    """Flattened and reduced a strip at a time = reduced whole, then flattened."""
    from PIL import Image, ImageChops

    from exporters.docx_images import _flatten, _reduce_in_strips

    im = Image.radial_gradient("L").resize((700, 2300))
    rgba = Image.merge("RGBA", (im, im.rotate(90).resize(im.size), im.transpose(Image.Transpose.FLIP_TOP_BOTTOM), im))
    whole = _flatten(rgba.reduce(3))
    strips = _reduce_in_strips(rgba, 3)
    assert strips.size == whole.size and strips.mode == "RGB"
    assert max(ImageChops.difference(strips, whole).getextrema(), key=lambda e: e[1])[1] <= 1


def test_big_progressive_jpegs_are_decoded_one_at_a_time():
    """A progressive JPEG's decoder holds the whole picture's coefficients even when drafted
    to 1/8: nine 100-MP progressive portraits decoded four at a time passed 2 GB."""
    import threading
    from unittest import mock

    import exporters.docx_images as di
    from model.document import Crop
    from tests.hostile import big_portrait

    data = big_portrait(20, kind="progressive")
    inside, most = [0], [0]
    lock = threading.Lock()
    real = di.decoding_one_big

    from contextlib import contextmanager

    @contextmanager
    def counting(size):
        with real(size):
            with lock:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            try:
                yield
            finally:
                with lock:
                    inside[0] -= 1

    with mock.patch.object(di, "decoding_one_big", counting):
        threads = [threading.Thread(target=di.prepare_portrait, args=(data, Crop(), 0.8)) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert most[0] == 1, f"{most[0]} progressive 20-MP pictures were decoded at once"
