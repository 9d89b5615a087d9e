"""Plan files on disk: the file format, reading with one clear error, atomic saving."""
