# Words for carers and children, in English (United Kingdom).
#
# Plain English: short sentences, everyday words, "you" and "we". Each message is a
# sentence or a phrase a sentence is built from; a service adds a language by adding
# a file with the same messages (see README). Variables:
#   $child   the child's first name, or "you" when the child is the reader
#   $asker   the professional who asks or shares, by name
#   $reader  the person the document is for, by name

## Dates and lists

date = { $weekday } { $day } { $month } { $year }
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
list-and = and
list-or = or
greeting = Dear { $reader },
greeting-short = Hi { $reader }.
you = you
your-child-gets = { $self ->
    [yes] the help you get
   *[no] the help { $child } gets
}
about-child = { $self ->
    [yes] you
   *[no] { $child }
}
fallback-note = We do not have these words in your language yet, so they are in English. Please ask us for an interpreter or a translation.

## What may be shared: the record's fixed words

category-contact-details = contact details
category-education-progress = progress at school or nursery
category-health = health
category-special-educational-needs-and-disability = any special needs or disability
category-family-circumstances = family life
category-childs-views = what { $child } has told us
category-safeguarding-information = worries about safety
category-ethnicity = ethnic background
category-religion-or-belief = religion or belief
purpose-education-support-planning = planning help at school or nursery
purpose-health-care = health care
purpose-social-care-assessment = a social care assessment
purpose-multi-agency-planning = planning together with other services
purpose-referral-to-service = asking another service to help
purpose-statistics = statistics, with no names
purpose-safeguarding = keeping { $child } safe
role-early-years-key-worker = key worker
role-teacher = teacher
role-senco = SENCO
role-teaching-assistant = teaching assistant
role-health-visitor = health visitor
role-school-nurse = school nurse
role-gp = GP
role-paediatrician = children's doctor
role-speech-and-language-therapist = speech and language therapist
role-physiotherapist = physiotherapist
role-occupational-therapist = occupational therapist
role-educational-psychologist = educational psychologist
role-social-worker = social worker
role-independent-reviewing-officer = IRO
role-family-support-worker = family support worker
role-designated-safeguarding-lead = DSL
agency-kind-early-years = any nursery or early years setting
agency-kind-school = any school
agency-kind-post-16 = any college
agency-kind-health = any health service
agency-kind-social-care = social care
agency-kind-voluntary-sector = any charity or community group
agency-kind-police = the police
any-role = any { $role }
person-at = { $name }, the { $role } at { $agency }
channel-phone = by phone
channel-text-message = by text message
channel-email = by email
channel-letter = by letter
channel-face-to-face = in person
channel-home-visit = when we visit you at home
channel-video-call = on a video call
channel-written-report = in writing

## A consent conversation

consent-title = Can we share information about { $child }?
consent-ask = { $asker } at { $agency } would like to share some details about { $child }.
consent-what = What we would share: { $categories }.
consent-who = Who would see it: { $recipients }.
consent-why = Why: for { $purposes }.
consent-until = How long for: until { $until }, unless you change your mind first.
consent-open = How long for: until you change your mind.
consent-choice = It is your choice. You can say yes or no.
consent-withdraw = If you say yes, you can change your mind at any time. Just tell { $asker }.
consent-how = You can tell them { $channel }.
consent-if-no = If you say no, we will not share it. { $asker } can tell you what this means for { $help }.
consent-questions = If any of this is not clear, please ask { $asker }.
consent-easy-ask = { $asker } wants to share some things about { $child }.
consent-easy-title = Can we share some things about { $child }?
consent-easy-what = What we would share:
consent-easy-who = Who would see it:
consent-easy-why = Why:
consent-easy-until = Until: { $until }.
consent-easy-choice = You choose.
consent-easy-yes-no = Yes is fine. No is fine.
consent-easy-change = You can change your mind later.
consent-easy-if-no = If you say no, we will not share it.
consent-easy-ask-us = Ask { $asker } if you want to know more.

## A decision explained

decision-title = About a request to share, { $date }
decision-asked = On { $date }, { $asker } was asked to share some details about { $child }.
decision-asked-what = It was about { $categories }.
decision-asked-with = It was for { $recipient }.
decision-shared = On { $date }, { $asker } shared some details about { $child }.
decision-shared-what = It was about { $categories }.
decision-shared-with = It went to { $recipient }.
decision-shared-consent = { $you ->
    [yes] It was shared because you said yes to this on { $given }.
   *[no] It was shared because { $giver } said yes to this on { $given }.
}
decision-shared-safe = It was shared to help keep { $child } safe. The law allows this without asking first when a child may be at risk of harm.
decision-told = You were told about this on { $told }.
decision-not-shared = It was not shared.
decision-no-consent = Nobody had said yes to sharing it.
decision-refused = { $you ->
    [yes] You had said no to sharing it.
   *[no] { $giver } had said no to sharing it.
}
decision-withdrawn = { $you ->
    [yes] You had changed your mind on { $when }.
   *[no] { $giver } had changed their mind on { $when }.
}
decision-expired = The yes to sharing it ended on { $when }.
decision-not-yet = The yes to sharing it only starts on { $when }.
decision-awaiting = We had asked for a yes or no, and were still waiting for an answer.
decision-child-decides = { $child } is old enough to decide about this. It is { $child }'s choice.
decision-kept-safe = It was kept back to keep someone safe.
decision-not-disclosed = The person who decided thought that sharing it would do { $child } more harm than good.
decision-cannot-say = We cannot tell you about this request. Please ask { $asker } if you have questions.
decision-other = It could not be shared at that time.
decision-would-change = If you say yes to sharing this with { $recipient }, it could be shared. { $asker } can tell you how.
decision-questions = Do you have any questions? Please ask { $asker }.

## What we agreed

agreed-title = What we agreed on { $date }
agreed-intro = Thank you for talking with us on { $date }. This is what we agreed.
agreed-action = { $action }: { $who }, by { $due }.
agreed-none = We did not agree anything new to do.
agreed-next-review = Our next review meeting is due by { $next }.
agreed-next-update = We will next be in touch by { $next }.
agreed-wrong = Please tell us if anything here is wrong or missing.
agreed-sign-off = From { $writer }
agreed-sms = Hi { $reader }. On { $date } we agreed: { $actions }.
agreed-sms-none = Hi { $reader }. Thank you for talking with us on { $date }. We did not agree anything new to do.
agreed-sms-short = Hi { $reader }. On { $date } we agreed { $count } things. The list is on its way by letter or email.
agreed-sms-next = Next: by { $next }.
agreed-sms-wrong = Tell us if this is wrong.
agreed-sms-action = { $action } ({ $who }, { $due })
