"""Benchmark the mail reader: `storage.mailboxes.message_headers` and
`notes.mail.read_headers` over a generated mbox in Gmail Takeout's shape.

Usage: python benchmarks/mail.py PATH [--messages 100000] [--seed 1]

Writes the mbox to PATH (unless a file is there already: delete it to make a new one), then
reads it in a new process, so that the peak memory shown is the reading's alone: first
every byte of it in 1 MB blocks (the floor, which also puts the file in the page cache),
then every message's headers into messages, then the Sent messages' From addresses (the
pass that learns your addresses when the settings name none).

The mailbox is shaped like a real one: messages of about 3 KB (a header block of 0.5-2
KB, with Received, DKIM and ARC lines in those you received; a body of 1-2 KB of random
words, a quarter of them multipart/alternative with an HTML copy, a few lines starting with
`>From `), between you (alex@example.com) and 2,000 people (some with RFC 2047 names, some
"Last, First"), 10% with a Cc; 30% sent, a tenth newsletters (`Precedence: bulk`), a few in
Spam or Trash, auto-replies and messages without a Date; and one message in 5,000 carries
an attachment of about 1.5 MB in base64. N = 100,000 makes about 300 MB. The output depends
only on N and the seed.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import BinaryIO

from interview_vault.core.activity import Skipped
from interview_vault.notes.mail import learn_addresses, read_headers
from interview_vault.storage.mailboxes import in_sent_folder, message_headers

ME = "alex@example.com"
PEOPLE = 2_000
FIRST_DAY = datetime(2024, 1, 1, tzinfo=UTC)
ZONES = [
    timezone(timedelta(hours=h, minutes=m))
    for h, m in ((-8, 0), (-5, 0), (0, 0), (1, 0), (5, 30), (9, 0))
]


def words(text: str) -> list[str]:
    """The whitespace-separated words of a literal (keeps word lists compact)."""
    return text.split()


WORDS = words("""
the a to of and in for on with about your our call role team product data hiring interview
thanks next week coffee chat referral manager engineer design research market career advice
portfolio resume question intro happy glad time Thursday Monday meeting schedule follow up
notes offer salary remote office project launch
""")
GIVEN = words("Ana Lee José Priya Sam Mei Omar Sofia Lars Zoë Chloé Ravi Yuki Diego Aisha Noah")
FAMILY = words("Silva Park Núñez Raman Okafor Chen Haddad Rossi Berg Müller Dubois Iyer Sato")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--read", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.read:
        print(json.dumps(measure(options.path)))
        return
    if not options.path.exists():
        started = time.perf_counter()
        with options.path.open("wb") as file:
            write_mbox(file, options.messages, random.Random(options.seed))
        print(f"wrote {options.path} in {time.perf_counter() - started:.1f} s")
    command = [sys.executable, __file__, str(options.path), "--read"]
    result = json.loads(subprocess.run(command, check=True, capture_output=True).stdout)
    size = options.path.stat().st_size / 1e6
    print(f"mbox: {size:,.0f} MB, {result['messages']:,} messages")
    print(f"floor, every byte in 1 MB blocks: {result['floor']:.1f} s")
    print(
        f"headers into messages: {result['seconds']:.1f} s ({size / result['seconds']:.0f} MB/s), "
        f"{result['sent']:,} sent, {result['received']:,} received"
    )
    print("skipped: " + ", ".join(f"{count:,} {why}" for why, count in result["skipped"].items()))
    learned = ", ".join(result["learned"])
    print(f"learning your addresses (a second pass): {result['learning']:.1f} s: {learned}")
    print(f"peak memory of the reading process: {result['peak_mb']:.0f} MB")


def measure(path: Path) -> dict[str, object]:
    """The reading, timed: the floor, the messages, then learning your addresses."""
    started = time.perf_counter()
    with path.open("rb") as file:
        while file.read(1 << 20):
            pass
    floor = time.perf_counter() - started

    started = time.perf_counter()
    skipped = Skipped()
    me = frozenset({ME})
    zone = timezone(timedelta(hours=-5))
    count = 0
    directions: Counter[bool] = Counter()
    for place, data in message_headers(path, skipped):
        count += 1
        if data is None:  # (a Maildir's trash: not in an mbox)
            continue
        message = read_headers(data, place, me, zone, skipped)
        if message is not None:
            directions[message.sent] += 1
    seconds = time.perf_counter() - started

    started = time.perf_counter()
    learned = learn_addresses(
        (data, in_sent_folder(place))
        for place, data in message_headers(path, Skipped())
        if data is not None
    )
    learning = time.perf_counter() - started
    return {
        "messages": count,
        "floor": floor,
        "seconds": seconds,
        "sent": directions[True],
        "received": directions[False],
        "skipped": dict(sorted(skipped.counts.items())),
        "learning": learning,
        "learned": list(learned),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


# --- the mailbox --------------------------------------------------------------------------


def write_mbox(file: BinaryIO, messages: int, rng: random.Random) -> None:
    people = [person(rng, n) for n in range(PEOPLE)]
    paragraphs = [paragraph(rng) for _ in range(400)]
    attachments = [base64.encodebytes(rng.randbytes(1_100_000)) for _ in range(3)]
    moment = FIRST_DAY
    for number in range(messages):
        moment += timedelta(seconds=rng.randint(60, 1_200))
        file.write(b"".join(message(rng, number, moment, people, paragraphs, attachments)))


def person(rng: random.Random, number: int) -> tuple[str, str]:
    """(how their From line reads, their address)."""
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    address = f"{given.lower()}.{family.lower()}{number}@example{number % 97}.org"
    address = address.encode("ascii", "ignore").decode()
    name = f"{given} {family}"
    if not name.isascii():
        encoded = "".join(
            c if c.isascii() and c.isalnum() else "".join(f"={b:02X}" for b in c.encode())
            for c in name.replace(" ", "_")
        )
        name = f"=?UTF-8?Q?{encoded}?="
    elif rng.random() < 0.2:
        name = f'"{family}, {given}"'
    return f"{name} <{address}>", address


def paragraph(rng: random.Random) -> bytes:
    words = [rng.choice(WORDS) for _ in range(rng.randint(120, 260))]
    lines, line = [], ""
    for word in words:
        if len(line) + len(word) > 72:
            lines.append(line)
            line = ">From" if rng.random() < 0.01 else ""
        line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines).encode() + b"\n"


def message(
    rng: random.Random,
    number: int,
    moment: datetime,
    people: list[tuple[str, str]],
    paragraphs: list[bytes],
    attachments: list[bytes],
) -> Iterator[bytes]:
    written, address = rng.choice(people)
    roll = rng.random()
    sent = roll < 0.3
    labels = "Sent" if sent else rng.choice(["Inbox", "Inbox,Important,Opened", "Opened"])
    extra = ""
    if 0.3 <= roll < 0.4:
        labels, extra = "Inbox,Category Promotions", "Precedence: bulk\n"
        written, address = f"News {number % 50} <news{number % 50}@lists.example>", ""
    elif 0.4 <= roll < 0.42:
        labels = rng.choice(["Spam", "Opened,Trash"])
    elif 0.42 <= roll < 0.43:
        extra = "Auto-Submitted: auto-replied\n"
    zone = rng.choice(ZONES)
    date = moment.astimezone(zone).strftime("%a, %d %b %Y %H:%M:%S %z")
    if rng.random() < 0.002:
        date = ""
    thread = 1_780_000_000_000_000_000 + number // 3
    header = [
        f"From {thread}@xxx {moment.strftime('%a %b %d %H:%M:%S +0000 %Y')}\n",
        f"X-GM-THRID: {thread}\nX-Gmail-Labels: {labels}\n",
    ]
    if not sent:
        host = address.partition("@")[2] or "lists.example"
        header += [
            f"Delivered-To: {ME}\n",
            received(rng, host, moment),
            received(rng, host, moment),
        ]
        header.append(f"ARC-Seal: i=1; a=rsa-sha256; t={int(moment.timestamp())}; cv=none;\n")
        header.append(f"        d=google.com; s=arc-20160816;\n        b={key(rng, 300)}\n")
        header.append(f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={host};\n")
        header.append(f"        h=to:subject:message-id:date:from; bh={key(rng, 44)};\n")
        header.append(f"        b={key(rng, 340)}\n")
    header.append(extra)
    header.append("MIME-Version: 1.0\n")
    if date:
        header.append(f"Date: {date}\n")
    header.append(f"Message-ID: <{key(rng, 24)}@mail.example.com>\n")
    header.append(f"Subject: Re: {' '.join(rng.choices(WORDS, k=6))}\n")
    me = f"Alex Kim <{ME}>"
    header += (
        [f"From: {me}\n", f"To: {written}\n"] if sent else [f"From: {written}\n", f"To: {me}\n"]
    )
    if rng.random() < 0.1:
        header.append(f"Cc: {rng.choice(people)[0]}\n")
    text = rng.choice(paragraphs)
    kind = "mixed" if number % 5_000 == 4_999 else "alternative" if rng.random() < 0.25 else ""
    if not kind:
        header.append('Content-Type: text/plain; charset="UTF-8"\n\n')
        yield "".join(header).encode() + text + b"\n"
        return
    boundary = f"000000000000{key(rng, 16)}"
    header.append(f'Content-Type: multipart/{kind}; boundary="{boundary}"\n\n')
    yield "".join(header).encode()
    yield f'--{boundary}\nContent-Type: text/plain; charset="UTF-8"\n\n'.encode() + text
    if kind == "mixed":
        yield f"\n--{boundary}\nContent-Type: application/pdf; name=notes.pdf\n".encode()
        yield b"Content-Transfer-Encoding: base64\n\n" + rng.choice(attachments)
    else:
        html = text.replace(b"\n", b"<br>\n")
        yield f'\n--{boundary}\nContent-Type: text/html; charset="UTF-8"\n\n'.encode() + html
    yield f"\n--{boundary}--\n\n".encode()


def received(rng: random.Random, host: str, moment: datetime) -> str:
    stamp = moment.strftime("%a, %d %b %Y %H:%M:%S -0800 (PST)")
    return (
        f"Received: from mail-{rng.randint(1, 99)}.{host} "
        f"(mail.{host}. [192.0.2.{rng.randint(1, 254)}])\n"
        f"        by mx.google.com with ESMTPS id {key(rng, 20)}\n"
        f"        for <{ME}>; {stamp}\n"
    )


def key(rng: random.Random, length: int) -> str:
    return base64.b64encode(rng.randbytes(length * 3 // 4 + 3)).decode()[:length]


if __name__ == "__main__":
    main()
