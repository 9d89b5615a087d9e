"""Comparison rows: their labels in the interface language, with the stage name as written."""

import pytest

from kpitui.core.domain.comparison import comparison_rows, plan_columns
from kpitui.core.files.planfile import load_plan


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_stage_row_label_starts_with_the_stage_name_as_written(language, samples):
    """The app finds the stage at the label's start and makes its hidden characters visible itself."""
    from kpitui.core.text.i18n import set_language

    set_language(language)
    plan = load_plan(samples / "hostile-names.toml")
    rows = [row for row in comparison_rows(plan_columns(plan, "p", "t", 0, editable=False)) if row.stage is not None]
    assert rows and all(row.label.startswith(row.stage) for row in rows)
    assert any(not row.stage.isprintable() for row in rows)  # the sample has hidden characters to keep
