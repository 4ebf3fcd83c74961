"""The incremental digest: the digest kept note by note, so that a change recomputes only
what it reaches. A map:

- **A part** (`parts.py`) is what one note contributes to the digest: its items, problems,
  links to notes nobody has written yet, the referrals written in it, and a contact's stage
  in the referral chains. Every piece of a digest is written against one note, so the
  digest is made of its parts alone.
- **What is kept** (`incremental.py` in memory; `saved.py` in the index, between runs):
  every note's part, and the content hash it was computed from; every note's names (its
  *identity*: file name, `name`, aliases) and the names its links are matched on; for each
  output format, every item as written, in digest order, in chunks of a few hundred
  (`assembly.py`); the referral chains as grown and as written. A saved digest holds for
  one day and one set of digest settings; another day, or other settings, start afresh.
- **Names** (`names.py`): every note's identity and link keys, and the notes by key, from
  which the walk of what a change reaches is made.
- **What a change recomputes**: the notes whose content hash differs from their part's
  have changed. Recomputed are the parts of every note that links to, or answers to, a
  name the changed notes bear, link to, or whose notes they link to bear. When a note's
  names change (it is created, deleted, renamed, or its `name` or aliases are edited),
  links elsewhere may now lead to another note, so what the notes linking to those names
  reach is recomputed too. A change about a person (their contact note, or a meeting or
  touch note with them) also recomputes the contacts at their organization and their
  referrers, whose try-another and update-referrer items read that person's state
  (`IncrementalDigest._people_around`). Each part is computed from its note, the notes its
  links can mean, the notes linking to those, and where those link
  (`IncrementalDigest._recompute`).
- **Likely typos** (`typos.py`) are measured against every name in the vault, so they are
  kept apart from the parts: each note's links to nothing, with a checksum that shows a
  change without reading them all, and which link is one slip from which name. A run reads
  them only when a note's links to nothing changed; a name that came or went forgets only
  the answers it could change.
  Only the rows of notes whose items changed are placed again, and only the chunks
  holding them are decoded and saved; the chains grow again only when a part's referrals
  or stage changed.
- **The invariant**: the digest kept this way is, in every format and byte for byte, the
  one `core.digest.build_digest` computes from all the notes. A property test holds it
  over random vaults and random edits (`tests/unit/test_incremental.py`), and tests of the
  saved digest over every kind of edit (`tests/e2e/test_index.py`).
"""
