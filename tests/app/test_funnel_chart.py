"""The funnel picture stays readable when the top is a thousand times the bottom, and more."""

from kpitui.app.widgets.funnel_chart import bar_length


def test_log_scale_keeps_every_bar_visible_and_ordered():
    lengths = [bar_length(target, 1_000_000, 40) for target in (1_000_000, 10_000, 100, 1)]
    assert lengths[0] == 40
    assert lengths == sorted(lengths, reverse=True)
    assert lengths[-1] >= 1
    assert abs((lengths[1] - lengths[2]) - (lengths[0] - lengths[1])) <= 1  # each hundredfold step alike


def test_a_one_stage_high_funnel_fills_the_bar():
    assert bar_length(1, 1, 30) == 30
