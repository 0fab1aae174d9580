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
import re
import sys

GENESIS = "0" * 64
HEX64 = re.compile(r"[0-9a-f]{64}")
HEX128 = re.compile(r"[0-9a-f]{128}")
# The one spelling of an instant and of an id in an entry: RFC 3339 in UTC with Z,
# fractions only 3, 6 or 9 digits long; UUIDs in lower case.
INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3}|\.\d{6}|\.\d{9})?Z")
LOOKS_LIKE_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
LOOKS_LIKE_UUID = re.compile(
    r"(urn:uuid:)?\{?[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\}?"
)
# Ed25519 public keys of small order, which "verify" a signature over anything: the
# encodings of the eight points of order dividing 8 (and their non-canonical twins).
SMALL_ORDER = {
    "0100000000000000000000000000000000000000000000000000000000000000",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "0000000000000000000000000000000000000000000000000000000000000000",
    "0000000000000000000000000000000000000000000000000000000000000080",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
    "0100000000000000000000000000000000000000000000000000000000000080",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
}


class Refused(Exception):
    """The file is not a ledger that verifies; the message says why."""


def no_duplicates(pairs):
    names = [name for name, _ in pairs]
    if len(set(names)) != len(names):
        raise Refused("a member name appears twice in one object (RFC 8785 refuses that)")
    return dict(pairs)


def canonical(value):
    """RFC 8785 for the values a ledger holds: objects, arrays, strings, integers,
    true, false and null. Members are sorted by their names' UTF-16 code units."""
    if isinstance(value, dict):
        names = sorted(value, key=lambda name: name.encode("utf-16-be", "surrogatepass"))
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
    raise Refused("a ledger entry holds only objects, arrays, strings and integers")


def spelled_once(value):
    """Every instant and id written in its one spelling, and no member written as
    null, so that the text hashed is the only text that says what the entry says."""
    if isinstance(value, dict):
        return all(spelled_once(v) for v in value.values())
    if isinstance(value, list):
        return all(spelled_once(v) for v in value)
    if value is None:
        # This library leaves an absent member out; it never writes null.
        return False
    if isinstance(value, str):
        if LOOKS_LIKE_INSTANT.match(value) and not INSTANT.fullmatch(value):
            return False
        if LOOKS_LIKE_UUID.fullmatch(value) and not UUID.fullmatch(value):
            return False
    return True


def natural(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def verify_chain(entries):
    if not isinstance(entries, list):
        raise Refused("the ledger is not a list of entries")
    previous, previous_time = GENESIS, None
    for n, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise Refused(f"entry {n}: not an object")
        if entry.get("format") != 2 or isinstance(entry.get("format"), bool):
            raise Refused(f"entry {n}: not format 2 (format 1 entries are not portable: migrate the ledger)")
        if not natural(entry.get("index")) or entry["index"] != n:
            raise Refused(f"entry {n}: index is {entry.get('index')!r}")
        if entry.get("previousHash") != previous:
            raise Refused(f"entry {n}: previousHash is not the hash of entry {n - 1}")
        if not spelled_once(entry):
            raise Refused(f"entry {n}: an instant or an id is not in its one spelling, or a member is written as null")
        recorded = entry.get("recordedAt")
        request = entry.get("request")
        if not isinstance(recorded, str) or not isinstance(request, dict) or request.get("at") != recorded:
            raise Refused(f"entry {n}: the request's at is not the entry's recordedAt")
        # Instants in their one spelling compare as text once fractions line up.
        moment = recorded[:19] + recorded[19:-1].lstrip(".").ljust(9, "0")
        if previous_time is not None and moment < previous_time:
            raise Refused(f"entry {n}: recordedAt goes back")
        body = {k: v for k, v in entry.items() if k != "hash"}
        digest = hashlib.sha256(canonical(body).encode("utf-8")).hexdigest()
        if entry.get("hash") != digest:
            raise Refused(f"entry {n}: hash is not the SHA-256 of its canonical JSON")
        previous, previous_time = digest, moment


def verify_checkpoints(entries, checkpoints, public_key):
    """A problem, or None, and a note about what was not checked."""
    if not isinstance(checkpoints, list):
        raise Refused("checkpoints is not a list")
    try:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    except ImportError:
        if checkpoints or public_key:
            return "signatures not checked (the `cryptography` package is not installed)"
        return None
    covered, keys = 0, set()
    for n, checkpoint in enumerate(checkpoints):
        if not isinstance(checkpoint, dict) or set(checkpoint) != {"length", "head", "key", "signature"}:
            raise Refused(f"checkpoint {n}: not a checkpoint")
        length, head, key, signature = (checkpoint[k] for k in ("length", "head", "key", "signature"))
        if not natural(length) or not all(isinstance(x, str) for x in (head, key, signature)):
            raise Refused(f"checkpoint {n}: not a checkpoint")
        if not (HEX64.fullmatch(head) and HEX64.fullmatch(key) and HEX128.fullmatch(signature)):
            raise Refused(f"checkpoint {n}: head, key and signature are lower-case hexadecimal")
        if key in SMALL_ORDER:
            raise Refused(f"checkpoint {n}: a key of small order signs nothing")
        if key in keys:
            raise Refused(f"checkpoint {n}: a second checkpoint by the same key")
        keys.add(key)
        message = f"partnership-ledger-checkpoint-v1\n{length}\n{head}\n".encode("utf-8")
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(key)).verify(bytes.fromhex(signature), message)
        except (InvalidSignature, ValueError):
            raise Refused(f"checkpoint {n}: the signature is not its key's")
        held = GENESIS if length == 0 else (entries[length - 1]["hash"] if length <= len(entries) else None)
        if held != head:
            raise Refused(f"checkpoint {n}: the ledger does not hold the head it signed")
        if key == public_key:
            covered = max(covered, length)
    if public_key and covered != len(entries):
        raise Refused(f"the key signed {covered} of {len(entries)} entries")
    return None


def read(path, text):
    if path.endswith(".jsonl"):
        return [json.loads(line, object_pairs_hook=no_duplicates) for line in text.splitlines() if line.strip()], []
    record = json.loads(text, object_pairs_hook=no_duplicates)
    if not isinstance(record, dict):
        raise Refused("not a record")
    return record.get("disclosures", []), record.get("checkpoints", [])


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
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            entries, checkpoints = read(path, text)
            verify_chain(entries)
            note = verify_checkpoints(entries, checkpoints, public_key)
        except (Refused, ValueError, RecursionError, UnicodeError) as problem:
            print(f"{path}: {problem}")
            status = 1
            continue
        signed = f", {len(checkpoints)} checkpoint(s)" if checkpoints else ""
        count = "1 entry verifies" if len(entries) == 1 else f"{len(entries)} entries verify"
        print(f"{path}: {count}{signed}" + (f"; {note}" if note else ""))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
