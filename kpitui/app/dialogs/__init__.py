"""Modal dialogs: each returns its answer with `dismiss` and never reaches into the screen below."""
