"""What the shell offers on TAB: codes, classes and languages, described in the reader's language.

Pure functions returning (value, description) pairs; options.py wraps them for click. This runs on
every TAB, so it reads the registry and at most two locale files, and never imports rich.
"""

from httpstat_cli import i18n, registry
from httpstat_cli.i18n import Texts

Candidate = tuple[str, str]


def _texts(lang: str | None, environ: dict[str, str]) -> Texts:
    try:
        return i18n.load_texts(i18n.negotiate(lang, environ))
    except Exception:  # a half-typed --lang must not break TAB: describe in English
        return i18n.load_texts(i18n.FALLBACK)


def classes(incomplete: str, texts: Texts) -> list[Candidate]:
    counts = registry.class_sizes()
    return [
        (code_class, texts.ui("complete_class", name=texts.class_name(code_class), count=count))
        for code_class, count in counts.items()
        if code_class.startswith(incomplete.lower())
    ]


def codes(incomplete: str, texts: Texts) -> list[Candidate]:
    """Codes starting with what was typed, one candidate per number; a number with several
    meanings lists them all in its description (499: nginx's and Esri's)."""
    typed = incomplete.strip()
    if not typed.isdigit() or len(typed) > 3:
        return []
    described: dict[str, list[str]] = {}
    low, high = int(typed.ljust(3, "0")), int(typed.ljust(3, "9"))
    for entry in registry.in_range(low, high):
        number = str(entry.code)
        if number.startswith(typed):
            title = texts.code_text(entry.id, "title") or entry.phrase
            described.setdefault(number, []).append(
                f"{title} ({entry.vendor})" if entry.vendor else title
            )
    return [(number, " / ".join(titles)) for number, titles in described.items()]


# Letters typed before constant names are offered: fewer would list hundreds of names.
NAME_PREFIX = 3
MAX_NAMES = 60


def names(incomplete: str, texts: Texts) -> list[Candidate]:
    """Constant names of every stack starting with what was typed (SC_NOT, StatusToo,
    HttpStatusCode.Not), each described by its code, title and stack."""
    typed = incomplete.strip()
    if len(typed) < NAME_PREFIX or not (typed.isascii() and typed[0].isalpha()):
        return []
    from httpstat_cli import constants

    found: dict[str, str] = {}
    for written, entry_id, stack in constants.candidates(typed):
        entry = registry.get(entry_id)
        if entry is None or written in found:
            continue
        title = texts.code_text(entry_id, "title") or entry.phrase
        found[written] = f"{entry.code} {title} ({constants.stack_info(stack)['name']})"
        if len(found) >= MAX_NAMES:
            break
    return sorted(found.items())


def queries(incomplete: str, lang: str | None, environ: dict[str, str]) -> list[Candidate]:
    """For lookup and explain: a class pattern while one digit is typed, then codes; after
    a few letters, constant names."""
    texts = _texts(lang, environ)
    found = classes(incomplete, texts) if len(incomplete) <= 1 else []
    if not incomplete:
        return found
    return found + codes(incomplete, texts) + names(incomplete, texts)


def class_patterns(incomplete: str, lang: str | None, environ: dict[str, str]) -> list[Candidate]:
    return classes(incomplete, _texts(lang, environ))


def languages(incomplete: str) -> list[Candidate]:
    found = []
    for tag in i18n.SUPPORTED:
        if tag.startswith(incomplete.lower()):
            meta = i18n.read_locale(tag).get("meta", {})
            found.append((tag, str(meta.get("native_name", tag))))
    return found
