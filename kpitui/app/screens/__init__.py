"""The app's screens: one module each, all drawing the app's one current plan."""
