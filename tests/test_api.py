"""The public names students use all resolve, and importing course_lib stays light."""

import subprocess
import sys

import pytest

import course_lib


@pytest.mark.parametrize("name", course_lib.__all__)
def test_every_public_name_resolves(name):
    assert getattr(course_lib, name) is not None


def test_unknown_attribute_is_a_normal_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'lod'"):
        getattr(course_lib, "lod")  # noqa: B009 - the lookup itself is under test


def test_import_does_not_load_matplotlib_ipywidgets_or_nbformat():
    probe = ("import sys, course_lib; "
             "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'nbformat') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
