import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agendaVersIcs, designerMenage, echapperTexte, exporterIcs, plierLigne, type EvenementIcs } from '../../../src/domain/ics/index.ts';
import { REGLAGES_ECHEANCES_PAR_DEFAUT, agenda, type DossierAgenda } from '../../../src/domain/echeances/index.ts';
import { REGLAGES_PROPOSITION_PAR_DEFAUT } from '../../../src/domain/proposition/index.ts';
import { REGLAGES_SUIVI_PAR_DEFAUT } from '../../../src/domain/visite/index.ts';
import { REGLAGES_REUNIONS_PAR_DEFAUT } from '../../../src/domain/reunion/index.ts';

const horodatage = '2025-05-14T08:00:00Z';
const echeance: EvenementIcs = {
  uid: 'piece-1@relogement',
  titre: 'Pièce à renouveler : avis d’imposition',
  debut: { date: '2025-05-16', heure: null },
};
const visite: EvenementIcs = {
  uid: 'visite-1@relogement',
  titre: 'Visite de courtoisie n° 1',
  debut: { date: '2025-05-20', heure: '10:00' },
  dureeMinutes: 90,
  description: 'Avec l’agent de proximité',
  categories: ['Visite de courtoisie'],
};

const lignes = (ics: string) => ics.split('\r\n');
const octets = (s: string) => new TextEncoder().encode(s).length;
const deplier = (ics: string) => ics.replace(/\r\n /g, '');
const dechapper = (v: string) => v.replace(/\\(.)/g, (_t, c: string) => (c === 'n' ? '\n' : c));

describe('an iCalendar export (RFC 5545)', () => {
  it('writes a whole-day deadline and a timed appointment in Paris time, with the zone defined, in CRLF lines', () => {
    expect(lignes(exporterIcs([echeance, visite], { horodatage }))).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Relogement//Agenda des chargés de relogement//FR',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Relogement',
      'X-WR-TIMEZONE:Europe/Paris',
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Paris',
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
      'BEGIN:VEVENT',
      'UID:piece-1@relogement',
      'DTSTAMP:20250514T080000Z',
      'DTSTART;VALUE=DATE:20250516',
      'DTEND;VALUE=DATE:20250517',
      'TRANSP:TRANSPARENT',
      'SUMMARY:Pièce à renouveler : avis d’imposition',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:visite-1@relogement',
      'DTSTAMP:20250514T080000Z',
      'DTSTART;TZID=Europe/Paris:20250520T100000',
      'DTEND;TZID=Europe/Paris:20250520T113000',
      'SUMMARY:Visite de courtoisie n° 1',
      'DESCRIPTION:Avec l’agent de proximité',
      'CATEGORIES:Visite de courtoisie',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('writes floating local times without a zone when asked, and no zone for whole days only', () => {
    const flottant = lignes(
      exporterIcs([{ ...visite, debut: { date: '2025-12-31', heure: '23:30' } }], { horodatage, fuseau: 'flottant' }),
    );
    expect(flottant).toContain('DTSTART:20251231T233000');
    expect(flottant).toContain('DTEND:20260101T010000');
    expect(flottant.some((l) => l.includes('VTIMEZONE') || l.includes('TZID'))).toBe(false);
    expect(exporterIcs([echeance], { horodatage })).not.toContain('VTIMEZONE');
  });

  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(echapperTexte('Bât. B; 2, rue \\ Haute\r\n3e étage')).toBe('Bât. B\\; 2\\, rue \\\\ Haute\\n3e étage');
  });

  it('folds a long line at 75 octets without cutting an accented letter', () => {
    const ligne = `SUMMARY:${'é'.repeat(60)}`;
    const pliee = plierLigne(ligne);
    expect(pliee.split('\r\n').map(octets)).toEqual([74, 55]);
    expect(pliee.split('\r\n')[1]?.startsWith(' é')).toBe(true);
    expect(deplier(pliee)).toBe(ligne);
  });

  it('refuses a stamp that is not UTC, in French', () => {
    expect(() => exporterIcs([echeance], { horodatage: '2025-05-14 10:00' })).toThrow(
      'Horodatage attendu en UTC au format AAAA-MM-JJTHH:MM:SSZ.',
    );
  });

  it('keeps any title intact once unfolded and unescaped, in lines of at most 75 octets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (titre) => {
        const ics = exporterIcs([{ ...echeance, titre }], { horodatage });
        expect(ics.endsWith('\r\n')).toBe(true);
        expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        expect(lignes(ics).every((l) => octets(l) <= 75)).toBe(true);
        const summary = lignes(deplier(ics)).find((l) => l.startsWith('SUMMARY:')) ?? '';
        const attendu = [...titre.replace(/\r\n?/g, '\n')].filter((c) => c === '\t' || c === '\n' || !/\p{Cc}/u.test(c)).join('');
        expect(dechapper(summary.slice('SUMMARY:'.length))).toBe(attendu);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the agenda as an .ics file', () => {
  const dossier: DossierAgenda = {
    menageId: '0190a6e0-0000-7000-8000-000000000002',
    nom: 'Famille Diallo',
    dateOuvertureResidence: null,
    entretiens: [],
    dernierContact: null,
    dateRelogement: '2025-03-14',
    visites: [{ numero: 1, issue: 'a_faire', datePrevue: '2025-05-20', heurePrevue: '10:00' }],
    enquete: null,
    pieces: [],
    propositions: [],
  };
  const evenements = agenda([dossier], {
    aujourdhui: '2025-05-14',
    echeances: REGLAGES_ECHEANCES_PAR_DEFAUT,
    suivi: REGLAGES_SUIVI_PAR_DEFAUT,
    propositions: REGLAGES_PROPOSITION_PAR_DEFAUT,
    reunions: REGLAGES_REUNIONS_PAR_DEFAUT,
  });

  it('names households as the caller chooses, gives each event a stable UID, and notes a late appointment', () => {
    const ics = deplier(agendaVersIcs(evenements, () => 'dossier D-0002', { horodatage }));
    const uids = lignes(ics).filter((l) => l.startsWith('UID:'));
    expect(uids).toEqual([
      'UID:0190a6e0-0000-7000-8000-000000000002:visite_courtoisie:1@relogement',
      'UID:0190a6e0-0000-7000-8000-000000000002:visite_courtoisie:2@relogement',
      'UID:0190a6e0-0000-7000-8000-000000000002:visite_courtoisie:3@relogement',
      'UID:0190a6e0-0000-7000-8000-000000000002:enquete_satisfaction@relogement',
    ]);
    expect(ics).not.toContain('Diallo');
    expect(ics).toContain('SUMMARY:Visite de courtoisie n° 1 — dossier D-0002');
    expect(ics).toContain('DESCRIPTION:Échéance : 14 mai 2025\\nRendez-vous fixé après l’échéance.');
    expect(deplier(agendaVersIcs(evenements, () => 'autre', { horodatage }))).toContain(uids[0]);
  });

  it('names a household by its reference when asked, and by its name when it has none, never by an id', () => {
    const titre = (ics: string) => lignes(deplier(ics)).find((l) => l.startsWith('SUMMARY:'));
    expect(titre(agendaVersIcs(evenements, designerMenage('reference', new Map([[dossier.menageId, 'D-0002']])), { horodatage }))).toBe(
      'SUMMARY:Visite de courtoisie n° 1 — D-0002',
    );
    expect(titre(agendaVersIcs(evenements, designerMenage('reference', new Map()), { horodatage }))).toBe(
      'SUMMARY:Visite de courtoisie n° 1 — Famille Diallo',
    );
    expect(titre(agendaVersIcs(evenements, designerMenage('nom', new Map([[dossier.menageId, 'D-0002']])), { horodatage }))).toBe(
      'SUMMARY:Visite de courtoisie n° 1 — Famille Diallo',
    );
  });
});
