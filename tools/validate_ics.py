"""Checks iCalendar files as a calendar client reads them, with the `icalendar`
package from PyPI (independent of the library that wrote them).

Usage: validate_ics.py FILE...

For each file: CRLF line endings and lines of at most 75 octets (RFC 5545 section
3.1); a VCALENDAR with VERSION and PRODID and at least one component (section 3.4);
every VEVENT with UID, DTSTAMP, DTSTART and a SEQUENCE that is a whole number; every
timed start and end in a time zone the file defines (never a floating time); and the
file's VTIMEZONE, read by its own rules (dateutil's reading of the VTIMEZONE, not the
name), giving the same UTC offset as the tz database's Europe/London at every hour
around every change from 1996 to 2037 and at each event. Prints one line per problem;
exits 1 if any file has one.
"""

import datetime
import sys
import zoneinfo

from icalendar import Calendar

LONDON = zoneinfo.ZoneInfo("Europe/London")


def last_sunday(year, month):
    day = datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)
    return day - datetime.timedelta(days=(day.weekday() + 1) % 7)


def moments():
    """Every half hour on the days clocks change, and noon on the 1st of each month.
    The hour between 01:00 and 02:00 on those days is left out: in March it never
    happens and in October it happens twice, so it has no one offset to compare."""
    for year in range(1996, 2038):
        for month in (3, 10):
            day = last_sunday(year, month)
            for hour in range(24):
                for minute in (0, 30):
                    if hour != 1:
                        yield datetime.datetime(day.year, day.month, day.day, hour, minute)
        for month in range(1, 13):
            yield datetime.datetime(year, month, 1, 12)


def offsets_agree(tz, when):
    return tz.utcoffset(when) == when.replace(tzinfo=LONDON).utcoffset()


def check(path):
    problems = []
    raw = open(path, "rb").read()
    lines = raw.split(b"\r\n")
    if lines[-1] != b"":
        problems.append("does not end with CRLF")
    for n, line in enumerate(lines[:-1], 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {n}: a line break that is not CRLF")
        if len(line) > 75:
            problems.append(f"line {n}: longer than 75 octets")
    try:
        cal = Calendar.from_ical(raw)
    except ValueError as e:
        return problems + [f"not iCalendar: {e}"]
    if cal.name != "VCALENDAR":
        problems.append("not a VCALENDAR")
    for prop in ("VERSION", "PRODID"):
        if prop not in cal:
            problems.append(f"the calendar has no {prop}")
    if not cal.subcomponents:
        problems.append("a calendar holds at least one component (RFC 5545 section 3.4)")
    zones = {}
    for vtz in cal.walk("VTIMEZONE"):
        tz = vtz.to_tz(lookup_tzid=False)
        zones[str(vtz["TZID"])] = tz
        if str(vtz["TZID"]) == "Europe/London":
            wrong = [w for w in moments() if not offsets_agree(tz, w)]
            if wrong:
                problems.append(
                    f"VTIMEZONE Europe/London disagrees with the tz database, first at {wrong[0]}"
                )
    for ev in cal.walk("VEVENT"):
        uid = str(ev.get("UID", "?"))
        for prop in ("UID", "DTSTAMP", "DTSTART", "SEQUENCE"):
            if prop not in ev:
                problems.append(f"{uid}: no {prop}")
        try:
            if int(ev.get("SEQUENCE", 0)) < 0:
                problems.append(f"{uid}: SEQUENCE below zero")
        except (TypeError, ValueError):
            problems.append(f"{uid}: SEQUENCE is not a whole number")
        for prop in ("DTSTART", "DTEND"):
            if prop not in ev:
                continue
            value = ev.decoded(prop)
            if not isinstance(value, datetime.datetime):
                continue
            tzid = ev[prop].params.get("TZID")
            if value.tzinfo is None:
                problems.append(f"{uid}: {prop} is a floating time, in no time zone")
            elif tzid is not None and tzid not in zones:
                problems.append(f"{uid}: {prop} names time zone {tzid}, which the file does not define")
            elif tzid is not None:
                naive = value.replace(tzinfo=None)
                if zones[tzid].utcoffset(naive) != naive.replace(tzinfo=LONDON).utcoffset():
                    problems.append(f"{uid}: {prop} is at a different offset by the file's own zone")
    return problems


def main():
    failed = False
    for path in sys.argv[1:]:
        for problem in check(path):
            print(f"{path}: {problem}")
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
