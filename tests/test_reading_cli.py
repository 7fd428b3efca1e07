"""hsc check, tally and annotate, and a bare hsc reading stdin, run in-process as a user
would: outputs, the JSON contracts, exit statuses and one-line errors on bad input."""

import gzip
import json
from collections.abc import Mapping
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from httpstat_cli.cli import cli
from httpstat_cli.render.table import cell_len
from tests.test_imports import probe

SAMPLES = Path(__file__).resolve().parent / "samples"


def run(*args: str, stdin: bytes = b"", env: Mapping[str, str] | None = None) -> Result:
    return CliRunner().invoke(
        cli, list(args), input=stdin, env=dict(env or {}), catch_exceptions=False, prog_name="hsc"
    )


def sample(name: str) -> str:
    return str(SAMPLES / name)


# check


def test_check_shows_each_head_of_a_chain_as_plain_rows() -> None:
    result = run("check", sample("curl-vL-chain.txt"), "--format", "plain")
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [row[2] for row in rows if row[0] == "response"] == ["302", "301", "200"]
    readings = [row for row in rows if row[0] == "reading"]
    assert readings[0][2:4] == ["Location", "/moved"] and readings[0][4].endswith("/moved")


def test_check_table_says_what_is_missing_and_how_much_it_matters() -> None:
    result = run("check", sample("curl-i-auth.txt"), "--format", "table")
    assert "WWW-Authenticate is missing: the specification says it must be sent" in result.stdout
    assert "401" in result.stdout and "Unauthorized" in result.stdout


def test_check_json_follows_the_contract() -> None:
    result = run("check", sample("curl-i-method.txt"), "--format", "json")
    document = json.loads(result.stdout)
    assert document["schema_version"] == 1 and document["lang"] == "en"
    (response,) = document["responses"]
    assert response["code"] == 405 and response["phrase_sent"] == "Method Not Allowed"
    assert response["entry"]["id"] == "405" and response["entry"]["phrase"] == "Method Not Allowed"
    assert response["headers"]["Server"] == "hsc-test-server"
    assert response["findings"] == [
        {"header": "Allow", "requirement": "MUST", "problem": "missing", "value": None}
    ]


def test_check_json_gives_retry_after_as_seconds_and_a_moment() -> None:
    result = run("check", sample("curl-v-busy.txt"), "--format", "json")
    (reading,) = json.loads(result.stdout)["responses"][0]["readings"]
    assert reading["header"] == "Retry-After" and reading["delay_seconds"] == 120
    assert reading["at"].endswith("+00:00")


def test_check_reads_stdin_and_speaks_the_reader_s_language() -> None:
    text = (SAMPLES / "curl-i-auth.txt").read_bytes()
    result = run("check", "--lang", "tr", "--format", "table", stdin=text)
    assert "WWW-Authenticate başlığı yok" in result.stdout


def test_check_without_a_status_line_exits_1_with_one_line() -> None:
    result = run("check", stdin=b"hello\nworld\n")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "no status line" in result.stderr


def test_check_fail_exits_1_when_the_final_status_is_an_error() -> None:
    assert run("check", sample("curl-IL-chain.txt"), "--fail").exit_code == 0
    failed = run("check", sample("httpie-headers-missing.txt"), "--fail")
    assert failed.exit_code == 1 and "404" in failed.stderr
    assert run("check", sample("httpie-headers-missing.txt")).exit_code == 0


def test_check_url_resolves_a_relative_location() -> None:
    result = run(
        "check", sample("curl-IL-chain.txt"), "--url", "https://site.test/a", "--format", "plain"
    )
    assert "\thttps://site.test/moved" in result.stdout


def test_check_of_a_missing_file_or_a_directory_exits_4(tmp_path: Path) -> None:
    missing = run("check", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 5 and "nope.txt: no such file" in missing.stderr
    directory = run("check", str(tmp_path))
    assert directory.exit_code == 5 and "is a directory" in directory.stderr


# tally


def test_tally_plain_rows_per_code_class_and_lines_without_code() -> None:
    result = run("tally", sample("http-server-access.log"), "--format", "plain")
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert ["code", "404", "2", "20.0%", "-", "Not Found"] in rows
    assert ["class", "2xx", "4", "40.0%", "-", "Success"] in rows
    assert rows[-1][:3] == ["none", "-", "1"]


def test_tally_names_the_vendor_of_unofficial_codes() -> None:
    result = run("tally", sample("nginx-combined.log"), "--format", "table")
    assert "Client Closed Request (nginx)" in result.stdout
    assert "10 lines read, format: combined" in result.stdout


def test_tally_json_follows_the_contract() -> None:
    result = run("tally", sample("alb.log"), "--format", "json")
    document = json.loads(result.stdout)
    assert document["schema_version"] == 1 and document["format"] == "alb"
    assert document["lines"] == 5 and document["without_code"] == 0
    first = document["codes"][0]
    assert first["code"] == 200 and first["count"] == 2 and first["entry"]["id"] == "200"
    assert {"class": "4xx", "count": 2, "share": 0.4} in document["classes"]
    assert document["target"]["without_code"] == 2
    assert document["inputs"] == [
        {"file": sample("alb.log"), "format": "alb", "lines": 5, "error": None}
    ]


def test_tally_counts_every_file_and_reports_the_unreadable_one(tmp_path: Path) -> None:
    packed = tmp_path / "old.log.gz"
    packed.write_bytes(gzip.compress((SAMPLES / "nginx-combined.log").read_bytes()))
    result = run(
        "tally", sample("nginx-combined.log"), str(tmp_path / "gone.log"), str(packed),
        "--format", "plain",
    )  # fmt: skip
    assert result.exit_code == 5
    assert result.stderr.strip().endswith("gone.log: no such file")
    assert "code\t200\t8\t" in result.stdout


def test_tally_of_an_empty_file_exits_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.log"
    empty.write_bytes(b"")
    result = run("tally", str(empty))
    assert result.exit_code == 1 and "no status code found" in result.stderr


def test_tally_of_an_unknown_format_points_to_field(tmp_path: Path) -> None:
    log = tmp_path / "app.log"
    log.write_bytes(b"took 12ms rc=200\ntook 3ms rc=404\n")
    result = run("tally", str(log))
    assert result.exit_code == 1 and "--field" in result.stderr


def test_tally_field_rejects_an_empty_name() -> None:
    result = run("tally", "--field", " ", stdin=b"200\n")
    assert result.exit_code == 2 and "--field" in result.stderr


def test_tally_of_truncated_gzip_shows_the_counts_and_exits_4(tmp_path: Path) -> None:
    whole = gzip.compress(b"".join(b"%d\n" % (200 + i % 5) for i in range(100_000)))
    cut = tmp_path / "cut.log.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    result = run("tally", str(cut), "--format", "plain")
    assert result.exit_code == 5 and "cut short" in result.stderr
    assert result.stdout.startswith("code\t200\t")


# annotate


def test_annotate_into_a_pipe_passes_bytes_exactly_and_adds_code_and_title() -> None:
    lines = [
        b'1.2.3.4 - - [x] "GET /\xff\xfe HTTP/1.1" 404 0 "-" "\x1b]0;owned\x07"\r\n',
        b"no code on this line\n",
        b'{"status": 503}',
    ]
    result = run("annotate", stdin=b"".join(lines))
    assert result.stdout_bytes == (
        lines[0][:-2] + b"\t404 Not Found\r\n" + lines[1] + lines[2] + b"\t503 Service Unavailable"
    )


def test_annotate_at_a_terminal_shows_control_characters_as_escapes() -> None:
    line = b'1.2.3.4 - - [x] "GET /\xff HTTP/1.1" 499 0 "-" "\x1b[2J\x9b"\n'
    result = run("annotate", "--format", "table", "--no-color", stdin=line)
    assert "\x1b" not in result.stdout and "\x9b" not in result.stdout
    assert "\\x1b[2J" in result.stdout and "\\xff" in result.stdout
    assert result.stdout.rstrip().endswith('499 0 "-" "\\x1b[2J\\x9b"  Client Closed Request')


def test_annotate_titles_follow_the_language() -> None:
    result = run("annotate", "--lang", "fr", stdin=b"HTTP/1.1 404 Not Found\n")
    assert result.stdout == "HTTP/1.1 404 Not Found\t404 Introuvable\n"


def test_annotate_of_a_missing_file_exits_4_after_the_others() -> None:
    result = run("annotate", sample("json-status.log"), "nope.log")
    assert result.exit_code == 5 and "nope.log: no such file" in result.stderr
    assert result.stdout.count("\n") == 10


# a bare hsc reading stdin


def test_a_lone_code_on_stdin_is_looked_up() -> None:
    result = run(stdin=b"404")
    assert result.exit_code == 0 and result.stdout.startswith("404\t4xx\tstandard")


def test_a_response_head_on_stdin_is_checked() -> None:
    result = run(stdin=(SAMPLES / "curl-I-okay.txt").read_bytes())
    assert "phrase_differs" in result.stdout


def test_a_log_on_stdin_is_tallied() -> None:
    result = run("-", stdin=(SAMPLES / "nginx-combined.log").read_bytes())
    assert "code\t444\t1\t" in result.stdout


@pytest.mark.parametrize("nothing", [b"", b"\n\n  \n"])
def test_empty_stdin_is_an_error_a_script_can_see(nothing: bytes) -> None:
    result = run(stdin=nothing)  # curl -sI that reached no server, piped into hsc
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("Error: standard input is empty: pipe a status code")


def test_curl_000_on_stdin_is_a_usage_error() -> None:
    result = run(stdin=b"000")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1


# what the readers load


@pytest.mark.parametrize(
    "argv",
    [
        ["tally", sample("nginx-combined.log"), "--format", "plain"],
        ["tally", sample("nginx-combined.log"), "--format", "json"],
        ["check", sample("curl-v-busy.txt"), "--format", "plain"],
        ["annotate", sample("nginx-combined.log"), "--format", "plain"],
    ],
)
def test_plain_and_json_readers_never_import_rich(argv: list[str]) -> None:
    assert "rich" not in probe(argv)["modules"]


def test_tally_does_not_load_the_response_head_reader() -> None:
    loaded = probe(["tally", sample("nginx-combined.log"), "--format", "plain"])["submodules"]
    assert "httpstat_cli.intake.heads" not in loaded
    assert "httpstat_cli.intake.tally" in loaded


def test_the_same_unreadable_file_is_reported_once() -> None:
    result = run("tally", "gone.log", "gone.log", sample("nginx-combined.log"))
    assert result.exit_code == 5 and result.stderr == "Error: gone.log: no such file\n"


# every reader on every kind of bad input


def bad_inputs(folder: Path) -> dict[str, tuple[Path, set[int]]]:
    """Each bad input the issue lists, as a file, with the exit statuses allowed for it."""
    log = (SAMPLES / "nginx-combined.log").read_bytes()
    made = {
        "binary": bytes(range(256)) * 40,
        "invalid-utf8": log.replace(b"curl", b"\xff\xfe\xc3("),
        "crlf": log.replace(b"\n", b"\r\n"),
        "no-final-newline": log.rstrip(b"\n"),
        "ten-mb-line": b"HTTP/1.1 200 OK\n" + b"x" * 10_000_000 + b"\n" + log,
        "empty": b"",
    }
    found: dict[str, tuple[Path, set[int]]] = {}
    for name, data in made.items():
        path = folder / f"{name}.log"
        path.write_bytes(data)
        found[name] = (path, {0, 1})
    cut = folder / "truncated.log.gz"
    cut.write_bytes(gzip.compress(log * 500)[:2000])
    found["truncated-gzip"] = (cut, {5})
    found["missing"] = (folder / "missing.log", {5})
    found["directory"] = (folder, {5})
    return found


@pytest.mark.parametrize("command", ["check", "tally", "annotate"])
def test_every_bad_input_gives_a_documented_status_and_one_line(
    tmp_path: Path, command: str
) -> None:
    for name, (path, allowed) in bad_inputs(tmp_path).items():
        result = CliRunner().invoke(cli, [command, str(path)], prog_name="hsc")
        assert result.exception is None or isinstance(result.exception, SystemExit), name
        assert result.exit_code in allowed, (name, result.exit_code, result.stderr)
        if result.exit_code:
            assert result.stderr.count("\n") == 1, (name, result.stderr)
            if result.exit_code == 5:
                assert str(path) in result.stderr, name


def test_tally_reads_crlf_invalid_utf8_and_no_final_newline_alike(tmp_path: Path) -> None:
    made = bad_inputs(tmp_path)
    outputs = {
        name: run("tally", str(made[name][0]), "--format", "plain").stdout
        for name in ("crlf", "invalid-utf8", "no-final-newline")
    }
    expected = run("tally", sample("nginx-combined.log"), "--format", "plain").stdout
    assert set(outputs.values()) == {expected}


@pytest.mark.parametrize("lang", ["en", "tr", "fr", "fa"])
@pytest.mark.parametrize("bidi", ["--bidi", "--no-bidi"])
def test_check_and_tally_tables_in_every_language(lang: str, bidi: str) -> None:
    for argv in (
        ["check", sample("curl-vL-chain.txt")],
        ["check", sample("httpie-headers-limited.txt")],
        ["tally", sample("alb.log")],
    ):
        result = run(*argv, "--format", "table", "--lang", lang, bidi, env={"COLUMNS": "70"})
        assert result.exit_code == 0, result.stderr
        widths = [cell_len(line) for line in result.stdout.splitlines()]
        assert max(widths) <= 70, result.stdout


def test_the_progress_bar_appears_only_after_its_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from httpstat_cli.render import progress

    stream = io.StringIO()
    with progress.LazyProgress(1000, "big.log", stream) as bar:
        bar(10)
        assert bar.bar is None  # a quick read never draws (nor imports rich for it)
        monkeypatch.setattr(progress, "DELAY", 0.0)
        bar(500)
        assert bar.bar is not None
    assert "big.log" in stream.getvalue()


@pytest.mark.parametrize("log", [b'{"status":499}\n', b"499\n499\n200\n"])
def test_a_499_in_any_log_is_nginx_s_never_esri_s_which_travels_in_a_body(log: bytes) -> None:
    result = run("tally", "--format", "plain", stdin=log)
    assert "code\t499\t" in result.stdout
    assert "Esri" not in result.stdout and "\tnginx\tClient Closed Request" in result.stdout


def test_a_retry_after_in_the_past_says_the_wait_is_over() -> None:
    head = (
        b"HTTP/1.1 503 Service Unavailable\r\nDate: Wed, 21 Oct 2015 07:28:00 GMT\r\n"
        b"Retry-After: Wed, 21 Oct 2015 07:20:00 GMT\r\n\r\n"
    )
    result = run("check", "--format", "table", "--no-color", "--lang", "en", stdin=head)
    assert "has already passed; the wait is over" in " ".join(result.stdout.split())
    assert "try again in" not in result.stdout


@pytest.mark.parametrize(("lang", "share"), [("en", "40.0%"), ("fr", "40,0"), ("tr", "%40,0")])
def test_tally_tables_write_shares_as_the_language_does(lang: str, share: str) -> None:
    log = SAMPLES / "nginx-combined.log"
    result = run("tally", str(log), "--lang", lang, "--format", "table", "--no-color")
    assert share in result.stdout
    assert "40.0%" in run("tally", str(log), "--lang", lang, "--format", "plain").stdout
