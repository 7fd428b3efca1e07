"""The registry as CSV with a header row, for spreadsheets and SQL engines (DuckDB,
ClickHouse, BigQuery) that join it with logs. Column names and machine tokens stay English;
titles and summaries are in the chosen language."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING

from httpstat_cli.render import RowsOnly
from httpstat_cli.views import CodeView

if TYPE_CHECKING:
    pass

COLUMNS = ("code", "id", "class", "status", "vendor", "phrase", "title", "summary")


def codes(views: Iterable[CodeView]) -> str:
    """RFC 4180 CSV: comma-separated, quoted where a field needs it, CRLF line ends."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for view in views:
        entry = view.entry
        writer.writerow(
            (
                entry.code,
                entry.id,
                entry.code_class,
                entry.status,
                entry.vendor or "",
                entry.phrase,
                view.title,
                view.summary,
            )
        )
    return buffer.getvalue()


class CsvRenderer(RowsOnly):
    """Rows of codes as CSV; there are no rows in a story or the language list."""

    format_name = "csv"

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def codes(self, views: Sequence[CodeView]) -> None:
        self.stream.write(codes(views))
        self.stream.flush()
