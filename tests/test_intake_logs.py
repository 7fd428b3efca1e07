"""Counting codes in logs: every format on recorded samples (nginx, Python's http.server,
JSON and ECS lines from the test server, an ALB log written after AWS's documented layout),
detection, --field, gzip, and odd input: CRLF, no final newline, huge lines, binary."""

import gzip
import io
import os
from collections import Counter
from pathlib import Path

import pytest

from httpstat_cli.errors import InputError
from httpstat_cli.intake import formats, sources, tally
from httpstat_cli.intake.tally import Tally

SAMPLES = Path(__file__).resolve().parent / "samples"
NO_STDIN = io.BytesIO(b"")


def count(path: Path | str, field: str | None = None, workers: int = 1) -> Tally:
    log_format = formats.for_field(field) if field else None
    return tally.tally_path(str(path), NO_STDIN, log_format, workers=workers)


def count_bytes(data: bytes, field: str | None = None) -> Tally:
    log_format = formats.for_field(field) if field else None
    return tally.tally_path("-", io.BytesIO(data), log_format)


def test_nginx_combined_log_with_its_own_codes() -> None:
    result = count(SAMPLES / "nginx-combined.log")
    assert result.format is not None and result.format.name == "combined"
    assert result.codes == Counter({200: 4, 404: 1, 301: 1, 410: 1, 444: 1, 499: 1, 400: 1})
    assert result.without_code == 0


def test_unofficial_codes_in_an_nginx_log_are_nginx_s() -> None:
    combined = formats.builtin("combined")
    entry = tally.entry_in_log(499, combined)
    assert entry is not None and entry.vendor == "nginx"


def test_python_http_server_log_counts_its_error_line_as_without_code() -> None:
    result = count(SAMPLES / "http-server-access.log")
    assert result.codes == Counter({200: 4, 404: 2, 401: 1, 301: 1, 503: 1, 400: 1})
    assert (result.lines, result.without_code) == (11, 1)


@pytest.mark.parametrize("sample", ["json-status.log", "json-ecs.log"])
def test_json_lines_with_a_status_field_or_ecs_nesting(sample: str) -> None:
    result = count(SAMPLES / sample)
    assert result.format is not None and result.format.name == "json"
    assert result.codes[200] == 4 and result.codes[404] == 2 and result.without_code == 0


@pytest.mark.parametrize("key", ["status", "status_code", "statusCode"])
def test_each_json_key_is_recognised_with_a_number_or_a_string(key: str) -> None:
    data = f'{{"{key}": 503, "x": 1}}\n{{"a": "b", "{key}": "204"}}\n'.encode()
    assert count_bytes(data).codes == Counter({503: 1, 204: 1})


def test_ecs_flat_dotted_key_is_recognised() -> None:
    data = b'{"http.response.status_code": 418, "message": "teapot"}\n'
    assert count_bytes(data).codes == Counter({418: 1})


def test_alb_log_counts_the_balancer_and_the_targets_apart() -> None:
    result = count(SAMPLES / "alb.log")
    assert result.format is not None and result.format.name == "alb"
    assert result.codes == Counter({200: 2, 404: 1, 502: 1, 460: 1})
    assert result.targets == Counter({200: 2, 404: 1})
    assert result.targets_without_code == 2  # no target answered the 502 and the 460


def test_bare_codes_one_per_line() -> None:
    result = count_bytes(b"200\n404\n 503 \nnot a code\n200\r\n")
    assert result.format is not None and result.format.name == "bare"
    assert result.codes == Counter({200: 2, 404: 1, 503: 1})
    assert result.without_code == 1


def test_status_lines_as_a_log() -> None:
    data = b"HTTP/1.1 200 OK\nHTTP/2 404\nHTTP/1.0 503 Service Unavailable\n"
    result = count_bytes(data)
    assert result.format is not None and result.format.name == "status-line"
    assert result.codes == Counter({200: 1, 404: 1, 503: 1})


def test_field_names_a_column_counted_from_one() -> None:
    data = b"2026-12-01 GET /a 200 12ms\n2026-12-01 GET /b 404 3ms\n"
    assert count_bytes(data, field="4").codes == Counter({200: 1, 404: 1})


def test_field_names_a_json_key_detection_would_not_know() -> None:
    data = b'{"code": 201, "rc": 500}\n{"rc": 404}\n'
    assert count_bytes(data, field="rc").codes == Counter({500: 1, 404: 1})


def test_an_escaped_quote_in_the_request_does_not_end_it() -> None:
    data = b'1.2.3.4 - - [01/Dec/2026:08:00:00 +0000] "GET /a\\" 200 b HTTP/1.1" 404 5 "-" "-"\n'
    assert count_bytes(data).codes == Counter({404: 1})


def test_numbers_outside_the_code_range_are_not_codes() -> None:
    data = b"200\n999\n000\n099\n"
    result = count_bytes(data)
    assert result.codes == Counter({200: 1}) and result.without_code == 3


def test_crlf_and_a_missing_final_newline_change_nothing() -> None:
    unix = count(SAMPLES / "nginx-combined.log")
    text = (SAMPLES / "nginx-combined.log").read_bytes()
    dos = count_bytes(text.replace(b"\n", b"\r\n").rstrip(b"\r\n"))
    assert (dos.codes, dos.lines) == (unix.codes, unix.lines)


def test_a_ten_megabyte_line_is_one_line(tmp_path: Path) -> None:
    huge = b'1.2.3.4 - - [x] "GET /' + b"a" * 10_000_000 + b' HTTP/1.1" 414 0 "-" "-"\n'
    log = tmp_path / "huge.log"
    log.write_bytes(b'1.2.3.4 - - [x] "GET / HTTP/1.1" 200 1 "-" "-"\n' + huge * 2)
    result = count(log)
    assert result.codes == Counter({200: 1, 414: 2}) and result.lines == 3


def test_a_line_beyond_the_limit_is_cut_and_counted_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_LINE", 1000)
    log = tmp_path / "long.log"
    log.write_bytes(b"200 " + b"x" * 5000 + b"\n404\n")
    result = count(log, field="1")
    assert result.lines == 2 and result.codes == Counter({200: 1, 404: 1})


def test_binary_junk_is_read_without_error() -> None:
    junk = bytes(range(256)) * 64
    result = count_bytes(junk)
    assert result.lines == junk.count(b"\n") + 1


def test_an_empty_input_has_no_lines() -> None:
    result = count_bytes(b"")
    assert (result.lines, result.counted, result.format) == (0, 0, None)


def test_gzip_is_read_by_its_name_and_on_stdin(tmp_path: Path) -> None:
    plain = (SAMPLES / "nginx-combined.log").read_bytes()
    packed = tmp_path / "access.log.gz"
    packed.write_bytes(gzip.compress(plain))
    expected = count(SAMPLES / "nginx-combined.log").codes
    assert count(packed).codes == expected
    assert count_bytes(gzip.compress(plain)).codes == expected


def test_concatenated_gzip_members_are_all_read(tmp_path: Path) -> None:
    packed = tmp_path / "rotated.log.gz"
    packed.write_bytes(gzip.compress(b"200\n404\n") + gzip.compress(b"503\n"))
    assert count(packed, field="1").codes == Counter({200: 1, 404: 1, 503: 1})


def test_truncated_gzip_counts_what_came_before_and_says_so(tmp_path: Path) -> None:
    lines = b"".join(b"%d\n" % (200 + i % 300) for i in range(200_000))
    whole = gzip.compress(lines)
    cut = tmp_path / "cut.log.gz"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    result = count(cut, field="1")
    assert result.error is not None and result.error.key == "err_input_truncated_gzip"
    assert 0 < result.counted < 200_000


def test_a_gz_name_on_data_that_is_not_gzip_is_an_error(tmp_path: Path) -> None:
    fake = tmp_path / "fake.log.gz"
    fake.write_bytes(b"200\n" * 10)
    with pytest.raises(InputError) as raised:
        count(fake)
    assert raised.value.key == "err_input_bad_gzip"


def test_a_missing_file_and_a_directory_are_named_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError) as missing:
        count(tmp_path / "nope.log")
    assert missing.value.key == "err_input_missing"
    with pytest.raises(InputError) as directory:
        count(tmp_path)
    assert directory.value.key == "err_input_directory"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="split counting needs fork")
def test_a_large_file_split_between_processes_counts_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tally, "PARALLEL_MIN", 1)
    sample = (SAMPLES / "nginx-combined.log").read_bytes()
    log = tmp_path / "big.log"
    log.write_bytes(sample * 997 + b"no code here\n" + sample[:-1])
    single = count(log, workers=1)
    for workers in (2, 3, 4):
        split = count(log, workers=workers)
        assert (split.codes, split.lines) == (single.codes, single.lines)
    assert single.without_code == 1


def test_detection_prefers_the_format_most_first_lines_are_in() -> None:
    sample = b'{"status": 200}\n' * 3 + b"404\n"
    detected = formats.detect(sample)
    assert detected is not None and detected.name == "json"
    assert formats.detect(b"nothing here\nat all\n") is None
