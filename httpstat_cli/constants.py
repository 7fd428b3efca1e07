"""The names code uses for each status code, in ten stacks (data/constants.json).

Kept apart from the registry and read only when a command needs the names: a plain lookup by
number never pays for them. Python's name comes from the interpreter running hsc, so it is
``CONTENT_TOO_LARGE`` under 3.13 and ``REQUEST_ENTITY_TOO_LARGE`` under 3.11; lookup accepts
every name the data lists, whichever Python runs.
"""

import os
from functools import cache
from itertools import pairwise
from typing import Any

from httpstat_cli import registry
from httpstat_cli.errors import DataError

DATA_FILE = os.path.join(os.path.dirname(__file__), "data", "constants.json")
STACKS = ("python", "go", "java", "jakarta", "spring", "dotnet", "rust", "node", "drf", "symfony")
# What a name starts with in its own stack, removed for "without the prefix" (SC_NOT_FOUND,
# NOT_FOUND); the Django REST framework prefix carries the number (HTTP_404_).
_PREFIXES = {"go": "Status", "java": "HTTP_", "jakarta": "SC_", "symfony": "HTTP_"}
# The ways code qualifies a name: HttpStatusCode.NotFound, System.Net.HttpStatusCode.NotFound.
_QUALIFIERS = {
    "python": ("HTTPStatus.", "http.HTTPStatus."),
    "go": ("http.", "net/http."),
    "java": ("HttpURLConnection.", "java.net.HttpURLConnection."),
    "jakarta": ("HttpServletResponse.", "jakarta.servlet.http.HttpServletResponse."),
    "spring": ("HttpStatus.", "org.springframework.http.HttpStatus."),
    "dotnet": ("HttpStatusCode.", "System.Net.HttpStatusCode."),
    "rust": ("StatusCode::", "http::StatusCode::"),
    "node": (),
    "drf": ("status.", "rest_framework.status."),
    "symfony": ("Response::", "Symfony\\Component\\HttpFoundation\\Response::"),
}


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = registry.read_data(DATA_FILE)
    try:
        if set(data["stacks"]) != set(STACKS) or not isinstance(data["names"], dict):
            raise TypeError("expected a stack table and names by entry")
    except (KeyError, TypeError) as error:
        raise DataError(f"cannot read {DATA_FILE}: {error!r}") from error
    return data


def stack_info(stack: str) -> dict[str, Any]:
    """What a stack is called (``name``, ``library``) and which version of it the names were
    checked against (``checked``)."""
    info: dict[str, Any] = _data()["stacks"][stack]
    return info


def written(stack: str, name: str) -> str:
    """A name as explain lists it: with the version that brought it, where the data says
    (``CONTENT_TOO_LARGE [Python 3.13+]``), since code for older versions cannot use it."""
    info = _data()["stacks"][stack]
    since = info.get("since", {}).get(name)
    return f"{name} [{info['name']} {since}+]" if since else name


def python_name(code: int) -> str | None:
    """The member of the running interpreter's ``http.HTTPStatus`` for ``code``, if any."""
    from http import HTTPStatus  # only commands that show Python's name pay for the enum

    try:
        return HTTPStatus(code).name
    except ValueError:
        return None


def names(entry: registry.StatusCode) -> dict[str, list[str]]:
    """Every name of an entry, by stack, the one a program gets first (Python: the running
    interpreter's); stacks without a name for it are left out."""
    listed: dict[str, list[str]] = _data()["names"].get(entry.id, {})
    found = {stack: list(listed[stack]) for stack in STACKS if stack in listed}
    if "python" in found:
        current = python_name(entry.code)
        if current in found["python"]:
            found["python"].remove(current)
            found["python"].insert(0, current)
    return found


def every_name(entry_id: str) -> list[str]:
    """An entry's names in every stack, each once, in no particular order: what search
    matches (a test keeps the running Python's names among them)."""
    listed: dict[str, list[str]] = _data()["names"].get(entry_id, {})
    return list(dict.fromkeys(name for names in listed.values() for name in names))


def primary(entry: registry.StatusCode) -> dict[str, str]:
    """The name each stack gives an entry (``constants`` in JSON)."""
    return {stack: listed[0] for stack, listed in names(entry).items()}


def in_code(stack: str, name: str, code: int) -> str:
    """How the name is written in that stack's code: ``http.StatusTeapot``,
    ``http.STATUS_CODES[418]`` for Node.js, whose table holds a phrase."""
    if stack == "node":
        return f"http.STATUS_CODES[{code}] = '{name}'"
    return _QUALIFIERS[stack][0] + name


# The separators names are written with, dropped in one C call; what else is not a letter
# or digit (rare in what people type) goes character by character.
_SEPARATORS = str.maketrans("", "", "_-.:' /\\")


def squash(text: str) -> str:
    """A name with case and separators gone: ``SC_NOT_FOUND``, ``sc-not-found`` and
    ``ScNotFound`` all become ``SCNOTFOUND``."""
    if text.isascii() and text.isidentifier():  # most names: only underscores to drop
        return text.upper().replace("_", "")
    squashed = text.upper().translate(_SEPARATORS)
    if squashed.isalnum() or not squashed:
        return squashed
    return "".join(ch for ch in squashed if ch.isalnum())


def _words(name: str) -> int:
    """How many words a name has: ``NOT_FOUND`` and ``NotFound`` two, ``Redirect`` one."""
    capitals = sum(1 for a, b in pairwise(name) if a.islower() and b.isupper())
    return 1 + name.strip("_").count("_") + capitals


def spellings(stack: str, name: str) -> list[tuple[str, bool]]:
    """The keys a name is found under, each with whether it may stand alone. A name without
    its prefix that is one plain word (.NET's ``Redirect``, Java's ``RESET``) is too vague
    to be taken for a constant unless qualified: those words are searched instead."""
    bare = name
    if stack == "drf":
        bare = name[len("HTTP_000_") :]
    elif stack in _PREFIXES and name.startswith(_PREFIXES[stack]):
        bare = name[len(_PREFIXES[stack]) :]
    found = [(squash(name), _words(name) > 1 or name != bare)]
    found += [(squash(qualifier + name), True) for qualifier in _QUALIFIERS[stack]]
    if bare != name:
        found.append((squash(bare), _words(bare) > 1))
    return found


@cache
def _index() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Every spelling -> (entry id, stack, name) of every constant it may mean: the whole
    table, which tests use to prove that no spelling means two codes. A lookup does not build
    it (that costs a run more than the rest of a lookup); see ``lookup``."""
    index: dict[str, list[tuple[str, str, str]]] = {}
    for entry_id, by_stack in _data()["names"].items():
        for stack, listed in by_stack.items():
            for name in listed:
                for key, alone in spellings(stack, name):
                    if alone and (entry_id, stack, name) not in index.get(key, ()):
                        index.setdefault(key, []).append((entry_id, stack, name))
    return {key: tuple(found) for key, found in index.items()}


def lookup(text: str) -> tuple[tuple[str, str, str], ...]:
    """(entry id, stack, name) of the constants ``text`` spells, in any case or separator,
    with or without the stack's prefix or qualifier: what ``_index`` holds under
    ``squash(text)``, found by testing each name rather than building every spelling."""
    wanted = squash(text)
    if not wanted:
        return ()
    found = []
    for entry_id, by_stack in _data()["names"].items():
        for stack, listed in by_stack.items():
            for name in listed:
                if not wanted.endswith(squash(name)[-2:]):
                    continue  # every spelling of a name ends as the name does
                for key, alone in spellings(stack, name):
                    if alone and key == wanted:
                        found.append((entry_id, stack, name))
                        break
    return tuple(found)


def candidates(typed: str) -> list[tuple[str, str, str]]:
    """Constants a half-typed name can become, for completion: (name as the user would go
    on typing it, entry id, stack). ``StatusTe`` finds ``StatusTeapot``, ``http.StatusTe``
    finds ``http.StatusTeapot``, ``sc_not`` finds ``SC_NOT_FOUND``; case is ignored, but
    not separators, as a shell keeps only what starts with the typed text."""
    wanted = typed.lower()
    found = []
    for entry_id, by_stack in _data()["names"].items():
        for stack, listed in by_stack.items():
            if stack == "node":
                continue  # a phrase, not a name
            for name in listed:
                for written in (name, *(q + name for q in _QUALIFIERS[stack])):
                    if written.lower().startswith(wanted):
                        found.append((written, entry_id, stack))
                        break
    return found
