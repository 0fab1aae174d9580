# Geiriau i ofalwyr a phlant, yn Gymraeg.
#
# The same messages as en-GB.ftl, in Welsh. Welsh mutations after names and lists
# are not modelled; a Welsh-speaking reviewer should read these before a service
# relies on them (see the crate's documentation).

## Dyddiadau a rhestrau

# Without the day of the week: "ar ddydd Llun" mutates, and "ar 14 Medi 2026" does not.
date = { $day } { $month } { $year }
weekday-1 = Dydd Llun
weekday-2 = Dydd Mawrth
weekday-3 = Dydd Mercher
weekday-4 = Dydd Iau
weekday-5 = Dydd Gwener
weekday-6 = Dydd Sadwrn
weekday-7 = Dydd Sul
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr
list-and = a
list-or = neu
greeting = Annwyl { $reader },
greeting-short = Helo { $reader }.
you = chi
your-child-gets = { $self ->
    [yes] yr help rydych chi'n ei gael
   *[no] yr help y mae { $child } yn ei gael
}
about-child = { $self ->
    [yes] chi
   *[no] { $child }
}
fallback-note = Nid oes gennym y geiriau hyn yn eich iaith eto, felly maen nhw yn Saesneg. Gofynnwch i ni am gyfieithydd neu gyfieithiad.

## Beth y gellid ei rannu

category-contact-details = manylion cyswllt
category-education-progress = cynnydd yn yr ysgol neu'r feithrinfa
category-health = iechyd
category-special-educational-needs-and-disability = unrhyw anghenion arbennig neu anabledd
category-family-circumstances = bywyd teuluol
category-childs-views = beth mae { $child } wedi'i ddweud wrthym
category-safeguarding-information = pryderon am ddiogelwch
category-ethnicity = cefndir ethnig
category-religion-or-belief = crefydd neu gred
purpose-education-support-planning = cynllunio help yn yr ysgol neu'r feithrinfa
purpose-health-care = gofal iechyd
purpose-social-care-assessment = asesiad gofal cymdeithasol
purpose-multi-agency-planning = cynllunio gyda gwasanaethau eraill
purpose-referral-to-service = gofyn i wasanaeth arall helpu
purpose-statistics = ystadegau, heb enwau
purpose-safeguarding = cadw { $child } yn ddiogel
role-early-years-key-worker = gweithiwr allweddol
role-teacher = athro neu athrawes
role-senco = SENCO
role-teaching-assistant = cynorthwyydd addysgu
role-health-visitor = ymwelydd iechyd
role-school-nurse = nyrs ysgol
role-gp = meddyg teulu
role-paediatrician = meddyg plant
role-speech-and-language-therapist = therapydd lleferydd ac iaith
role-physiotherapist = ffisiotherapydd
role-occupational-therapist = therapydd galwedigaethol
role-educational-psychologist = seicolegydd addysg
role-social-worker = gweithiwr cymdeithasol
role-independent-reviewing-officer = IRO
role-family-support-worker = gweithiwr cymorth i deuluoedd
role-designated-safeguarding-lead = DSL
agency-kind-early-years = unrhyw feithrinfa neu leoliad blynyddoedd cynnar
agency-kind-school = unrhyw ysgol
agency-kind-post-16 = unrhyw goleg
agency-kind-health = unrhyw wasanaeth iechyd
agency-kind-social-care = gofal cymdeithasol
agency-kind-voluntary-sector = unrhyw elusen neu grŵp cymunedol
agency-kind-police = yr heddlu
any-role = unrhyw { $role }
person-at = { $name }, { $role } yn { $agency }
channel-phone = ar y ffôn
channel-text-message = mewn neges destun
channel-email = mewn e-bost
channel-letter = mewn llythyr
channel-face-to-face = wyneb yn wyneb
channel-home-visit = pan fyddwn yn ymweld â chi gartref
channel-video-call = ar alwad fideo
channel-written-report = yn ysgrifenedig

## Sgwrs am gydsyniad

consent-title = Gawn ni rannu gwybodaeth am { $child }?
consent-ask = Hoffai { $asker } yn { $agency } rannu rhywfaint o wybodaeth am { $child }.
consent-what = Beth fyddem ni'n ei rannu: { $categories }.
consent-who = Pwy fyddai'n ei weld: { $recipients }.
consent-why = Pam: ar gyfer { $purposes }.
consent-until = Am ba hyd: tan { $until }, oni bai eich bod yn newid eich meddwl cyn hynny.
consent-open = Am ba hyd: nes i chi newid eich meddwl.
consent-choice = Eich dewis chi yw hyn. Gallwch ddweud ie neu na.
consent-withdraw = Os byddwch yn dweud ie, gallwch newid eich meddwl unrhyw bryd. Dywedwch wrth { $asker }.
consent-how = Gallwch ddweud wrthyn nhw { $channel }.
consent-if-no = Os byddwch yn dweud na, fyddwn ni ddim yn ei rannu. Gall { $asker } ddweud wrthych beth mae hyn yn ei olygu i { $help }.
consent-questions = Os nad yw rhywbeth yma'n glir, gofynnwch i { $asker }.
consent-easy-ask = Mae { $asker } eisiau rhannu rhai pethau am { $child }.
consent-easy-title = Gawn ni rannu rhai pethau am { $child }?
consent-easy-what = Beth fyddem ni'n ei rannu:
consent-easy-who = Pwy fyddai'n ei weld:
consent-easy-why = Pam:
consent-easy-until = Tan: { $until }.
consent-easy-choice = Chi sy'n dewis.
consent-easy-yes-no = Mae ie yn iawn. Mae na yn iawn.
consent-easy-change = Gallwch newid eich meddwl wedyn.
consent-easy-if-no = Os byddwch yn dweud na, fyddwn ni ddim yn ei rannu.
consent-easy-ask-us = Gofynnwch i { $asker } os ydych chi eisiau gwybod mwy.

## Esbonio penderfyniad

decision-title = Am gais i rannu, { $date }
decision-asked = Ar { $date }, gofynnwyd i { $asker } rannu rhywfaint o wybodaeth am { $child }.
decision-asked-what = Roedd yn ymwneud â { $categories }.
decision-asked-with = Roedd ar gyfer { $recipient }.
decision-shared = Ar { $date }, rhannodd { $asker } rywfaint o wybodaeth am { $child }.
decision-shared-what = Roedd yn ymwneud â { $categories }.
decision-shared-with = Aeth i { $recipient }.
decision-shared-consent = { $you ->
    [yes] Cafodd ei rannu oherwydd eich bod chi wedi dweud ie i hyn ar { $given }.
   *[no] Cafodd ei rannu oherwydd bod { $giver } wedi dweud ie i hyn ar { $given }.
}
decision-shared-safe = Cafodd ei rannu i helpu i gadw { $child } yn ddiogel. Mae'r gyfraith yn caniatáu hyn heb ofyn yn gyntaf pan allai plentyn fod mewn perygl o niwed.
decision-told = Cawsoch wybod am hyn ar { $told }.
decision-not-shared = Ni chafodd ei rannu.
decision-no-consent = Doedd neb wedi dweud ie i'w rannu.
decision-refused = { $you ->
    [yes] Roeddech chi wedi dweud na i'w rannu.
   *[no] Roedd { $giver } wedi dweud na i'w rannu.
}
decision-withdrawn = { $you ->
    [yes] Roeddech chi wedi newid eich meddwl ar { $when }.
   *[no] Roedd { $giver } wedi newid eu meddwl ar { $when }.
}
decision-expired = Daeth yr ie i'w rannu i ben ar { $when }.
decision-not-yet = Dim ond ar { $when } y mae'r ie i'w rannu yn dechrau.
decision-awaiting = Roedden ni wedi gofyn am ie neu na, ac yn dal i aros am ateb.
decision-child-decides = Mae { $child } yn ddigon hen i benderfynu am hyn. Dewis { $child } yw e.
decision-kept-safe = Cafodd ei gadw'n ôl er mwyn cadw rhywun yn ddiogel.
decision-not-disclosed = Roedd y person a benderfynodd yn credu y byddai ei rannu yn gwneud mwy o niwed nag o les i { $child }.
decision-cannot-say = Allwn ni ddim dweud wrthych am y cais hwn. Gofynnwch i { $asker } os oes gennych gwestiynau.
decision-other = Doedd dim modd ei rannu bryd hynny.
decision-would-change = Os byddwch yn dweud ie i rannu hyn gyda { $recipient }, gellid ei rannu. Gall { $asker } ddweud wrthych sut.
decision-questions = Oes gennych chi gwestiynau? Gofynnwch i { $asker }.

## Beth y cytunwyd arno

agreed-title = Beth y cytunon ni arno ar { $date }
agreed-intro = Diolch am siarad â ni ar { $date }. Dyma beth y cytunon ni arno.
agreed-action = { $action }: { $who }, erbyn { $due }.
agreed-none = Wnaethon ni ddim cytuno ar unrhyw beth newydd i'w wneud.
agreed-next-review = Mae ein cyfarfod adolygu nesaf i fod erbyn { $next }.
agreed-next-update = Byddwn mewn cysylltiad nesaf erbyn { $next }.
agreed-wrong = Rhowch wybod i ni os oes unrhyw beth yma'n anghywir neu ar goll.
agreed-sign-off = Oddi wrth { $writer }
agreed-sms = Helo { $reader }. Ar { $date } cytunon ni: { $actions }.
agreed-sms-none = Helo { $reader }. Diolch am siarad gyda ni ar { $date }. Wnaethon ni ddim cytuno ar unrhyw beth newydd i'w wneud.
agreed-sms-short = Helo { $reader }. Ar { $date } cytunon ni ar { $count } o bethau. Mae'r rhestr ar ei ffordd mewn llythyr neu e-bost.
agreed-sms-next = Nesaf: erbyn { $next }.
agreed-sms-wrong = Rhowch wybod os yw hyn yn anghywir.
agreed-sms-action = { $action } ({ $who }, { $due })
