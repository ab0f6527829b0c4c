"""Widget tests run without a browser: build a widget, click its buttons, read its state.

Every test gets its own progress file, so no test sees another's answers (the suite-wide
conftest already points CONDUCT_PROGRESS at a temporary file for anything that uses the default).
"""
import pytest

from conduct.progress import ProgressStore


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path / "progress.json")
