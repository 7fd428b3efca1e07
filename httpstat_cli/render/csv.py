"""The registry as CSV with a header row, for spreadsheets and SQL engines (DuckDB,
ClickHouse, BigQuery) that join it with logs. Column names and machine tokens stay English;
titles and summaries are in the chosen language."""

from __future__ import annotations

from collections.abc import Iterable

from httpstat_cli.views import CodeView

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
