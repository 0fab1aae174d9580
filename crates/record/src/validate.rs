//! Cross-reference validation: every problem, each with its JSON Pointer.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use partnership_carers::{Carer, DelegatedArea, Involvement};
use partnership_consent::{
    AGE_OF_PRESUMED_CAPACITY, ActingAuthority, ChildCapacity, CompetenceFinding, ConsentEventKind,
    ConsentGiver, ConsentRecord, PermitBasis, Recipient, RecipientScope, SharingDecision,
    SharingRequest,
};
use partnership_core::{AgencyId, AgencyKind, CarerId, GoalId, PartyRef, ProfessionalId};
use partnership_goals::{ActivationBasis, ChildsView, GoalStatus};

use crate::{PartnershipRecordParts, Problem, Rule, SCHEMA_VERSION};

/// Collects problems while walking a record; shared by the whole-record check and the
/// checks of a single change (a new ledger entry, a question's references).
pub(crate) struct Checker<'a> {
    pub(crate) record: &'a PartnershipRecordParts,
    carers: BTreeSet<CarerId>,
    professionals: BTreeSet<ProfessionalId>,
    agencies: BTreeSet<AgencyId>,
    goals: BTreeSet<GoalId>,
    pub(crate) problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    pub(crate) fn new(record: &'a PartnershipRecordParts) -> Self {
        Checker {
            record,
            carers: record.carers.iter().map(|c| c.id).collect(),
            professionals: record.professionals.iter().map(|p| p.id).collect(),
            agencies: record.agencies.iter().map(|a| a.id).collect(),
            goals: record.goals.iter().map(|g| g.id).collect(),
            problems: Vec::new(),
        }
    }

    fn find_carer(&self, id: CarerId) -> Option<&'a Carer> {
        self.record.carers.iter().find(|x| x.id == id)
    }

    pub(crate) fn problem(&mut self, pointer: String, rule: Rule, message: impl Into<String>) {
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

    pub(crate) fn carer(&mut self, pointer: String, id: CarerId) {
        if !self.carers.contains(&id) {
            self.missing(pointer, "a carer", id.as_uuid());
        }
    }

    pub(crate) fn professional(&mut self, pointer: String, id: ProfessionalId) {
        if !self.professionals.contains(&id) {
            self.missing(pointer, "a professional", id.as_uuid());
        }
    }

    pub(crate) fn agency(&mut self, pointer: String, id: AgencyId) {
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

    pub(crate) fn party(&mut self, pointer: String, party: &PartyRef) {
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

    pub(crate) fn child(&mut self, pointer: String, id: partnership_core::ChildId) {
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

    pub(crate) fn recipient(&mut self, pointer: String, recipient: &Recipient) {
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
    let mut c = Checker::new(record);
    if record.schema_version != SCHEMA_VERSION {
        let message = if record.schema_version == 1 {
            format!(
                "this library reads schema version {SCHEMA_VERSION}; version 1 wrote consent under another authority as a name and a line of text: restate any such consent with the authority it rests on (see the changelog), then set schemaVersion to {SCHEMA_VERSION}"
            )
        } else {
            format!("this library reads schema version {SCHEMA_VERSION}")
        };
        c.problem("/schemaVersion".into(), Rule::SchemaVersion, message);
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
        "competenceAssessments",
        record.competence_assessments.iter().map(|x| x.id),
    );
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
    // One decision per request: a request decided twice is a retry recorded twice.
    let mut requests = BTreeSet::new();
    for (k, entry) in record.disclosures.iter().enumerate() {
        if !requests.insert(entry.request.id) {
            c.problem(
                format!("/disclosures/{k}/request/id"),
                Rule::DuplicateId,
                "decides a request the ledger already records a decision on",
            );
        }
    }
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

/// The events by which a giver acts on their consent: giving, refusing and renewing
/// it. Standing is checked on the day of each.
fn acting_events(consent: &ConsentRecord) -> impl Iterator<Item = (usize, NaiveDate)> + '_ {
    consent
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            matches!(
                e.kind,
                ConsentEventKind::Given | ConsentEventKind::Refused | ConsentEventKind::Renewed
            )
        })
        .map(|(i, e)| (i, e.at.date_naive()))
}

/// Whether each giver was entitled to give their consent, on the day of each event
/// by which they gave, refused or renewed it.
fn check_giver(c: &mut Checker<'_>, k: usize, consent: &ConsentRecord) {
    let record = c.record;
    let at = |rest: &str| format!("/consents/{k}/{rest}");
    let on_each_day =
        |c: &mut Checker<'_>, rule: Rule, message: &str, stands: &dyn Fn(NaiveDate) -> bool| {
            for (i, day) in acting_events(consent) {
                if !stands(day) {
                    c.problem(at(&format!("events/{i}/at")), rule, message);
                }
            }
        };
    match &consent.given_by {
        ConsentGiver::ParentalResponsibility { carer } => match c.find_carer(*carer) {
            Some(x) if !x.legal_standing.holds_parental_responsibility() => c.problem(
                at("givenBy/carer"),
                Rule::ConsentWithoutParentalResponsibility,
                "consent was given as a holder of parental responsibility by a carer who does not hold it",
            ),
            Some(x) => on_each_day(
                c,
                Rule::ConsentWithoutParentalResponsibility,
                "the carer named in givenBy did not hold parental responsibility on the day of this event",
                &|day| x.legal_standing.holds_parental_responsibility_on(day),
            ),
            None => c.carer(at("givenBy/carer"), *carer),
        },
        ConsentGiver::OtherAuthority { authority } => check_authority(c, k, consent, authority),
        ConsentGiver::YoungPerson {} => on_each_day(
            c,
            Rule::ChildConsentWithoutCapacity,
            "the child was under 16 on the day of this event, so could not act on this consent as a young person",
            &|day| {
                record
                    .child
                    .age_on(day)
                    .is_ok_and(|age| age >= AGE_OF_PRESUMED_CAPACITY)
            },
        ),
        ConsentGiver::CompetentChild {
            assessed_by,
            assessed_on,
        } => {
            c.professional(at("givenBy/assessedBy"), *assessed_by);
            let assessed = record.competence_assessments.iter().any(|a| {
                a.child == record.child.id
                    && a.assessed_by == *assessed_by
                    && a.assessed_on == *assessed_on
                    && a.finding == CompetenceFinding::Competent
                    && a.decision.includes(&consent.scope)
            });
            if !assessed {
                c.problem(
                    at("givenBy"),
                    Rule::ChildConsentWithoutCapacity,
                    "names no competence assessment in the record, by that professional on that day, finding the child competent for a decision that includes this consent's scope",
                );
            }
            on_each_day(
                c,
                Rule::ChildConsentWithoutCapacity,
                "comes before the child's competence for the decision was assessed",
                &|day| *assessed_on <= day,
            );
        }
        _ => {}
    }
}

fn check_authority(
    c: &mut Checker<'_>,
    k: usize,
    consent: &ConsentRecord,
    authority: &ActingAuthority,
) {
    let at = |rest: &str| format!("/consents/{k}/givenBy/authority/{rest}");
    if let Some((made_on, ended_on)) = authority.order_period() {
        if made_on < c.record.child.date_of_birth {
            c.problem(
                at("madeOn"),
                Rule::ConsentWithoutAuthority,
                "an order about the child cannot be made before the child's birth",
            );
        }
        for (i, day) in acting_events(consent) {
            let message = if day < made_on {
                "comes before the order was made"
            } else if ended_on.is_some_and(|end| end < day) {
                "comes after the order ended"
            } else {
                continue;
            };
            c.problem(
                format!("/consents/{k}/events/{i}/at"),
                Rule::ConsentWithoutAuthority,
                message,
            );
        }
    }
    let sharing = DelegatedArea::InformationSharing;
    match authority {
        ActingAuthority::DelegatedAuthority { carer } => match c.find_carer(*carer) {
            None => c.carer(at("carer"), *carer),
            Some(x)
                if !x.legal_standing.has_authority_for(&sharing)
                    || x.legal_standing.holds_parental_responsibility() =>
            {
                c.problem(
                    at("carer"),
                    Rule::ConsentWithoutAuthority,
                    "names a carer whose placement plan does not delegate information sharing to them",
                )
            }
            Some(x) => {
                for (i, day) in acting_events(consent) {
                    if !x.legal_standing.has_authority_for_on(&sharing, day) {
                        c.problem(
                            format!("/consents/{k}/events/{i}/at"),
                            Rule::ConsentWithoutAuthority,
                            "comes before the placement plan that delegates information sharing to the carer",
                        );
                    }
                }
            }
        },
        ActingAuthority::CareOrder {
            local_authority,
            officer,
            ..
        } => {
            match c.record.agencies.iter().find(|a| a.id == *local_authority) {
                None => c.agency(at("localAuthority"), *local_authority),
                Some(a) if !a.kind.same_choice(&AgencyKind::SocialCare) => c.problem(
                    at("localAuthority"),
                    Rule::ConsentWithoutAuthority,
                    "names as the local authority an agency that is not children's social care",
                ),
                Some(_) => {}
            }
            match c.record.professionals.iter().find(|p| p.id == *officer) {
                None => c.professional(at("officer"), *officer),
                Some(p) if p.agency != *local_authority => c.problem(
                    at("officer"),
                    Rule::ConsentWithoutAuthority,
                    "names an officer who does not work for the local authority named",
                ),
                Some(_) => {}
            }
        }
        ActingAuthority::CourtOrder { carer, .. } => c.carer(at("carer"), *carer),
        _ => {}
    }
}

fn check_consent(c: &mut Checker<'_>) {
    let record = c.record;
    for (k, consent) in record.consents.iter().enumerate() {
        let at = |rest: &str| format!("/consents/{k}/{rest}");
        c.child(at("child"), consent.child);
        check_giver(c, k, consent);
        for (i, scope) in consent.scope.recipients.iter().enumerate() {
            c.scope(at(&format!("scope/recipients/{i}")), scope);
        }
        for (i, event) in consent.events.iter().enumerate() {
            c.party(at(&format!("events/{i}/by")), &event.by);
            if let Some(recorder) = event.recorded_by {
                c.professional(at(&format!("events/{i}/recordedBy")), recorder);
            }
        }
    }
    for (k, a) in record.competence_assessments.iter().enumerate() {
        let at = |rest: &str| format!("/competenceAssessments/{k}/{rest}");
        c.child(at("child"), a.child);
        c.professional(at("assessedBy"), a.assessed_by);
        if a.assessed_on < record.child.date_of_birth {
            c.problem(
                at("assessedOn"),
                Rule::InvalidValue,
                "is before the child's date of birth",
            );
        }
        for (i, scope) in a.decision.recipients.iter().enumerate() {
            c.scope(at(&format!("decision/recipients/{i}")), scope);
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
        for (i, scope) in j.recipients.iter().enumerate() {
            c.scope(at(&format!("recipients/{i}")), scope);
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
    for (k, checkpoint) in record.checkpoints.iter().enumerate() {
        if !checkpoint.is_signed_by_its_key() {
            c.problem(
                format!("/checkpoints/{k}/signature"),
                Rule::CheckpointInvalid,
                "the signature is not its key's over the length and head it states",
            );
        } else if !record.disclosures.holds(&checkpoint.ledger_head()) {
            c.problem(
                format!("/checkpoints/{k}"),
                Rule::LedgerTampered,
                "the ledger does not hold the head this checkpoint signed: it was changed, re-hashed or cut short since",
            );
        }
    }
    if let Some(k) =
        partnership_core::first_repeat(record.checkpoints.iter().map(|x| x.key.to_string()))
    {
        c.problem(
            format!("/checkpoints/{k}/key"),
            Rule::DuplicateId,
            "the record keeps one checkpoint per key, the latest: this key signed an earlier one in the list",
        );
    }
    for (k, entry) in record.disclosures.iter().enumerate() {
        check_entry(
            c,
            k,
            entry.recorded_at,
            &entry.request,
            &entry.decision,
            &[],
        );
    }
}

/// The problems one ledger entry brings to the record: references that do not
/// resolve; a decision time that is not the recording time; a capacity the child's
/// date of birth or the recorded assessments do not bear out; a permit the record's
/// consents or justifications do not support, or for other categories than were
/// asked for; a permit to someone a withholding rule withholds from (or, through
/// `also_reaches`, to an agency's inbox that reaches them).
///
/// The record's own check passes no `also_reaches` for past entries, since who works
/// where may have changed since; a new decision passes everyone its recipient
/// reaches today. Consents and justifications only ever gain events, and a consent's
/// status at a moment depends only on its events up to then, so a past permit can
/// always be checked against them.
pub(crate) fn check_entry(
    c: &mut Checker<'_>,
    k: usize,
    recorded_at: DateTime<Utc>,
    request: &SharingRequest,
    decision: &SharingDecision,
    also_reaches: &[Recipient],
) {
    let record = c.record;
    let at = |rest: &str| format!("/disclosures/{k}/{rest}");
    c.request(at("request"), request);
    if request.at != recorded_at {
        c.problem(
            at("request/at"),
            Rule::LedgerEntryInconsistent,
            "a decision is made when it is recorded, so the request's time must be the entry's recordedAt",
        );
    }
    if !capacity_borne_out(record, request, recorded_at) {
        c.problem(
            at("request/childCapacity"),
            Rule::LedgerEntryInconsistent,
            "the child's capacity is not what the date of birth and the recorded competence assessments show",
        );
    }
    let SharingDecision::Permit {
        data_categories,
        basis,
    } = decision
    else {
        return;
    };
    if *data_categories != request.data_categories {
        c.problem(
            at("decision/dataCategories"),
            Rule::LedgerEntryInconsistent,
            "a permit covers exactly the categories requested",
        );
    }
    match basis {
        PermitBasis::Consent { consents } => {
            let mut cited = Vec::new();
            for (i, id) in consents.iter().enumerate() {
                match record.consents.iter().find(|x| x.id == *id) {
                    Some(consent) => cited.push(consent),
                    None => c.problem(
                        at(&format!("decision/basis/consents/{i}")),
                        Rule::DanglingReference,
                        "names a consent that is not in the record",
                    ),
                }
            }
            let covered = |category| {
                cited.iter().any(|consent| {
                    consent.child == request.child
                        && consent.permits_at(request.at)
                        && consent
                            .scope
                            .covers(&request.recipient, &request.purpose, category)
                })
            };
            if cited.len() == consents.len() && !request.data_categories.iter().all(covered) {
                c.problem(
                    at("decision/basis"),
                    Rule::PermitWithoutBasis,
                    "the consents cited were not all in force, or do not cover this recipient, purpose and every category",
                );
            }
        }
        PermitBasis::Safeguarding { justification } => {
            match record.justifications.iter().find(|j| j.id == *justification) {
                None => c.problem(
                    at("decision/basis/justification"),
                    Rule::DanglingReference,
                    "names a justification that is not in the record",
                ),
                Some(j) if !j.permits(request) => c.problem(
                    at("decision/basis"),
                    Rule::PermitWithoutBasis,
                    "the justification cited does not cover this recipient, purpose, every category and the moment",
                ),
                Some(_) => {}
            }
        }
    }
    let mut reached = vec![request.recipient.clone()];
    reached.extend(also_reaches.iter().cloned());
    let withheld = record.withholding_rules.iter().any(|rule| {
        !rule
            .withholds_from_any(&reached, data_categories, request.at)
            .is_empty()
    });
    if withheld {
        c.problem(
            at("decision"),
            Rule::DisclosedDespiteWithholding,
            "information was disclosed to a recipient it is withheld from to protect someone's safety",
        );
    }
}

/// Whether the capacity a ledger entry states is what the record shows: 16 or over
/// exactly when the child was (on the date in England, as decisions take it), and an
/// assessed capacity only from an assessment in the record.
fn capacity_borne_out(
    record: &PartnershipRecordParts,
    request: &SharingRequest,
    recorded_at: DateTime<Utc>,
) -> bool {
    let sixteen = record
        .child
        .age_on((recorded_at + chrono::Duration::hours(1)).date_naive())
        .is_ok_and(|age| age >= AGE_OF_PRESUMED_CAPACITY);
    match request.child_capacity {
        ChildCapacity::SixteenOrOver {} => sixteen,
        ChildCapacity::NotAssessed {} => !sixteen,
        ChildCapacity::Competent {
            assessed_by,
            assessed_on,
        }
        | ChildCapacity::NotCompetent {
            assessed_by,
            assessed_on,
        } => {
            !sixteen
                && record.competence_assessments.iter().any(|a| {
                    a.assessed_by == assessed_by
                        && a.assessed_on == assessed_on
                        && a.capacity() == request.child_capacity
                })
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
