"""Write a dataset's rows as CSV and JSON at once, hashing and measuring the bytes as they go.

Nothing is held but the row being written: a file's SHA-256 and size are known the moment its
last byte is written, without reading it back.
"""

import csv
import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO

#: Spreadsheets (Excel above all) read a CSV file as UTF-8 only when it starts with this mark;
#: without it, Arabic and Tifinagh arrive as mojibake.
BOM = "\ufeff"
BUFFER = 1 << 18


class HashingFile:
    """A text sink over a binary file: encodes to UTF-8, counts and hashes what it writes."""

    def __init__(self, path: Path):
        self.path = path
        self._file: IO[bytes] = open(path, "wb", buffering=BUFFER)  # noqa: SIM115 (closed in close())
        self._sha256 = hashlib.sha256()
        self.size = 0

    def write(self, text: str) -> int:
        data = text.encode("utf-8")
        self._sha256.update(data)
        self._file.write(data)
        self.size += len(data)
        return len(text)

    def close(self) -> str:
        """Flush to disk and return the SHA-256 in hex."""
        self._file.flush()
        self._file.close()
        return self._sha256.hexdigest()


def csv_cell(value) -> object:
    """How one value reads in CSV: null is an empty cell, a list is joined by ";", a boolean is
    true/false (the same words as in JSON)."""
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    return value


#: Types the csv module writes as they should read (bool is not int here: its class differs).
_AS_IS = frozenset((str, int, float))


class CsvWriter:
    """RFC 4180: comma-separated, CRLF line ends, fields quoted when they need it, one header."""

    def __init__(self, sink: HashingFile, fields: Sequence[str]):
        self.sink = sink
        sink.write(BOM)
        self._writer = csv.writer(sink, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        self._writer.writerow(fields)

    def row(self, values: Sequence) -> None:
        self._writer.writerow(
            [value if value.__class__ in _AS_IS else csv_cell(value) for value in values]
        )

    def close(self) -> None:
        pass


class JsonArrayWriter:
    """A JSON array written one object a line: valid JSON for any parser, yet each line after
    the first is one record, so a reader can also stream it line by line."""

    def __init__(self, sink: HashingFile, fields: Sequence[str]):
        self.sink = sink
        self.fields = tuple(fields)
        self._first = True
        sink.write("[")

    def row(self, values: Sequence) -> None:
        record = dict(zip(self.fields, values, strict=True))
        self.sink.write(("\n" if self._first else ",\n") + _dumps(record))
        self._first = False

    def close(self) -> None:
        self.sink.write("\n]\n")


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _dumps(value) -> str:
    return _ENCODER.encode(value)


def write_json_document(sink: HashingFile, value) -> None:
    """A small dataset that is one object rather than rows (the indicators)."""
    sink.write(json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n")


def write_rows(
    rows: Iterable[Sequence], fields: Sequence[str], csv_path: Path, json_path: Path | None
) -> dict[str, dict]:
    """Write `rows` to a CSV file and (unless `json_path` is None) a JSON array together.

    Returns {"csv": {...}, "json": {...}} with each file's `bytes`, `sha256` and `rows`.
    """
    csv_sink = HashingFile(csv_path)
    writers: list[tuple[str, HashingFile, CsvWriter | JsonArrayWriter]] = [
        ("csv", csv_sink, CsvWriter(csv_sink, fields))
    ]
    if json_path is not None:
        json_sink = HashingFile(json_path)
        writers.append(("json", json_sink, JsonArrayWriter(json_sink, fields)))
    count = 0
    try:
        for values in rows:
            for _, _, writer in writers:
                writer.row(values)
            count += 1
        for _, _, writer in writers:
            writer.close()
    finally:
        digests = {fmt: sink.close() for fmt, sink, _ in writers}
    return {
        fmt: {"bytes": sink.size, "sha256": digests[fmt], "rows": count} for fmt, sink, _ in writers
    }
