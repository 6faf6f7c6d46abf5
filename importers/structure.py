"""Tokens → pages and blocks: where columns begin, whose caption a name is, what a speech holds.

The rules follow the seed page's reading order (DESIGN §1, §3):

* a headline and/or a person caption begins a column; a caption that comes after a column's
  text (安康, 商洛) or in the middle of a paragraph (汉中: page furniture) belongs to that column
  when the region it names agrees with the column's;
* an opening sentence naming another region ("2020年，商洛市…") begins a new column;
* a run of several short lines is banner (版头) + column headline, or — before a speech — the
  page's kicker / title / subtitle (——…);
* a year label followed by ◎ lines opens a speech section; the paragraph "2021年是…" printed
  just above the label 2021 belongs to that section; （…讲话摘编） is the speech's attribution;
* a paragraph that ends without sentence-final punctuation continues at the next body line,
  whatever captions or blank lines the page put in between.

Every guess is written to the report; text that fits nowhere becomes body text of a column and
is reported — nothing is dropped.
"""

from __future__ import annotations

import re

from importers.errors import SubmissionError
from importers.leads import detect_leads
from importers.lines import HAN, SourceLine, is_credit, is_subtitle, is_terminated, is_title
from importers.regions import opening_region, region_of
from importers.report import ImportReport
from importers.tokens import T, Token
from model.document import (
    Banner,
    Bulletin,
    ColumnBlock,
    ColumnPhoto,
    ColumnTable,
    Crop,
    HeadlineGroup,
    Page,
    Paragraph,
    Person,
    Portrait,
    SpeechBlock,
    SpeechSection,
    TableRow,
)
from model.images import ImageError, upright_size

_SPEAKER = re.compile(f"^[（(](?P<titles>.+(?:主席|主任|书记|部长|委员|长))(?P<name>[{HAN}]{{2,4}}?)在")
_LATIN_END = re.compile(r"[A-Za-z0-9]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9]")


def _join(a: str, b: str) -> str:
    """Rejoin a paragraph the source broke: Chinese needs no space, Latin words do."""
    if _LATIN_END.search(a) and _LATIN_START.search(b):
        return f"{a} {b}"
    return a + b


def parse_speaker(attribution: str) -> Person:
    """（省人大常委会副主任、省总工会主席郭大为在……讲话摘编） → 郭大为, [titles]."""
    m = _SPEAKER.match(attribution)
    if m is None:
        return Person()
    return Person(m.group("name"), [t for t in m.group("titles").split("、") if t])


def framed_portrait(image: str, data: bytes, bulletin: Bulletin) -> Portrait:
    """A submitted photo as a portrait cropped to the bulletin's portrait frame (centred, nearer
    the top): the crop the user later sees in the crop dialog is exactly what prints, with
    nothing trimmed from its sides at layout time."""
    spec = bulletin.page_setup.portrait
    try:
        w, h = upright_size(data)
    except Exception:  # noqa: BLE001 - the store accepted it; an unreadable size keeps the whole image
        return Portrait(image=image)
    return Portrait(image=image, crop=Crop.framing(w, h, spec.aspect_w / max(1, spec.aspect_h)))


class Assembler:
    """Walks the tokens once, keeping the page, the speech and the column being filled."""

    def __init__(self, source: str, report: ImportReport, merge_at: set[int] | None = None) -> None:
        self.source = source
        self.merge_at = merge_at or set()  # id(SourceLine) of columns the user joined to the one before
        self.report = report
        self.bulletin = Bulletin()
        self.page: Page | None = None
        self.speech: SpeechBlock | None = None
        self.section: SpeechSection | None = None
        self.column: ColumnBlock | None = None
        self.container: str | None = None  # "speech" | "column" | None
        self.open_para: Paragraph | None = None
        self.first_lines: dict[int, Token] = {}  # id(paragraph) -> token it started with
        self.expect_section_heading = False
        self.last: Token | None = None  # the token handled before the current one
        self.last_paragraph: Paragraph | None = None
        self.pending_pictures: list[Token] = []
        #: id(picture token) -> (the column it stood in or None, paragraphs before it there)
        self.picture_place: dict[int, tuple[ColumnBlock | None, int]] = {}
        self.captions: dict[int, Token] = {}  # id(picture token) -> its caption token
        self.loose_captions: list[Token] = []  # captions with no picture next to them
        #: tables met before any column: (token, first column after it gets it at its top)
        self.pending_tables: list[Token] = []
        self.column_first: dict[int, SourceLine] = {}  # id(column) -> the line that began it
        self.tokens: list[Token] = []
        self.indices: dict[int, int] = {}  # id(token) -> its position, for "near the name"
        #: id(SourceLine) -> the role it was given (headline, name, body, banner …), for the review
        self.roles: dict[int, str] = {}

    # ------------------------------------------------------------------ helpers

    def role(self, line: SourceLine, role: str) -> None:
        self.roles[id(line)] = role

    def note(self, tok: Token | None, message: str, text: str = "", level: str = "info") -> None:
        self.report.add(level, self.source, tok.line.number if tok else None, message, text)  # type: ignore[arg-type]

    def ensure_page(self) -> Page:
        if self.page is None:
            self.page = Page()
            self.bulletin.pages.append(self.page)
        return self.page

    def new_page(self) -> Page:
        self.page = None
        self.close_paragraph()
        self.container = None
        return self.ensure_page()

    def close_paragraph(self) -> None:
        self.open_para = None

    def new_column(self, tok: Token) -> ColumnBlock:
        self.close_paragraph()
        self.column = ColumnBlock()
        self.ensure_page().blocks.append(self.column)
        self.container = "column"
        self.report.columns += 1
        self.column_first[id(self.column)] = tok.line
        for table in self.pending_tables:
            self.place_table(self.column, table, 0)
        self.pending_tables = []
        return self.column

    def ensure_speech(self) -> SpeechBlock:
        if self.speech is None:
            self.speech = SpeechBlock()
            self.ensure_page().blocks.append(self.speech)
        return self.speech

    def column_region(self, col: ColumnBlock) -> str:
        if col.person is not None:
            for t in col.person.titles:
                if region_of(t):
                    return region_of(t)
        if col.organisation:
            return region_of(col.organisation)
        return opening_region(col.paragraphs[0].text) if col.paragraphs else ""

    def current_column(self) -> ColumnBlock | None:
        return self.column if self.container == "column" else None

    # ------------------------------------------------------------------ tokens

    def body(self, tok: Token, role: str = "body") -> None:
        self.role(tok.line, role)
        text = tok.text
        if self.open_para is not None:
            self.open_para.text = _join(self.open_para.text, text)
        else:
            col = self.current_column()
            region = opening_region(text)
            if col is not None and col.paragraphs and region:
                known = self.column_region(col)
                if known and known != region:
                    self.note(tok, f"opening sentence names {region}, not {known}: begins a new column", text)
                    col = self.new_column(tok)
            if self.container == "speech" and region:
                self.note(tok, f"opening sentence names {region}: ends the speech, begins a column", text)
                col = self.new_column(tok)
            para = Paragraph(text)
            if self.container == "speech" and self.section is not None:
                self.section.paragraphs.append(para)
            else:
                if col is None:
                    col = self.new_column(tok)
                    self.note(tok, "text before any headline or name: put into a column of its own",
                              text, "warning")
                    self.role(tok.line, "unclassified")
                col.paragraphs.append(para)
            self.first_lines[id(para)] = tok
            self.open_para = para
            self.last_paragraph = para
            self.report.paragraphs += 1
        if is_terminated(self.open_para.text) or tok.forced:
            self.open_para = None  # a line the user marked as body is a paragraph of its own

    def year(self, tok: Token) -> None:
        self.role(tok.line, "label")
        speech = self.ensure_speech()
        self.close_paragraph()
        section = SpeechSection(label=tok.text)
        moved = self.last_paragraph
        if (self.last is not None and self.last.kind is T.BODY and moved is not None
                and moved.text.startswith(f"{tok.text}年") and self.container == "column"
                and self.column is not None and self.column.paragraphs and self.column.paragraphs[-1] is moved
                and len(self.column.paragraphs) > 1):
            self.column.paragraphs.pop()
            section.paragraphs.append(moved)
            self.note(tok, f"paragraph printed just above the label {tok.text} moved into that speech section",
                      moved.text)
        speech.sections.append(section)
        self.section = section
        self.container = "speech"
        self.expect_section_heading = True
        self.report.speech_sections += 1

    def bullet(self, tok: Token) -> None:
        self.role(tok.line, "bullet")
        if tok.line.removed_prefix:
            self.report.remove(self.source, tok.line.number, tok.line.removed_prefix, "list marker before ◎")
        self.close_paragraph()
        if self.container != "speech" or self.section is None:
            speech = self.ensure_speech()
            self.section = SpeechSection()
            speech.sections.append(self.section)
            self.container = "speech"
            self.report.speech_sections += 1
            self.note(tok, "◎ line outside a labelled speech section: began an unlabelled section", tok.text)
        self.section.bullets.append(tok.text)
        self.expect_section_heading = False

    def attribution(self, tok: Token) -> None:
        self.close_paragraph()
        speech = self.ensure_speech()
        if speech.attribution:
            self.note(tok, "a second speech attribution: kept as body text", tok.text, "warning")
            self.body(tok, "unclassified")
            return
        self.role(tok.line, "attribution")
        speech.attribution = tok.text
        if not speech.speaker.name:
            speech.speaker = parse_speaker(tok.text)
        if self.container == "speech":
            self.container = None

    def person(self, tok: Token, index: int) -> None:
        is_org = tok.kind is T.ORG
        if is_org:
            self.role(tok.line, "unit")
        for line, role in tok.members:
            self.role(line, role)
        region = region_of(tok.text) if is_org else next(
            (region_of(t) for t in [*tok.titles, tok.unit] if region_of(t)), "")
        col = self.current_column()
        attach = False
        if col is not None and not col.paragraphs and (
                (is_org and not col.organisation) or (not is_org and col.person is None
                                                      and not (tok.unit and col.organisation))):
            # a unit line and a caption typed apart (某某县总工会 / 王芳 / 主席) are one column's
            attach = True
        elif col is not None and col.person is None and not col.organisation:
            known = self.column_region(col)
            attach = not known or not region or known == region
            if attach:
                where = "in the middle of a paragraph" if self.open_para is not None else "after the column's text"
                self.note(tok, f"caption {where} taken as the column's {'organisation' if is_org else 'person'}",
                          " ".join([tok.text, *tok.titles]))
        if not attach:
            col = self.new_column(tok)
        assert col is not None
        if is_org:
            col.organisation = tok.text
        else:
            col.person = Person(tok.text, list(tok.titles))
            if tok.unit:
                col.organisation = tok.unit
        self.take_pictures(col, index)

    def caption(self, tok: Token, index: int) -> None:
        """A photo caption (图为……) belongs to the picture next to it, which it makes a news photo."""
        self.role(tok.line, "caption")
        for k in (index - 1, index + 1, index - 2):
            if 0 <= k < len(self.tokens) and self.tokens[k].kind is T.PICTURE and id(self.tokens[k]) not in self.captions:
                self.captions[id(self.tokens[k])] = tok
                return
        self.loose_captions.append(tok)

    def table(self, tok: Token) -> None:
        for line in tok.lines:
            self.role(line, "table")
        self.close_paragraph()
        col = self.current_column()
        if col is None and self.column is not None and self.container is None:
            col = self.column
        if col is None:
            self.pending_tables.append(tok)
            return
        self.place_table(col, tok, len(col.paragraphs))

    def place_table(self, col: ColumnBlock, tok: Token, after: int) -> None:
        width = max(len(r) for r in tok.rows)
        rows = [TableRow(list(r) + [""] * (width - len(r))) for r in tok.rows]
        header = 1 if not any(re.search(r"[0-9０-９]", c) for c in tok.rows[0]) else 0
        col.tables.append(ColumnTable(rows, header_rows=header, after=after))
        self.report.tables += 1
        self.note(tok, f"table of {len(rows)} row(s) × {width} column(s) set as a table in the column")

    def take_pictures(self, col: ColumnBlock, index: int) -> None:
        """A picture within two tokens before a caption is that person's portrait (one with a
        photo caption of its own is a news photo)."""
        near = [p for p in self.pending_pictures if index - self.token_index(p) <= 2 and not self.captioned(p)]
        if near and col.portrait is None:
            self.set_portrait(col, near[0])
            self.pending_pictures.remove(near[0])

    def captioned(self, tok: Token) -> bool:
        """Does a photo caption stand next to this picture (so it is an activity photo)?"""
        i = self.token_index(tok)
        return any(0 <= k < len(self.tokens) and self.tokens[k].kind is T.CAPTION and not is_credit(self.tokens[k].text)
                   for k in (i - 1, i + 1))

    def token_index(self, tok: Token) -> int:
        return self.indices[id(tok)]

    def picture(self, tok: Token, index: int) -> None:
        col = self.current_column()
        prev = self.last
        self.picture_place[id(tok)] = (col, len(col.paragraphs) if col is not None else 0)
        if (col is not None and col.portrait is None and (col.person or col.organisation) and prev is not None
                and prev.kind in (T.PERSON, T.ORG) and index - self.token_index(prev) <= 2
                and not self.captioned(tok)):
            self.set_portrait(col, tok)
        else:
            self.pending_pictures.append(tok)

    def set_portrait(self, col: ColumnBlock, tok: Token) -> None:
        assert tok.picture is not None
        name, data = tok.picture
        try:
            image = self.bulletin.images.add(data, f"{self.source}: picture {name}")
        except ImageError as exc:
            raise SubmissionError(self.source, str(exc).removeprefix(f"{self.source}: ")) from None
        col.portrait = framed_portrait(image, data, self.bulletin)
        self.report.images += 1
        credit = self.captions.pop(id(tok), None)
        if credit is not None:  # the portrait's printed caption is the name and titles
            self.role(credit.line, "set_aside")
            self.report.set_aside_line(self.source, credit.line.number, credit.text,
                                       "credit of the portrait (its caption is the name and titles)")

    def headings(self, run: list[Token], next_kind: T | None) -> None:
        if self.expect_section_heading and self.section is not None:
            self.section.heading = run[0].text
            self.role(run[0].line, "section_heading")
            self.expect_section_heading = False
            run = run[1:]
            if not run:
                return
        for tok in run:
            if is_title(tok.text):
                self.note(tok, "a title line with no name above it: kept as a headline; check the caption",
                          tok.text, "warning")
        texts = [t.text for t in run]
        page = self.ensure_page()
        sub = next((i for i, t in enumerate(texts) if is_subtitle(t)), None)
        before_speech = next_kind in (T.YEAR, T.BULLET) and not page.blocks
        column_headline: Token | None = None
        extra: list[Token] = []
        banner: list[Token] = []
        kicker = title = subtitle = ""
        if sub is not None:  # [banner …] [kicker] [title] ——subtitle [column headline]
            subtitle = texts[sub]
            title = texts[sub - 1] if sub >= 1 else ""
            kicker = texts[sub - 2] if sub >= 2 else ""
            banner = run[: max(sub - 2, 0)]
            rest = run[sub + 1:]
            if rest and not before_speech:
                column_headline, extra = rest[-1], rest[:-1]
            else:
                extra = rest
        elif before_speech:  # [banner …] [kicker] title, then the speech
            title = texts[-1]
            kicker = texts[-2] if len(run) >= 2 else ""
            banner = run[:-2]
        else:  # [banner …] column headline
            column_headline, banner = run[-1], run[:-1]
        banner_lines = [t.text for t in banner]
        if banner_lines or title or subtitle:
            if page.blocks or (banner_lines and page.banner) or ((title or subtitle) and page.headline):
                page = self.new_page()
            self.close_paragraph()
            self.container = None
            for t in banner:
                self.role(t.line, "banner")
            for t in run:
                if t.text in (kicker, title, subtitle) and id(t.line) not in self.roles:
                    self.role(t.line, {kicker: "kicker", title: "page_title", subtitle: "subtitle"}[t.text])
            if banner_lines:
                page.banner = Banner(lines=banner_lines)
                self.note(run[0], "short lines taken as the page's banner (版头)", " / ".join(banner_lines))
            if title or subtitle or kicker:
                page.headline = HeadlineGroup(kicker=kicker, title=title, subtitle=subtitle)
                if not self.bulletin.issue_title:
                    self.bulletin.issue_title = title
        for tok in extra:
            self.note(tok, "short line in an unexpected place: kept as body text", tok.text, "warning")
        if column_headline is not None:
            col = self.current_column()
            if col is None or col.paragraphs or col.headline or col.person or col.organisation:
                col = self.new_column(column_headline)
            col.headline = column_headline.text
            self.role(column_headline.line, "headline")
            self.close_paragraph()
        for tok in extra:
            self.body(tok, "unclassified")

    # ------------------------------------------------------------------ driver

    def run(self, tokens: list[Token]) -> Bulletin:
        self.indices = {id(t): i for i, t in enumerate(tokens)}
        self.tokens = tokens
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok.kind is T.HEADING:
                j = i
                while j < len(tokens) and tokens[j].kind is T.HEADING:
                    j += 1
                self.headings(tokens[i:j], tokens[j].kind if j < len(tokens) else None)
                self.last = tokens[j - 1]
                i = j
                continue
            if tok.kind is T.BODY:
                self.body(tok)
            elif tok.kind is T.YEAR:
                self.year(tok)
            elif tok.kind is T.BULLET:
                self.bullet(tok)
            elif tok.kind is T.ATTRIBUTION:
                self.attribution(tok)
            elif tok.kind in (T.PERSON, T.ORG):
                self.person(tok, i)
            elif tok.kind is T.PICTURE:
                self.picture(tok, i)
            elif tok.kind is T.CAPTION:
                self.caption(tok, i)
            elif tok.kind is T.TABLE:
                self.table(tok)
            self.last = tok
            i += 1
        self.finish()
        return self.bulletin

    def finish(self) -> None:
        from importers.columns import one_column_per_submission

        self.place_pictures()
        if self.pending_tables:  # a table with no column anywhere: it still is the file's text
            col = self.column or self.new_column(self.pending_tables[0])
            for tok in self.pending_tables:
                self.place_table(col, tok, len(col.paragraphs))
            self.pending_tables = []
        for tok in self.loose_captions:
            self.role(tok.line, "set_aside")
            self.report.set_aside_line(self.source, tok.line.number, tok.text, "photo caption with no picture next to it")
        self.bulletin.pages = [p for p in self.bulletin.pages if p.blocks or p.banner or p.headline]
        one_column_per_submission(self)
        for _, block in self.bulletin.iter_blocks():
            if isinstance(block, ColumnBlock):
                block.region = self.column_region(block)
                if block.person is None and not block.organisation:
                    self.note(None, "column without a name or organisation", block.headline
                              or (block.paragraphs[0].text if block.paragraphs else ""), "warning")
        detect_leads(self.bulletin, self.first_lines)
        self.report.pages += len(self.bulletin.pages)

    def place_pictures(self) -> None:
        """Every picture not taken as a portrait is printed: as the portrait of a captioned column
        that has none (when it stands before that column's text, or is its only picture and has
        no photo caption), otherwise as a news photo where it stood, with its caption."""
        for tok in self.pending_pictures:
            col, after = self.picture_place.get(id(tok), (None, 0))
            if col is None:
                col = self.column_after(tok) or next((b for _, b in self._columns_before(tok)), None)
                after = 0
            caption = self.captions.get(id(tok))
            if col is None:
                col = self.new_column(tok)
            if caption is None and col.portrait is None and (col.person or col.organisation) and (
                    after == 0 or sum(1 for t in self.pending_pictures if self.picture_place.get(id(t), (None,))[0] is col) == 1):
                self.set_portrait(col, tok)
                self.note(tok, "picture not next to a name: used as the column's portrait")
                continue
            self.add_news_photo(col, tok, after, caption)

    def column_after(self, tok: Token) -> ColumnBlock | None:
        i = self.token_index(tok)
        firsts = {id(line): col for col in self.all_columns() for line in [self.column_first.get(id(col))] if line}
        for t in self.tokens[i + 1:]:
            col = firsts.get(id(t.line))
            if col is not None:
                return col
        return None

    def all_columns(self) -> list[ColumnBlock]:
        return [b for _, b in self.bulletin.iter_blocks() if isinstance(b, ColumnBlock)]

    def add_news_photo(self, col: ColumnBlock, tok: Token, after: int, caption: Token | None) -> None:
        assert tok.picture is not None
        name, data = tok.picture
        try:
            image = self.bulletin.images.add(data, f"{self.source}: picture {name}")
        except ImageError as exc:
            raise SubmissionError(self.source, str(exc).removeprefix(f"{self.source}: ")) from None
        try:
            w, h = upright_size(data)
            crop = Crop.framing(w, h, max(w / h, 0.8)) if h else Crop()
        except Exception:  # noqa: BLE001 - the store accepted it; keep the whole picture
            crop = Crop()
        col.photos.append(ColumnPhoto(Portrait(image, crop), caption.text if caption else "", after))
        self.report.images += 1
        self.note(tok, f"picture {name} set as a news photo in the column"
                  + (" with its caption" if caption else " (no caption)"), caption.text if caption else "")

    def _columns_before(self, tok: Token):
        """Columns nearest the picture first: the one being filled, then earlier ones."""
        blocks = [(p, b) for p, b in self.bulletin.iter_blocks() if isinstance(b, ColumnBlock)]
        return list(reversed(blocks))
