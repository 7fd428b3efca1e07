"""The names code uses for status codes, in ten stacks: each resolves to its code, none is
shared by two codes of one stack, and samples match the libraries themselves."""

import http
import json
import sys

import pytest

from httpstat_cli import constants, query, registry
from tests.conftest import Run


def listed() -> list[tuple[str, str, str]]:
    """(entry id, stack, name) of every constant the data lists."""
    with open(constants.DATA_FILE, encoding="utf-8") as handle:
        data = json.load(handle)
    return [
        (entry_id, stack, name)
        for entry_id, by_stack in data["names"].items()
        for stack, names in by_stack.items()
        for name in names
    ]


def codes_of(output: str) -> list[str]:
    return [line.split("\t")[0] for line in output.splitlines() if line]


def test_every_listed_entry_exists() -> None:
    assert {entry_id for entry_id, _, _ in listed()} <= {e.id for e in registry.all_codes()}


@pytest.mark.parametrize(("entry_id", "stack", "name"), listed())
def test_every_constant_resolves_to_its_code(entry_id: str, stack: str, name: str) -> None:
    entry = registry.get(entry_id)
    assert entry is not None
    # Node.js holds a phrase: typed as words, it must find the code.
    written = name if stack == "node" else constants.in_code(stack, name, entry.code)
    found = query.resolve(query.parse(written), [])
    assert entry in found, written


def test_no_two_codes_share_a_constant_within_one_stack() -> None:
    owners: dict[tuple[str, str], set[int]] = {}
    for entry_id, stack, name in listed():
        entry = registry.get(entry_id)
        assert entry is not None
        owners.setdefault((stack, name), set()).add(entry.code)
    shared = {key: codes for key, codes in owners.items() if len(codes) > 1}
    assert shared == {}


def test_no_spelling_points_to_two_codes() -> None:
    """Whatever the case, separators or prefix, a name typed means one number."""
    for key, found in constants._index().items():
        numbers = {registry.get(entry_id).code for entry_id, _, _ in found}  # type: ignore[union-attr]
        assert len(numbers) == 1, key


def test_lookup_finds_exactly_what_the_full_table_holds() -> None:
    table = constants._index()
    for key, found in table.items():
        assert sorted(constants.lookup(key)) == sorted(found), key
    assert constants.lookup("Redirect") == () and constants.lookup("teapot") == ()


def test_every_stack_names_its_library_and_the_version_checked() -> None:
    for stack in constants.STACKS:
        info = constants.stack_info(stack)
        assert info["name"] and info["library"] and info["checked"]


# Python: the library is right here, so every member of the running interpreter's
# http.HTTPStatus, aliases included, is compared with the data.
def test_every_python_member_of_this_interpreter_is_listed_for_its_code() -> None:
    for member_name, member in http.HTTPStatus.__members__.items():
        entry = registry.get(str(member.value))
        assert entry is not None, member_name
        assert member_name in constants.names(entry)["python"]


def test_python_name_is_the_running_interpreters() -> None:
    for member in http.HTTPStatus:
        entry = registry.get(str(member.value))
        assert entry is not None
        assert entry.python_name == member.name
        assert constants.primary(entry)["python"] == member.name


def test_python_names_this_interpreter_lacks_are_marked_with_their_version() -> None:
    since = constants.stack_info("python").get("since", {})
    running = f"{sys.version_info.major}.{sys.version_info.minor}"
    for _, stack, name in listed():
        if stack == "python" and name not in http.HTTPStatus.__members__:
            assert name in since
            assert tuple(map(int, since[name].split("."))) > tuple(map(int, running.split(".")))


@pytest.mark.parametrize(
    "name",
    ["CONTENT_TOO_LARGE", "REQUEST_ENTITY_TOO_LARGE", "HTTPStatus.CONTENT_TOO_LARGE"],
)
def test_lookup_takes_python_311_and_313_names_whatever_python_runs(run: Run, name: str) -> None:
    assert codes_of(run(name).stdout) == ["413"]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("UNPROCESSABLE_CONTENT", "422"),
        ("UNPROCESSABLE_ENTITY", "422"),
        ("RANGE_NOT_SATISFIABLE", "416"),
        ("REQUESTED_RANGE_NOT_SATISFIABLE", "416"),
        ("URI_TOO_LONG", "414"),
        ("REQUEST_URI_TOO_LONG", "414"),
    ],
)
def test_renamed_python_members_resolve(run: Run, name: str, code: str) -> None:
    assert codes_of(run(name).stdout) == [code]


# Other stacks: a sample of each, read from the library's own source (the file and version
# each stack's "checked" field names). A sample rather than everything, so that a slip in
# the data and a slip in this table would have to coincide.
SAMPLES = [
    # Go 1.19, src/net/http/status.go
    ("go", "418", "StatusTeapot"),
    ("go", "203", "StatusNonAuthoritativeInfo"),
    ("go", "407", "StatusProxyAuthRequired"),
    ("go", "413", "StatusRequestEntityTooLarge"),
    ("go", "505", "StatusHTTPVersionNotSupported"),
    # OpenJDK 17, java.net.HttpURLConnection
    ("java", "203", "HTTP_NOT_AUTHORITATIVE"),
    ("java", "405", "HTTP_BAD_METHOD"),
    ("java", "414", "HTTP_REQ_TOO_LONG"),
    ("java", "500", "HTTP_INTERNAL_ERROR"),
    ("java", "505", "HTTP_VERSION"),
    # jakartaee/servlet main, HttpServletResponse.java
    ("jakarta", "302", "SC_FOUND"),
    ("jakarta", "103", "SC_EARLY_HINTS"),
    ("jakarta", "422", "SC_UNPROCESSABLE_CONTENT"),
    ("jakarta", "413", "SC_REQUEST_ENTITY_TOO_LARGE"),
    # spring-framework main (7.x), HttpStatus.java
    ("spring", "413", "CONTENT_TOO_LARGE"),
    ("spring", "418", "I_AM_A_TEAPOT"),
    ("spring", "422", "UNPROCESSABLE_CONTENT"),
    ("spring", "509-apache", "BANDWIDTH_LIMIT_EXCEEDED"),
    # dotnet/runtime, HttpStatusCode.cs
    ("dotnet", "302", "Found"),
    ("dotnet", "306", "Unused"),
    ("dotnet", "414", "RequestUriTooLong"),
    ("dotnet", "505", "HttpVersionNotSupported"),
    # hyperium/http 1.4.2, src/status.rs
    ("rust", "413", "PAYLOAD_TOO_LARGE"),
    ("rust", "416", "RANGE_NOT_SATISFIABLE"),
    ("rust", "418", "IM_A_TEAPOT"),
    # Node.js 20, http.STATUS_CODES (lib/_http_server.js)
    ("node", "418", "I'm a Teapot"),
    ("node", "413", "Payload Too Large"),
    ("node", "509-apache", "Bandwidth Limit Exceeded"),
    # django-rest-framework 3.18.0, rest_framework/status.py
    ("drf", "306", "HTTP_306_RESERVED"),
    ("drf", "413", "HTTP_413_REQUEST_ENTITY_TOO_LARGE"),
    ("drf", "509-apache", "HTTP_509_BANDWIDTH_LIMIT_EXCEEDED"),
    # symfony/symfony 7.2, HttpFoundation/Response.php
    ("symfony", "308", "HTTP_PERMANENTLY_REDIRECT"),
    ("symfony", "418", "HTTP_I_AM_A_TEAPOT"),
    ("symfony", "506", "HTTP_VARIANT_ALSO_NEGOTIATES_EXPERIMENTAL"),
]


@pytest.mark.parametrize(("stack", "entry_id", "name"), SAMPLES)
def test_sample_names_match_the_library_source(stack: str, entry_id: str, name: str) -> None:
    entry = registry.get(entry_id)
    assert entry is not None
    assert constants.primary(entry)[stack] == name


# Codes a library deliberately leaves out (same sources as above).
ABSENT = [
    ("java", "429"),
    ("java", "418"),
    ("jakarta", "418"),
    ("dotnet", "418"),
    ("dotnet", "425"),
    ("go", "306"),
    ("rust", "509-apache"),
]


@pytest.mark.parametrize(("stack", "entry_id"), ABSENT)
def test_no_name_where_the_library_defines_none(stack: str, entry_id: str) -> None:
    entry = registry.get(entry_id)
    assert entry is not None
    assert stack not in constants.primary(entry)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("StatusTooManyRequests", "429"),
        ("SC_NOT_FOUND", "404"),
        ("sc-not-found", "404"),
        ("HTTP_429_TOO_MANY_REQUESTS", "429"),
        ("status.HTTP_429_TOO_MANY_REQUESTS", "429"),
        ("HttpStatusCode.NotFound", "404"),
        ("System.Net.HttpStatusCode.NotFound", "404"),
        ("http.StatusTeapot", "418"),
        ("http::StatusCode::IM_A_TEAPOT", "418"),
        ("Response::HTTP_TOO_MANY_REQUESTS", "429"),
        ("HttpURLConnection.HTTP_BAD_METHOD", "405"),
        ("HTTP_BAD_METHOD", "405"),
        ("bad_method", "405"),
        ("HttpStatusCode.Redirect", "302"),
    ],
)
def test_lookup_accepts_any_stacks_name_in_any_spelling(run: Run, typed: str, code: str) -> None:
    result = run(typed)
    assert result.exit_code == 0, result.stderr
    assert codes_of(result.stdout) == [code]


def test_a_one_word_name_without_its_prefix_is_searched_not_taken_for_one_code(run: Run) -> None:
    """.NET's Moved is 301, but "hsc moved" asks about moved resources: 302 too."""
    found = codes_of(run("moved").stdout)
    assert {"301", "302"} <= set(found)


def test_json_gives_each_stacks_name(run: Run) -> None:
    record = json.loads(run("429", "--format", "json").stdout)["codes"][0]
    assert record["constants"]["go"] == "StatusTooManyRequests"
    assert record["constants"]["drf"] == "HTTP_429_TOO_MANY_REQUESTS"
    assert record["constants"]["python"] == http.HTTPStatus(429).name
    assert "java" not in record["constants"]


def test_explain_lists_the_names_in_code(run: Run) -> None:
    out = run("explain", "418", "--format", "plain").stdout
    section = out.split("IN CODE", 1)[1]
    assert "Go: http.StatusTeapot" in section
    assert "Rust: StatusCode::IM_A_TEAPOT" in section
    assert ".NET" not in section  # .NET deliberately has no 418


def test_stack_option_adds_a_column_to_tables(run: Run) -> None:
    out = run("418", "404", "--stack", "go", "--format", "table", env={"COLUMNS": "120"}).stdout
    head = out.splitlines()[0]
    assert "Go" in head.split()
    assert "StatusTeapot" in out and "StatusNotFound" in out


def test_hsc_stack_sets_the_column_from_the_environment(run: Run) -> None:
    out = run("429", "--format", "plain", env={"HSC_STACK": "spring"}).stdout
    assert out.strip().split("\t")[7] == "TOO_MANY_REQUESTS"


def test_an_unknown_hsc_stack_is_a_warning_not_an_error(run: Run) -> None:
    result = run("429", "--format", "plain", env={"HSC_STACK": "cobol"})
    assert result.exit_code == 0
    assert len(result.stdout.strip().split("\t")) == 7
    assert "HSC_STACK=cobol" in result.stderr


def test_search_finds_a_constant_and_says_so(run: Run) -> None:
    record = json.loads(run("search", "StatusTeapot", "--format", "json").stdout)["codes"][0]
    assert record["code"] == 418
    assert record["matched_name"] == "StatusTeapot"
    table = run("search", "StatusTeapot", "--format", "table", env={"COLUMNS": "120"}).stdout
    assert "matched: StatusTeapot" in table
