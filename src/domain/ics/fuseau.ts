// Europe/Paris as a VTIMEZONE (RFC 5545 §3.6.5): a TZID used by an event must be defined in the
// stream. Summer time from the last Sunday of March at 02:00 to the last Sunday of October at
// 03:00, as in force since 1996 (EU directive 2000/84/EC).
export const TZID_PARIS = 'Europe/Paris';

export const VTIMEZONE_PARIS: readonly string[] = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID_PARIS}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];
