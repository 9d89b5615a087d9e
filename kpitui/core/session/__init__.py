"""The editing session: the open document, its undo history, recovery copies and typed input."""
