"""What check and tally show, in words and as plain rows or JSON: no rich here.

Plain rows are tab-separated and begin with their kind, so a script can pick them:
check writes ``response``, ``finding`` and ``reading`` rows; tally writes ``code``, ``class``
and ``none`` rows (``target-code``, ``target-class``, ``target-none`` for an ALB log's targets).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from httpstat_cli.i18n import Texts
from httpstat_cli.intake.tally import Tally, entry_in_log
from httpstat_cli.registry import CLASSES, StatusCode
from httpstat_cli.render import json as json_out
from httpstat_cli.render.plain import row
from httpstat_cli.views import code_view

if TYPE_CHECKING:  # heads loads only for hsc check
    from httpstat_cli.intake.heads import Finding, Head, Reading


class Response:
    """One head as check shows it: the head, its entry (None for a number nobody defines),
    what its fields say against it, and what they say made readable."""

    __slots__ = ("entry", "findings", "head", "readings")

    def __init__(
        self,
        head: Head,
        entry: StatusCode | None,
        findings: Sequence[Finding],
        readings: Sequence[Reading],
    ) -> None:
        self.head = head
        self.entry = entry
        self.findings = findings
        self.readings = readings


def finding_text(finding: Finding, response: Response, texts: Texts) -> str:
    if finding.problem == "missing":
        return texts.ui(f"check_missing_{finding.requirement}", header=finding.header)
    if finding.problem in ("missing_if_200", "missing_if_determinable"):
        return texts.ui(f"check_{finding.problem}", header=finding.header)
    if finding.problem == "phrase_differs" and response.entry is not None:
        return texts.ui(
            "check_phrase_differs", sent=finding.value, registered=response.entry.phrase
        )
    if finding.problem == "invalid":
        return texts.ui("check_invalid", header=finding.header, value=finding.value)
    return texts.ui("check_unregistered", code=response.head.code)


def reading_text(reading: Reading, texts: Texts) -> str:
    if reading.header == "Location":
        if reading.resolved is None:
            return texts.ui("check_location_relative", value=reading.value)
        return texts.ui("check_location", value=reading.value, url=reading.resolved)
    assert reading.delay is not None and reading.at is not None
    moment = reading.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    if reading.delay.total_seconds() <= 0:
        return texts.ui("check_retry_after_past", value=reading.value, time=moment)
    return texts.ui(
        "check_retry_after", value=reading.value, delay=duration(reading.delay, texts), time=moment
    )


def duration(delay: timedelta, texts: Texts) -> str:
    """A delay in its two largest units: ``2 min 5 s``, ``1 h 30 min``, ``3 d 4 h``."""
    seconds = int(delay.total_seconds())
    parts = [
        (seconds // 86400, "unit_days"),
        (seconds % 86400 // 3600, "unit_hours"),
        (seconds % 3600 // 60, "unit_minutes"),
        (seconds % 60, "unit_seconds"),
    ]
    while len(parts) > 1 and parts[0][0] == 0:
        parts.pop(0)
    return " ".join(
        texts.ui(key, count=count) for count, key in parts[:2] if count or key == parts[0][1]
    )


def title_of(entry: StatusCode | None, texts: Texts) -> str:
    if entry is None:
        return texts.ui("unknown_code")
    return texts.code_text(entry.id, "title") or entry.phrase


def check_plain(responses: Sequence[Response], texts: Texts) -> str:
    lines = []
    for number, response in enumerate(responses, 1):
        head = response.head
        lines.append(
            row(
                "response",
                str(number),
                str(head.code),
                head.phrase or "-",
                title_of(response.entry, texts),
            )
        )
        for finding in response.findings:
            lines.append(
                row(
                    "finding",
                    str(number),
                    finding.header or "-",
                    finding.requirement or "-",
                    finding.problem,
                    finding_text(finding, response, texts),
                )
            )
        for reading in response.readings:
            meaning = reading.resolved or (reading.at.isoformat() if reading.at else "-")
            lines.append(row("reading", str(number), reading.header, reading.value, meaning))
    return "\n".join(lines)


def check_json(responses: Sequence[Response], texts: Texts, ascii_only: bool) -> str:
    return json_out.dump(
        {
            "schema_version": json_out.SCHEMA_VERSION,
            "lang": texts.lang,
            "responses": [_response_record(response, texts) for response in responses],
        },
        ascii_only,
    )


def _response_record(response: Response, texts: Texts) -> dict[str, Any]:
    head = response.head
    fields: dict[str, str] = {}
    spelling: dict[str, str] = {}
    for name, value in head.fields:  # repeated fields joined, as HTTP allows for lists
        key = spelling.setdefault(name.lower(), name)
        fields[key] = f"{fields[key]}, {value}" if key in fields else value
    return {
        "code": head.code,
        "phrase_sent": head.phrase,
        "version": head.version,
        "url": head.url,
        "entry": json_out.code_record(code_view(response.entry, texts)) if response.entry else None,
        "headers": fields,
        "findings": [
            {
                "header": finding.header,
                "requirement": finding.requirement,
                "problem": finding.problem,
                "value": finding.value,
            }
            for finding in response.findings
        ],
        "readings": [_reading_record(reading) for reading in response.readings],
    }


def _reading_record(reading: Reading) -> dict[str, Any]:
    record: dict[str, Any] = {"header": reading.header, "value": reading.value}
    if reading.header == "Location":
        record["resolved"] = reading.resolved
    else:
        record["delay_seconds"] = int(reading.delay.total_seconds()) if reading.delay else None
        record["at"] = reading.at.isoformat() if reading.at else None
    return record


def share(count: int, total: int) -> float:
    return count / total if total else 0.0


def percent(value: float) -> str:
    return f"{value * 100:.1f}%"


def class_counts(codes: Counter[int]) -> Counter[str]:
    totals: Counter[str] = Counter()
    for code, count in codes.items():
        totals[f"{code // 100}xx"] += count
    return totals


def tally_plain(tally: Tally, texts: Texts) -> str:
    lines = _tally_rows(tally.codes, tally.lines - sum(tally.codes.values()), tally, texts, "")
    if tally.targets is not None:
        missing = tally.lines - sum(tally.targets.values())
        lines += _tally_rows(tally.targets, missing, tally, texts, "target-")
    return "\n".join(lines)


def _tally_rows(
    codes: Counter[int], without: int, tally: Tally, texts: Texts, prefix: str
) -> list[str]:
    total = sum(codes.values())
    lines = []
    for code in sorted(codes):
        entry = entry_in_log(code, tally.format)
        vendor = entry.vendor if entry is not None and entry.vendor else "-"
        count = codes[code]
        lines.append(
            row(
                prefix + "code",
                str(code),
                str(count),
                percent(share(count, total)),
                vendor,
                title_of(entry, texts),
            )
        )
    classes = class_counts(codes)
    for code_class in CLASSES:
        if classes[code_class]:
            count = classes[code_class]
            lines.append(
                row(
                    prefix + "class",
                    code_class,
                    str(count),
                    percent(share(count, total)),
                    "-",
                    texts.class_name(code_class),
                )
            )
    lines.append(
        row(
            prefix + "none",
            "-",
            str(without),
            percent(share(without, tally.lines)),
            "-",
            texts.ui("tally_without_code"),
        )
    )
    return lines


def tally_json(
    tally: Tally, inputs: Sequence[dict[str, Any]], texts: Texts, ascii_only: bool
) -> str:
    document: dict[str, Any] = {
        "schema_version": json_out.SCHEMA_VERSION,
        "lang": texts.lang,
        "inputs": list(inputs),
        "format": tally.format.name if tally.format else None,
        "lines": tally.lines,
        **_counts_record(tally.codes, tally.lines, tally, texts),
        "target": None,
    }
    if tally.targets is not None:
        document["target"] = _counts_record(tally.targets, tally.lines, tally, texts)
    return json_out.dump(document, ascii_only)


def _counts_record(codes: Counter[int], lines: int, tally: Tally, texts: Texts) -> dict[str, Any]:
    total = sum(codes.values())
    records = []
    for code in sorted(codes):
        entry = entry_in_log(code, tally.format)
        records.append(
            {
                "code": code,
                "count": codes[code],
                "share": round(share(codes[code], total), 6),
                "entry": json_out.code_record(code_view(entry, texts)) if entry else None,
            }
        )
    classes = class_counts(codes)
    return {
        "without_code": lines - total,
        "codes": records,
        "classes": [
            {"class": name, "count": classes[name], "share": round(share(classes[name], total), 6)}
            for name in CLASSES
            if classes[name]
        ],
    }
