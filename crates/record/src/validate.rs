//! Cross-reference validation: every problem, each with its JSON Pointer.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use partnership_carers::{Carer, Involvement};
use partnership_consent::{
    ChildCapacity, ConsentGiver, PermitBasis, Recipient, RecipientScope, SharingDecision,
    SharingRequest,
};
use partnership_core::{AgencyId, CarerId, GoalId, PartyRef, ProfessionalId};
use partnership_goals::{ActivationBasis, ChildsView, GoalStatus};

use crate::{PartnershipRecordParts, Problem, Rule, SCHEMA_VERSION};

struct Checker<'a> {
    record: &'a PartnershipRecordParts,
    carers: BTreeSet<CarerId>,
    professionals: BTreeSet<ProfessionalId>,
    agencies: BTreeSet<AgencyId>,
    goals: BTreeSet<GoalId>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn problem(&mut self, pointer: String, rule: Rule, message: impl Into<String>) {
        self.problems.push(Problem {
            pointer,
            rule,
            message: message.into(),
            line: None,
            column: None,
        });
    }

    /// The kind of party an id belongs to, if any.
    fn kind_of(&self, id: &uuid::Uuid) -> Option<&'static str> {
        if self.carers.iter().any(|c| c.as_uuid() == id) {
            Some("a carer")
        } else if self.professionals.iter().any(|p| p.as_uuid() == id) {
            Some("a professional")
        } else if self.record.child.id.as_uuid() == id {
            Some("the child")
        } else if self.agencies.iter().any(|a| a.as_uuid() == id) {
            Some("an agency")
        } else {
            None
        }
    }

    fn missing(&mut self, pointer: String, wanted: &str, id: &uuid::Uuid) {
        match self.kind_of(id) {
            Some(kind) => self.problem(
                pointer,
                Rule::WrongKindOfParty,
                format!("names {wanted}, but this id belongs to {kind}"),
            ),
            None => self.problem(
                pointer,
                Rule::DanglingReference,
                format!("names {wanted} that is not in the record"),
            ),
        }
    }

    fn carer(&mut self, pointer: String, id: CarerId) {
        if !self.carers.contains(&id) {
            self.missing(pointer, "a carer", id.as_uuid());
        }
    }

    fn professional(&mut self, pointer: String, id: ProfessionalId) {
        if !self.professionals.contains(&id) {
            self.missing(pointer, "a professional", id.as_uuid());
        }
    }

    fn agency(&mut self, pointer: String, id: AgencyId) {
        if !self.agencies.contains(&id) {
            self.missing(pointer, "an agency", id.as_uuid());
        }
    }

    fn goal(&mut self, pointer: String, id: GoalId) {
        if !self.goals.contains(&id) {
            self.problem(
                pointer,
                Rule::DanglingReference,
                "names a goal that is not in the record",
            );
        }
    }

    fn party(&mut self, pointer: String, party: &PartyRef) {
        match party {
            PartyRef::Carer { id } => self.carer(pointer + "/id", *id),
            PartyRef::Professional { id } => self.professional(pointer + "/id", *id),
            PartyRef::Child { id } => {
                if *id != self.record.child.id {
                    self.problem(
                        pointer + "/id",
                        Rule::WrongChild,
                        "names a child other than the record's",
                    );
                }
            }
        }
    }

    fn child(&mut self, pointer: String, id: partnership_core::ChildId) {
        if id != self.record.child.id {
            self.problem(
                pointer,
                Rule::WrongChild,
                "is about a child other than the record's",
            );
        }
    }

    fn scope(&mut self, pointer: String, scope: &RecipientScope) {
        match scope {
            RecipientScope::Carer { id } => self.carer(pointer + "/id", *id),
            RecipientScope::Professional { id } => self.professional(pointer + "/id", *id),
            RecipientScope::Agency { id } => self.agency(pointer + "/id", *id),
            _ => {}
        }
    }

    fn recipient(&mut self, pointer: String, recipient: &Recipient) {
        match recipient {
            Recipient::Carer { id } => self.carer(pointer + "/id", *id),
            Recipient::Professional { id, agency, .. } => {
                self.professional(format!("{pointer}/id"), *id);
                self.agency(pointer + "/agency", *agency);
            }
            Recipient::Agency { id, .. } => self.agency(pointer + "/id", *id),
            _ => {}
        }
    }

    fn request(&mut self, pointer: String, request: &SharingRequest) {
        self.child(format!("{pointer}/child"), request.child);
        self.professional(format!("{pointer}/requestedBy"), request.requested_by);
        self.recipient(format!("{pointer}/recipient"), &request.recipient);
        if let ChildCapacity::Competent { assessed_by, .. }
        | ChildCapacity::NotCompetent { assessed_by, .. } = request.child_capacity
        {
            self.professional(format!("{pointer}/childCapacity/assessedBy"), assessed_by);
        }
    }
}

/// Ids used twice among `ids`, reported at `list/index/id`.
fn duplicates<T: Ord>(checker: &mut Checker<'_>, list: &str, ids: impl IntoIterator<Item = T>) {
    let mut seen = BTreeSet::new();
    for (index, id) in ids.into_iter().enumerate() {
        if !seen.insert(id) {
            checker.problem(
                format!("/{list}/{index}/id"),
                Rule::DuplicateId,
                "uses an id already used earlier in the list",
            );
        }
    }
}

fn restricted_on(carer: &Carer, date: NaiveDate) -> bool {
    match &carer.involvement {
        Involvement::Restricted(r) => r.decided_on <= date,
        _ => false,
    }
}

/// Every cross-reference problem in a record, in the order of the record.
pub(crate) fn cross_check(record: &PartnershipRecordParts) -> Vec<Problem> {
    let mut c = Checker {
        record,
        carers: record.carers.iter().map(|c| c.id).collect(),
        professionals: record.professionals.iter().map(|p| p.id).collect(),
        agencies: record.agencies.iter().map(|a| a.id).collect(),
        goals: record.goals.iter().map(|g| g.id).collect(),
        problems: Vec::new(),
    };
    if record.schema_version != SCHEMA_VERSION {
        c.problem(
            "/schemaVersion".into(),
            Rule::SchemaVersion,
            format!("this library reads schema version {SCHEMA_VERSION}"),
        );
    }
    duplicates(&mut c, "carers", record.carers.iter().map(|x| x.id));
    duplicates(
        &mut c,
        "professionals",
        record.professionals.iter().map(|x| x.id),
    );
    duplicates(&mut c, "agencies", record.agencies.iter().map(|x| x.id));
    duplicates(
        &mut c,
        "communicationAgreements",
        record.communication_agreements.iter().map(|x| x.id),
    );
    duplicates(&mut c, "goals", record.goals.iter().map(|x| x.id));
    duplicates(&mut c, "consents", record.consents.iter().map(|x| x.id));
    duplicates(
        &mut c,
        "withholdingRules",
        record.withholding_rules.iter().map(|x| x.id),
    );
    duplicates(
        &mut c,
        "justifications",
        record.justifications.iter().map(|x| x.id),
    );
    duplicates(&mut c, "reviews", record.reviews.iter().map(|x| x.id));
    // One id, two kinds of party: a reference could not say which it meant.
    let mut people: BTreeMap<uuid::Uuid, &str> = BTreeMap::new();
    people.insert(*record.child.id.as_uuid(), "the child");
    let everyone = record
        .carers
        .iter()
        .enumerate()
        .map(|(i, x)| (format!("/carers/{i}/id"), *x.id.as_uuid()))
        .chain(
            record
                .professionals
                .iter()
                .enumerate()
                .map(|(i, x)| (format!("/professionals/{i}/id"), *x.id.as_uuid())),
        )
        .chain(
            record
                .agencies
                .iter()
                .enumerate()
                .map(|(i, x)| (format!("/agencies/{i}/id"), *x.id.as_uuid())),
        );
    for (pointer, id) in everyone {
        let kind = if pointer.starts_with("/carers") {
            "a carer"
        } else if pointer.starts_with("/professionals") {
            "a professional"
        } else {
            "an agency"
        };
        match people.get(&id) {
            Some(other) if *other != kind => c.problem(
                pointer,
                Rule::DuplicateId,
                format!("uses the same id as {other}"),
            ),
            _ => {
                people.insert(id, kind);
            }
        }
    }

    for (i, view) in record.child.views.iter().enumerate() {
        c.party(format!("/child/views/{i}/recordedBy"), &view.recorded_by);
    }
    for (i, p) in record.professionals.iter().enumerate() {
        c.agency(format!("/professionals/{i}/agency"), p.agency);
    }
    for (i, a) in record.communication_agreements.iter().enumerate() {
        c.carer(format!("/communicationAgreements/{i}/carer"), a.carer);
        c.party(
            format!("/communicationAgreements/{i}/updatesGivenBy"),
            &a.updates_given_by,
        );
    }
    for (i, entry) in record.contact_log.iter().enumerate() {
        for (j, p) in entry.participants.iter().enumerate() {
            c.party(format!("/contactLog/{i}/participants/{j}"), p);
        }
        for (j, a) in entry.agreed_actions.iter().enumerate() {
            c.party(format!("/contactLog/{i}/agreedActions/{j}/owner"), &a.owner);
        }
    }
    check_goals(&mut c);
    check_consent(&mut c);
    check_barriers(&mut c);
    check_reviews(&mut c);
    c.problems
}

fn check_goals(c: &mut Checker<'_>) {
    let record = c.record;
    let unrestricted: BTreeSet<CarerId> = record
        .carers
        .iter()
        .filter(|x| !x.involvement.is_restricted())
        .map(|x| x.id)
        .collect();
    for (g, goal) in record.goals.iter().enumerate() {
        let at = |rest: &str| format!("/goals/{g}/{rest}");
        c.child(at("child"), goal.child);
        if let Some(ChildsView::Recorded { view }) = &goal.childs_view {
            c.party(at("childsView/view/recordedBy"), &view.recorded_by);
        }
        if let Some(ChildsView::NotGathered { recorded_by, .. }) = &goal.childs_view {
            c.party(at("childsView/recordedBy"), recorded_by);
        }
        for (i, r) in goal.responsibilities.iter().enumerate() {
            c.party(at(&format!("responsibilities/{i}/party")), &r.party);
        }
        for (i, a) in goal.agreements.iter().enumerate() {
            c.carer(at(&format!("agreements/{i}/carer")), a.carer);
        }
        for (i, t) in goal.transitions.iter().enumerate() {
            c.party(at(&format!("transitions/{i}/by")), &t.by);
            if t.to != GoalStatus::Active {
                continue;
            }
            match &t.basis {
                Some(ActivationBasis::CarersAgreed { carers }) => {
                    for (j, carer) in carers.iter().enumerate() {
                        c.carer(at(&format!("transitions/{i}/basis/carers/{j}")), *carer);
                    }
                    if !carers.iter().any(|x| unrestricted.contains(x)) && !unrestricted.is_empty()
                    {
                        c.problem(
                            at(&format!("transitions/{i}/basis")),
                            Rule::ActivationWithoutCarerAgreement,
                            "the goal became active without the agreement of any carer whose involvement is not restricted",
                        );
                    }
                }
                Some(ActivationBasis::AllCarersRestricted {}) if !unrestricted.is_empty() => {
                    c.problem(
                        at(&format!("transitions/{i}/basis")),
                        Rule::ActivationWithoutCarerAgreement,
                        "records that every carer's involvement is restricted, but a carer in the record is involved",
                    );
                }
                _ => {}
            }
        }
        for (i, p) in goal.progress.iter().enumerate() {
            c.party(at(&format!("progress/{i}/recordedBy")), &p.recorded_by);
        }
        for (i, m) in goal.milestones.iter().enumerate() {
            c.party(at(&format!("milestones/{i}/noticedBy")), &m.noticed_by);
        }
        for (i, r) in goal.reviews.iter().enumerate() {
            c.party(at(&format!("reviews/{i}/by")), &r.by);
        }
    }
}

fn check_consent(c: &mut Checker<'_>) {
    let record = c.record;
    let carers: BTreeMap<CarerId, &Carer> = record.carers.iter().map(|x| (x.id, x)).collect();
    for (k, consent) in record.consents.iter().enumerate() {
        let at = |rest: &str| format!("/consents/{k}/{rest}");
        c.child(at("child"), consent.child);
        match &consent.given_by {
            ConsentGiver::ParentalResponsibility { carer } => match carers.get(carer) {
                Some(x) if !x.legal_standing.holds_parental_responsibility() => c.problem(
                    at("givenBy/carer"),
                    Rule::ConsentWithoutParentalResponsibility,
                    "consent was given as a holder of parental responsibility by a carer who does not hold it",
                ),
                Some(_) => {}
                None => c.carer(at("givenBy/carer"), *carer),
            },
            ConsentGiver::CompetentChild { assessed_by, .. } => {
                c.professional(at("givenBy/assessedBy"), *assessed_by)
            }
            _ => {}
        }
        for (i, scope) in consent.scope.recipients.iter().enumerate() {
            c.scope(at(&format!("scope/recipients/{i}")), scope);
        }
        for (i, event) in consent.events.iter().enumerate() {
            c.party(at(&format!("events/{i}/by")), &event.by);
        }
    }
    for (k, rule) in record.withholding_rules.iter().enumerate() {
        let at = |rest: &str| format!("/withholdingRules/{k}/{rest}");
        c.child(at("child"), rule.child);
        c.professional(at("decidedBy"), rule.decided_by);
        for (i, p) in rule.protects.iter().enumerate() {
            c.party(at(&format!("protects/{i}")), p);
        }
        for (i, scope) in rule.withheld_from.iter().enumerate() {
            c.scope(at(&format!("withheldFrom/{i}")), scope);
        }
    }
    for (k, j) in record.justifications.iter().enumerate() {
        let at = |rest: &str| format!("/justifications/{k}/{rest}");
        c.child(at("child"), j.child);
        c.professional(at("decidedBy"), j.decided_by);
        if let Some(approver) = j.approved_by {
            c.professional(at("approvedBy"), approver);
        }
    }
    if let Err(partnership_consent::ConsentError::LedgerTampered { index }) =
        record.disclosures.verify()
    {
        c.problem(
            format!("/disclosures/{index}"),
            Rule::LedgerTampered,
            "the ledger entry does not match its hash chain: it was changed, removed, reordered or inserted",
        );
    }
    for (k, entry) in record.disclosures.iter().enumerate() {
        c.request(format!("/disclosures/{k}/request"), &entry.request);
        let SharingDecision::Permit {
            data_categories,
            basis,
        } = &entry.decision
        else {
            continue;
        };
        if let PermitBasis::Consent { consents } = basis {
            let known: BTreeSet<_> = record.consents.iter().map(|x| x.id).collect();
            for (i, id) in consents.iter().enumerate() {
                if !known.contains(id) {
                    c.problem(
                        format!("/disclosures/{k}/decision/basis/consents/{i}"),
                        Rule::DanglingReference,
                        "names a consent that is not in the record",
                    );
                }
            }
        }
        let withheld = record.withholding_rules.iter().any(|rule| {
            !rule
                .withholds(&entry.request.recipient, data_categories, entry.request.at)
                .is_empty()
        });
        if withheld {
            c.problem(
                format!("/disclosures/{k}/decision"),
                Rule::DisclosedDespiteWithholding,
                "information was disclosed to a recipient it is withheld from to protect someone's safety",
            );
        }
    }
}

fn check_barriers(c: &mut Checker<'_>) {
    let record = c.record;
    for (b, barrier) in record.barriers.iter().enumerate() {
        let at = |rest: &str| format!("/barriers/{b}/{rest}");
        for (i, carer) in barrier.affects.iter().enumerate() {
            c.carer(at(&format!("affects/{i}")), *carer);
        }
        for (i, goal) in barrier.goals.iter().enumerate() {
            c.goal(at(&format!("goals/{i}")), *goal);
        }
        c.party(at("identifiedBy"), &barrier.identified_by);
        if let Some(owner) = &barrier.owner {
            c.party(at("owner/party"), &owner.party);
        }
        for (i, m) in barrier.mitigations.iter().enumerate() {
            c.party(at(&format!("mitigations/{i}/by")), &m.by);
            if let Some(review) = &m.review {
                c.party(at(&format!("mitigations/{i}/review/by")), &review.by);
            }
        }
        for (i, change) in barrier.history.iter().enumerate() {
            c.party(at(&format!("history/{i}/by")), &change.by);
        }
    }
}

fn check_reviews(c: &mut Checker<'_>) {
    let record = c.record;
    let mut review_ids = BTreeSet::new();
    for (s, schedule) in record.reviews.iter().enumerate() {
        c.child(format!("/reviews/{s}/child"), schedule.child);
        for (o, outcome) in schedule.outcomes.iter().enumerate() {
            let at = |rest: &str| format!("/reviews/{s}/outcomes/{o}/{rest}");
            if !review_ids.insert(outcome.review) {
                c.problem(
                    at("review"),
                    Rule::DuplicateId,
                    "uses a review id already used in the record",
                );
            }
            for (i, p) in outcome.attended.iter().enumerate() {
                c.party(at(&format!("attended/{i}")), p);
                let restricted = p
                    .carer()
                    .and_then(|id| record.carers.iter().find(|x| x.id == id));
                if restricted.is_some_and(|carer| restricted_on(carer, outcome.held_on)) {
                    c.problem(
                        at(&format!("attended/{i}")),
                        Rule::RestrictedCarerAtReview,
                        "a carer whose involvement is restricted by a recorded decision is recorded at a review held after the decision",
                    );
                }
            }
            for (i, g) in outcome.goals.iter().enumerate() {
                c.goal(at(&format!("goals/{i}/goal")), g.goal);
            }
            for (i, f) in outcome.carer_feedback.iter().enumerate() {
                c.carer(at(&format!("carerFeedback/{i}/carer")), f.carer);
            }
        }
    }
}
