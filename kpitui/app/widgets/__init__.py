"""Widgets of the screens: they show what they are given and post messages about what the user asks."""
