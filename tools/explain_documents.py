"""Writes every carer-facing document the command makes from the scenario records.

For each record named, and for two variants of it (every carer needing easy read;
every carer asking for Welsh), runs `partnership explain` for each consent, each
decision in the ledger and each discussion in the contact log, and writes what it
prints (a JSON array of documents) to OUT_DIR. A decision the command declines to
explain (a safeguarding share its carers were not told of) is counted, not written.

Usage: explain_documents.py PARTNERSHIP_BINARY OUT_DIR RECORD...
"""
import json
import os
import subprocess
import sys
import tempfile


def variants(record):
    yield "as-recorded", record
    easy = json.loads(json.dumps(record))
    for carer in easy["carers"]:
        carer["communication"]["easyReadNeeded"] = True
    yield "easy-read", easy
    welsh = json.loads(json.dumps(record))
    for carer in welsh["carers"]:
        carer["communication"]["preferredLanguage"] = "cy"
    yield "welsh", welsh


def main(binary, out_dir, paths):
    os.makedirs(out_dir, exist_ok=True)
    written, declined = 0, 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            record = json.load(f)
        name = os.path.splitext(os.path.basename(path))[0]
        for variant, data in variants(record):
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as tmp:
                json.dump(data, tmp)
            asks = [("consent", c["id"]) for c in data.get("consents", [])]
            asks += [("decision", str(i)) for i in range(len(data.get("disclosures", [])))]
            asks += [("contact", str(i)) for i in range(len(data.get("contactLog", [])))]
            for n, (kind, subject) in enumerate(asks):
                run = subprocess.run(
                    [binary, "explain", tmp.name, f"--{kind}", subject, "--format", "json"],
                    capture_output=True, text=True,
                )
                if run.returncode != 0:
                    if "not explained to them" in run.stderr:
                        declined += 1
                        continue
                    print(f"{path} ({variant}) --{kind} {subject}: exit {run.returncode}: {run.stderr}")
                    return 1
                with open(os.path.join(out_dir, f"{name}-{variant}-{n}.json"), "w", encoding="utf-8") as f:
                    f.write(run.stdout)
                written += 1
            os.unlink(tmp.name)
    print(f"explain: {written} sets of documents written, {declined} declined (carers not told)")
    return 0 if written else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
