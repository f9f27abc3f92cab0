"""Pure modules must stay pure: no Django or Wagtail imports (checked by parsing, not importing)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PURE_MODULES = ["imaging/annotations.py", "imaging/schematic.py", "atlas/timing.py", "atlas/facets.py"]
PURE_MODULES += ["imaging/dicom.py", "imaging/metadata.py", "imaging/deid_profile.py"]
PURE_MODULES += ["imaging/deidentify.py", "imaging/synthetic_ct.py"]
PURE_MODULES += ["bundles/schema.py", "bundles/validation.py"]
PURE_MODULES += ["quizzes/scoring.py", "quizzes/answers.py", "learners/ranking.py", "learners/periods.py"]
PURE_MODULES += ["learners/charts.py", "learners/review.py", "quizzes/workup.py", "atlas/search_query.py"]
PURE_MODULES += ["imaging/phantom/__init__.py", "imaging/phantom/anatomy.py", "imaging/phantom/tissues.py"]
PURE_MODULES += ["imaging/phantom/procedures.py", "imaging/phantom/lesions.py", "imaging/phantom/render.py"]
PURE_MODULES += ["imaging/phantom/series.py"]


@pytest.mark.parametrize("relative", PURE_MODULES)
def test_module_imports_no_django(relative):
    tree = ast.parse((ROOT / relative).read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert not imported & {"django", "wagtail", "modelcluster"}, f"{relative} imports {imported}"
