//! Cross-reference validation: every problem, each with its JSON Pointer.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use partnership_barriers::Barrier;
use partnership_carers::{
    Carer, CommunicationAgreement, ContactRecord, DelegatedArea, Involvement,
};
use partnership_consent::{
    AGE_OF_PRESUMED_CAPACITY, ActingAuthority, ChildCapacity, CompetenceAssessment,
    CompetenceFinding, ConsentError, ConsentEventKind, ConsentGiver, ConsentRecord, DataCategory,
    DetrimentException, LawInForce, PermitBasis, Recipient, RecipientScope,
    SafeguardingJustification, SharingDecision, SharingRequest, WithholdingRule,
};
use partnership_core::{
    AgencyId, AgencyKind, CarerId, GoalId, PartyRef, Pointer, ProfessionalId, ReviewId,
};
use partnership_goals::{ActivationBasis, ChildsView, GoalStatus, ReviewDecision, SharedGoal};
use partnership_reviews::{Redress, ReviewSchedule};

use crate::{PartnershipRecordParts, Problem, ProvenanceEntry, Rule, SCHEMA_VERSION};

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
            carers: record.carers.iter().map(|c| c.id()).collect(),
            professionals: record.professionals.iter().map(|p| p.id).collect(),
            agencies: record.agencies.iter().map(|a| a.id).collect(),
            goals: record.goals.iter().map(|g| g.id()).collect(),
            problems: Vec::new(),
        }
    }

    fn find_carer(&self, id: CarerId) -> Option<&'a Carer> {
        self.record.carers.iter().find(|x| x.id() == id)
    }

    /// Reports a problem at `at`: the one place a pointer is written out as text.
    pub(crate) fn problem(&mut self, at: &Pointer<'_>, rule: Rule, message: impl Into<String>) {
        self.problems
            .push(Problem::at(at.to_string(), rule, message));
    }

    /// The kind of party an id belongs to, if any.
    fn kind_of(&self, id: &uuid::Uuid) -> Option<&'static str> {
        if self.carers.iter().any(|c| c.as_uuid() == id) {
            Some("a carer")
        } else if self.professionals.iter().any(|p| p.as_uuid() == id) {
            Some("a professional")
        } else if self.record.child.id().as_uuid() == id {
            Some("the child")
        } else if self.agencies.iter().any(|a| a.as_uuid() == id) {
            Some("an agency")
        } else {
            None
        }
    }

    fn missing(&mut self, at: &Pointer<'_>, wanted: &str, id: &uuid::Uuid) {
        match self.kind_of(id) {
            Some(kind) => self.problem(
                at,
                Rule::WrongKindOfParty,
                format!("names {wanted}, but this id belongs to {kind}"),
            ),
            None => self.problem(
                at,
                Rule::DanglingReference,
                format!("names {wanted} that is not in the record"),
            ),
        }
    }

    pub(crate) fn carer(&mut self, at: &Pointer<'_>, id: CarerId) {
        if !self.carers.contains(&id) {
            self.missing(at, "a carer", id.as_uuid());
        }
    }

    pub(crate) fn professional(&mut self, at: &Pointer<'_>, id: ProfessionalId) {
        if !self.professionals.contains(&id) {
            self.missing(at, "a professional", id.as_uuid());
        }
    }

    pub(crate) fn agency(&mut self, at: &Pointer<'_>, id: AgencyId) {
        if !self.agencies.contains(&id) {
            self.missing(at, "an agency", id.as_uuid());
        }
    }

    pub(crate) fn goal(&mut self, at: &Pointer<'_>, id: GoalId) {
        if !self.goals.contains(&id) {
            self.problem(
                at,
                Rule::DanglingReference,
                "names a goal that is not in the record",
            );
        }
    }

    pub(crate) fn party(&mut self, at: &Pointer<'_>, party: &PartyRef) {
        let id = at.field("id");
        match party {
            PartyRef::Carer { id: carer } => self.carer(&id, *carer),
            PartyRef::Professional { id: professional } => self.professional(&id, *professional),
            PartyRef::Child { id: child } => {
                if *child != self.record.child.id() {
                    self.problem(
                        &id,
                        Rule::WrongChild,
                        "names a child other than the record's",
                    );
                }
            }
        }
    }

    pub(crate) fn child(&mut self, at: &Pointer<'_>, id: partnership_core::ChildId) {
        if id != self.record.child.id() {
            self.problem(
                at,
                Rule::WrongChild,
                "is about a child other than the record's",
            );
        }
    }

    fn scope(&mut self, at: &Pointer<'_>, scope: &RecipientScope) {
        let id = at.field("id");
        match scope {
            RecipientScope::Carer { id: carer } => self.carer(&id, *carer),
            RecipientScope::Professional { id: professional } => {
                self.professional(&id, *professional)
            }
            RecipientScope::Agency { id: agency } => self.agency(&id, *agency),
            _ => {}
        }
    }

    pub(crate) fn recipient(&mut self, at: &Pointer<'_>, recipient: &Recipient) {
        match recipient {
            Recipient::Carer { id } => self.carer(&at.field("id"), *id),
            Recipient::Professional { id, agency, .. } => {
                self.professional(&at.field("id"), *id);
                self.agency(&at.field("agency"), *agency);
            }
            Recipient::Agency { id, .. } => self.agency(&at.field("id"), *id),
            _ => {}
        }
    }

    fn request(&mut self, at: &Pointer<'_>, request: &SharingRequest) {
        self.child(&at.field("child"), request.child());
        self.professional(&at.field("requestedBy"), request.requested_by());
        self.recipient(&at.field("recipient"), request.recipient());
        if let ChildCapacity::Competent { assessed_by, .. }
        | ChildCapacity::NotCompetent { assessed_by, .. } = request.child_capacity()
        {
            self.professional(&at.field("childCapacity").field("assessedBy"), assessed_by);
        }
    }
}

/// Ids used twice among `ids`, reported at `/list/index/id`.
fn duplicates<T: Ord>(checker: &mut Checker<'_>, list: &str, ids: impl IntoIterator<Item = T>) {
    let root = Pointer::root();
    let list = root.field(list);
    let mut seen = BTreeSet::new();
    for (index, id) in ids.into_iter().enumerate() {
        if !seen.insert(id) {
            checker.problem(
                &list.index(index).field("id"),
                Rule::DuplicateId,
                "uses an id already used earlier in the list",
            );
        }
    }
}

fn restricted_on(carer: &Carer, date: NaiveDate) -> bool {
    match &carer.involvement() {
        Involvement::Restricted(r) => r.decided_on() <= date,
        _ => false,
    }
}

/// Every cross-reference problem in a record, in the order of the record.
pub(crate) fn cross_check(record: &PartnershipRecordParts) -> Vec<Problem> {
    let mut c = Checker::new(record);
    let root = Pointer::root();
    if record.schema_version != SCHEMA_VERSION {
        let message = if record.schema_version == 1 {
            format!(
                "this library reads schema version {SCHEMA_VERSION}; version 1 wrote consent under another authority as a name and a line of text: restate any such consent with the authority it rests on (see the changelog), then set schemaVersion to {SCHEMA_VERSION}"
            )
        } else {
            format!("this library reads schema version {SCHEMA_VERSION}")
        };
        c.problem(&root.field("schemaVersion"), Rule::SchemaVersion, message);
    }
    check_ids(&mut c);
    check_team(&mut c);
    check_goals(&mut c);
    check_consents(&mut c);
    check_ledger(&mut c);
    check_barriers(&mut c);
    check_reviews(&mut c);
    check_provenance(&mut c);
    c.problems
}

/// No id used twice in a list, no party's id used for another kind of party, and one
/// decision per request.
pub(crate) fn check_ids(c: &mut Checker<'_>) {
    let record = c.record;
    duplicates(
        c,
        "communicationAgreements",
        record.communication_agreements.iter().map(|x| x.id),
    );
    duplicates(c, "goals", record.goals.iter().map(|x| x.id()));
    duplicates(c, "consents", record.consents.iter().map(|x| x.id()));
    duplicates(
        c,
        "competenceAssessments",
        record.competence_assessments.iter().map(|x| x.id()),
    );
    duplicates(
        c,
        "withholdingRules",
        record.withholding_rules.iter().map(|x| x.id()),
    );
    duplicates(
        c,
        "justifications",
        record.justifications.iter().map(|x| x.id()),
    );
    duplicates(c, "reviews", record.reviews.iter().map(|x| x.id()));
    duplicates(
        c,
        "complaintsAndAppeals",
        record.complaints_and_appeals.iter().map(|x| x.id()),
    );
    // One decision per request: a request decided twice is a retry recorded twice.
    let root = Pointer::root();
    let disclosures = root.field("disclosures");
    let mut requests = BTreeSet::new();
    for (k, entry) in record.disclosures.iter().enumerate() {
        if !requests.insert(entry.request.id()) {
            c.problem(
                &disclosures.index(k).field("request").field("id"),
                Rule::DuplicateId,
                "decides a request the ledger already records a decision on",
            );
        }
    }
    check_party_ids(c);
}

/// No carer, professional or agency id used twice, nor one party's id for another
/// kind of party: a reference could not say which it meant.
pub(crate) fn check_party_ids(c: &mut Checker<'_>) {
    let record = c.record;
    let root = Pointer::root();
    duplicates(c, "carers", record.carers.iter().map(|x| x.id()));
    duplicates(
        c,
        "professionals",
        record.professionals.iter().map(|x| x.id),
    );
    duplicates(c, "agencies", record.agencies.iter().map(|x| x.id));
    let mut people: BTreeMap<uuid::Uuid, &str> = BTreeMap::new();
    people.insert(*record.child.id().as_uuid(), "the child");
    let everyone = (record.carers.iter().map(|x| *x.id().as_uuid()).enumerate())
        .map(|(i, id)| ("carers", "a carer", i, id))
        .chain(
            (record
                .professionals
                .iter()
                .map(|x| *x.id.as_uuid())
                .enumerate())
            .map(|(i, id)| ("professionals", "a professional", i, id)),
        )
        .chain(
            (record.agencies.iter().map(|x| *x.id.as_uuid()).enumerate())
                .map(|(i, id)| ("agencies", "an agency", i, id)),
        );
    for (list, kind, i, id) in everyone {
        match people.get(&id) {
            Some(other) if *other != kind => c.problem(
                &root.field(list).index(i).field("id"),
                Rule::DuplicateId,
                format!("uses the same id as {other}"),
            ),
            _ => {
                people.insert(id, kind);
            }
        }
    }
}

/// The child's views, the team, the agreements and the contact log: every party named
/// is in the record.
fn check_team(c: &mut Checker<'_>) {
    let record = c.record;
    let root = Pointer::root();
    let child = root.field("child");
    let views = child.field("views");
    for (i, view) in record.child.views().iter().enumerate() {
        c.party(&views.index(i).field("recordedBy"), &view.recorded_by);
    }
    if let Some(omitted) = record.child.identifier_omitted() {
        c.professional(
            &child.field("identifierOmitted").field("recordedBy"),
            omitted.recorded_by,
        );
    }
    for i in 0..record.carers.len() {
        check_carer(c, i);
    }
    for i in 0..record.professionals.len() {
        check_professional(c, i);
    }
    for (i, a) in record.communication_agreements.iter().enumerate() {
        check_agreement(c, i, a);
    }
    for (i, entry) in record.contact_log.iter().enumerate() {
        check_contact(c, i, entry);
    }
    for (k, redress) in record.complaints_and_appeals.iter().enumerate() {
        check_redress(c, k, redress);
    }
}

/// A complaint or appeal was made by a carer in the record, to an agency in it.
pub(crate) fn check_redress(c: &mut Checker<'_>, k: usize, redress: &Redress) {
    let root = Pointer::root();
    let list = root.field("complaintsAndAppeals");
    let at = list.index(k);
    c.carer(&at.field("carer"), redress.carer());
    if let Some(agency) = redress.agency() {
        c.agency(&at.field("route").field("agency"), agency);
    }
}

/// A carer's restriction on involvement was decided by a professional in the record.
pub(crate) fn check_carer(c: &mut Checker<'_>, i: usize) {
    let root = Pointer::root();
    let list = root.field("carers");
    let Some(carer) = c.record.carers.get(i) else {
        return;
    };
    let at = list.index(i);
    if let Involvement::Restricted(r) = carer.involvement() {
        let involvement = at.field("involvement");
        c.professional(&involvement.field("decidedBy"), r.decided_by());
    }
    // A request for an adjustment was made to an agency in the record, and decided
    // by a professional in it when the record says who.
    let adjustments = at.field("adjustments");
    for (j, request) in carer.adjustments().iter().enumerate() {
        let request_at = adjustments.index(j);
        c.agency(&request_at.field("agency"), request.agency);
        if let Some(by) = request.outcome.as_ref().and_then(|o| o.decided_by) {
            c.professional(&request_at.field("outcome").field("decidedBy"), by);
        }
    }
}

/// A professional works for an agency in the record.
pub(crate) fn check_professional(c: &mut Checker<'_>, i: usize) {
    let root = Pointer::root();
    let list = root.field("professionals");
    if let Some(p) = c.record.professionals.get(i) {
        c.agency(&list.index(i).field("agency"), p.agency);
    }
}

/// An agreement names a carer in the record, and who gives the updates.
pub(crate) fn check_agreement(c: &mut Checker<'_>, i: usize, agreement: &CommunicationAgreement) {
    let root = Pointer::root();
    let list = root.field("communicationAgreements");
    let at = list.index(i);
    c.carer(&at.field("carer"), agreement.carer);
    c.party(&at.field("updatesGivenBy"), &agreement.updates_given_by);
}

/// Everyone who took part in a discussion, and every owner of an action agreed in it.
pub(crate) fn check_contact(c: &mut Checker<'_>, i: usize, entry: &ContactRecord) {
    let root = Pointer::root();
    let log = root.field("contactLog");
    let at = log.index(i);
    let participants = at.field("participants");
    for (j, p) in entry.participants().iter().enumerate() {
        c.party(&participants.index(j), p);
    }
    let actions = at.field("agreedActions");
    for (j, a) in entry.agreed_actions().iter().enumerate() {
        c.party(&actions.index(j).field("owner"), &a.owner);
    }
}

/// The carers whose involvement is not restricted: those whose agreement a goal
/// needs before it becomes active.
pub(crate) fn unrestricted_carers(record: &PartnershipRecordParts) -> BTreeSet<CarerId> {
    record
        .carers
        .iter()
        .filter(|x| !x.involvement().is_restricted())
        .map(|x| x.id())
        .collect()
}

pub(crate) fn check_goals(c: &mut Checker<'_>) {
    let record = c.record;
    let unrestricted = unrestricted_carers(record);
    for (g, goal) in record.goals.iter().enumerate() {
        check_goal(c, g, goal, &unrestricted);
    }
}

/// One goal: everyone it names is in the record, and each activation rests on the
/// agreement of a carer whose involvement is not restricted.
pub(crate) fn check_goal(
    c: &mut Checker<'_>,
    g: usize,
    goal: &SharedGoal,
    unrestricted: &BTreeSet<CarerId>,
) {
    let root = Pointer::root();
    let goals = root.field("goals");
    let at = goals.index(g);
    c.child(&at.field("child"), goal.child());
    let view = at.field("childsView");
    if let Some(ChildsView::Recorded { view: recorded }) = &goal.childs_view() {
        c.party(
            &view.field("view").field("recordedBy"),
            &recorded.recorded_by,
        );
    }
    if let Some(ChildsView::NotGathered { recorded_by, .. }) = &goal.childs_view() {
        c.party(&view.field("recordedBy"), recorded_by);
    }
    let responsibilities = at.field("responsibilities");
    for (i, r) in goal.responsibilities().iter().enumerate() {
        c.party(&responsibilities.index(i).field("party"), &r.party);
    }
    let agreements = at.field("agreements");
    for (i, a) in goal.agreements().iter().enumerate() {
        c.carer(&agreements.index(i).field("carer"), a.carer);
    }
    let transitions = at.field("transitions");
    for (i, t) in goal.transitions().iter().enumerate() {
        let transition = transitions.index(i);
        c.party(&transition.field("by"), &t.by);
        if t.to != GoalStatus::Active {
            continue;
        }
        let basis = transition.field("basis");
        match &t.basis {
            Some(ActivationBasis::CarersAgreed { carers }) => {
                let listed = basis.field("carers");
                for (j, carer) in carers.iter().enumerate() {
                    c.carer(&listed.index(j), *carer);
                }
                if !carers.iter().any(|x| unrestricted.contains(x)) && !unrestricted.is_empty() {
                    c.problem(
                        &basis,
                        Rule::ActivationWithoutCarerAgreement,
                        "the goal became active without the agreement of any carer whose involvement is not restricted",
                    );
                }
            }
            Some(ActivationBasis::AllCarersRestricted) if !unrestricted.is_empty() => {
                c.problem(
                    &basis,
                    Rule::ActivationWithoutCarerAgreement,
                    "records that every carer's involvement is restricted, but a carer in the record is involved",
                );
            }
            _ => {}
        }
    }
    let progress = at.field("progress");
    for (i, p) in goal.progress().iter().enumerate() {
        c.party(&progress.index(i).field("recordedBy"), &p.recorded_by);
    }
    let milestones = at.field("milestones");
    for (i, m) in goal.milestones().iter().enumerate() {
        c.party(&milestones.index(i).field("noticedBy"), &m.noticed_by);
    }
    let reviews = at.field("reviews");
    for (i, r) in goal.reviews().iter().enumerate() {
        let review = reviews.index(i);
        c.party(&review.field("by"), &r.by);
        if let ReviewDecision::ReplaceWith { goal: next, .. } = &r.decision {
            c.goal(&review.field("decision").field("goal"), *next);
        }
    }
}

/// The events by which a giver acts on their consent: giving, refusing and renewing
/// it. Standing is checked on the day of each.
fn acting_events(consent: &ConsentRecord) -> impl Iterator<Item = (usize, NaiveDate)> + '_ {
    consent
        .events()
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

/// Reports `message` at each acting event of `consent` on whose day `stands` fails.
fn on_each_acting_day(
    c: &mut Checker<'_>,
    at: &Pointer<'_>,
    consent: &ConsentRecord,
    rule: Rule,
    message: &str,
    stands: &dyn Fn(NaiveDate) -> bool,
) {
    let events = at.field("events");
    for (i, day) in acting_events(consent) {
        if !stands(day) {
            c.problem(&events.index(i).field("at"), rule, message);
        }
    }
}

/// Whether each giver was entitled to give their consent, on the day of each event
/// by which they gave, refused or renewed it.
fn check_giver(c: &mut Checker<'_>, at: &Pointer<'_>, consent: &ConsentRecord) {
    let record = c.record;
    let given_by = at.field("givenBy");
    match &consent.given_by() {
        ConsentGiver::ParentalResponsibility { carer } => match c.find_carer(*carer) {
            Some(x) if !x.legal_standing().holds_parental_responsibility() => c.problem(
                &given_by.field("carer"),
                Rule::ConsentWithoutParentalResponsibility,
                "consent was given as a holder of parental responsibility by a carer who does not hold it",
            ),
            Some(x) => on_each_acting_day(
                c,
                at,
                consent,
                Rule::ConsentWithoutParentalResponsibility,
                "the carer named in givenBy did not hold parental responsibility on the day of this event",
                &|day| x.legal_standing().holds_parental_responsibility_on(day),
            ),
            None => c.carer(&given_by.field("carer"), *carer),
        },
        ConsentGiver::OtherAuthority { authority } => check_authority(c, at, consent, authority),
        ConsentGiver::YoungPerson => on_each_acting_day(
            c,
            at,
            consent,
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
            c.professional(&given_by.field("assessedBy"), *assessed_by);
            let assessed = record.competence_assessments.iter().any(|a| {
                a.child() == record.child.id()
                    && a.assessed_by() == *assessed_by
                    && a.assessed_on() == *assessed_on
                    && a.finding() == CompetenceFinding::Competent
                    && a.decision().includes(consent.scope())
            });
            if !assessed {
                c.problem(
                    &given_by,
                    Rule::ChildConsentWithoutCapacity,
                    "names no competence assessment in the record, by that professional on that day, finding the child competent for a decision that includes this consent's scope",
                );
            }
            on_each_acting_day(
                c,
                at,
                consent,
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
    consent_at: &Pointer<'_>,
    consent: &ConsentRecord,
    authority: &ActingAuthority,
) {
    let given_by = consent_at.field("givenBy");
    let at = given_by.field("authority");
    let events = consent_at.field("events");
    if let Some((made_on, ended_on)) = authority.order_period() {
        if made_on < c.record.child.date_of_birth() {
            c.problem(
                &at.field("madeOn"),
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
                &events.index(i).field("at"),
                Rule::ConsentWithoutAuthority,
                message,
            );
        }
    }
    let sharing = DelegatedArea::InformationSharing;
    match authority {
        ActingAuthority::DelegatedAuthority { carer } => match c.find_carer(*carer) {
            None => c.carer(&at.field("carer"), *carer),
            Some(x)
                if !x.legal_standing().has_authority_for(&sharing)
                    || x.legal_standing().holds_parental_responsibility() =>
            {
                c.problem(
                    &at.field("carer"),
                    Rule::ConsentWithoutAuthority,
                    "names a carer whose placement plan does not delegate information sharing to them",
                )
            }
            Some(x) => on_each_acting_day(
                c,
                consent_at,
                consent,
                Rule::ConsentWithoutAuthority,
                "comes before the placement plan that delegates information sharing to the carer",
                &|day| x.legal_standing().has_authority_for_on(&sharing, day),
            ),
        },
        ActingAuthority::CareOrder {
            local_authority,
            officer,
            ..
        } => {
            match c.record.agencies.iter().find(|a| a.id == *local_authority) {
                None => c.agency(&at.field("localAuthority"), *local_authority),
                Some(a) if !a.kind.same_choice(&AgencyKind::SocialCare) => c.problem(
                    &at.field("localAuthority"),
                    Rule::ConsentWithoutAuthority,
                    "names as the local authority an agency that is not children's social care",
                ),
                Some(_) => {}
            }
            match c.record.professionals.iter().find(|p| p.id == *officer) {
                None => c.professional(&at.field("officer"), *officer),
                Some(p) if p.agency != *local_authority => c.problem(
                    &at.field("officer"),
                    Rule::ConsentWithoutAuthority,
                    "names an officer who does not work for the local authority named",
                ),
                Some(_) => {}
            }
        }
        ActingAuthority::CourtOrder { carer, .. } => c.carer(&at.field("carer"), *carer),
        _ => {}
    }
}

pub(crate) fn check_consents(c: &mut Checker<'_>) {
    let record = c.record;
    for (k, consent) in record.consents.iter().enumerate() {
        check_consent(c, k, consent);
    }
    for (k, a) in record.competence_assessments.iter().enumerate() {
        check_assessment(c, k, a);
    }
    for (k, rule) in record.withholding_rules.iter().enumerate() {
        check_withholding(c, k, rule);
    }
    for (k, j) in record.justifications.iter().enumerate() {
        check_justification(c, k, j);
    }
}

/// One consent: about the record's child, given by someone entitled to give it on
/// the day, and every party it names in the record.
pub(crate) fn check_consent(c: &mut Checker<'_>, k: usize, consent: &ConsentRecord) {
    let root = Pointer::root();
    let consents = root.field("consents");
    let at = consents.index(k);
    c.child(&at.field("child"), consent.child());
    check_giver(c, &at, consent);
    let scope = at.field("scope");
    let recipients = scope.field("recipients");
    for (i, recipient) in consent.scope().recipients.iter().enumerate() {
        c.scope(&recipients.index(i), recipient);
    }
    let events = at.field("events");
    for (i, event) in consent.events().iter().enumerate() {
        let event_at = events.index(i);
        c.party(&event_at.field("by"), &event.by);
        if let Some(recorder) = event.recorded_by {
            c.professional(&event_at.field("recordedBy"), recorder);
        }
    }
}

/// One competence assessment: of the record's child, after the birth, by a
/// professional in the record.
pub(crate) fn check_assessment(c: &mut Checker<'_>, k: usize, a: &CompetenceAssessment) {
    let root = Pointer::root();
    let list = root.field("competenceAssessments");
    let at = list.index(k);
    c.child(&at.field("child"), a.child());
    c.professional(&at.field("assessedBy"), a.assessed_by());
    if a.assessed_on() < c.record.child.date_of_birth() {
        c.problem(
            &at.field("assessedOn"),
            Rule::InvalidValue,
            "is before the child's date of birth",
        );
    }
    let decision = at.field("decision");
    let recipients = decision.field("recipients");
    for (i, scope) in a.decision().recipients.iter().enumerate() {
        c.scope(&recipients.index(i), scope);
    }
}

/// One withholding rule: everyone it protects and withholds from is in the record.
pub(crate) fn check_withholding(c: &mut Checker<'_>, k: usize, rule: &WithholdingRule) {
    let root = Pointer::root();
    let list = root.field("withholdingRules");
    let at = list.index(k);
    c.child(&at.field("child"), rule.child());
    c.professional(&at.field("decidedBy"), rule.decided_by());
    let protects = at.field("protects");
    for (i, p) in rule.protects().iter().enumerate() {
        c.party(&protects.index(i), p);
    }
    let withheld_from = at.field("withheldFrom");
    for (i, scope) in rule.withheld_from().iter().enumerate() {
        c.scope(&withheld_from.index(i), scope);
    }
}

/// One justification: decided and approved by professionals in the record, for
/// recipients in it.
pub(crate) fn check_justification(c: &mut Checker<'_>, k: usize, j: &SafeguardingJustification) {
    let root = Pointer::root();
    let list = root.field("justifications");
    let at = list.index(k);
    c.child(&at.field("child"), j.child());
    c.professional(&at.field("decidedBy"), j.decided_by());
    if let Some(approver) = j.approved_by() {
        c.professional(&at.field("approvedBy"), approver);
    }
    let recipients = at.field("recipients");
    for (i, scope) in j.recipients().iter().enumerate() {
        c.scope(&recipients.index(i), scope);
    }
}

/// The ledger's checkpoints, and every entry against the record (the chain is the
/// ledger's own invariant).
fn check_ledger(c: &mut Checker<'_>) {
    let record = c.record;
    let root = Pointer::root();
    // The chain itself needs no second look: a `DisclosureLedger` exists only with
    // its chain verified (read, or appended to by `decide`), and a record read from
    // JSON reports a broken chain as `ledger-tampered` while reading. Verifying it
    // again here cost as much as reading the rest of a record.
    let checkpoints = root.field("checkpoints");
    for (index, checkpoint) in record.checkpoints.iter().enumerate() {
        // The same faults, in the same words, as a ledger file's checkpoints.
        let error = if !checkpoint.is_signed_by_its_key() {
            ConsentError::CheckpointSignatureInvalid { index }
        } else if !record.disclosures.holds(&checkpoint.ledger_head()) {
            ConsentError::CheckpointNotInLedger { index }
        } else {
            continue;
        };
        c.problems.push(Problem::broken(&checkpoints, &error));
    }
    if let Some(k) =
        partnership_core::first_repeat(record.checkpoints.iter().map(|x| x.key.to_string()))
    {
        c.problem(
            &checkpoints.index(k).field("key"),
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
    let root = Pointer::root();
    let disclosures = root.field("disclosures");
    let at = disclosures.index(k);
    let request_at = at.field("request");
    c.request(&request_at, request);
    if request.at() != recorded_at {
        c.problem(
            &request_at.field("at"),
            Rule::LedgerEntryInconsistent,
            "a decision is made when it is recorded, so the request's time must be the entry's recordedAt",
        );
    }
    if !recipient_as_the_team_has_them(record, request.recipient()) {
        c.problem(
            &request_at.field("recipient"),
            Rule::LedgerEntryInconsistent,
            "a decision is made on the recipient as the record's team describes them: role, agency and kind of agency",
        );
    }
    if !capacity_borne_out(record, request, recorded_at) {
        c.problem(
            &request_at.field("childCapacity"),
            Rule::LedgerEntryInconsistent,
            "the child's capacity is not what the date of birth and the recorded competence assessments show",
        );
    }
    let decision_at = at.field("decision");
    // One law, one commencement day: every entry that records the duty's day records
    // the same one (a forged entry claiming an earlier day stands out).
    if let Some(day) = recorded_duty_day(decision)
        && let Some(earlier) = record
            .disclosures
            .iter()
            .take(k)
            .find_map(|e| recorded_duty_day(&e.decision))
        && earlier != day
    {
        let field = match decision {
            SharingDecision::NotDisclosed { .. } => decision_at.field("exception"),
            _ => decision_at.field("basis"),
        };
        c.problem(
            &field.field("dutyToShareFrom"),
            Rule::LedgerEntryInconsistent,
            "the duty to share has one commencement day, and an earlier entry records another",
        );
    }
    let (data_categories, basis) = match decision {
        SharingDecision::Permit {
            data_categories,
            basis,
        } => (data_categories, basis),
        SharingDecision::NotDisclosed { exception } => {
            check_not_disclosed(c, &decision_at.field("exception"), request, exception);
            return;
        }
        SharingDecision::Refuse { .. } => return,
    };
    if *data_categories != request.data_categories() {
        c.problem(
            &decision_at.field("dataCategories"),
            Rule::LedgerEntryInconsistent,
            "a permit covers exactly the categories requested",
        );
    }
    let basis_at = decision_at.field("basis");
    match basis {
        PermitBasis::Consent { consents } => {
            let mut cited = Vec::new();
            let listed = basis_at.field("consents");
            for (i, id) in consents.iter().enumerate() {
                match record.consents.iter().find(|x| x.id() == *id) {
                    Some(consent) => cited.push(consent),
                    None => c.problem(
                        &listed.index(i),
                        Rule::DanglingReference,
                        "names a consent that is not in the record",
                    ),
                }
            }
            let covered = |category| {
                cited.iter().any(|consent| {
                    consent.child() == request.child()
                        && consent.permits_at(request.at())
                        && consent
                            .scope()
                            .covers(request.recipient(), request.purpose(), category)
                })
            };
            if cited.len() == consents.len() && !request.data_categories().iter().all(covered) {
                c.problem(
                    &basis_at,
                    Rule::PermitWithoutBasis,
                    "the consents cited were not all in force, or do not cover this recipient, purpose and every category",
                );
            }
        }
        PermitBasis::Safeguarding {
            justification,
            decided_by,
            approved_by,
            decided_at,
            duty_to_share_from,
        } => {
            let cited = record
                .justifications
                .iter()
                .find(|j| j.id() == *justification);
            // The day is recorded only on the duty, and only by this library's permits,
            // which also record the human decision: a day on another basis, or without
            // the three, was not written by `decide_under`.
            if duty_to_share_from.is_some()
                && (cited.is_some_and(|j| !j.relies_on_duty_to_share())
                    || decided_by.is_none()
                    || decided_at.is_none())
            {
                c.problem(
                    &basis_at.field("dutyToShareFrom"),
                    Rule::LedgerEntryInconsistent,
                    "a permit records the duty to share's commencement day only when its justification is on the duty, with the human decision beside it",
                );
            }
            let law = LawInForce {
                duty_to_share_from: *duty_to_share_from,
                ..LawInForce::default()
            };
            match cited {
                None => c.problem(
                    &basis_at.field("justification"),
                    Rule::DanglingReference,
                    "names a justification that is not in the record",
                ),
                Some(j)
                    if !j.permits_in(
                        request,
                        &crate::facts::sharing_context(
                            record,
                            request.requested_by(),
                            crate::facts::age_for_decision(&record.child, request.at()),
                            law,
                        ),
                    ) =>
                {
                    c.problem(
                        &basis_at,
                        Rule::PermitWithoutBasis,
                        "the justification cited does not cover this recipient, purpose, every category and the moment",
                    )
                }
                // The human decision the permit records is the justification's. Entries
                // recorded before permits kept it have none of the three.
                Some(j)
                    if (decided_by.is_some() || approved_by.is_some() || decided_at.is_some())
                        && (*decided_by != Some(j.decided_by())
                            || *approved_by != j.approved_by()
                            || *decided_at != j.decided_at()) =>
                {
                    c.problem(
                        &basis_at,
                        Rule::LedgerEntryInconsistent,
                        "the human decision a permit records (decidedBy, approvedBy, decidedAt) is the one its justification records",
                    )
                }
                Some(_) => {}
            }
        }
    }
    let mut reached = vec![request.recipient().clone()];
    reached.extend(also_reaches.iter().cloned());
    if record
        .withholding_rules
        .iter()
        .any(|rule| withholds(rule, &reached, request, data_categories))
    {
        disclosed_despite(c, &decision_at);
    }
}

/// The duty to share's commencement day a decision records, if it records one.
pub(crate) fn recorded_duty_day(decision: &SharingDecision) -> Option<NaiveDate> {
    match decision {
        SharingDecision::Permit {
            basis: PermitBasis::Safeguarding {
                duty_to_share_from, ..
            },
            ..
        } => *duty_to_share_from,
        SharingDecision::NotDisclosed { exception } => Some(exception.duty_to_share_from()),
        _ => None,
    }
}

/// Checks a decision not to disclose under the exception to the duty to share: the
/// duty was in force on the day by the commencement day it records, it binds the
/// sharer and is owed to the recipient, and the two professionals are in the team.
fn check_not_disclosed(
    c: &mut Checker<'_>,
    at: &Pointer<'_>,
    request: &SharingRequest,
    exception: &DetrimentException,
) {
    let record = c.record;
    let law = LawInForce {
        duty_to_share_from: Some(exception.duty_to_share_from()),
        ..LawInForce::default()
    };
    if !law.duty_to_share_on(partnership_core::uk_date(request.at())) {
        c.problem(
            &at.field("dutyToShareFrom"),
            Rule::LedgerEntryInconsistent,
            "the exception to the duty to share is used only where the duty is in force: the decision is dated before the commencement day it records",
        );
    }
    let context = crate::facts::sharing_context(record, request.requested_by(), None, law);
    if let Some(rule) = crate::facts::duty_does_not_bind(&context, request) {
        c.problem(at, Rule::LedgerEntryInconsistent, rule);
    }
    c.professional(&at.field("decidedBy"), exception.decided_by());
    c.professional(&at.field("approvedBy"), exception.approved_by());
}

/// Whether an entry describes its recipient as the record's team does. The team's
/// professionals and agencies are only ever added, never changed, so a decision's
/// description stays the team's. An id the team does not hold is reported as a
/// dangling reference, not here.
fn recipient_as_the_team_has_them(record: &PartnershipRecordParts, recipient: &Recipient) -> bool {
    let kind_of = |id: AgencyId| record.agencies.iter().find(|a| a.id == id).map(|a| &a.kind);
    match recipient {
        Recipient::Professional {
            id,
            role,
            agency,
            agency_kind,
        } => record
            .professionals
            .iter()
            .find(|p| p.id == *id)
            .is_none_or(|p| {
                p.role == *role
                    && p.agency == *agency
                    && kind_of(*agency).is_none_or(|k| k == agency_kind)
            }),
        Recipient::Agency { id, agency_kind } => kind_of(*id).is_none_or(|k| k == agency_kind),
        _ => true,
    }
}

/// Whether `rule` withholds any of `categories` from anyone `reached` at the time of
/// `request`.
fn withholds(
    rule: &WithholdingRule,
    reached: &[Recipient],
    request: &SharingRequest,
    categories: &[DataCategory],
) -> bool {
    !rule
        .withholds_from_any(reached, categories, request.at())
        .is_empty()
}

fn disclosed_despite(c: &mut Checker<'_>, decision_at: &Pointer<'_>) {
    c.problem(
        decision_at,
        Rule::DisclosedDespiteWithholding,
        "information was disclosed to a recipient it is withheld from to protect someone's safety",
    );
}

/// Every permit in the ledger against one withholding rule, as [`check_entry`] checks
/// each permit against them all.
pub(crate) fn check_permits_against(c: &mut Checker<'_>, rule: &WithholdingRule) {
    let root = Pointer::root();
    let disclosures = root.field("disclosures");
    for (k, entry) in c.record.disclosures.iter().enumerate() {
        if let SharingDecision::Permit {
            data_categories, ..
        } = &entry.decision
            && withholds(
                rule,
                std::slice::from_ref(entry.request.recipient()),
                &entry.request,
                data_categories,
            )
        {
            disclosed_despite(c, &disclosures.index(k).field("decision"));
        }
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
        .age_on(partnership_core::uk_date(recorded_at))
        .is_ok_and(|age| age >= AGE_OF_PRESUMED_CAPACITY);
    match request.child_capacity() {
        ChildCapacity::SixteenOrOver => sixteen,
        ChildCapacity::NotAssessed => !sixteen,
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
                    a.assessed_by() == assessed_by
                        && a.assessed_on() == assessed_on
                        && a.capacity() == request.child_capacity()
                })
        }
    }
}

fn check_barriers(c: &mut Checker<'_>) {
    let record = c.record;
    for (b, barrier) in record.barriers.iter().enumerate() {
        check_barrier(c, b, barrier);
    }
}

/// One barrier: every carer, goal and party it names is in the record.
pub(crate) fn check_barrier(c: &mut Checker<'_>, b: usize, barrier: &Barrier) {
    let root = Pointer::root();
    let barriers = root.field("barriers");
    let at = barriers.index(b);
    let affects = at.field("affects");
    for (i, carer) in barrier.affects().iter().enumerate() {
        c.carer(&affects.index(i), *carer);
    }
    let goals = at.field("goals");
    for (i, goal) in barrier.goals().iter().enumerate() {
        c.goal(&goals.index(i), *goal);
    }
    c.party(&at.field("identifiedBy"), &barrier.identified_by());
    if let Some(owner) = &barrier.owner() {
        c.party(&at.field("owner").field("party"), &owner.party);
    }
    let mitigations = at.field("mitigations");
    for (i, m) in barrier.mitigations().iter().enumerate() {
        let mitigation = mitigations.index(i);
        c.party(&mitigation.field("by"), &m.by);
        if let Some(review) = &m.review {
            c.party(&mitigation.field("review").field("by"), &review.by);
        }
    }
    let history = at.field("history");
    for (i, change) in barrier.history().iter().enumerate() {
        c.party(&history.index(i).field("by"), &change.by);
    }
}

pub(crate) fn check_reviews(c: &mut Checker<'_>) {
    let record = c.record;
    let mut review_ids = BTreeSet::new();
    for (s, schedule) in record.reviews.iter().enumerate() {
        check_schedule(c, s, schedule, &mut review_ids);
    }
}

/// One review schedule: about the record's child, each review id used once in the
/// record (`review_ids` holds those seen so far), everyone at a review in the record,
/// and no carer at a review held after a decision restricting their involvement.
pub(crate) fn check_schedule(
    c: &mut Checker<'_>,
    s: usize,
    schedule: &ReviewSchedule,
    review_ids: &mut BTreeSet<ReviewId>,
) {
    let record = c.record;
    let root = Pointer::root();
    let reviews = root.field("reviews");
    let schedule_at = reviews.index(s);
    c.child(&schedule_at.field("child"), schedule.child());
    let outcomes = schedule_at.field("outcomes");
    for (o, outcome) in schedule.outcomes().iter().enumerate() {
        let at = outcomes.index(o);
        if !review_ids.insert(outcome.review) {
            c.problem(
                &at.field("review"),
                Rule::DuplicateId,
                "uses a review id already used in the record",
            );
        }
        let attended = at.field("attended");
        for (i, p) in outcome.attended.iter().enumerate() {
            c.party(&attended.index(i), p);
            let restricted = p
                .carer()
                .and_then(|id| record.carers.iter().find(|x| x.id() == id));
            if restricted.is_some_and(|carer| restricted_on(carer, outcome.held_on)) {
                c.problem(
                    &attended.index(i),
                    Rule::RestrictedCarerAtReview,
                    "a carer whose involvement is restricted by a recorded decision is recorded at a review held after the decision",
                );
            }
        }
        let goals = at.field("goals");
        for (i, g) in outcome.goals.iter().enumerate() {
            c.goal(&goals.index(i).field("goal"), g.goal);
        }
        let feedback = at.field("carerFeedback");
        for (i, f) in outcome.carer_feedback.iter().enumerate() {
            c.carer(&feedback.index(i).field("carer"), f.carer);
        }
    }
}

/// Every change in the record's provenance: made by a professional in the record, in
/// time order, to something the record holds.
fn check_provenance(c: &mut Checker<'_>) {
    let record = c.record;
    let mut previous = None;
    for (n, entry) in record.provenance.iter().enumerate() {
        check_provenance_entry(c, n, entry, previous, true);
        previous = Some(entry);
    }
}

/// One change in the provenance, at index `n`, after `previous`; its subject is
/// looked for only when `subject_in_place` (a change checked before it is made has
/// not put it there yet).
pub(crate) fn check_provenance_entry(
    c: &mut Checker<'_>,
    n: usize,
    entry: &ProvenanceEntry,
    previous: Option<&ProvenanceEntry>,
    subject_in_place: bool,
) {
    let root = Pointer::root();
    let list = root.field("provenance");
    let at = list.index(n);
    c.professional(&at.field("by"), entry.by);
    if previous.is_some_and(|p| entry.at < p.at) {
        c.problem(
            &at.field("at"),
            Rule::ChangeOutOfOrder,
            "is before the change recorded before it: changes are recorded in time order",
        );
    }
    if subject_in_place && !holds_subject(c.record, entry) {
        let (_, what) = entry.change.subject_list();
        c.problem(
            &at.field("subject"),
            Rule::DanglingReference,
            format!("names {what} that is not in the record"),
        );
    }
}

/// Whether the record holds the subject of a change, in the list its kind names.
fn holds_subject(record: &PartnershipRecordParts, entry: &ProvenanceEntry) -> bool {
    let id = &entry.subject;
    if entry.change == crate::ChangeKind::CompleteAction {
        return record
            .contact_log
            .iter()
            .flat_map(|x| x.agreed_actions())
            .any(|a| a.id.as_uuid() == id);
    }
    match entry.change.subject_list().0 {
        "child" => record.child.id().as_uuid() == id,
        "carers" => record.carers.iter().any(|x| x.id().as_uuid() == id),
        "professionals" => record.professionals.iter().any(|x| x.id.as_uuid() == id),
        "agencies" => record.agencies.iter().any(|x| x.id.as_uuid() == id),
        "communicationAgreements" => record
            .communication_agreements
            .iter()
            .any(|x| x.id.as_uuid() == id),
        "contactLog" => record.contact_log.iter().any(|x| x.id().as_uuid() == id),
        "goals" => record.goals.iter().any(|x| x.id().as_uuid() == id),
        "consents" => record.consents.iter().any(|x| x.id().as_uuid() == id),
        "competenceAssessments" => record
            .competence_assessments
            .iter()
            .any(|x| x.id().as_uuid() == id),
        "withholdingRules" => record
            .withholding_rules
            .iter()
            .any(|x| x.id().as_uuid() == id),
        "justifications" => record.justifications.iter().any(|x| x.id().as_uuid() == id),
        "reviews" => record.reviews.iter().any(|x| x.id().as_uuid() == id),
        "barriers" => record.barriers.iter().any(|x| x.id().as_uuid() == id),
        "complaintsAndAppeals" => record
            .complaints_and_appeals
            .iter()
            .any(|x| x.id().as_uuid() == id),
        _ => false,
    }
}
