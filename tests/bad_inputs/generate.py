#!/usr/bin/env python3
"""Writes the bad-input corpus from the valid scenario fixtures.

Each case starts from a valid document taken from tests/fixtures/scenarios/ and breaks
one thing, so each file shows one way a partner system's document goes wrong. Run from
the repository root after a scenario changes: python3 tests/bad_inputs/generate.py
The files are committed; the tests read them and never run this script.
"""
import copy
import json
import os

ROOT = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(ROOT, "..", "fixtures", "scenarios")


def load(name):
    with open(os.path.join(FIX, name + ".json"), encoding="utf-8") as f:
        return json.load(f)


safe = load("safeguarding_one_carer")
lang = load("language_barrier_interpreter")
consent = load("consent_declined_narrowed_withdrawn")
foster = load("foster_care_christmas_reviews")
speech = load("speech_delay_nursery")

written = []


def put(kind, name, doc=None, raw=None):
    folder = os.path.join(ROOT, kind)
    os.makedirs(folder, exist_ok=True)
    ext = ".jsonl" if kind == "ledger" else ".json"
    path = os.path.join(folder, name + ext)
    if raw is None:
        raw = (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    elif isinstance(raw, str):
        raw = raw.encode("utf-8")
    with open(path, "wb") as f:
        f.write(raw)
    written.append(path)


def change(doc, edit):
    doc = copy.deepcopy(doc)
    edit(doc)
    return doc


def at(doc, pointer):
    """The parent container and the last key of a JSON Pointer."""
    parts = [p for p in pointer.split("/")[1:]]
    node = doc
    for p in parts[:-1]:
        node = node[int(p)] if isinstance(node, list) else node[p]
    last = parts[-1]
    return node, (int(last) if isinstance(node, list) else last)


def setp(pointer, value):
    def edit(doc):
        node, key = at(doc, pointer)
        node[key] = value
    return edit


def delp(pointer):
    def edit(doc):
        node, key = at(doc, pointer)
        del node[key]
    return edit


# --- whole records -------------------------------------------------------------
R = "record"
put(R, "schema-version-wrong-type", change(safe, setp("/schemaVersion", "one")))
put(R, "schema-version-from-the-future", change(safe, setp("/schemaVersion", 3)))
put(R, "schema-version-out-of-range", raw=json.dumps(safe, indent=2, ensure_ascii=False).replace('"schemaVersion": 2', '"schemaVersion": 99999999999999999999999', 1))
put(R, "unknown-field", change(safe, setp("/colour", "red")))
put(R, "misspelt-field", change(safe, lambda d: d.__setitem__("carer", d.pop("carers"))))
put(R, "missing-child", change(safe, delp("/child")))
put(R, "bad-relationship-choice", change(safe, setp("/carers/0/relationship/kind", "mother-ish")))
put(R, "invalid-nhs-number", change(safe, setp("/child/nhsNumber", "943 476 5918")))
put(R, "impossible-date", change(safe, setp("/child/dateOfBirth", "2026-02-30")))
# Dates chrono reads but would write back changed: only YYYY-MM-DD is read.
put(R, "date-with-one-digit-month", change(safe, setp("/child/dateOfBirth", "2018-8-30")))
put(R, "date-with-a-leading-space", change(safe, setp("/child/dateOfBirth", " 2018-08-30")))
put(R, "consent-period-ends-before-start", change(consent, setp("/consents/2/validUntil", "2026-01-01")))
put(R, "consent-history-out-of-order", change(consent, lambda d: d["consents"][0]["events"].reverse()))
put(R, "dangling-carer-reference", change(safe, setp("/communicationAgreements/0/carer", "00000000-0000-4000-8000-00000000dead")))
put(R, "duplicate-carer-id", change(safe, setp("/carers/1/id", safe["carers"][0]["id"])))
put(R, "wrong-kind-of-party", change(safe, setp("/communicationAgreements/0/carer", safe["professionals"][0]["id"])))
put(R, "gas-level-out-of-range", change(speech, setp("/goals/0/progress/0/level", 7)))
put(R, "empty-name", change(safe, setp("/carers/0/name", "")))
put(R, "foster-carer-with-parental-responsibility", change(foster, setp("/carers/0/legalStanding", {"kind": "parental-responsibility", "basis": {"kind": "birth-mother"}})))
# Legal standing by statute (Children Act 1989): each basis only for those its section names.
def carer_as(relationship, standing):
    def edit(d):
        d["carers"][0]["relationship"] = {"kind": relationship}
        d["carers"][0]["legalStanding"] = standing
    return edit
put(R, "birth-parent-as-special-guardian", change(safe, carer_as("birth-parent", {"kind": "parental-responsibility", "basis": {"kind": "special-guardianship-order"}})))
put(R, "grandparent-with-pr-agreement", change(safe, carer_as("grandparent", {"kind": "parental-responsibility", "basis": {"kind": "parental-responsibility-agreement"}})))
put(R, "step-parent-married-to-mother-at-birth", change(safe, carer_as("step-parent", {"kind": "parental-responsibility", "basis": {"kind": "married-to-mother-at-birth"}})))
put(R, "special-guardian-without-pr", change(safe, carer_as("special-guardian", {"kind": "none"})))
put(R, "adoptive-parent-without-pr", change(safe, carer_as("adoptive-parent", {"kind": "unknown"})))
put(R, "tampered-ledger", change(safe, setp("/disclosures/0/request/dataCategories/0", {"kind": "health"})))
put(R, "restricted-carer-at-review", change(safe, lambda d: d["reviews"][0]["outcomes"][0]["attended"].append({"kind": "carer", "id": d["carers"][1]["id"]})))
put(R, "array-instead-of-object", raw="[" + json.dumps(safe, ensure_ascii=False) + "]\n")
put(R, "choice-as-array", change(safe, setp("/communicationAgreements/0/frequency", ["fortnightly"])))
put(R, "nested-object-as-array", change(safe, lambda d: d["agencies"].__setitem__(0, [d["agencies"][0][k] for k in ("id", "name", "kind")])))
put(R, "null", raw="null\n")
put(R, "empty-file", raw="")
put(R, "truncated", raw=json.dumps(safe, indent=2, ensure_ascii=False)[: len(json.dumps(safe, indent=2)) // 2])
put(R, "trailing-data", raw=json.dumps(safe, ensure_ascii=False) + "\n}\n")
put(R, "duplicate-key", raw=json.dumps(safe, ensure_ascii=False).replace('"schemaVersion": 2', '"schemaVersion": 2, "schemaVersion": 2', 1))
put(R, "byte-order-mark", raw=b"\xef\xbb\xbf" + json.dumps(safe, ensure_ascii=False).encode("utf-8"))
put(R, "invalid-utf8", raw=json.dumps(safe, ensure_ascii=False).encode("utf-8").replace(b"Kerry", b"K\xffrry", 1))
put(R, "nesting-10000-deep", raw='{"schemaVersion": ' + "[" * 10000 + "]" * 10000 + "}\n")
put(R, "id-not-a-uuid", change(safe, setp("/id", "record-7")))
put(R, "personal-data-as-a-field-name", change(safe, setp("/carers/0/Kerry Walsh told us about the refuge", True)))
put(R, "a-name-as-an-id", change(safe, setp("/carers/0/id", "Kerry Walsh")))

# The record decides who may consent, on the day they consented.
sophie = consent["consents"][2]["givenBy"]["carer"]
ruby = consent["child"]["id"]
senco = consent["professionals"][0]["id"]
put(R, "consent-before-parental-responsibility-began", change(consent, lambda d: [c for c in d["carers"] if c["id"] == sophie][0]["legalStanding"].__setitem__("since", "2027-01-01")))
put(R, "consent-after-parental-responsibility-ended", change(consent, lambda d: [c for c in d["carers"] if c["id"] == sophie][0]["legalStanding"].update({"basis": {"kind": "parental-responsibility-order"}, "since": "2014-03-01", "until": "2025-06-30"})))


def as_young_person(d):
    c = d["consents"][2]
    c["givenBy"] = {"kind": "young-person"}
    for e in c["events"]:
        e["by"] = {"kind": "child", "id": ruby}


put(R, "young-person-consent-from-a-twelve-year-old", change(consent, as_young_person))


def as_competent_child(d):
    as_young_person(d)
    d["consents"][2]["givenBy"] = {"kind": "competent-child", "assessedBy": senco, "assessedOn": "2026-09-29"}


put(R, "competent-child-consent-without-an-assessment", change(consent, as_competent_child))
put(R, "consent-given-by-someone-else", change(consent, setp("/consents/2/events/0/by", {"kind": "professional", "id": senco})))
put(R, "renewed-by-a-professional", change(consent, lambda d: d["consents"][2]["events"].insert(1, {"kind": "renewed", "at": "2026-10-15T09:00:00Z", "by": {"kind": "professional", "id": senco}, "validUntil": "2030-07-31"})))
put(R, "other-authority-as-version-1-wrote-it", change(consent, setp("/consents/2/givenBy", {"kind": "other-authority", "name": "Sophie Clarke", "authority": "care order"})))


def foster_consents(d):
    carer = d["carers"][0]["id"]
    d["consents"] = [{
        "id": "5ce00009-0000-4000-8000-0000000fffff",
        "child": d["child"]["id"],
        "givenBy": {"kind": "other-authority", "authority": {"kind": "delegated-authority", "carer": carer}},
        "scope": {"purposes": [{"kind": "health-care"}], "recipients": [{"kind": "agency-kind", "agencyKind": {"kind": "health"}}], "dataCategories": [{"kind": "health"}]},
        "validFrom": "2026-12-20",
        "method": "verbal",
        "noticeVersion": "Fostering service notice",
        "events": [{"kind": "given", "at": "2026-12-20T10:00:00Z", "by": {"kind": "carer", "id": carer}}],
    }]


put(R, "foster-carer-consenting-without-delegated-information-sharing", change(foster, foster_consents))
def court_order_by(holder, made_on):
    def edit(d):
        d["consents"][2]["givenBy"] = {"kind": "other-authority", "authority": {"kind": "court-order", "carer": holder, "order": "trust me", "madeOn": made_on}}
        for e in d["consents"][2]["events"]:
            if e["kind"] in ("given", "withdrawn"):
                e["by"] = {"kind": "carer", "id": holder}
    return edit


put(R, "court-order-claimed-by-a-professional", change(consent, court_order_by(senco, "2020-01-01")))
put(R, "court-order-made-before-the-child-was-born", change(consent, court_order_by(sophie, "2000-01-01")))


def care_order_by(officer):
    def edit(d):
        d["consents"][2]["givenBy"] = {"kind": "other-authority", "authority": {"kind": "care-order", "localAuthority": d["professionals"][0]["agency"], "officer": officer, "madeOn": "2026-01-10"}}
        for e in d["consents"][2]["events"]:
            if e["kind"] in ("given", "withdrawn"):
                e["by"] = {"kind": "professional", "id": officer}
    return edit


put(R, "care-order-claimed-by-a-school", change(consent, care_order_by(senco)))
put(R, "justification-bound-to-nobody", change(safe, setp("/justifications/0/recipients", [])))
put(R, "schema-version-1", change(safe, setp("/schemaVersion", 1)))


def complaint_by(party, route):
    def edit(d):
        d["complaintsAndAppeals"] = [{"id": "5ce00009-0000-4000-8000-0000000aaaaa", "carer": party(d), "route": route}]
    return edit


appeal_lodged = {"kind": "tribunal-appeal", "decisionSentOn": "2026-09-01", "lodgedOn": "2026-10-20"}
put(R, "appeal-lodged-without-mediation-certificate", change(safe, complaint_by(lambda d: d["carers"][0]["id"], appeal_lodged)))
put(R, "complaint-answered-before-it-was-received", change(safe, complaint_by(lambda d: d["carers"][0]["id"], {"kind": "social-care-complaint", "stage": "investigation", "receivedOn": "2026-10-05", "respondedOn": "2026-09-30"})))
put(R, "complaint-by-a-professional", change(safe, complaint_by(lambda d: d["professionals"][0]["id"], {"kind": "social-care-complaint", "stage": "local-resolution", "receivedOn": "2026-10-05"})))
put(R, "review-panel-extended", change(safe, complaint_by(lambda d: d["carers"][0]["id"], {"kind": "social-care-complaint", "stage": "review-panel", "receivedOn": "2026-10-05", "extended": True})))

# --- single documents ---------------------------------------------------------------
carer = safe["carers"][0]
C = "carer"
put(C, "missing-legal-standing", change(carer, delp("/legalStanding")))
put(C, "relationship-as-a-string", change(carer, setp("/relationship", "birth-parent")))
put(C, "foster-carer-with-parental-responsibility", change(foster["carers"][0], setp("/legalStanding", {"kind": "parental-responsibility", "basis": {"kind": "birth-mother"}})))
put(C, "named-on-register-before-2003", change(foster["carers"][3], setp("/legalStanding/since", "2001-05-20")))
put(C, "unknown-channel", change(carer, setp("/communication/channels", ["carrier-pigeon"])))
put(C, "adjustment-in-place-though-refused", change(carer, setp("/adjustments", [{"id": "5ce0000a-0000-4000-8000-0000000aaaaa", "neededBy": "carer", "agency": safe["agencies"][0]["id"], "adjustment": "Papers in large print", "requestedOn": "2026-10-01", "outcome": {"decision": "refused", "decidedOn": "2026-10-08", "inPlaceFrom": "2026-10-09"}}])))

child = safe["child"]
P = "child-profile"
put(P, "invalid-nhs-number", change(child, setp("/nhsNumber", "943 476 5918")))
put(P, "nhs-number-never-issued", change(child, setp("/nhsNumber", "4444444444")))
put(P, "impossible-date", change(child, setp("/dateOfBirth", "2018-13-01")))
put(P, "date-with-a-five-digit-year", change(child, setp("/dateOfBirth", "+10000-01-01")))
put(P, "view-before-birth", change(foster["child"], setp("/views/0/recordedOn", "2001-01-01")))
put(P, "number-instead-of-name", change(child, setp("/name", 42)))

agreement = safe["communicationAgreements"][0]
A = "communication-agreement"
put(A, "bad-frequency", change(agreement, setp("/frequency", {"kind": "every-blue-moon"})))
put(A, "missing-carer", change(agreement, delp("/carer")))
put(A, "id-not-a-uuid", change(agreement, setp("/id", "agreement-1")))

contact = safe["contactLog"][0]
K = "contact-record"
put(K, "no-participants", change(contact, setp("/participants", [])))
put(K, "action-due-before-discussion", change(contact, setp("/agreedActions/0/dueOn", "2020-01-01")))
put(K, "impossible-date", change(contact, setp("/date", "2026-04-31")))
put(K, "date-with-a-plus-sign", change(contact, setp("/date", "+" + contact["date"])))

goal = speech["goals"][0]
G = "shared-goal"
put(G, "gas-level-out-of-range", change(goal, setp("/progress/0/level", 3)))
put(G, "active-without-agreement", change(goal, setp("/agreements", [])))
put(G, "progress-out-of-order", change(goal, lambda d: d["progress"].reverse()))
put(G, "transition-from-terminal", change(load("disagreement_trial_with_mediator")["goals"][0], lambda d: d["transitions"].append({"to": "active", "on": "2026-12-01", "by": d["transitions"][0]["by"]})))

given = consent["consents"][2]
N = "consent-record"
put(N, "withdrawn-before-given", change(given, lambda d: d["events"].reverse()))
put(N, "period-ends-before-start", change(given, setp("/validUntil", "2025-01-01")))
put(N, "empty-purposes", change(given, setp("/scope/purposes", [])))
put(N, "unknown-method", change(given, setp("/method", "telepathy")))
put(N, "withdrawn-by-a-professional", change(given, setp("/events/1/by", {"kind": "professional", "id": senco})))
put(N, "court-order-ending-before-it-was-made", change(given, lambda d: d.__setitem__("givenBy", {"kind": "other-authority", "authority": {"kind": "court-order", "carer": sophie, "order": "specific issue order", "madeOn": "2026-01-01", "endedOn": "2025-01-01"}})))
put(N, "refused-then-given", change(consent["consents"][0], lambda d: d["events"].append({"kind": "given", "at": "2026-09-09T10:00:00Z", "by": d["events"][1]["by"]})))

request = safe["disclosures"][0]["request"]
Q = "sharing-request"
put(Q, "no-categories", change(request, setp("/dataCategories", [])))
put(Q, "bad-capacity", change(request, setp("/childCapacity", {"kind": "probably-fine"})))
put(Q, "time-not-rfc3339", change(request, setp("/at", "5 October 2026, half past eleven")))
put(Q, "repeated-category", change(request, setp("/dataCategories", [{"kind": "health"}, {"kind": "health"}])))

question = change(request, lambda d: [d.pop("at"), d.pop("childCapacity"), d["recipient"].pop("role", None), d["recipient"].pop("agency", None), d["recipient"].pop("agencyKind", None)])
U = "sharing-question"
put(U, "no-categories", change(question, setp("/dataCategories", [])))
put(U, "recipient-as-a-name", change(question, setp("/recipient", "Mark Stone")))
put(U, "recipient-without-id", change(question, delp("/recipient/id")))
put(U, "misspelt-requester", change(question, lambda d: d.__setitem__("requestedBY", d.pop("requestedBy"))))
put(U, "claimed-capacity-unknown", change(question, setp("/childCapacity", {"kind": "old-enough"})))

assessment = {
    "id": "5ce00006-0000-4000-8000-0000000aaaaa",
    "child": ruby,
    "assessedBy": senco,
    "assessedOn": "2026-10-01",
    "decision": consent["consents"][2]["scope"],
    "finding": "competent",
}
T = "competence-assessment"
put(T, "unknown-finding", change(assessment, setp("/finding", "mostly")))
put(T, "no-purposes", change(assessment, setp("/decision/purposes", [])))
put(T, "impossible-date", change(assessment, setp("/assessedOn", "2026-02-30")))

decision = safe["disclosures"][0]["decision"]
D = "sharing-decision"
put(D, "unknown-kind", change(decision, setp("/kind", "maybe")))
put(D, "permit-without-basis", change(decision, delp("/basis")))

rule = safe["withholdingRules"][0]
W = "withholding-rule"
put(W, "until-before-from", change(rule, setp("/until", "2026-01-01")))
put(W, "protects-nobody", change(rule, setp("/protects", [])))

justification = safe["justifications"][0]
J = "safeguarding-justification"
put(J, "window-ends-before-start", change(justification, setp("/validUntil", "2026-01-01T00:00:00Z")))
put(J, "unknown-lawful-basis", change(justification, setp("/lawfulBasis", {"kind": "because"})))
put(J, "no-recipients", change(justification, setp("/recipients", [])))
put(J, "missing-purposes", change(justification, delp("/purposes")))

entry = safe["disclosures"][0]
E = "ledger-entry"
put(E, "hash-not-hex", change(entry, setp("/hash", "not-a-hash")))
put(E, "missing-index", change(entry, delp("/index")))
put(E, "time-in-another-spelling", change(entry, lambda d: d.__setitem__("recordedAt", d["recordedAt"].replace("Z", "+00:00"))))
put(E, "id-in-upper-case", change(entry, lambda d: d["request"].__setitem__("id", d["request"]["id"].upper())))
put(E, "label-written-as-null", change(entry, lambda d: d["request"]["purpose"].__setitem__("label", None)))
put(E, "index-as-a-fraction", change(entry, setp("/index", 0.0)))

L = "ledger"
lines = [json.dumps(e, ensure_ascii=False) for e in safe["disclosures"]]
put(L, "valid-then-tampered", raw="\n".join([lines[0], json.dumps(change(safe["disclosures"][1], setp("/recordedAt", "2026-10-09T14:00:01Z")), ensure_ascii=False)]) + "\n")
put(L, "entries-swapped", raw="\n".join(reversed(lines)) + "\n")
put(L, "line-not-json", raw=lines[0] + "\n{this is not json\n")
put(L, "array-line", raw="[" + lines[0] + "]\n")

barrier = lang["barriers"][0]
B = "barrier"
put(B, "resolved-without-reviewed-mitigation", change(barrier, lambda d: [m.pop("review", None) for m in d["mitigations"]]))
put(B, "unknown-severity", change(barrier, setp("/severity", "extreme")))
put(B, "history-out-of-order", change(barrier, lambda d: d["history"].reverse()))

schedule = foster["reviews"][0]
S = "review-schedule"
put(S, "agreed-after-deadline", change(schedule, setp("/outcomes/0/nextReviewAgreed", "2028-01-01")))
put(S, "zero-week-cadence", change(speech["reviews"][0], setp("/kind", {"kind": "agreed-partnership", "cadence": {"kind": "every-n-weeks", "weeks": 0}})))
put(S, "held-before-start", change(schedule, setp("/outcomes/0/heldOn", "2020-01-01")))

outcome = schedule["outcomes"][0]
O = "review-outcome"
put(O, "missing-held-on", change(outcome, delp("/heldOn")))
put(O, "attended-as-a-string", change(outcome, setp("/attended", "everyone")))

print(len(written), "files")
