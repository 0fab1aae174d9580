#!/usr/bin/env python3
"""Verifies a partnership disclosure ledger, following only the README's "The
disclosure ledger" section: written apart from the library, as a partner would.

    python3 tools/verify_ledger.py RECORD.json [--public-key HEX] ...
    python3 tools/verify_ledger.py LEDGER.jsonl

For each file: every entry is format 2; entry N has index N; its previousHash is the
previous entry's hash (64 zeros for the first); its hash is the SHA-256, in lower-case
hexadecimal, of the RFC 8785 canonical JSON of the entry without its "hash" member.
For a record, every checkpoint is its key's Ed25519 signature over
"partnership-ledger-checkpoint-v1\\n{length}\\n{head}\\n" and states a head the ledger
holds; with --public-key, a checkpoint by that key must cover every entry. Signatures
are checked with the `cryptography` package; without it, the chain is checked and the
signatures are reported as not checked.

Exit status 0 when every file verifies, 1 otherwise.
"""
import hashlib
import json
import sys

GENESIS = "0" * 64


def canonical(value):
    """RFC 8785 for the values a ledger holds: objects, arrays, strings, integers,
    true, false and null. Members are sorted by their names' UTF-16 code units."""
    if isinstance(value, dict):
        names = sorted(value, key=lambda name: name.encode("utf-16-be"))
        return "{" + ",".join(canonical(n) + ":" + canonical(value[n]) for n in names) + "}"
    if isinstance(value, list):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        # ECMAScript JSON.stringify's escaping: \" \\ \b \f \n \r \t, other control
        # characters as \u00xx, everything else as itself.
        return json.dumps(value, ensure_ascii=False)
    raise ValueError("a ledger entry holds only objects, arrays, strings and integers")


def verify_chain(entries):
    previous = GENESIS
    for n, entry in enumerate(entries):
        if entry.get("format") != 2:
            return f"entry {n}: not format 2 (format 1 entries are not portable: migrate the ledger)"
        if entry.get("index") != n:
            return f"entry {n}: index is {entry.get('index')}"
        if entry.get("previousHash") != previous:
            return f"entry {n}: previousHash is not the hash of entry {n - 1}"
        body = {k: v for k, v in entry.items() if k != "hash"}
        digest = hashlib.sha256(canonical(body).encode("utf-8")).hexdigest()
        if entry.get("hash") != digest:
            return f"entry {n}: hash is not the SHA-256 of its canonical JSON"
        previous = digest
    return None


def verify_checkpoints(entries, checkpoints, public_key):
    try:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    except ImportError:
        if checkpoints or public_key:
            return None, "signatures not checked (the `cryptography` package is not installed)"
        return None, None
    covered = 0
    for n, checkpoint in enumerate(checkpoints):
        length, head = checkpoint["length"], checkpoint["head"]
        message = f"partnership-ledger-checkpoint-v1\n{length}\n{head}\n".encode("utf-8")
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(checkpoint["key"]))
        try:
            key.verify(bytes.fromhex(checkpoint["signature"]), message)
        except InvalidSignature:
            return f"checkpoint {n}: the signature is not its key's", None
        held = GENESIS if length == 0 else (entries[length - 1]["hash"] if length <= len(entries) else None)
        if held != head:
            return f"checkpoint {n}: the ledger does not hold the head it signed", None
        if checkpoint["key"] == public_key:
            covered = max(covered, length)
    if public_key and covered != len(entries):
        return f"the key signed {covered} of {len(entries)} entries", None
    return None, None


def main(argv):
    public_key = None
    files = []
    args = iter(argv)
    for arg in args:
        if arg == "--public-key":
            public_key = next(args, "").strip().lower()
        else:
            files.append(arg)
    status = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if path.endswith(".jsonl"):
            entries = [json.loads(line) for line in text.splitlines() if line.strip()]
            checkpoints = []
        else:
            record = json.loads(text)
            entries = record.get("disclosures", [])
            checkpoints = record.get("checkpoints", [])
        problem = verify_chain(entries)
        note = None
        if problem is None:
            problem, note = verify_checkpoints(entries, checkpoints, public_key)
        if problem:
            print(f"{path}: {problem}")
            status = 1
        else:
            signed = f", {len(checkpoints)} checkpoint(s)" if checkpoints else ""
            count = "1 entry verifies" if len(entries) == 1 else f"{len(entries)} entries verify"
            print(f"{path}: {count}{signed}" + (f"; {note}" if note else ""))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
