"""Fuzzing the project loader: every mutated file opens or is refused with a ProjectFileError
that names the file (and, for a bad value, the field) — never another exception, a hang or
gigabytes of memory (issue 12).

The mutations are seeded, so a failure names a case that can be replayed: bit flips and
truncations of a real project file, JSON values of the wrong type, size or Unicode at every
field, and hand-made archive trouble (lying sizes, names that are not UTF-8, LZMA/bzip2 junk).
"""

from __future__ import annotations

import json
import random
import resource
import zipfile
from pathlib import Path

import pytest

from model.project_file import ProjectFileError, load
from tests import hostile as H


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The built-in example as a project file (nine portraits, two pages)."""
    from model.example import example_bulletin
    from model.project_file import save

    path = tmp_path_factory.mktemp("fuzz") / "example.bulletin"
    save(example_bulletin(), path)
    return path


def _opens_or_refuses(path: Path, *, field: str | None = None) -> ProjectFileError | None:
    """Load ``path``: either it opens, or a ProjectFileError naming the file is raised."""
    try:
        load(path)
    except ProjectFileError as exc:
        assert str(path) in str(exc), exc
        assert "Traceback" not in str(exc)
        if field is not None:
            assert exc.field == field, (exc.field, str(exc))
        return exc
    return None


# ------------------------------------------------------------------------------ bytes


@pytest.mark.parametrize("seed", range(60))
def test_bit_flips(project, tmp_path, seed):
    rnd = random.Random(seed)
    data = bytearray(project.read_bytes())
    for _ in range(rnd.choice((1, 3, 20))):
        i = rnd.randrange(len(data))
        data[i] ^= 1 << rnd.randrange(8)
    bad = tmp_path / f"flip{seed}.bulletin"
    bad.write_bytes(bytes(data))
    _opens_or_refuses(bad)


@pytest.mark.parametrize("seed", range(30))
def test_truncations(project, tmp_path, seed):
    data = project.read_bytes()
    cut = random.Random(seed).randrange(len(data))
    bad = tmp_path / f"cut{seed}.bulletin"
    bad.write_bytes(data[:cut])
    assert _opens_or_refuses(bad) is not None or cut == len(data)


# ------------------------------------------------------------------------------ JSON values


def _json(project: Path) -> dict:
    with zipfile.ZipFile(project) as zf:
        return json.loads(zf.read("bulletin.json"))


@pytest.mark.parametrize("seed", range(150))
def test_json_value_mutations(project, tmp_path, seed):
    """One field (chosen by the seed) takes a value of another type, an extreme size or odd
    Unicode; a refusal must name that field or one on the way to it."""
    rnd = random.Random(seed)
    tree = _json(project)
    paths = [p for p in H.json_paths(tree["bulletin"])]
    path = rnd.choice(paths)
    kind = rnd.choice(sorted(H.MUTATIONS))
    H.set_path(tree["bulletin"], path, H.MUTATIONS[kind](rnd))
    bad = H.rezip(project, tmp_path / f"m{seed}.bulletin", json_data=H.dump_json(tree))
    exc = _opens_or_refuses(bad)
    if exc is not None and exc.field:
        top = str(path[0])
        assert top in exc.field or exc.field == "bulletin", (path, kind, str(exc))


@pytest.mark.parametrize("where, value, field", [
    (("page_setup", "columns"), H.HugeInt(5000), "bulletin.page_setup.columns"),
    (("page_setup", "width_mm"), H.HugeInt(400), "bulletin.page_setup.width_mm"),
    (("page_setup", "width_mm"), 10 ** 400, "bulletin.page_setup.width_mm"),
    (("page_setup", "gutter_em"), 1e300, "bulletin.page_setup.gutter_em"),
    (("page_setup", "leading_pt"), 1e12, "bulletin.page_setup.leading_pt"),
    (("chars_target",), -(10 ** 40), "bulletin.chars_target"),
], ids=["5000-digit-columns", "400-digit-width", "10**400-width", "1e300-gutter", "1e12-leading", "-1e40-target"])
def test_huge_numbers_name_their_field(project, tmp_path, where, value, field):
    """Integers of thousands of digits raised a bare ValueError in json, huge ones an
    OverflowError in float(): both tracebacks before."""
    tree = _json(project)
    H.set_path(tree["bulletin"], where, value)
    bad = H.rezip(project, tmp_path / "huge.bulletin", json_data=H.dump_json(tree))
    exc = _opens_or_refuses(bad, field=field)
    assert exc is not None and "range" in exc.problem


def test_out_of_range_gutter_is_named_by_validation(project, tmp_path):
    tree = _json(project)
    tree["bulletin"]["page_setup"]["gutter_em"] = 50.0
    bad = H.rezip(project, tmp_path / "gutter.bulletin", json_data=H.dump_json(tree))
    exc = _opens_or_refuses(bad, field="page_setup.gutter_em")
    assert exc is not None


# ------------------------------------------------------------------------------ archives


def test_lying_entry_is_read_without_inflating_it_all(project, tmp_path):
    """A file whose bulletin.json stream inflates to 600 MB while its header gives the
    honest size: ZipFile.read inflated all of it in one call (its whole size at once) before."""
    liar = H.lying_entry(project, tmp_path / "liar.bulletin", inflated_mb=600)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _opens_or_refuses(liar)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 300, f"loading grew the process by {grown_mb:.0f} MB"


def test_lying_entry_is_refused_before_anything_reads_it(project, tmp_path):
    """Images are read from the archive when drawn, by ZipFile.read: an entry whose stream is
    far longer than its size must be refused when the file is opened."""
    liar = H.lying_entry(project, tmp_path / "liar.bulletin", inflated_mb=50)
    exc = _opens_or_refuses(liar)
    assert exc is not None and "more data" in str(exc)


def test_entry_name_not_utf8(project, tmp_path):
    exc = _opens_or_refuses(H.bad_entry_name(project, tmp_path / "name.bulletin"))
    assert exc is not None and "UTF-8" in str(exc)


@pytest.mark.parametrize("method", [zipfile.ZIP_LZMA, zipfile.ZIP_BZIP2])
def test_compressed_junk(project, tmp_path, method):
    exc = _opens_or_refuses(H.junk_compressed(project, tmp_path / "junk.bulletin", method))
    assert exc is not None and "damaged" in str(exc)


@pytest.mark.parametrize("method", [zipfile.ZIP_LZMA, zipfile.ZIP_BZIP2])
def test_other_compressions_still_open(project, tmp_path, method):
    good = H.rezip(project, tmp_path / "other.bulletin", compression=method)
    assert _opens_or_refuses(good) is None


def test_mpo_portrait_is_accepted(project, tmp_path):
    """Phones save MPO (a JPEG with a second frame); it was refused as an unknown format."""
    path = H.with_portrait_bytes(project, tmp_path / "mpo.bulletin", H.mpo())
    assert _opens_or_refuses(path) is None
