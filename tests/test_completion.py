"""TAB completion: in-process through click's protocol, then in real bash, fish and zsh."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from httpstat_cli import i18n, registry
from httpstat_cli.cli import SHELLS, completion_script
from tests.conftest import Run

ROOT = Path(__file__).resolve().parent.parent
FILES = {"bash": "hsc.bash", "zsh": "_hsc", "fish": "hsc.fish"}


def needs(shell: str) -> pytest.MarkDecorator:
    """Skip where the shell is missing on a developer's machine; CI installs every shell and
    sets HSC_REQUIRE_SHELLS, so there a missing shell fails instead of hiding a test."""
    missing = shutil.which(shell) is None and not os.environ.get("HSC_REQUIRE_SHELLS")
    return pytest.mark.skipif(missing, reason=f"{shell} is not installed")


def complete(run: Run, words: str, env: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """Ask hsc what zsh would show for ``words`` (the last word is being typed)."""
    parts = words.split(" ")
    result = run(
        env={
            "_HSC_COMPLETE": "zsh_complete",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(parts) - 1),
            **(env or {}),
        }
    )
    lines = result.stdout.splitlines()
    return [(lines[i + 1], lines[i + 2]) for i in range(0, len(lines) - 2, 3)]


def values(candidates: list[tuple[str, str]]) -> list[str]:
    return [value for value, _ in candidates]


@pytest.mark.parametrize("shell", SHELLS)
def test_committed_scripts_are_what_the_cli_generates(shell: str) -> None:
    committed = (ROOT / "completions" / FILES[shell]).read_text(encoding="utf-8")
    assert committed == completion_script(shell), f"regenerate: hsc completion {shell}"


def test_completion_command_prints_the_script(run: Run) -> None:
    assert run("completion", "fish").stdout == completion_script("fish")
    assert run("completion", "tcsh").exit_code == 2


def test_a_code_prefix_offers_the_codes_with_their_titles(run: Run) -> None:
    found = dict(complete(run, "hsc 41"))
    expected = {str(e.code) for e in registry.all_codes() if str(e.code).startswith("41")}
    assert list(found) == sorted(expected)
    assert found["418"] == "I'm a teapot"


def test_descriptions_follow_the_language(run: Run) -> None:
    # logical order (HSC_BIDI=off), where Persian starts with a right-to-left mark
    for lang in i18n.SUPPORTED:
        texts = i18n.load_texts(lang)
        found = dict(complete(run, "hsc 40", env={"HSC_LANG": lang, "HSC_BIDI": "off"}))
        assert found["404"].removeprefix("\u200f") == texts.code_text("404", "title")
        found = dict(complete(run, f"hsc --lang {lang} explain 50", env={"HSC_BIDI": "off"}))
        assert found["503"].removeprefix("\u200f") == texts.code_text("503", "title")


def test_a_number_with_several_meanings_describes_them_all(run: Run) -> None:
    found = dict(complete(run, "hsc lookup 49"))
    assert "nginx" in found["499"] and "Esri" in found["499"]


def test_languages_classes_formats_and_commands(run: Run) -> None:
    languages = dict(complete(run, "hsc --lang "))
    assert set(languages) == set(i18n.SUPPORTED)
    assert languages["en"] == "English"
    assert values(complete(run, "hsc list ")) == ["1xx", "2xx", "3xx", "4xx", "5xx"]
    assert values(complete(run, "hsc 418 --format ")) == ["table", "plain", "json", "csv", "jsonl"]
    bare = values(complete(run, "hsc "))
    assert {"lookup", "search", "list", "explain", "languages", "completion", "4xx"} <= set(bare)


def test_a_completion_request_never_imports_rich() -> None:
    code = (
        "import os, sys\n"
        "os.environ.update(_HSC_COMPLETE='bash_complete', COMP_WORDS='hsc 41', COMP_CWORD='1')\n"
        "from httpstat_cli.cli import main\n"
        "try:\n    main([])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"
    assert "plain,418" in done.stdout


def _hsc_on_path(tmp_path: Path) -> dict[str, str]:
    """A PATH where ``hsc`` is this checkout's entry point, run by this interpreter."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    launcher = bin_dir / "hsc"
    launcher.write_text(
        f'#!/bin/sh\nexec {sys.executable} -m httpstat_cli "$@"\n', encoding="utf-8"
    )
    launcher.chmod(0o755)
    return {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(tmp_path),
        "PYTHONPATH": str(ROOT),
        "LANG": "C.UTF-8",
    }


def _without_hsc_on_path(tmp_path: Path) -> dict[str, str]:
    """As above, but only an alias or a function can find hsc."""
    environment = _hsc_on_path(tmp_path)
    environment["PATH"] = environment["PATH"].split(os.pathsep, 1)[1]
    return environment


def _shell(tmp_path: Path, shell: str, flag: str, script: str, hsc_on_path: bool = True) -> str:
    """Run a script in a real shell without its user configuration, hsc on PATH or not."""
    done = subprocess.run(
        [shell, flag, "-c", script],
        capture_output=True,
        text=True,
        env=_hsc_on_path(tmp_path) if hsc_on_path else _without_hsc_on_path(tmp_path),
        check=True,
    )
    return done.stdout


@needs("bash")
def test_real_bash_offers_codes(tmp_path: Path) -> None:
    script = (
        f"source {ROOT / 'completions' / 'hsc.bash'}\n"
        "COMP_WORDS=(hsc 41); COMP_CWORD=1\n"
        "_hsc_completion hsc\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    assert {"410", "418"} <= set(_shell(tmp_path, "bash", "--norc", script).split())


@needs("fish")
def test_real_fish_offers_codes_with_titles(tmp_path: Path) -> None:
    script = f"source {ROOT / 'completions' / 'hsc.fish'}; complete -C 'hsc 41'"
    assert "418\tI'm a teapot" in _shell(tmp_path, "fish", "--no-config", script).splitlines()


def _launcher(tmp_path: Path, name: str) -> Path:
    """An ``hsc`` that is not on PATH: the way a venv's entry point is met through an alias."""
    hidden = tmp_path / "venv-bin"
    hidden.mkdir(exist_ok=True)
    launcher = hidden / name
    launcher.write_text(
        f'#!/bin/sh\nexec {sys.executable} -m httpstat_cli "$@"\n', encoding="utf-8"
    )
    launcher.chmod(0o755)
    return launcher


def _bash_candidates(tmp_path: Path, setup: str, typed: str) -> list[str]:
    words = typed.split(" ")
    script = (
        f"{setup}\nsource {ROOT / 'completions' / 'hsc.bash'}\n"
        f"complete -o nosort -F _hsc_completion {words[0]}\n"
        f"COMP_WORDS=({typed}); COMP_CWORD={len(words) - 1}\n"
        f"_hsc_completion {words[0]}\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    return _shell(tmp_path, "bash", "--norc", script, hsc_on_path=False).split()


@needs("bash")
@pytest.mark.parametrize(
    "setup",
    ["alias hsc={launcher}", "alias h='{launcher} --lang fr'", 'hsc() {{ {launcher} "$@"; }}'],
)
def test_real_bash_completes_through_an_alias_or_a_function(tmp_path: Path, setup: str) -> None:
    launcher = _launcher(tmp_path, "hsc")
    name = "h" if "alias h=" in setup else "hsc"
    found = _bash_candidates(tmp_path, setup.format(launcher=launcher), f"{name} 41")
    assert found == [str(code) for code in range(410, 420)]


@needs("fish")
def test_real_fish_completes_through_an_alias(tmp_path: Path) -> None:
    launcher = _launcher(tmp_path, "hsc")
    fish_script = ROOT / "completions" / "hsc.fish"
    script = f"alias hsc={launcher}; source {fish_script}; complete -C 'hsc 41'"
    output = _shell(tmp_path, "fish", "--no-config", script, hsc_on_path=False)
    assert "418\tI'm a teapot" in output.splitlines()


@needs("fish")
def test_real_fish_keeps_descriptions_that_contain_commas(tmp_path: Path) -> None:
    fish_script = ROOT / "completions" / "hsc.fish"
    script = f"source {fish_script}; complete -C 'hsc 4'; complete -C 'hsc --l'"
    lines = _shell(tmp_path, "fish", "--no-config", script).splitlines()
    sizes = registry.class_sizes()
    assert f"4xx\tClient Error, {sizes['4xx']} codes" in lines
    assert any(line.startswith("--lang\t") and "en, tr, fr or fa" in line for line in lines)


def _screen_once(session: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True, check=True
    ).stdout


def _wait_for_screen(session: str, expect: str) -> str:
    """The screen once ``expect`` shows on it; this waits for the shell, it times nothing."""
    screen = ""
    for _ in range(100):
        screen = _screen_once(session)
        if expect in screen:
            break
        time.sleep(0.2)
    return screen


def _zsh_screen(tmp_path: Path, setup: str, typed: str, expect: str) -> str:
    """Type into a real interactive zsh under tmux, press TAB, and return the screen. hsc is
    on PATH only when ``setup`` does nothing to find it."""
    session = f"hsc-test-{os.getpid()}-{tmp_path.name}"
    on_path = _hsc_on_path(tmp_path) if setup == "true" else _without_hsc_on_path(tmp_path)
    environment = on_path | {"TERM": "xterm"}
    command = " ".join(["env", "-i", *(f"{k}={v}" for k, v in environment.items()), "zsh", "-f"])
    subprocess.run(
        ["tmux", "new-session", "-d", "-x", "150", "-y", "40", "-s", session, command], check=True
    )
    try:
        prepare = (
            f"autoload -U compinit && compinit -u; source {ROOT / 'completions' / '_hsc'}; "
            f"{setup}; PS1='ready> '"
        )
        subprocess.run(["tmux", "send-keys", "-t", session, prepare, "Enter"], check=True)
        _wait_for_screen(session, "\nready> ")
        subprocess.run(["tmux", "send-keys", "-t", session, typed, "Tab"], check=True)
        return _wait_for_screen(session, expect)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)


@needs("zsh")
@needs("tmux")
@pytest.mark.parametrize(
    "setup",
    ["true", "alias hsc={launcher}", 'hsc() {{ {launcher} "$@" }}', "alias h={launcher}"],
)
def test_real_zsh_offers_codes_with_titles_on_tab(tmp_path: Path, setup: str) -> None:
    launcher = _launcher(tmp_path, "hsc")
    typed = "hsc 41"
    if setup.startswith("alias h="):
        setup, typed = setup + "; compdef h=hsc", "h 41"
    screen = _zsh_screen(tmp_path, setup.format(launcher=launcher), typed, "I'm a teapot")
    assert "418  -- I'm a teapot" in screen
    assert "410  -- Gone" in screen


def test_constant_names_are_offered_after_a_few_letters(run: Run) -> None:
    offered = dict(complete(run, "hsc StatusTo"))
    assert set(offered) == {"StatusTooEarly", "StatusTooManyRequests"}
    assert offered["StatusTooManyRequests"].startswith("429")
    assert "SC_NOT_FOUND" in values(complete(run, "hsc explain SC_NOT"))
    assert "HttpStatusCode.NotFound" in values(complete(run, "hsc HttpStatusCode.NotF"))
    assert complete(run, "hsc St") == []  # two letters would offer hundreds of names


@pytest.mark.parametrize("command", ["check", "tally", "annotate"])
def test_file_arguments_ask_the_shell_for_file_names(run: Run, command: str) -> None:
    result = run(
        env={
            "_HSC_COMPLETE": "bash_complete",
            "COMP_WORDS": f"hsc {command} tests/sam",
            "COMP_CWORD": "2",
        }
    )
    assert result.stdout.splitlines() == ["file,tests/sam"]
