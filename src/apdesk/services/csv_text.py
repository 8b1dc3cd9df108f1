"""Reading the CSV files people export from their MIS and spreadsheets: any common encoding,
fields up to a stated size, and one clear sentence for a file that is not CSV.

- Encodings: UTF-8 with or without a byte-order mark, UTF-16 with a byte-order mark (Excel's
  "Unicode text"), UTF-16 without one when the NULs give it away, else Windows-1252.
- A field may hold up to MAX_FIELD characters (a long note fits; a pasted file does not).
- A quote that opens a field and never closes is named by the line it opens on, rather than
  swallowing the rest of the file and blaming a later field.
"""

from __future__ import annotations

import csv
import io

from apdesk.i18n import N_, _, format_number

MAX_FIELD = 1_000_000  # characters in one field
SAVE_AS_CSV = N_("save it from the MIS or spreadsheet as CSV (UTF-8)")  # shown through _()


class CsvProblem(ValueError):
    """The file as a whole cannot be read as CSV; the message says why and what to do."""


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM or obvious NULs, else Windows-1252."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise CsvProblem(
            _("this is a spreadsheet workbook, not CSV: {fix}").format(fix=_(SAVE_AS_CSV))
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise CsvProblem(
                _("the file claims to be UTF-16 but is damaged: {fix}").format(fix=_(SAVE_AS_CSV))
            ) from None
    sample = data[:4000]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample):
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        codec = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            raise CsvProblem(_("the file is not text: {fix}").format(fix=_(SAVE_AS_CSV))) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        data = data.removeprefix(b"\xef\xbb\xbf")  # a BOM, then bytes from another code page
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_rows(
    text: str, dialect: type[csv.Dialect] | csv.Dialect | str = "excel", delimiter: str = ""
) -> list[list[str]]:
    """Every record as a list of cells; CsvProblem names the line of the first problem."""
    if "\x00" in text:
        raise CsvProblem(
            _("the file has NUL characters, so it is not plain text: {fix}").format(
                fix=_(SAVE_AS_CSV)
            )
        )
    previous = csv.field_size_limit()
    csv.field_size_limit(MAX_FIELD)
    source = io.StringIO(text, newline="")
    if delimiter:
        reader = csv.reader(source, dialect, strict=True, delimiter=delimiter)
    else:
        reader = csv.reader(source, dialect, strict=True)
    records: list[list[str]] = []
    starts_at = 1
    try:
        for record in reader:
            records.append(record)
            starts_at = reader.line_num + 1
    except csv.Error as exc:
        reason = str(exc)
        if "larger than field limit" in reason:
            raise CsvProblem(
                _(
                    "line {line}: a field is longer than {limit} characters: check the quotes on "
                    "that line, or shorten the field"
                ).format(line=starts_at, limit=format_number(MAX_FIELD))
            ) from None
        if "end of data" in reason or "expected after" in reason:
            raise CsvProblem(
                _(
                    'line {line}: a quote (") opens a field and does not close where it should: '
                    "check the quotes on that line"
                ).format(line=starts_at)
            ) from None
        raise CsvProblem(
            _("line {line}: the file is not valid CSV ({reason})").format(
                line=reader.line_num, reason=reason
            )
        ) from None
    finally:
        csv.field_size_limit(previous)
    return records
