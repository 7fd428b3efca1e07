"""--help and the parser's messages speak the reader's language, chosen as for any output."""

import pytest

from httpstat_cli import i18n
from httpstat_cli.cli import cli
from tests.conftest import Run

RLM = "\u200f"  # starts each line of Persian in logical order (--no-bidi)

USAGE = {
    "en": "Usage: hsc search [OPTIONS] WORDS...",
    "tr": "Kullanım: hsc search [SEÇENEKLER] SÖZCÜKLER...",
    "fr": "Utilisation\u00a0: hsc search [OPTIONS] MOTS...",
    "fa": "نحوهٔ استفاده: hsc search [گزینه‌ها] واژه‌ها...",
}
OPTIONS_HEADING = {"en": "Options:", "tr": "Seçenekler:", "fr": "Options\u00a0:", "fa": "گزینه‌ها:"}
COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("lang", sorted(USAGE))
def test_help_speaks_the_language_of_the_flag(run: Run, lang: str) -> None:
    result = run("search", "--help", "--lang", lang, "--no-bidi")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.replace(RLM, "").splitlines()  # Persian lines are marked RTL
    assert lines[0] == USAGE[lang]
    assert OPTIONS_HEADING[lang] in lines


@pytest.mark.parametrize(
    ("environment", "usage"),
    [
        ({"LANG": "tr_TR.UTF-8"}, USAGE["tr"]),
        ({"HSC_LANG": "fr"}, USAGE["fr"]),
        ({"LC_ALL": "fa_IR.UTF-8", "HSC_BIDI": "off"}, USAGE["fa"]),
        ({"LANG": "C"}, USAGE["en"]),
    ],
)
def test_help_follows_the_environment_like_everything_else(
    run: Run, environment: dict[str, str], usage: str
) -> None:
    result = run("search", "-h", env=environment)
    assert result.stdout.removeprefix(RLM).splitlines()[0] == usage


def test_the_flag_after_help_still_counts(run: Run) -> None:
    result = run("--help", "--lang", "fr", env={"LANG": "tr_TR.UTF-8"})
    assert result.stdout.startswith("Utilisation\u00a0: hsc [OPTIONS] [COMMANDE] [ARGUMENTS]...")
    assert "Commandes\u00a0:" in result.stdout.splitlines()


@pytest.mark.parametrize("lang", ["tr", "fr", "fa"])
@pytest.mark.parametrize("command", COMMANDS)
def test_every_option_and_command_is_described_in_the_language(
    run: Run, lang: str, command: str
) -> None:
    texts = i18n.load_texts(lang)
    page = run(command, "-h", "--lang", lang, "--no-bidi").stdout
    assert texts.help(f"command_{command}").split()[0] in page
    for option in ("lang", "format", "color", "bidi", "help"):
        assert " ".join(texts.help(f"option_{option}").split()[:2]) in " ".join(page.split())
    english = i18n.load_texts("en")
    assert english.help("option_help") not in page
    assert "Show this message and exit." not in page


def test_the_main_page_lists_commands_and_examples_in_the_language(run: Run) -> None:
    page = run("--lang", "tr", "-h").stdout
    assert "Komutlar:" in page and "Örnekler:" in page
    rows = [" ".join(line.split()) for line in page.splitlines()]
    assert "hsc 4xx, hsc 41x bir sınıf veya onluk bir grup" in rows


def test_an_unknown_language_with_help_is_an_error_in_the_readers_language(run: Run) -> None:
    result = run("--help", "--lang", "xx", env={"LANG": "fr_FR.UTF-8"})
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("Erreur\u00a0: langue xx non prise en charge") or (
        result.stderr.startswith("Erreur : langue xx non prise en charge")
    )


def test_persian_help_is_in_visual_order_for_a_terminal_without_bidi(run: Run) -> None:
    logical = run("-h", "--lang", "fa", "--no-bidi").stdout.splitlines()
    visual = run("-h", "--lang", "fa", "--bidi").stdout.splitlines()
    assert len(visual) == len(logical)
    # option names stay whole and read left to right; the Persian around them is reordered
    assert any(line.rstrip().endswith("-V, --version") for line in visual)
    assert not any("نسخه را نشان" in line for line in visual)
    assert len({len(line) for line in visual if line}) == 1  # aligned to the right edge


@pytest.mark.parametrize(
    ("lang", "args", "line"),
    [
        ("en", ["search", "--bogus", "x"], "Error: no such option: --bogus (hsc search --help)"),
        ("tr", ["search", "--bogus", "x"], "Hata: böyle bir seçenek yok: --bogus"),
        ("fr", ["search", "--bogus", "x"], "Erreur : option inconnue : --bogus"),
        ("fa", ["search", "--bogus", "x"], "خطا: گزینهٔ --bogus وجود ندارد"),
        ("en", ["search"], "Error: missing argument: WORDS... (hsc search --help)"),
        ("tr", ["search"], "Hata: eksik argüman: SÖZCÜKLER..."),
        ("fr", ["explain"], "Erreur : argument manquant : CODE|CLASSE|PLAGE|NOM|MOTS..."),
        ("fa", ["search"], "خطا: آرگومان واژه‌ها... داده نشده است"),
        ("en", ["search", "x", "--limit"], "Error: --limit needs a value (hsc search --help)"),
        ("tr", ["search", "x", "--limit"], "Hata: --limit seçeneği bir değer bekliyor"),
        ("fr", ["search", "x", "--limit"], "Erreur : l'option --limit attend une valeur"),
        ("fa", ["search", "x", "--limit"], "خطا: گزینهٔ --limit به یک مقدار نیاز دارد"),
        ("en", ["languages", "fr"], "Error: unexpected argument: fr (hsc languages --help)"),
        ("tr", ["languages", "fr"], "Hata: beklenmeyen argüman: fr"),
        ("fr", ["languages", "fr"], "Erreur : argument inattendu : fr"),
        ("fa", ["languages", "fr"], "خطا: آرگومان fr اضافی است و پذیرفته نمی‌شود"),
        (
            "tr",
            ["404", "--format", "tablo"],
            "Hata: --format için geçersiz değer: tablo; geçerli değerler: table, plain, json,",
        ),
        (
            "fr",
            ["404", "--format", "tableau"],
            "Erreur : valeur invalide pour --format : tableau ; valeurs possibles : table, "
            "plain, json,",
        ),
        (
            "fa",
            ["404", "--format", "jadval"],
            "خطا: مقدار jadval برای --format نامعتبر است؛ "
            "مقدارهای مجاز عبارت‌اند از table، plain، json،",
        ),
    ],
)
def test_parser_messages_speak_the_readers_language(
    run: Run, lang: str, args: list[str], line: str
) -> None:
    result = run(*args, env={"HSC_LANG": lang})
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.removeprefix(RLM).startswith(line)
    assert len(result.stderr.splitlines()) == 1


def test_format_takes_any_case(run: Run) -> None:
    result = run("404", "--format", "JSON")
    assert result.exit_code == 0 and result.stdout.startswith("{")


def test_an_empty_language_is_quoted(run: Run) -> None:
    result = run("404", "--lang", "")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: unsupported language ''; available:")


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["search"], "(hsc search --help)"),
        (["explain", "--nope", "1"], "(hsc explain --help)"),
        (["list", "--format", "x"], "(hsc list --help)"),
        (["--nope"], "(hsc --help)"),
    ],
)
def test_a_usage_error_points_to_the_help_of_its_command(
    run: Run, args: list[str], hint: str
) -> None:
    assert run(*args).stderr.rstrip("\n").endswith(hint)


def test_an_argument_after_a_double_dash_is_not_an_option(run: Run) -> None:
    result = run("--", "-1")
    assert result.exit_code in (1, 2)
    assert "option" not in result.stderr and "-1" in result.stderr


def test_completion_takes_the_options_every_command_takes(run: Run) -> None:
    result = run("completion", "bash", "--lang", "fr", "--format", "plain")
    assert result.exit_code == 0 and "complete" in result.stdout and result.stderr == ""


@pytest.mark.parametrize(
    "args",
    [
        ["search"],
        ["search", "--x", "y"],
        ["languages", "x"],
        ["search", "x", "--limit"],
        ["404", "--format", "x"],
        ["404", "--lang", "xx"],
        ["999"],
        ["completion", "ksh"],
    ],
)
def test_every_error_message_starts_in_lower_case(run: Run, args: list[str]) -> None:
    message = run(*args).stderr.removeprefix("Error: ")
    assert message[:1].islower() or message[:1] in "-0123456789", message
