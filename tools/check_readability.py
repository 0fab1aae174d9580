"""Measures every carer-facing document with textstat, independently of the library.

Reads JSON arrays of documents (as `partnership explain --format json` prints them)
from the files named, and fails when an English document's reading age (textstat's
Flesch-Kincaid grade plus five) is above the document's own target (11 for standard
text, 9 for easy read). Welsh documents are counted, not measured: the formula is
for English.
"""
import json
import sys

import textstat


def main(paths):
    textstat.set_lang("en_GB")
    measured, welsh, failures, worst = 0, 0, [], 0.0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            documents = json.load(f)
        for n, doc in enumerate(documents):
            if doc["language"] != "english":
                welsh += 1
                continue
            text = doc["readingText"]
            age = textstat.flesch_kincaid_grade(text) + 5
            worst = max(worst, age)
            measured += 1
            if age > doc["readingAgeTarget"]:
                failures.append(f"{path} #{n} ({doc['kind']}): reading age {age:.1f} > {doc['readingAgeTarget']}")
    for failure in failures:
        print(failure)
    print(f"textstat: {measured} English documents measured (the hardest reads at {worst:.1f}), {welsh} Welsh counted")
    if measured == 0:
        print("nothing was measured")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
