"""The commands that read other tools' output (check, tally, annotate) and a bare ``hsc`` fed
on stdin: options come parsed from cli.py; each function reads through intake, hands the
result to a renderer and returns the exit status. No click here."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, Any

from httpstat_cli.app import Session
from httpstat_cli.errors import ExitCode, HscError, InputError, NotFound, UsageError
from httpstat_cli.i18n import Texts
from httpstat_cli.intake import formats, sources
from httpstat_cli.intake.sources import ByteStream
from httpstat_cli.render import Display

if TYPE_CHECKING:
    from httpstat_cli.intake.annotate import Found

Report = Callable[[HscError], None]  # says one error on stderr, in the reader's language


def once(report: Report) -> Report:
    """The same report only once: ``hsc tally gone.log gone.log`` says it once."""
    said: set[tuple[str, str]] = set()

    def report_once(error: HscError) -> None:
        key = (error.key, repr(sorted(error.params.items())))
        if key not in said:
            said.add(key)
            report(error)

    return report_once


def _utf8(stream: IO[str]) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    return encoding in ("utf8", "utf8sig")


def check(
    path: str, url: str | None, fail: bool, current: Session, stdin: ByteStream, report: Report
) -> int:
    from httpstat_cli.intake import heads
    from httpstat_cli.render import reading as out

    status: int = ExitCode.OK
    found, damage = heads.read_heads_from(sources.open_chunks(path, stdin), url)
    if damage is not None:
        if not found:
            raise damage
        report(damage)
        status = ExitCode.INPUT
    if not found:
        raise NotFound("err_no_status_line", file=sources.display_name(path))
    responses = []
    for head in found:
        entry = heads.entry_for(head.code)
        responses.append(
            out.Response(head, entry, heads.findings(head, entry), heads.readings(head))
        )
    current.renderer(sys.stdout).check(responses)
    if status == ExitCode.OK and fail and found[-1].code >= 400:
        report(NotFound("err_final_status", code=found[-1].code))
        status = ExitCode.NOT_FOUND
    return status


def log_format(field: str | None) -> formats.LogFormat | None:
    if field is None:
        return None
    if not field.strip() or len(field) > 200:
        raise UsageError("err_bad_field")
    return formats.for_field(field.strip())


def _workers() -> int:
    """One process per processor, and one more: when other work shares the processors, a
    range that waits for its turn then holds up less of the file."""
    try:
        processors = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        processors = os.cpu_count() or 1
    return processors + 1 if processors > 1 else 1


def tally(
    paths: Sequence[str], field: str | None, current: Session, stdin: ByteStream, report: Report
) -> int:
    from httpstat_cli.intake import tally as counting

    chosen = log_format(field)
    report = once(report)
    status: int = ExitCode.OK
    total = counting.Tally()
    inputs = []
    for path in paths or [sources.STDIN]:
        name = sources.display_name(path)
        with _progress(path, name) as progress:
            try:
                result = counting.tally_path(path, stdin, chosen, progress, _workers())
            except InputError as failure:
                result = counting.Tally()
                result.error = failure
        error = result.error.key if result.error is not None else None
        if result.error is not None:
            report(result.error)
            status = ExitCode.INPUT
        elif result.format is None and result.lines:
            report(NotFound("err_unknown_log_format", file=name))
            status = status or ExitCode.NOT_FOUND
        inputs.append(_input_record(name, result, error))
        total.add(result)
    current.renderer(sys.stdout).tally(total, inputs)
    if not total.counted and status == ExitCode.OK:
        report(NotFound("err_no_codes_found", file=", ".join(r["file"] for r in inputs)))
        status = ExitCode.NOT_FOUND
    return status


def _input_record(name: str, result: Any, error: str | None) -> dict[str, Any]:
    return {
        "file": name,
        "format": result.format.name if result.format else None,
        "lines": result.lines,
        "error": error,
    }


def _progress(path: str, name: str) -> Any:
    """A progress bar for a file read at a terminal; a do-nothing one otherwise."""
    import contextlib

    if path == sources.STDIN or not sys.stderr.isatty():
        return contextlib.nullcontext(None)
    try:
        size = os.path.getsize(path)
    except OSError:
        return contextlib.nullcontext(None)
    from httpstat_cli.render.progress import LazyProgress

    return LazyProgress(size, name, sys.stderr)


def annotate(paths: Sequence[str], current: Session, stdin: ByteStream, report: Report) -> int:
    from httpstat_cli.intake import annotate as notes

    writer = Annotator(current.texts, current.display)
    report = once(report)
    status: int = ExitCode.OK
    reader = notes.LineReader()
    for path in paths or [sources.STDIN]:
        live = path == sources.STDIN and notes.is_live(stdin)
        try:
            for line in notes.lines_of(path, stdin):
                writer.write(line, reader.find(line), reader.format, live)
        except InputError as error:
            report(error)
            status = ExitCode.INPUT
    sys.stdout.flush()
    return status


class Annotator:
    """Writes annotated lines in the display's format: for a terminal, escaped and coloured;
    for a pipe, the bytes as read with the code and title added; as JSON, an object a line.
    Each line is flushed at once when the input is live."""

    def __init__(self, texts: Texts, display: Display) -> None:
        self.texts = texts
        self.visual = display.rtl and display.bidi
        self.titles: dict[tuple[int, str], tuple[str, str]] = {}
        self.write = {"table": self.to_terminal, "json": self.to_json}.get(
            display.format, self.to_pipe
        )
        if display.format == "table":
            from httpstat_cli.render.reading_table import annotator

            self.paint = annotator(display, sys.stdout)
        sys.stdout.flush()  # the pipe writes bytes beneath the text stream

    def described(self, code: int, log_format: formats.LogFormat | None) -> tuple[str, str]:
        """A code's title and style, in a log of this format (499 in nginx's is nginx's)."""
        from httpstat_cli.intake.tally import entry_in_log
        from httpstat_cli.render import palette
        from httpstat_cli.render.reading import title_of

        key = (code, log_format.name if log_format else "")
        if key not in self.titles:
            entry = entry_in_log(code, log_format)
            style = palette.code_style(entry) if entry else palette.MUTED
            title = title_of(entry, self.texts)
            if self.visual:  # a terminal without bidi: the title in visual order
                from httpstat_cli.render import rtl

                title = rtl.visual(title)
            self.titles[key] = (title, style)
        return self.titles[key]

    def to_terminal(self, line: bytes, found: Found | None, log_format: Any, live: bool) -> None:
        from httpstat_cli.intake import annotate as notes

        before, code, after = notes.for_terminal(line, found)
        title, style = self.described(found[0], log_format) if found else ("", "")
        sys.stdout.write(self.paint(before, code, after, title, style) + "\n")
        if live:
            sys.stdout.flush()

    def to_json(self, line: bytes, found: Found | None, log_format: Any, live: bool) -> None:
        import json

        from httpstat_cli.intake import annotate as notes

        body, _ = notes.split_ending(line)
        record = {
            "line": body.decode("utf-8", "backslashreplace"),
            "code": found[0] if found else None,
            "title": self.described(found[0], log_format)[0] if found else None,
        }
        sys.stdout.write(json.dumps(record, ensure_ascii=not _utf8(sys.stdout)) + "\n")
        if live:
            sys.stdout.flush()

    def to_pipe(self, line: bytes, found: Found | None, log_format: Any, live: bool) -> None:
        from httpstat_cli.intake import annotate as notes

        title = self.described(found[0], log_format)[0] if found else ""
        sys.stdout.buffer.write(notes.for_pipe(line, found, title))
        if live:
            sys.stdout.buffer.flush()


def from_stdin(stdin: ByteStream) -> tuple[str, ByteStream, str]:
    """What a bare ``hsc`` was given: (``code``, ``head``, ``log`` or ``empty``, the stream to
    read it from, beginning included, and for a code its text)."""
    start = stdin.read(1 << 16)
    if not start.strip():
        return "empty", stdin, ""

    from httpstat_cli.intake import sniff

    kind = sniff.classify(start)
    text = sniff.single_code(start) if kind == "code" else ""
    return kind, sources.Prefixed(start, stdin), text
