"""Pure code, no I/O: records, settings, dates, names, the people graph, the rules, the
referral chains, the digest from scratch, rendering, and every error. Imports nothing of
ours from outside `core`; "today" is always passed in."""
