"""Each code's retry policy agrees with its own client advice and with the RFC that defines it.

The tables below are read off the English client advice (hsc explain CODE, "What the client
should do"); every entry belongs to exactly one, so a new code has to be classified.
"""

import re

import pytest

from httpstat_cli import i18n, registry
from httpstat_cli.explain import code_story

ENTRIES = registry.all_codes()
RETRYING = {"after-delay", "backoff", "another-connection", "after-handshake"}

# The exchange went as intended (or is still going on): nothing to repeat.
NOTHING_TO_RETRY = {
    "100", "101", "102", "103", "104", "200", "201", "202", "203", "204", "205", "206",
    "207", "208", "210-webdav", "218-apache", "226", "304",
}  # fmt: skip
# The advice is to go elsewhere, not to repeat the request here.
REDIRECTED = {"300", "301", "302", "303", "307", "308", "451-exchange"}
# The advice says the same request will not succeed: change it, ask a person, or give up.
DO_NOT_RETRY_AS_IS = {
    "305", "306", "400", "401", "402", "403", "404", "405", "406", "407", "409", "410",
    "411", "412", "413", "414", "415", "416", "417", "418", "419-laravel", "419-spring",
    "420-spring", "421-spring",
    "422", "424", "426", "428", "430-shopify", "431", "440-exchange", "444-nginx",
    "449-exchange", "451", "460-aws-elb", "463-aws-elb", "464-aws-elb", "494-nginx",
    "495-nginx", "496-nginx", "497-nginx", "498-esri", "499-esri", "499-nginx", "501", "505",
    "506", "507", "508", "510", "511", "561-aws-elb",
}  # fmt: skip
# The advice is to send the same request again: later, with backoff, or over a new connection.
RETRY_THE_SAME_REQUEST = {
    "408", "420-twitter", "421", "423", "425", "429", "500", "502", "503", "504",
    "509-apache", "520-cloudflare", "521-cloudflare", "522-cloudflare", "523-cloudflare",
    "524-cloudflare", "525-cloudflare", "526-cloudflare", "527-cloudflare", "530-cloudflare",
    "598-proxy", "599-proxy",
}  # fmt: skip
TABLES = (NOTHING_TO_RETRY, REDIRECTED, DO_NOT_RETRY_AS_IS, RETRY_THE_SAME_REQUEST)

# Words in the English advice that settle the question either way.
SAYS_DO_NOT_RETRY = re.compile(
    r"do not (retry|repeat|resend|send the same request)|will not (help|work|bring)"
    r"|will fail (again|the same way)|retrying (automatically )?will not|nothing to read",
    re.IGNORECASE,
)
SAYS_RETRY_LATER = re.compile(
    r"retry (later|with backoff|after a while|idempotent)|try again|wait before retrying",
    re.IGNORECASE,
)


def test_every_entry_is_classified_once() -> None:
    ids = [entry.id for entry in ENTRIES]
    assert sorted(ids) == sorted(id_ for table in TABLES for id_ in table)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_policy_agrees_with_the_advice(entry: registry.StatusCode) -> None:
    if entry.id in NOTHING_TO_RETRY:
        assert entry.retry == "no-need"
    elif entry.id in REDIRECTED:
        assert entry.retry == "follow"
    elif entry.id in DO_NOT_RETRY_AS_IS:
        assert entry.retry in {"after-change", "never", "user-action"}
    else:
        assert entry.retry in RETRYING


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_words_of_the_advice_do_not_contradict_the_policy(entry: registry.StatusCode) -> None:
    advice = i18n.load_texts("en").code_text(entry.id, "client")
    if SAYS_DO_NOT_RETRY.search(advice) and entry.id not in {"425", "504"}:
        # 425 says never *in early data*; 504 says check before repeating a non-idempotent one
        assert entry.retry not in RETRYING, advice
    if SAYS_RETRY_LATER.search(advice):
        assert entry.retry in RETRYING, advice


@pytest.mark.parametrize(
    ("code", "policy", "rule"),
    [
        ("421", "another-connection", "RFC 9110 15.5.20: MAY retry over a different connection"),
        ("425", "after-handshake", "RFC 8470 5.2: SHOULD retry, MUST NOT in early data"),
        ("507", "user-action", "RFC 4918 11.5: MUST NOT repeat until the user asks again"),
        ("408", "another-connection", "RFC 9110 15.5.9: MAY repeat, on a new connection"),
        ("429", "after-delay", "RFC 6585 4: Retry-After says how long to wait"),
        ("503", "after-delay", "RFC 9110 15.6.4: Retry-After suggests the wait"),
    ],
)
def test_policies_the_rfc_prescribes(code: str, policy: str, rule: str) -> None:
    entry = registry.get(code)
    assert entry is not None and entry.retry == policy, rule


@pytest.mark.parametrize("lang", i18n.SUPPORTED)
def test_the_retry_section_speaks_the_policy_in_every_language(lang: str) -> None:
    texts = i18n.load_texts(lang)
    for entry in ENTRIES:
        section = next(s for s in code_story(entry, texts).sections if s.key == "retry")
        assert section.text.startswith(texts.retry(entry.retry)), (lang, entry.id)


# Status codes, header names and RFC numbers stay in Latin script in every language, so the
# advice in each language must name the same ones as the English advice.
TOKENS = re.compile(r"RFC \d+|(?<!\d)\d{3}(?!\d)|\b[A-Z][a-z]+(?:-[A-Z][A-Za-z]*)+\b")


@pytest.mark.parametrize("lang", [lang for lang in i18n.SUPPORTED if lang != "en"])
def test_advice_names_the_same_codes_headers_and_rfcs_in_every_language(lang: str) -> None:
    english, other = i18n.load_texts("en"), i18n.load_texts(lang)
    differing = {
        entry.id: set(TOKENS.findall(english.code_text(entry.id, "client")))
        ^ set(TOKENS.findall(other.code_text(entry.id, "client")))
        for entry in ENTRIES
    }
    assert {id_: tokens for id_, tokens in differing.items() if tokens} == {}
