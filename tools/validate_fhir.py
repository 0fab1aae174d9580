#!/usr/bin/env python3
"""Validates FHIR R4 bundles with an independent validator: fhir.resources 6.1.0,
whose FHIR 4.0.1 models are generated from the specification's StructureDefinitions
(resource types, element names, datatypes, cardinality, required elements; it does
not check codes against value sets).

Usage: validate_fhir.py BUNDLE.json [...]; exit 0 when every bundle is valid.
Besides the models, it checks that every urn:uuid reference resolves to an entry in
the same bundle, as FHIR requires of references inside a bundle.
"""
import json
import sys

import fhir.resources
from fhir.resources.bundle import Bundle

if fhir.resources.__fhir_version__ != "4.0.1":
    sys.exit(f"expected FHIR 4.0.1 models, found {fhir.resources.__fhir_version__}")


def references(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "reference" and isinstance(value, str):
                found.append(value)
            else:
                references(value, found)
    elif isinstance(node, list):
        for value in node:
            references(value, found)


failed = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    try:
        bundle = Bundle.parse_obj(data)
    except Exception as error:  # the validator's own error, reported as is
        failed += 1
        print(f"{path}: invalid FHIR R4 Bundle:\n{error}")
        continue
    urls = {entry["fullUrl"] for entry in data.get("entry", [])}
    found = []
    references(data, found)
    dangling = sorted({r for r in found if r not in urls})
    if dangling:
        failed += 1
        print(f"{path}: references that resolve to no entry: {dangling}")
        continue
    print(f"{path}: valid FHIR R4 Bundle, {len(bundle.entry or [])} resources")
sys.exit(1 if failed else 0)
