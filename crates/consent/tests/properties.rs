//! The promises of the consent crate, as properties.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::Duration;
use partnership_consent::strategies::{self as s, World};
use partnership_consent::*;
use partnership_core::strategies::{json_round_trip, personal_strings};
use partnership_core::{PartyRef, ProfessionalId};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

/// A request and everything `decide` looks at, all in one world.
#[derive(Debug, Clone)]
struct Case {
    world: World,
    request: SharingRequest,
    consents: Vec<ConsentRecord>,
    withholdings: Vec<WithholdingRule>,
    justification: Option<SafeguardingJustification>,
}

fn case() -> impl Strategy<Value = Case> {
    s::world().prop_flat_map(|world| {
        (
            Just(world.clone()),
            s::sharing_request(&world),
            vec(s::consent_record(&world), 0..6),
            vec(s::withholding_rule(&world), 0..2),
            option::weighted(0.3, s::justification(&world)),
        )
            .prop_map(
                |(world, request, consents, withholdings, justification)| Case {
                    world,
                    request,
                    consents,
                    withholdings,
                    justification,
                },
            )
    })
}

impl Case {
    fn decide(&self) -> SharingDecision {
        decide(
            &self.request,
            &self.consents,
            &self.withholdings,
            self.justification.as_ref(),
        )
    }
}

/// An oracle written apart from the library's evaluation: may `consent` alone cover
/// `category` for `request`?
fn covers(consent: &ConsentRecord, request: &SharingRequest, category: &DataCategory) -> bool {
    // The child decides when 16 or over or assessed as competent; otherwise those with
    // parental responsibility or another authority do.
    let child_decides = matches!(
        request.child_capacity(),
        ChildCapacity::Competent { .. } | ChildCapacity::SixteenOrOver
    );
    let giver_decides = match consent.given_by() {
        ConsentGiver::CompetentChild { .. } | ConsentGiver::YoungPerson => child_decides,
        _ => !child_decides,
    };
    consent.child() == request.child()
        && giver_decides
        && consent.status_at(request.at()) == ConsentStatus::Given
        && consent.scope().purposes.contains(request.purpose())
        && consent.scope().data_categories.contains(category)
        && consent
            .scope()
            .recipients
            .iter()
            .any(|r| r.covers(request.recipient()))
}

fn withheld(case: &Case) -> bool {
    case.withholdings.iter().any(|r| {
        !r.withholds(
            case.request.recipient(),
            case.request.data_categories(),
            case.request.at(),
        )
        .is_empty()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_permit_without_covering_consent_or_justification(case in case()) {
        if let SharingDecision::Permit { basis, .. } = case.decide() {
            prop_assert!(!withheld(&case));
            match basis {
                PermitBasis::Safeguarding { justification, decided_by, approved_by, decided_at, duty_to_share_from } => {
                    let j = case.justification.as_ref().ok_or_else(|| TestCaseError::fail("no justification"))?;
                    prop_assert_eq!(j.id(), justification);
                    // The permit records the human decision it rests on.
                    prop_assert_eq!(decided_by, Some(j.decided_by()));
                    prop_assert!(approved_by.is_some_and(|a| a != j.decided_by()));
                    prop_assert_eq!(approved_by, j.approved_by());
                    prop_assert!(decided_at.is_some_and(|at| at <= case.request.at()));
                    prop_assert_eq!(decided_at, j.decided_at());
                    prop_assert_eq!(duty_to_share_from, None);
                    prop_assert!(j.problems(&case.request).is_empty());
                    prop_assert!(case.request.recipient().has_safeguarding_role());
                    prop_assert!(case.request.at() >= j.valid_from() && case.request.at() <= j.valid_until());
                }
                PermitBasis::Consent { consents } => {
                    prop_assert!(!consents.is_empty());
                    for category in case.request.data_categories() {
                        prop_assert!(
                            case.consents.iter().any(|c| consents.contains(&c.id()) && covers(c, &case.request, category)),
                            "{} not covered", category
                        );
                        // And nobody who can decide refused it.
                        prop_assert!(!case.consents.iter().any(|c| c.child() == case.request.child()
                            && c.denies_at(case.request.at())
                            && c.scope().covers(case.request.recipient(), case.request.purpose(), category)
                            && (c.given_by().is_the_child() == case.request.child_capacity().child_decides())));
                    }
                }
            }
        }
    }

    #[test]
    fn permit_never_exceeds_consented_categories(case in case()) {
        if let SharingDecision::Permit { basis, data_categories } = case.decide() {
            prop_assert_eq!(&data_categories, &case.request.data_categories());
            let allowed: Vec<DataCategory> = match basis {
                PermitBasis::Consent { consents } => case.consents.iter()
                    .filter(|c| consents.contains(&c.id()))
                    .flat_map(|c| c.scope().data_categories.clone())
                    .collect(),
                PermitBasis::Safeguarding { .. } => case.justification.iter()
                    .flat_map(|j| j.data_categories().to_vec())
                    .collect(),
            };
            for category in &data_categories {
                prop_assert!(allowed.contains(category));
            }
        }
    }

    #[test]
    fn withdrawal_stops_future_sharing(case in case(), after_hours in 0i64..2000) {
        // Take every consent still open, withdraw it, and ask again at or after the
        // withdrawal: no permit through that consent, and earlier entries stay as they were.
        let mut ledger = DisclosureLedger::default();
        let (_, before) = record(&mut ledger, &case.request, &case.consents, &case.withholdings, None);
        let recorded = ledger.entries_snapshot();
        let withdrawn_at = case.request.at() + Duration::minutes(1);
        let mut withdrawn = Vec::new();
        let consents: Vec<ConsentRecord> = case.consents.iter().cloned().map(|c| {
            let by = c.given_by().party(c.child());
            match c.clone().with_event(ConsentEvent::new(ConsentEventKind::Withdrawn, withdrawn_at, by)) {
                Ok(w) => { withdrawn.push(w.id()); w }
                Err(_) => c,
            }
        }).collect();
        let later = at_time(&case.request, withdrawn_at + Duration::hours(after_hours));
        let (_, after) = record(&mut ledger, &later, &consents, &case.withholdings, None);
        if let SharingDecision::Permit { basis: PermitBasis::Consent { consents: used }, .. } = &after {
            prop_assert!(used.iter().all(|id| !withdrawn.contains(id)));
        }
        let now = ledger.entries_snapshot();
        prop_assert_eq!(now.first(), recorded.first());
        prop_assert_eq!(&ledger.as_slice()[0].decision, &before);
        prop_assert!(ledger.verify().is_ok());
    }

    #[test]
    fn expired_consent_covers_nothing(case in case()) {
        if let SharingDecision::Permit { basis: PermitBasis::Consent { consents }, .. } = case.decide() {
            for consent in case.consents.iter().filter(|c| consents.contains(&c.id())) {
                let until = consent.valid_until_at(case.request.at());
                prop_assert!(until.is_none_or(|u| case.request.at().date_naive() <= u));
                prop_assert!(case.request.at().date_naive() >= consent.valid_from());
            }
        }
        // And directly: every consent is out of force the day after it ends.
        for consent in &case.consents {
            if let Some(until) = consent.valid_until_at(case.request.at()) {
                let day_after = (until + Duration::days(1)).and_hms_opt(12, 0, 0).unwrap().and_utc();
                if consent.valid_until_at(day_after) == Some(until) {
                    prop_assert!(!consent.permits_at(day_after));
                }
            }
        }
    }

    #[test]
    fn refusal_beats_permit(case in case(), which in any::<prop::sample::Index>()) {
        // Add an in-force refusal, by someone who can decide, covering one requested
        // category: without a justification the request is refused with that reason.
        let category = which.get(case.request.data_categories()).clone();
        let given_by = if case.request.child_capacity().child_decides() {
            ConsentGiver::YoungPerson
        } else {
            ConsentGiver::ParentalResponsibility { carer: case.world.carers[0] }
        };
        let by = given_by.party(case.world.child);
        let refusal = ConsentRecord::try_from(ConsentRecordParts {
            id: "00000000-0000-4000-8000-000000000001".parse().unwrap(),
            child: case.world.child,
            given_by,
            scope: Scope {
                purposes: vec![case.request.purpose().clone()],
                recipients: vec![RecipientScope::AgencyKind { agency_kind: partnership_core::AgencyKind::Health },
                    scope_for(case.request.recipient())],
                data_categories: vec![category.clone()],
            },
            valid_from: case.request.at().date_naive() - Duration::days(1),
            valid_until: None,
            method: ConsentMethod::Verbal,
            notice_version: partnership_core::Label::new("v1").unwrap(),
            events: vec![ConsentEvent::new(ConsentEventKind::Refused, case.request.at() - Duration::hours(1), by)],
        }).unwrap();
        let mut consents = case.consents.clone();
        consents.push(refusal.clone());
        let decision = decide(&case.request, &consents, &case.withholdings, None);
        prop_assert!(!decision.is_permit());
        if !withheld(&case) {
            let expected = RefusalReason::ConsentRefused { consent: refusal.id(), category };
            prop_assert!(decision.reasons().contains(&expected));
        }
    }

    #[test]
    fn safety_withholding_beats_justification(case in case(), rule in s::world().prop_flat_map(|w| s::withholding_rule(&w))) {
        // Point a rule at this request: in force, withholding a requested category
        // from this recipient. Whatever the consents and justification, it is refused.
        let mut parts = rule.into_parts();
        parts.child = case.world.child;
        parts.from = case.request.at().date_naive();
        parts.until = None;
        parts.withheld_from = vec![scope_for(case.request.recipient())];
        parts.data_categories = vec![case.request.data_categories()[0].clone()];
        let rule = WithholdingRule::try_from(parts).unwrap();
        let mut withholdings = case.withholdings.clone();
        withholdings.push(rule.clone());
        let decision = decide(&case.request, &case.consents, &withholdings, case.justification.as_ref());
        prop_assert!(!decision.is_permit());
        let only_withheld = decision.reasons().iter().all(|r| matches!(r, RefusalReason::Withheld { .. }));
        prop_assert!(only_withheld);
        let expected = RefusalReason::Withheld { rule: rule.id(), category: case.request.data_categories()[0].clone() };
        prop_assert!(decision.reasons().contains(&expected));
    }

    #[test]
    fn competent_child_needs_own_consent(case in case()) {
        let mut request = case.request.clone().into_parts();
        request.child_capacity = ChildCapacity::SixteenOrOver;
        let request = SharingRequest::try_from(request).unwrap();
        let carers_only: Vec<ConsentRecord> = case.consents.iter().filter(|c| !c.given_by().is_the_child()).cloned().collect();
        let decision = decide(&request, &carers_only, &case.withholdings, None);
        prop_assert!(!decision.is_permit(), "a carer's consent alone permitted sharing a competent child's information");
    }

    #[test]
    fn decision_independent_of_consent_order(case in case(), seed in any::<u64>()) {
        let mut shuffled = case.consents.clone();
        // A deterministic shuffle from the seed.
        let n = shuffled.len();
        for i in (1..n).rev() {
            let j = usize::try_from((seed.rotate_left(u32::try_from(i).unwrap()) ^ (i as u64)) % (i as u64 + 1)).unwrap();
            shuffled.swap(i, j);
        }
        let mut withholdings = case.withholdings.clone();
        withholdings.reverse();
        prop_assert_eq!(
            case.decide(),
            decide(&case.request, &shuffled, &withholdings, case.justification.as_ref())
        );
    }

    #[test]
    fn every_decision_is_recorded((world, requests, consents) in s::world().prop_flat_map(|w| (
        Just(w.clone()),
        vec(s::sharing_request(&w), 1..8),
        vec(s::consent_record(&w), 0..4),
    ))) {
        let mut ledger = DisclosureLedger::default();
        let mut when = world.start;
        for (i, request) in requests.iter().enumerate() {
            when += Duration::minutes(5);
            let request = at_time(request, when);
            let (index, decision) = record(&mut ledger, &request, &consents, &[], None);
            prop_assert_eq!(index, i as u64);
            prop_assert_eq!(ledger.len(), i + 1);
            prop_assert_eq!(&ledger.as_slice()[i].decision, &decision);
            prop_assert_eq!(&ledger.as_slice()[i].request, &request);
        }
        prop_assert!(ledger.verify().is_ok());
        prop_assert!(ledger.verify_against(&ledger.head()).is_ok());
        let reread = DisclosureLedger::from_json_lines(&ledger.to_json_lines()).unwrap();
        prop_assert_eq!(reread, ledger);
    }

    #[test]
    fn ledger_time_never_goes_back_or_differs_from_the_request(
        (world, requests) in s::world().prop_flat_map(|w| (Just(w.clone()), vec(s::sharing_request(&w), 2..4))),
        back in 1i64..100_000,
    ) {
        let ledger = ledger_of(&world, &requests);
        let last = ledger.last_recorded_at().unwrap();
        let mut copy = ledger.clone();
        let earlier = at_time(&requests[0], last - Duration::seconds(back));
        let decision = decide(&earlier, &[], &[], None);
        prop_assert_eq!(copy.append(earlier, decision.clone(), last - Duration::seconds(back)), Err(ConsentError::LedgerTimeGoesBack));
        let dated_otherwise = at_time(&requests[0], last - Duration::seconds(back));
        prop_assert_eq!(copy.append(dated_otherwise, decision, last + Duration::seconds(1)), Err(ConsentError::LedgerRequestTimeDiffers));
        prop_assert_eq!(copy, ledger);
    }

    #[test]
    fn ledger_detects_any_tampering(
        (world, requests, foreign) in s::world().prop_flat_map(|w| (
            Just(w.clone()),
            vec(s::sharing_request(&w), 2..8),
            s::sharing_request(&w),
        )),
        mutation in 0u8..6,
        at in any::<prop::sample::Index>(),
        other in any::<prop::sample::Index>(),
    ) {
        let ledger = ledger_of(&world, &requests);
        let head = ledger.head();
        let mut entries: Vec<LedgerEntry> = ledger.entries_snapshot();
        let n = entries.len();
        let i = at.index(n);
        let expected = match mutation {
            // Change a field without fixing the hash.
            0 => { entries[i].recorded_at += Duration::seconds(1); i }
            // Change the decision and recompute this entry's hash: the next link breaks
            // (or, for the last entry, the head no longer matches).
            1 => {
                entries[i].decision = SharingDecision::Refuse { reasons: vec![] };
                entries[i].hash = entries[i].expected_hash();
                if i + 1 < n { i + 1 } else { i }
            }
            // Remove an entry.
            2 => { entries.remove(i); if i + 1 < n { i } else { n - 1 } }
            // Swap two different entries.
            3 => {
                let j = other.index(n);
                prop_assume!(i != j);
                entries.swap(i, j);
                i.min(j)
            }
            // Insert an entry from another ledger.
            4 => {
                let foreign = ledger_of(&world, &[foreign]).entries_snapshot().remove(0);
                entries.insert(i, foreign);
                // A foreign first entry chains from the all-zero start like any first
                // entry, so the break shows at the entry it pushed along.
                if i == 0 { 1 } else { i }
            }
            // Change the request's categories.
            _ => {
                let mut request = entries[i].request.clone().into_parts();
                request.data_categories.reverse();
                request.data_categories.push(DataCategory::Other { label: partnership_core::Label::new("extra").unwrap() });
                entries[i].request = SharingRequest::try_from(request).unwrap();
                i
            }
        };
        let tampered = DisclosureLedger::try_from(entries.clone());
        let result = match tampered {
            Err(e) => Err(e),
            Ok(l) => l.verify_against(&head),
        };
        prop_assert_eq!(result, Err(ConsentError::LedgerTampered { index: expected }));
        // Reading the tampered lines fails too.
        let lines: String = entries.iter().map(|e| serde_json::to_string(e).unwrap() + "\n").collect();
        let read = DisclosureLedger::from_json_lines(&lines).and_then(|l| l.verify_against(&head));
        prop_assert!(read.is_err());
    }

    #[test]
    fn rehashed_forgery_fails_signature(
        (world, requests) in s::world().prop_flat_map(|w| (Just(w.clone()), vec(s::sharing_request(&w), 1..6))),
        secret in any::<[u8; 32]>(),
        forger in any::<[u8; 32]>(),
        which in any::<prop::sample::Index>(),
    ) {
        prop_assume!(secret != forger);
        let key = LedgerSigningKey::from_bytes(secret);
        let ledger = ledger_of(&world, &requests);
        let checkpoint = key.checkpoint(ledger.head());
        prop_assert!(ledger.verify_with_key(std::slice::from_ref(&checkpoint), &key.verifying_key()).is_ok());
        // Change one entry's decision and re-hash the whole chain, as a script would:
        // the chain verifies, the signed head is gone.
        let mut entries: Vec<LedgerEntry> = ledger.entries_snapshot();
        let i = which.index(entries.len());
        entries[i].decision = match &entries[i].decision {
            SharingDecision::Refuse { .. } => SharingDecision::Permit {
                basis: PermitBasis::Consent { consents: vec![] },
                data_categories: entries[i].request.data_categories().to_vec(),
            },
            SharingDecision::Permit { .. } | SharingDecision::NotDisclosed { .. } => {
                SharingDecision::Refuse { reasons: vec![] }
            }
        };
        let mut previous = Sha256Digest::GENESIS;
        for entry in &mut entries {
            entry.previous_hash = previous;
            entry.hash = entry.expected_hash();
            previous = entry.hash;
        }
        let forged = DisclosureLedger::try_from(entries).unwrap();
        prop_assert!(forged.verify().is_ok());
        let trusted = key.verifying_key();
        prop_assert!(forged.verify_with_key(std::slice::from_ref(&checkpoint), &trusted).is_err());
        // Signing the forged head with another key convinces nobody who trusts ours.
        let own = LedgerSigningKey::from_bytes(forger).checkpoint(forged.head());
        prop_assert!(forged.verify_with_key(std::slice::from_ref(&own), &trusted).is_err());
        // Nor does a checkpoint that claims our key over the forged head.
        let claimed = Checkpoint { key: trusted, ..own };
        prop_assert!(forged.verify_with_key(&[claimed], &trusted).is_err());
        // And entries added after the last signed head are not covered.
        let mut longer = ledger.clone();
        let extra = at_time(&requests[0], longer.last_recorded_at().unwrap() + Duration::minutes(1));
        record(&mut longer, &extra, &[], &[], None);
        let unsigned = matches!(
            longer.verify_with_key(std::slice::from_ref(&checkpoint), &trusted),
            Err(ConsentError::LedgerNotSigned { unsigned: 1, .. })
        );
        prop_assert!(unsigned);
    }

    #[test]
    fn truncation_detected_against_witness(
        (world, requests) in s::world().prop_flat_map(|w| (Just(w.clone()), vec(s::sharing_request(&w), 1..8))),
        kept in any::<prop::sample::Index>(),
        cut in any::<prop::sample::Index>(),
    ) {
        let ledger = ledger_of(&world, &requests);
        let entries = ledger.entries_snapshot();
        // A witness kept after some prefix: the ledger extends it...
        let k = kept.index(entries.len() + 1);
        let witness = DisclosureLedger::try_from(entries[..k].to_vec()).unwrap().head();
        prop_assert!(ledger.holds(&witness));
        prop_assert!(ledger.verify_against(&witness).is_ok());
        // ...and a ledger cut shorter than the witness does not.
        prop_assume!(k > 0);
        let c = cut.index(k);
        let cut_short = DisclosureLedger::try_from(entries[..c].to_vec()).unwrap();
        prop_assert!(cut_short.verify().is_ok(), "what is left is a valid chain");
        prop_assert!(!cut_short.holds(&witness));
        prop_assert_eq!(cut_short.verify_against(&witness), Err(ConsentError::LedgerTampered { index: c }));
        // Dropped and rewritten to the same length: still not an extension.
        let mut rewritten = entries[..k].to_vec();
        if let Some(last) = rewritten.last_mut() {
            last.recorded_at += Duration::seconds(1);
            let mut r = last.request.clone().into_parts();
            r.at = last.recorded_at;
            last.request = SharingRequest::try_from(r).unwrap();
            last.hash = last.expected_hash();
        }
        let rewritten = DisclosureLedger::try_from(rewritten).unwrap();
        prop_assert!(!rewritten.holds(&witness));
    }

    #[test]
    fn canonical_bytes_match_the_spec(case in case()) {
        // An independent reading of the specification: parse the entry's JSON as a
        // partner would, drop `hash`, and write it with members sorted by their
        // names' UTF-16 code units and no whitespace.
        let mut ledger = DisclosureLedger::default();
        record(&mut ledger, &case.request, &case.consents, &case.withholdings, case.justification.as_ref());
        let entry = ledger.iter().next().unwrap().clone();
        let mut value: serde_json::Value = serde_json::from_str(&serde_json::to_string(&entry).unwrap()).unwrap();
        value.as_object_mut().unwrap().remove("hash");
        fn write(v: &serde_json::Value, out: &mut String) {
            match v {
                serde_json::Value::Object(m) => {
                    let mut keys: Vec<&String> = m.keys().collect();
                    keys.sort_by_key(|k| k.encode_utf16().collect::<Vec<u16>>());
                    out.push('{');
                    for (i, k) in keys.iter().enumerate() {
                        if i > 0 { out.push(','); }
                        out.push_str(&serde_json::to_string(k).unwrap());
                        out.push(':');
                        write(&m[k.as_str()], out);
                    }
                    out.push('}');
                }
                serde_json::Value::Array(a) => {
                    out.push('[');
                    for (i, x) in a.iter().enumerate() {
                        if i > 0 { out.push(','); }
                        write(x, out);
                    }
                    out.push(']');
                }
                other => out.push_str(&serde_json::to_string(other).unwrap()),
            }
        }
        let mut expected = String::new();
        write(&value, &mut expected);
        prop_assert_eq!(String::from_utf8(entry.canonical_bytes()).unwrap(), expected.clone());
        // The hash is the SHA-256 of those bytes, in lower-case hexadecimal.
        use sha2::Digest as _;
        let digest: String = sha2::Sha256::digest(expected.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        prop_assert_eq!(entry.hash.to_string(), digest);
        prop_assert_eq!(entry.format, LEDGER_FORMAT);
    }

    #[test]
    fn one_spelling_per_entry(case in case()) {
        // An entry reads back from any JSON text whose canonical form is its own
        // (members in any order, any whitespace), and from no other: what a verifier
        // hashing the text and one hashing the values read agree on.
        let mut ledger = DisclosureLedger::default();
        record(&mut ledger, &case.request, &case.consents, &case.withholdings, case.justification.as_ref());
        let entry = ledger.iter().next().unwrap().clone();
        let value = serde_json::to_value(&entry).unwrap();
        fn nulls(v: &serde_json::Value) -> bool {
            match v {
                serde_json::Value::Null => true,
                serde_json::Value::Array(a) => a.iter().any(nulls),
                serde_json::Value::Object(m) => m.values().any(nulls),
                _ => false,
            }
        }
        // The Python verifier refuses null; the library never writes one.
        prop_assert!(!nulls(&value));
        let reversed: serde_json::Map<String, serde_json::Value> =
            value.as_object().unwrap().clone().into_iter().rev().collect();
        let reordered = serde_json::to_string_pretty(&reversed).unwrap();
        prop_assert_eq!(serde_json::from_str::<LedgerEntry>(&reordered).unwrap(), entry.clone());
        let indented = serde_json::to_string_pretty(&entry).unwrap();
        prop_assert_eq!(serde_json::from_str::<LedgerEntry>(&indented).unwrap(), entry.clone());
        let respelled = |change: &dyn Fn(&mut serde_json::Value)| {
            let mut v = value.clone();
            change(&mut v);
            serde_json::from_str::<LedgerEntry>(&v.to_string()).is_err()
        };
        let id_in_capitals = respelled(&|v| {
            let id = v["request"]["id"].as_str().unwrap().to_uppercase();
            v["request"]["id"] = id.into();
        });
        let offset_instead_of_z = respelled(&|v| {
            let at = v["recordedAt"].as_str().unwrap().replace('Z', "+00:00");
            v["recordedAt"] = at.into();
        });
        let label_as_null = respelled(&|v| {
            v["request"]["purpose"]["label"] = serde_json::Value::Null;
        });
        prop_assert!(id_in_capitals, "an id in capitals was read");
        prop_assert!(offset_instead_of_z, "an instant with an offset was read");
        prop_assert!(label_as_null, "a label written as null was read");
    }

    #[test]
    fn json_round_trip_of_every_public_type(case in case()) {
        json_round_trip(&case.request)?;
        for c in &case.consents { json_round_trip(c)?; json_round_trip(&c.status_at(case.request.at()))?; }
        for w in &case.withholdings { json_round_trip(w)?; }
        if let Some(j) = &case.justification { json_round_trip(j)?; }
        json_round_trip(&case.decide())?;
        let mut ledger = DisclosureLedger::default();
        record(&mut ledger, &case.request, &case.consents, &case.withholdings, case.justification.as_ref());
        json_round_trip(&ledger)?;
        json_round_trip(&SharingQuestion::from(case.request.clone()))?;
        json_round_trip(&ledger.head())?;
        json_round_trip(&ledger.as_slice()[0])?;
    }

    #[test]
    fn malformed_histories_are_rejected(case in case(), pick in any::<prop::sample::Index>(), kind in prop_oneof![
        Just(ConsentEventKind::Requested), Just(ConsentEventKind::Given), Just(ConsentEventKind::Refused),
    ]) {
        prop_assume!(!case.consents.is_empty());
        let consent = pick.get(&case.consents).clone();
        let last = consent.events().last().unwrap().clone();
        // Nothing may be requested, given or refused again after an answer.
        let mut parts = consent.clone().into_parts();
        parts.events.push(ConsentEvent::new(kind, last.at + Duration::hours(1), last.by));
        prop_assert!(ConsentRecord::try_from(parts.clone()).is_err());
        let json = serde_json::to_string(&parts).unwrap();
        let err = partnership_core::json::from_json_str::<ConsentRecord>(&json).unwrap_err();
        prop_assert!(err.pointer().starts_with("/events/"), "{}", err);
        // Events out of time order.
        if consent.events().len() > 1 {
            let mut parts = consent.clone().into_parts();
            parts.events[0].at = parts.events.last().unwrap().at + Duration::hours(1);
            prop_assert!(ConsentRecord::try_from(parts).is_err());
        }
        // A period that ends before it starts.
        let mut parts = consent.into_parts();
        parts.valid_until = Some(parts.valid_from - Duration::days(1));
        prop_assert_eq!(ConsentRecord::try_from(parts), Err(ConsentError::PeriodEndsBeforeStart { field: "validUntil" }));
    }

    #[test]
    fn events_are_made_by_their_actor(
        case in case(),
        pick in any::<prop::sample::Index>(),
        event in any::<prop::sample::Index>(),
        someone in any::<prop::sample::Index>(),
    ) {
        prop_assume!(!case.consents.is_empty());
        let consent = pick.get(&case.consents).clone();
        let giver = consent.given_by().party(consent.child());
        let i = event.index(consent.events().len());
        let kind = consent.events()[i].kind;
        let mut people: Vec<PartyRef> = case.world.carers.iter().map(|&id| PartyRef::Carer { id })
            .chain(case.world.professionals.iter().map(|&id| PartyRef::Professional { id }))
            .chain([PartyRef::Child { id: case.world.child }])
            .collect();
        use ConsentEventKind as K;
        // Who may not make this event: anyone but the giver for their own acts; anyone
        // but a professional for a request or an invalidation; the giver for a revocation.
        people.retain(|p| match kind {
            K::Given | K::Refused | K::Renewed | K::Withdrawn => *p != giver,
            K::Requested | K::Invalidated => !matches!(p, PartyRef::Professional { .. }),
            K::Revoked => *p == giver,
        });
        prop_assume!(!people.is_empty());
        let mut parts = consent.clone().into_parts();
        parts.events[i].by = *someone.get(&people);
        let rejected = ConsentRecord::try_from(parts);
        prop_assert!(
            matches!(rejected, Err(ConsentError::WrongActor { index, .. }) if index == i),
            "{:?} by someone else was accepted: {:?}", kind, rejected
        );
        // A professional writing it down on the actor's behalf changes nothing.
        let mut parts = consent.clone().into_parts();
        parts.events[i].recorded_by = case.world.professionals.first().copied();
        prop_assert!(ConsentRecord::try_from(parts).is_ok());
    }

    #[test]
    fn justification_covers_only_its_recipients_and_purpose(
        case in case(),
        other_purpose in s::purpose(),
    ) {
        let request = &case.request;
        let complete = |recipients: Vec<RecipientScope>, purposes: Vec<Purpose>| {
            SafeguardingJustification::try_from(SafeguardingJustificationParts {
                id: "00000000-0000-4000-8000-0000000000aa".parse().unwrap(),
                child: request.child(),
                lawful_basis: Some(LawfulBasis::PublicTask),
                article9_condition: Some(Article9Condition::SafeguardingChildrenAndIndividualsAtRisk),
                reason: Some(partnership_core::Sensitive::new("risk of harm".into())),
                recipients,
                purposes,
                data_categories: request.data_categories().to_vec(),
                decided_by: case.world.professionals[0],
                approved_by: Some(case.world.professionals[1]),
                decided_at: Some(request.at() - Duration::days(1)),
                valid_from: request.at() - Duration::days(1),
                valid_until: request.at() + Duration::days(1),
                carers_told: Some(CarersTold::Told { on: request.at().date_naive() }),
            })
            .unwrap()
        };
        let covering = complete(vec![scope_for(request.recipient())], vec![request.purpose().clone()]);
        let by_safeguarding = |j: &SafeguardingJustification| matches!(
            decide(request, &case.consents, &case.withholdings, Some(j)),
            SharingDecision::Permit { basis: PermitBasis::Safeguarding { .. }, .. }
        );
        prop_assert_eq!(
            by_safeguarding(&covering),
            request.recipient().has_safeguarding_role() && !withheld(&case)
        );
        // Another recipient: a professional nobody asked about.
        let elsewhere = complete(
            vec![RecipientScope::Professional { id: "00000000-0000-4000-8000-0000000000bb".parse().unwrap() }],
            vec![request.purpose().clone()],
        );
        prop_assert!(!by_safeguarding(&elsewhere));
        let not_covered = JustificationProblem::RecipientNotCovered;
        prop_assert!(elsewhere.problems(request).contains(&not_covered));
        // Another purpose.
        prop_assume!(!other_purpose.same_choice(request.purpose()));
        let other = complete(vec![scope_for(request.recipient())], vec![other_purpose]);
        prop_assert!(!by_safeguarding(&other));
        let not_covered = JustificationProblem::PurposeNotCovered { purpose: request.purpose().clone() };
        prop_assert!(other.problems(request).contains(&not_covered));
        // And whatever the case drew: a permit under it means it covered both.
        if let SharingDecision::Permit { basis: PermitBasis::Safeguarding { .. }, .. } = case.decide() {
            let j = case.justification.as_ref().unwrap();
            prop_assert!(j.recipients().iter().any(|r| r.covers(request.recipient())));
            prop_assert!(j.purposes().iter().any(|p| p.same_choice(request.purpose())));
        }
    }

    #[test]
    fn justification_permits_exactly_when_it_has_no_problems(case in case()) {
        if let Some(j) = &case.justification {
            prop_assert_eq!(j.permits(&case.request), j.problems(&case.request).is_empty());
        }
    }

    #[test]
    fn labels_match_whatever_their_case(case in case(), upper in any::<bool>()) {
        // A withholding rule about a role written as `other` reaches that role however
        // the recipient's record spells it.
        let Recipient::Professional { id, agency, agency_kind, .. } = case.request.recipient().clone() else {
            return Ok(());
        };
        let label = |text: &str| partnership_core::Label::new(text).unwrap();
        let written = if upper { "THERAPIST" } else { "  Therapist " };
        let mut parts = case.request.clone().into_parts();
        parts.recipient = Recipient::Professional {
            id, agency, agency_kind,
            role: partnership_core::ProfessionalRole::Other { label: label("therapist") },
        };
        let request = SharingRequest::try_from(parts).unwrap();
        let rule = WithholdingRule::try_from(WithholdingRuleParts {
            id: "00000000-0000-4000-8000-0000000000cc".parse().unwrap(),
            child: request.child(),
            protects: vec![PartyRef::Carer { id: case.world.carers[0] }],
            data_categories: request.data_categories().to_vec(),
            withheld_from: vec![RecipientScope::Role {
                role: partnership_core::ProfessionalRole::Other { label: label(written) },
            }],
            reason: partnership_core::Sensitive::new("safety".into()),
            decided_by: case.world.professionals[0],
            from: request.at().date_naive(),
            until: None,
        })
        .unwrap();
        let decision = decide(&request, &case.consents, &[rule], case.justification.as_ref());
        prop_assert!(!decision.is_permit());
        let only_withheld = decision.reasons().iter().all(|r| matches!(r, RefusalReason::Withheld { .. }));
        prop_assert!(only_withheld);
    }

    #[test]
    fn debug_never_contains_personal_data(case in case()) {
        let debug = format!("{:?}", (&case.consents, &case.withholdings, &case.justification, &case.request));
        let personal = personal_strings(&(&case.consents, &case.withholdings, &case.justification));
        for text in personal {
            prop_assert!(!debug.contains(&text));
        }
        let shown = case.decide().to_string();
        for text in personal_strings(&(&case.consents, &case.withholdings, &case.justification)) {
            prop_assert!(!shown.contains(&text));
        }
    }
}

fn scope_for(recipient: &Recipient) -> RecipientScope {
    match recipient {
        Recipient::Carer { id } => RecipientScope::Carer { id: *id },
        Recipient::Professional { id, .. } => RecipientScope::Professional { id: *id },
        Recipient::Agency { id, .. } => RecipientScope::Agency { id: *id },
        _ => unreachable!("every recipient kind is matched"),
    }
}

fn ledger_of(world: &World, requests: &[SharingRequest]) -> DisclosureLedger {
    let mut ledger = DisclosureLedger::default();
    let mut when = world.start;
    for request in requests {
        when += Duration::minutes(1);
        record(&mut ledger, &at_time(request, when), &[], &[], None);
    }
    ledger
}

/// Decides `request` and records the decision at the request's time.
fn record(
    ledger: &mut DisclosureLedger,
    request: &SharingRequest,
    consents: &[ConsentRecord],
    withholdings: &[WithholdingRule],
    justification: Option<&SafeguardingJustification>,
) -> (u64, SharingDecision) {
    let decision = decide(request, consents, withholdings, justification);
    let index = ledger
        .append(request.clone(), decision.clone(), request.at())
        .unwrap();
    (index, decision)
}

/// The same request, at another time.
fn at_time(request: &SharingRequest, at: chrono::DateTime<chrono::Utc>) -> SharingRequest {
    let mut parts = request.clone().into_parts();
    parts.at = at;
    SharingRequest::try_from(parts).unwrap()
}

trait Snapshot {
    fn entries_snapshot(&self) -> Vec<LedgerEntry>;
}

impl Snapshot for DisclosureLedger {
    fn entries_snapshot(&self) -> Vec<LedgerEntry> {
        self.iter().cloned().collect()
    }
}

#[test]
fn withdrawal_by_someone_else_is_rejected() {
    let json = r#"{
      "id": "00000000-0000-4000-8000-000000000002",
      "child": "00000000-0000-4000-8000-000000000003",
      "givenBy": {"kind": "parental-responsibility", "carer": "00000000-0000-4000-8000-000000000004"},
      "scope": {"purposes": [{"kind": "health-care"}], "recipients": [{"kind": "role", "role": {"kind": "gp"}}], "dataCategories": [{"kind": "health"}]},
      "validFrom": "2026-01-01",
      "method": "verbal",
      "noticeVersion": "v1",
      "events": [
        {"kind": "given", "at": "2026-01-01T09:00:00Z", "by": {"kind": "carer", "id": "00000000-0000-4000-8000-000000000004"}},
        {"kind": "withdrawn", "at": "2026-02-01T09:00:00Z", "by": {"kind": "professional", "id": "00000000-0000-4000-8000-000000000005"}}
      ]
    }"#;
    let err = partnership_core::json::from_json_str::<ConsentRecord>(json).unwrap_err();
    assert_eq!(err.pointer(), "/events/1/by");
    assert_eq!(
        err.message(),
        "consent is withdrawn by the person who gave it; someone else revokes it"
    );
    let fixed = json.replace(r#""kind": "withdrawn""#, r#""kind": "revoked""#);
    let consent = partnership_core::json::from_json_str::<ConsentRecord>(&fixed).unwrap();
    assert_eq!(consent.decision(), Some(ConsentDecision::Permit));
    let misspelt = json.replace(r#""validFrom""#, r#""validFrm""#);
    let err = partnership_core::json::from_json_str::<ConsentRecord>(&misspelt).unwrap_err();
    assert!(
        err.message().starts_with(
            "unknown field (its name is not repeated here; did you mean `validFrom`?)"
        ),
        "{err}"
    );
    let _ = ProfessionalId::random();
    let _ = PartyRef::Child {
        id: consent.child(),
    };
}

#[test]
fn incomplete_justification_says_why() {
    use chrono::TimeZone;
    let world_start = chrono::Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let child = partnership_core::ChildId::random();
    let decider = ProfessionalId::random();
    let j = SafeguardingJustification::try_from(SafeguardingJustificationParts {
        id: partnership_core::JustificationId::random(),
        child,
        lawful_basis: Some(LawfulBasis::Consent),
        article9_condition: None,
        reason: None,
        recipients: vec![RecipientScope::AgencyKind {
            agency_kind: partnership_core::AgencyKind::SocialCare,
        }],
        purposes: vec![Purpose::Safeguarding],
        data_categories: vec![DataCategory::Health],
        decided_by: decider,
        approved_by: Some(decider),
        decided_at: None,
        valid_from: world_start,
        valid_until: world_start + Duration::days(7),
        carers_told: None,
    })
    .unwrap();
    let request = SharingRequest::try_from(SharingRequestParts {
        id: partnership_core::SharingRequestId::random(),
        child,
        requested_by: decider,
        recipient: Recipient::Agency {
            id: partnership_core::AgencyId::random(),
            agency_kind: partnership_core::AgencyKind::VoluntarySector,
        },
        purpose: Purpose::Safeguarding,
        data_categories: vec![DataCategory::Health, DataCategory::FamilyCircumstances],
        at: world_start + Duration::days(8),
        child_capacity: ChildCapacity::NotAssessed,
    })
    .unwrap();
    let problems = j.problems(&request);
    use JustificationProblem as P;
    assert_eq!(
        problems,
        vec![
            P::ConsentIsNotABasisWithoutConsent,
            P::NoArticle9Condition {
                category: DataCategory::Health
            },
            P::NoReason,
            P::ApprovedByDecisionMaker,
            P::DecisionTimeNotRecorded,
            P::CarersToldNotRecorded,
            P::OutsideWindow {
                from: j.valid_from(),
                until: j.valid_until()
            },
            P::CategoryNotJustified {
                category: DataCategory::FamilyCircumstances
            },
            P::RecipientNotCovered,
            P::RecipientHasNoSafeguardingRole,
        ]
    );
    let decision = decide(&request, &[], &[], Some(&j));
    assert!(!decision.is_permit());
    assert_eq!(decision.reasons().len(), problems.len() + 2);
}

#[test]
fn renewal_moves_the_end_and_only_renewals_may() {
    let json = r#"{
      "id": "00000000-0000-4000-8000-000000000002",
      "child": "00000000-0000-4000-8000-000000000003",
      "givenBy": {"kind": "young-person"},
      "scope": {"purposes": [{"kind": "health-care"}], "recipients": [{"kind": "role", "role": {"kind": "gp"}}], "dataCategories": [{"kind": "health"}]},
      "validFrom": "2026-01-01",
      "validUntil": "2026-06-30",
      "method": "electronic",
      "noticeVersion": "v1",
      "events": [
        {"kind": "given", "at": "2026-01-01T09:00:00Z", "by": {"kind": "child", "id": "00000000-0000-4000-8000-000000000003"}},
        {"kind": "renewed", "at": "2026-06-01T09:00:00Z", "by": {"kind": "child", "id": "00000000-0000-4000-8000-000000000003"}, "validUntil": "UNTIL"}
      ]
    }"#;
    let consent: ConsentRecord =
        partnership_core::json::from_json_str(&json.replace("UNTIL", "2027-06-30")).unwrap();
    let at = |s: &str| s.parse::<chrono::DateTime<chrono::Utc>>().unwrap();
    assert_eq!(
        consent.status_at(at("2026-05-31T12:00:00Z")),
        ConsentStatus::Given
    );
    assert_eq!(
        consent.status_at(at("2026-08-01T12:00:00Z")),
        ConsentStatus::Given
    );
    assert_eq!(
        consent.status_at(at("2027-07-01T12:00:00Z")),
        ConsentStatus::Expired {
            on: "2027-06-30".parse().unwrap()
        }
    );
    assert!(consent.expires_within("2027-06-01".parse().unwrap(), 30));
    assert!(!consent.expires_within("2027-05-01".parse().unwrap(), 30));
    let err = partnership_core::json::from_json_str::<ConsentRecord>(
        &json.replace("UNTIL", "2025-12-31"),
    )
    .unwrap_err();
    assert_eq!(err.pointer(), "/events/1/validUntil");
    assert_eq!(
        err.message(),
        "a renewal cannot end the period before it starts"
    );
    let on_given = json
        .replace(r#""validUntil": "UNTIL""#, r#""validUntil": "2027-01-01""#)
        .replace(r#""kind": "renewed""#, r#""kind": "withdrawn""#);
    let err = partnership_core::json::from_json_str::<ConsentRecord>(&on_given).unwrap_err();
    assert_eq!(err.pointer(), "/events/1/validUntil");
    assert_eq!(err.message(), "only a renewal sets a new end date");
}
