"""The built wheel carries everything hsc needs (.ci/run also installs it and runs hsc)."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from httpstat_cli import i18n

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("httpstat_cli-*.whl"))


def test_wheel_ships_the_data_and_every_locale(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "httpstat_cli/data/codes.json" in names
    for lang in i18n.SUPPORTED:
        assert f"httpstat_cli/locales/{lang}.json" in names
