"""The vault on disk: its folder and notes, atomic writes, the settings and snooze files,
the SQLite index (the only module importing `sqlite3`) and bringing it up to date."""
