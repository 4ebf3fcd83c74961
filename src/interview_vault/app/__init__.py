"""The use cases, one module each: a `Session` opens the vault once per command and is
passed to whatever needs it. `watch` is the only module importing watchdog."""
