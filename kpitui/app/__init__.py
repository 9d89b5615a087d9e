"""The Textual app: screens, widgets and dialogs over the core's plan. Loaded only to open the app."""
