"""TAB completion: in-process through click's protocol, then in real bash, fish and zsh."""

import os
import shutil
import subprocess
import sys
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
    for lang in i18n.SUPPORTED:
        texts = i18n.load_texts(lang)
        found = dict(complete(run, "hsc 40", env={"HSC_LANG": lang}))
        assert found["404"] == texts.code_text("404", "title")
        found = dict(complete(run, f"hsc --lang {lang} explain 50"))
        assert found["503"] == texts.code_text("503", "title")


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


def _shell(tmp_path: Path, shell: str, flag: str, script: str) -> str:
    """Run a script in a real shell without its user configuration, hsc on PATH."""
    done = subprocess.run(
        [shell, flag, "-c", script],
        capture_output=True,
        text=True,
        env=_hsc_on_path(tmp_path),
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


@needs("zsh")
def test_real_zsh_script_loads_and_asks_hsc(tmp_path: Path) -> None:
    # Driving zsh's completion widget needs a terminal; we check that the script loads in
    # zsh's completion system and that the call it makes returns the codes.
    script = (
        "autoload -U compinit && compinit -u\n"
        f"source {ROOT / 'completions' / '_hsc'}\n"
        "whence -w _hsc_completion\n"
        'env COMP_WORDS="hsc 41" COMP_CWORD=1 _HSC_COMPLETE=zsh_complete hsc\n'
    )
    output = _shell(tmp_path, "zsh", "-f", script)
    assert "_hsc_completion: function" in output
    assert "I'm a teapot" in output


def test_constant_names_are_offered_after_a_few_letters(run: Run) -> None:
    offered = dict(complete(run, "hsc StatusTo"))
    assert set(offered) == {"StatusTooEarly", "StatusTooManyRequests"}
    assert offered["StatusTooManyRequests"].startswith("429")
    assert "SC_NOT_FOUND" in values(complete(run, "hsc explain SC_NOT"))
    assert "HttpStatusCode.NotFound" in values(complete(run, "hsc HttpStatusCode.NotF"))
    assert complete(run, "hsc St") == []  # two letters would offer hundreds of names
