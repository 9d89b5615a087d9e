"""The method's words for values that files and JSON spell in English: review states, progress statuses.

Keyed by the value as written in a plan file or JSON (`"todo"`, `"on_track"`), which never changes
with the language; a `StrEnum` member looks itself up by that value.
"""

from kpitui.core.text.i18n import N_, _

STATE_LABELS = {"todo": N_("to do"), "ok": N_("ok"), "concern": N_("concern")}
STATUS_LABELS = {"on_track": N_("on track"), "at_risk": N_("at risk"), "behind": N_("behind"), "no_data": N_("no data")}


def state_label(state: str) -> str:
    """A review state as people read it: `to do` / 未確認, `ok` / OK, `concern` / 懸念あり."""
    return _(STATE_LABELS[state])


def status_label(status: str) -> str:
    """A stage's progress status as people read it: `on track` / 順調, `behind` / 遅れ..."""
    return _(STATUS_LABELS[status])
