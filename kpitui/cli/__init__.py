"""The headless commands (`calc`, `compare`, `check`, `new`): fast, scriptable, never importing Textual."""
