"""Presentation text shared by the app and the commands: numbers, money, percentages, safe plan text."""
