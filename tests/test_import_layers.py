"""The import contracts in pyproject.toml (run by ``lint-imports`` in ``make test``) catch what they should.

Each case builds a small tree of stand-in apps with the project's names in a
temporary folder, runs ``lint-imports`` on it with the project's own
contracts, and checks the verdict: a clean tree passes, a layer breach or an
import cycle (also through an import inside a function) fails.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"

# The apps as the layers allow them: home <- dossier; home <- forms <- aanmelding <- terugkoppeling;
# forms <- nieuwsbrief; home <- adminlogin.
CLEAN_TREE = {
    "home/__init__.py": "",
    "home/blocks.py": "",
    "dossier/__init__.py": "",
    "dossier/models.py": "import home.blocks\n",
    "forms/__init__.py": "",
    "forms/base.py": "import home.blocks\n",
    "aanmelding/__init__.py": "",
    "aanmelding/models.py": "import forms.base\n",
    "aanmelding/mails.py": "from . import models\n",
    "aanmelding/views.py": "from . import mails, models\n",
    "nieuwsbrief/__init__.py": "",
    "nieuwsbrief/models.py": "import forms.base\n",
    "terugkoppeling/__init__.py": "",
    "terugkoppeling/models.py": "import aanmelding.models\n",
    "adminlogin/__init__.py": "",
    "adminlogin/views.py": "import home.blocks\n",
}


def lint(tmp_path, **changes):
    for relative, text in {**CLEAN_TREE, **changes}.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path), "COLUMNS": "300"},
        capture_output=True,
        text=True,
    )


def broken(result):
    """The names of the contracts lint-imports reports as broken."""
    return {line.rsplit(" ", 1)[0] for line in result.stdout.splitlines() if line.endswith(" BROKEN")}


def test_the_project_keeps_its_contracts():
    result = subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_tree_that_follows_the_layers_passes(tmp_path):
    result = lint(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout and broken(result) == set()


@pytest.mark.parametrize(
    ("module", "text", "contract"),
    [
        ("home/blocks.py", "import aanmelding.models\n", "Apps in layers"),
        ("home/blocks.py", "def later():\n    import dossier.models\n", "Apps in layers"),
        ("forms/base.py", "import home.blocks\nimport aanmelding.models\n", "forms is the shared base"),
        ("dossier/models.py", "import home.blocks\nimport forms.base\n", "Apps in layers"),
        ("nieuwsbrief/models.py", "import forms.base\nimport aanmelding.models\n", "Apps in layers"),
        ("forms/base.py", "import home.blocks\nimport nieuwsbrief.models\n", "forms is the shared base"),
        ("aanmelding/views.py", "from . import mails, models\nimport terugkoppeling.models\n", "Apps in layers"),
        ("forms/base.py", "import home.blocks\nimport terugkoppeling.models\n", "forms is the shared base"),
        ("adminlogin/views.py", "import home.blocks\nimport forms.base\n", "Apps in layers"),
        ("home/blocks.py", "def later():\n    import adminlogin.views\n", "Apps in layers"),
    ],
    ids=[
        "home-imports-a-feature-app",
        "home-imports-in-a-function",
        "forms-imports-aanmelding",
        "dossier-and-forms",
        "nieuwsbrief-imports-aanmelding",
        "forms-imports-nieuwsbrief",
        "aanmelding-imports-terugkoppeling",
        "forms-imports-terugkoppeling",
        "adminlogin-imports-forms",
        "home-imports-adminlogin",
    ],
)
def test_a_layer_breach_fails(tmp_path, module, text, contract):
    result = lint(tmp_path, **{module: text})
    assert result.returncode != 0
    assert any(name.startswith(contract) for name in broken(result)), result.stdout


def test_an_import_cycle_inside_an_app_fails_also_through_a_function_level_import(tmp_path):
    models = "import forms.base\n\ndef route():\n    from . import views\n"
    result = lint(tmp_path, **{"aanmelding/models.py": models})
    assert result.returncode != 0
    assert broken(result) == {"No import cycles inside an app (function-level imports included)"}, result.stdout
    assert "No cycles are allowed in aanmelding." in result.stdout
