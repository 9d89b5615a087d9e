"""The method's words for values that files and JSON spell in English: review states, progress statuses.

Keyed by the value as written in a plan file or JSON (`"todo"`, `"on_track"`), which never changes
with the language; a `StrEnum` member looks itself up by that value.
"""

from kpitui.core.text.i18n import N_, _

STATE_LABELS = {"todo": N_("to do"), "ok": N_("ok"), "concern": N_("concern")}
# The review criteria as files spell them; in Japanese, the method's own words (SPEC 7).
CRITERION_NAMES = {
    "alignment": N_("alignment"),
    "measurability": N_("measurability"),
    "simplicity": N_("simplicity"),
    "contingency": N_("contingency"),
}
ROUNDING_LABELS = {"step": N_("step"), "once": N_("once")}
STATUS_LABELS = {"on_track": N_("on track"), "at_risk": N_("at risk"), "behind": N_("behind"), "no_data": N_("no data")}


def state_label(state: str) -> str:
    """A review state as people read it: `to do` / 未確認, `ok` / OK, `concern` / 懸念あり."""
    return _(STATE_LABELS[state])


def criterion_name(criterion: str) -> str:
    """A review criterion named as the plan file does: `alignment` / KGIとの整合性."""
    return _(CRITERION_NAMES[criterion])


def rounding_label(rounding: str) -> str:
    """How targets are rounded, as people read it: `step` / ステージごと, `once` / KGIから一度."""
    return _(ROUNDING_LABELS[rounding])


def status_label(status: str) -> str:
    """A stage's progress status as people read it: `on track` / 順調, `behind` / 遅れ..."""
    return _(STATUS_LABELS[status])
