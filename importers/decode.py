"""Bytes of a .txt submission → text, refusing binary junk and mixed encodings.

Chinese offices still save text as GBK/GB18030 (Windows Notepad before 2019, WPS exports), so a
strict UTF-8 attempt is followed by a strict GB18030 one. Guessing further (Big5, Shift-JIS …)
would turn a wrong file into plausible-looking nonsense, so anything else is refused with a
message. A file that is part UTF-8 and part GBK (two submissions pasted together) decodes as
neither; it is refused with the line numbers of each part so the user can fix it.
"""

from __future__ import annotations

import codecs
import os
import re
import stat

from importers.errors import SubmissionError

MAX_TEXT_BYTES = 20 * 1024 * 1024  # a special page is ~10 kB of text; 20 MB is clearly not text for us


def regular_file_size(path: str | os.PathLike[str], source: str) -> int:
    """The size of a submission that is a regular file (links followed); anything else — a
    device such as /dev/zero, a named pipe, a folder — is refused before it is opened: reading
    one has no end (memory grows until the program dies) or never returns."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise SubmissionError(source, "no such file") from None
    except OSError as exc:
        raise SubmissionError(source, f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise SubmissionError(source, "is a folder, not a submission file")
    if not stat.S_ISREG(st.st_mode):
        kind = "a named pipe" if stat.S_ISFIFO(st.st_mode) else "a device" if (
            stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)) else "a socket" if stat.S_ISSOCK(st.st_mode) else "special"
        raise SubmissionError(source, f"is {kind} file, not an ordinary file: save the submission as a file first")
    return st.st_size


def read_limited(path: str | os.PathLike[str], limit: int, source: str) -> bytes:
    """At most ``limit`` bytes of a regular file; a longer file is refused after reading
    ``limit + 1`` bytes, whatever its size claims (a file may grow while it is read)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)  # non-blocking: a pipe swapped in after the check cannot hang the open
    except OSError as exc:
        raise SubmissionError(source, f"cannot read: {exc.strerror or exc}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise SubmissionError(source, "is not an ordinary file: save the submission as a file first")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise SubmissionError(source, f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise SubmissionError(source, f"larger than {limit // 1024 // 1024} MB: too large for a text submission")
    return b"".join(chunks)

#: Control characters that never occur in typed text (tab, CR, LF, FF are allowed).
_CONTROL = {c for c in range(32) if c not in (9, 10, 12, 13)} | {127}


#: What typed Chinese text consists of: ASCII, CJK ideographs and punctuation, full-width forms.
_PLAUSIBLE = re.compile("[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u2100-\u27bf\u3000-\u303f"
                        "\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


_WORDS = re.compile("[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) for UTF-16 saved without a byte-order mark, or None.

    Some editors and exports write UTF-16 with no mark; its ASCII characters carry NUL bytes,
    which made the file "a binary file". Accepted only when almost every character decoded is
    one Chinese text is made of (GBK bytes read as UTF-16 give Hangul, Yi and private-use)."""
    if len(data) % 2 or not data:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        sample = text[:32768]
        plausible = len(_PLAUSIBLE.findall(sample))
        words = len(_WORDS.findall(sample))  # ideographs, letters, digits: text, not symbols
        visible = len(sample) - sample.count(" ") - sample.count("\n") - sample.count("\r")
        if ("\x00" not in sample and len(sample) >= 4 and plausible >= 0.97 * len(sample)
                and words >= max(2, visible // 2)):
            return text, enc
    return None


def _looks_binary(data: bytes) -> str | None:
    """Why these bytes are not a text file, or None."""
    if data.startswith(b"PK\x03\x04"):
        return "this is a zip archive (a Word .docx file?), not plain text; rename it to .docx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "this is an old Word .doc (or other OLE) file, not plain text; save it as .docx or .txt"
    if data.startswith(b"%PDF"):
        return "this is a PDF file, not plain text; copy its text into a .txt file"
    sample = data[:65536]
    if _bom(data) is not None:
        return None  # two or four bytes per character: NULs and control bytes are normal there
    if b"\x00" in sample:
        return "it contains NUL bytes: a binary file, not text"
    controls = sum(1 for b in sample if b in _CONTROL)
    if sample and controls / len(sample) > 0.01:
        return f"{controls} control bytes in the first {len(sample)}: a binary file, not text"
    return None


#: Byte-order marks, longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _bom(data: bytes) -> str | None:
    """The encoding a byte-order mark announces (Notepad's "Unicode" is UTF-16), or None."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def _control_text(text: str) -> str | None:
    """Why decoded text is binary junk behind a byte-order mark, or None."""
    sample = text[:32768]
    if "\x00" in sample:
        return "it contains NUL characters: a binary file, not text"
    controls = sum(1 for ch in sample if ord(ch) in _CONTROL)
    if sample and controls / len(sample) > 0.01:
        return f"{controls} control characters in the first {len(sample)}: a binary file, not text"
    return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _line_encodings(data: bytes) -> tuple[list[int], list[int]]:
    """Line numbers that decode only as UTF-8 (with non-ASCII) and only as GB18030."""
    utf8_lines, gb_lines = [], []
    for n, raw in enumerate(data.split(b"\n"), 1):
        if raw.isascii():
            continue
        try:
            raw.decode("utf-8")
            utf8_lines.append(n)
            continue
        except UnicodeDecodeError:
            pass
        try:
            raw.decode("gb18030")
            gb_lines.append(n)
        except UnicodeDecodeError:
            pass
    return utf8_lines, gb_lines


def _ranges(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:6])
    return shown + (f" … ({len(numbers)} lines)" if len(numbers) > 6 else "")


def decode_text(data: bytes, source: str = "") -> tuple[str, str]:
    """(text, encoding name). Raises SubmissionError with a message a user can act on."""
    if len(data) > MAX_TEXT_BYTES:
        raise SubmissionError(source, f"{len(data) / 1e6:.0f} MB is too large for a text submission "
                                      f"(at most {MAX_TEXT_BYTES // 1024 // 1024} MB)")
    if _bom(data) is None and (b"\x00" in data[:65536] or not _is_utf8(data)):
        found = _utf16_without_bom(data)
        if found is not None:
            return found
    why = _looks_binary(data)
    if why:
        raise SubmissionError(source, why)
    enc = _bom(data)
    if enc is not None:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as exc:
            raise SubmissionError(source, f"starts with a {enc} byte-order mark but is not valid {enc} "
                                          f"(byte {exc.start})") from None
        why = _control_text(text)
        if why:
            raise SubmissionError(source, f"decodes as {enc} (it has that byte-order mark) but {why}")
        return text, enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    utf8_lines, gb_lines = _line_encodings(data)
    if utf8_lines and gb_lines:
        raise SubmissionError(
            source,
            f"mixed encodings: lines {_ranges(utf8_lines)} are UTF-8 but lines {_ranges(gb_lines)} are "
            "GBK/GB18030; save the whole file in one encoding (UTF-8)",
        )
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise SubmissionError(source, f"neither UTF-8 nor GBK/GB18030 text (undecodable byte at offset "
                                      f"{exc.start}); save it as UTF-8") from None
    private = sum(1 for ch in text if "\ue000" <= ch <= "\uf8ff")
    if private > max(2, len(text) // 100):
        raise SubmissionError(source, "decodes as GB18030 only to private-use characters: a binary file, not text")
    return text, "gb18030"
