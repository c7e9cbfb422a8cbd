"""``notebooks/tour.ipynb`` runs from top to bottom, so it never rots.

The kernel is this interpreter (the project's venv), through a kernelspec written to a
temporary folder: no ``jupyter kernelspec install`` step, and no other Python on the
machine can be picked up by mistake. Matplotlib uses the Agg backend (no display in CI).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
from jupyter_client.kernelspec import KernelSpecManager  # noqa: E402
from jupyter_client.manager import KernelManager  # noqa: E402

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
TOUR = NOTEBOOKS / "tour.ipynb"
KERNEL = "aiextract-test"


@pytest.fixture(scope="module")
def kernel_manager(tmp_path_factory: pytest.TempPathFactory) -> KernelManager:
    """A kernel manager that starts ``sys.executable -m ipykernel_launcher``."""
    kernels = tmp_path_factory.mktemp("kernels")
    spec = kernels / KERNEL
    spec.mkdir()
    kernel = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "aiextract tests",
        "language": "python",
        "env": {"MPLBACKEND": "Agg", "PYDEVD_DISABLE_FILE_VALIDATION": "1"},
    }
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    specs = KernelSpecManager(kernel_dirs=[str(kernels)])
    return KernelManager(kernel_name=KERNEL, kernel_spec_manager=specs)


def test_committed_without_outputs() -> None:
    notebook = nbformat.read(TOUR, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_tour_runs(kernel_manager: KernelManager) -> None:
    notebook = nbformat.read(TOUR, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        km=kernel_manager,
        timeout=300,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on failure
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert 'class="entity"' in html  # the rendered article
    assert 'class="aiextract-deals"' in html
    assert not [o for o in outputs if o.output_type == "error"]
