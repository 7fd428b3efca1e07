"""Response heads as curl, wget and HTTPie print them (samples recorded from the test server
by tests/samples/capture.py), and what check finds in them."""

import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from httpstat_cli.intake import heads
from httpstat_cli.intake.heads import Head
from tests.samples.server import serving

SAMPLES = Path(__file__).resolve().parent / "samples"


def read(name: str) -> list[Head]:
    return heads.read_heads((SAMPLES / name).read_text(encoding="utf-8"))


def problems(head: Head) -> list[tuple[str | None, str | None, str]]:
    found = heads.findings(head, heads.entry_for(head.code))
    return [(f.header, f.requirement, f.problem) for f in found]


@pytest.mark.parametrize(
    ("sample", "codes"),
    [
        ("curl-I-ok.txt", [200]),
        ("curl-i-auth.txt", [401]),
        ("curl-IL-chain.txt", [302, 301, 200]),
        ("curl-v-busy.txt", [503]),
        ("curl-vL-chain.txt", [302, 301, 200]),
        ("curl-v-continue.txt", [100, 200]),
        ("wget-S-chain.txt", [302, 301, 200]),
        ("wget-S-busy-date.txt", [503]),
        ("httpie-headers-limited.txt", [429]),
        ("httpie-headers-missing.txt", [404]),
    ],
)
def test_every_head_of_every_tool_is_read_in_order(sample: str, codes: list[int]) -> None:
    assert [head.code for head in read(sample)] == codes


def test_fields_belong_to_their_head_and_a_body_is_not_read_as_fields() -> None:
    (head,) = read("curl-i-auth.txt")
    assert [name for name, _ in head.fields] == ["Server", "Date", "Content-Length"]


def test_wget_own_lines_after_a_head_are_not_its_fields() -> None:
    first = read("wget-S-chain.txt")[0]
    assert first.get("Location") == "/moved"
    assert len(first.fields) == 4  # "Location: /moved [following]" is wget's, unindented


def test_curl_verbose_request_lines_are_not_response_fields() -> None:
    (head,) = read("curl-v-busy.txt")
    assert head.get("User-Agent") is None
    assert head.get("Retry-After") == "120"


def test_a_401_without_www_authenticate_is_a_missing_must() -> None:
    (head,) = read("curl-i-auth.txt")
    assert problems(head) == [("WWW-Authenticate", "MUST", "missing")]


def test_a_405_without_allow_is_a_missing_must() -> None:
    (head,) = read("curl-i-method.txt")
    assert problems(head) == [("Allow", "MUST", "missing")]


def test_a_redirect_without_location_is_reported() -> None:
    (head,) = read("curl-I-no-location.txt")
    assert problems(head) == [("Location", "SHOULD", "missing")]


def test_an_unusual_reason_phrase_is_reported_with_what_was_sent() -> None:
    (head,) = read("curl-I-okay.txt")
    found = heads.findings(head, heads.entry_for(200))
    assert [(f.problem, f.value) for f in found if f.header is None] == [("phrase_differs", "Okay")]


def test_a_registered_phrase_in_another_case_is_no_finding() -> None:
    (head,) = heads.read_heads("HTTP/1.1 404 NOT FOUND\n")
    assert problems(head) == []


def test_redirects_with_location_have_no_findings() -> None:
    assert [problems(head) for head in read("wget-S-chain.txt")[:2]] == [[], []]


def test_every_tie_of_the_registry_is_checked_at_its_own_level() -> None:
    for status_line in ("HTTP/1.1 405 Method Not Allowed", "HTTP/1.1 101 Switching Protocols"):
        (head,) = heads.read_heads(status_line + "\r\nContent-Length: 0\r\n\r\n")
        entry = heads.entry_for(head.code)
        assert entry is not None
        expected = [
            (tie.name, tie.requirement, "missing")
            for tie in entry.headers
            if tie.requirement in heads.REPORTED_REQUIREMENTS
        ]
        assert expected and problems(head) == expected


def test_an_unreadable_retry_after_is_invalid() -> None:
    (head,) = read("httpie-headers-limited.txt")
    assert problems(head) == [("Retry-After", "MAY", "invalid")]


def test_retry_after_seconds_count_from_the_response_date() -> None:
    (head,) = read("curl-v-busy.txt")
    (reading,) = heads.readings(head)
    sent = datetime.strptime(head.get("Date") or "", "%a, %d %b %Y %H:%M:%S GMT")
    assert reading.delay == timedelta(seconds=120)
    assert reading.at == sent.replace(tzinfo=UTC) + timedelta(seconds=120)


def test_retry_after_as_a_date_gives_the_delay_until_then() -> None:
    (head,) = read("wget-S-busy-date.txt")
    (reading,) = heads.readings(head)
    assert reading.at == datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    sent = datetime.strptime(head.get("Date") or "", "%a, %d %b %Y %H:%M:%S GMT")
    assert reading.delay == reading.at - sent.replace(tzinfo=UTC)


@pytest.mark.parametrize("sample", ["curl-vL-chain.txt", "wget-S-chain.txt"])
def test_location_is_resolved_against_the_request_the_tool_shows(sample: str) -> None:
    chain = read(sample)
    resolved = [reading.resolved for head in chain for reading in heads.readings(head)]
    assert [url.rsplit("/", 1)[-1] for url in resolved if url] == ["moved", "ok"]
    assert chain[1].url is not None and chain[1].url.endswith("/moved")


def test_location_without_a_known_request_stays_unresolved_unless_given() -> None:
    text = (SAMPLES / "curl-IL-chain.txt").read_text(encoding="utf-8")
    assert heads.readings(heads.read_heads(text)[0])[0].resolved is None
    chain = heads.read_heads(text, url="https://example.test/start")
    assert heads.readings(chain[0])[0].resolved == "https://example.test/moved"
    assert heads.readings(chain[1])[0].resolved == "https://example.test/ok"


def test_the_interim_100_and_the_final_response_share_the_request() -> None:
    interim, final = read("curl-v-continue.txt")
    assert interim.code == 100 and not interim.fields
    assert final.url == interim.url


@pytest.mark.parametrize(
    ("line", "version", "code", "phrase"),
    [
        ("HTTP/1.1 404 Not Found", "1.1", 404, "Not Found"),
        ("HTTP/2 404", "2", 404, None),
        ("< HTTP/2 503 \r", "2", 503, None),
        ("  HTTP/1.0 200 OK", "1.0", 200, "OK"),
    ],
)
def test_a_bare_status_line_is_a_head(line: str, version: str, code: int, phrase: str) -> None:
    (head,) = heads.read_heads(line)
    assert (head.version, head.code, head.phrase) == (version, code, phrase)


def test_a_code_nobody_defines_is_reported_as_unregistered() -> None:
    (head,) = heads.read_heads("HTTP/1.1 299 Fine\n")
    assert heads.entry_for(299) is None
    assert problems(head) == [(None, None, "unregistered")]


TOOLS = {
    "curl -sI": (["curl", "-sI"], False),
    "curl -svL": (["curl", "-svL", "-o", "/dev/null"], True),
    "wget -S": (["wget", "-S", "-O", "/dev/null"], True),
}


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_live_output_of_installed_tools_is_read(tool: str) -> None:
    argv, on_stderr = TOOLS[tool]
    if shutil.which(argv[0]) is None:
        pytest.skip(f"{argv[0]} is not installed")
    with serving() as base:
        done = subprocess.run([*argv, f"{base}/chain"], capture_output=True, check=False)
    text = (done.stderr if on_stderr else done.stdout).decode("utf-8", "replace")
    chain = heads.read_heads(text)
    expected = [302] if tool == "curl -sI" else [302, 301, 200]
    assert [head.code for head in chain] == expected


def test_a_304_without_validators_says_they_are_needed_only_if_a_200_had_them() -> None:
    (head,) = heads.read_heads('HTTP/1.1 304 Not Modified\r\nETag: "x"\r\n\r\n')
    found = problems(head)
    assert ("ETag", "MUST", "missing_if_200") not in found
    assert found and all(problem == "missing_if_200" for _, _, problem in found)


def test_a_206_with_one_of_content_range_or_multipart_content_type_is_complete() -> None:
    single = "HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-9/100\n"
    multipart = "HTTP/1.1 206 Partial Content\nContent-Type: multipart/byteranges; b=x\n"
    for text in (single, multipart):
        (head,) = heads.read_heads(text)
        assert all(problem == "missing_if_200" for _, _, problem in problems(head)), text
    (bare,) = heads.read_heads("HTTP/1.1 206 Partial Content\n")
    assert ("Content-Range", "MUST", "missing") in problems(bare)


def test_a_200_without_validators_is_told_they_are_recommended_where_determinable() -> None:
    (head,) = heads.read_heads("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n")
    assert problems(head) == [
        ("ETag", "SHOULD", "missing_if_determinable"),
        ("Last-Modified", "SHOULD", "missing_if_determinable"),
    ]


def test_an_absolute_location_needs_no_request_to_be_read() -> None:
    (head,) = heads.read_heads(
        "HTTP/1.1 301 Moved Permanently\nLocation: https://example.com/new\n"
    )
    assert head.url is None
    assert heads.readings(head)[0].resolved == "https://example.com/new"


def test_a_bare_206_misses_content_range_only_not_also_a_multipart_type() -> None:
    (head,) = heads.read_heads("HTTP/1.1 206 Partial Content\r\n\r\n")
    missing = [(name, problem) for name, _, problem in problems(head) if problem == "missing"]
    assert missing == [("Content-Range", "missing")]
