"""kpitui: plan marketing KPIs backwards from the goal, in the terminal."""

__version__ = "0.1.0"
