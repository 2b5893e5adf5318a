import { describe, expect, it } from 'vitest';
import {
  REGLAGES_ECHEANCES_PAR_DEFAUT,
  REGLAGES_PROPOSITION_PAR_DEFAUT,
  REGLAGES_REUNIONS_PAR_DEFAUT,
  REGLAGES_SUIVI_PAR_DEFAUT,
  agenda,
  demenagementsDus,
  echeancesVisites,
  estOpposable,
  situationPropositions,
} from '../../../src/domain/index.ts';
import { contexte, creer, demande, menageId, refusee, suivre } from './outils.ts';

// Temporary relocation (charte §2.2 B « une solution de relogement définitive ou temporaire »;
// §2.2 D « Si la situation nécessite un relogement temporaire, les frais de double déménagement
// seront pris en compte »; §3.2 « En cas de double relogement, l'ensemble de ces frais seront pris
// en charge deux fois »; §7 the ANRU lump sum « y compris pour des relogements temporaires en
// attente d'un relogement dans le neuf »). The courtesy visits (§4 step 13) follow the final move.

const ctx = contexte('2025-12-01');
const bail = (date: string) => [
  { type: 'avis', partenaire: 'GTR', avis: 'favorable', date },
  { type: 'caleol', decision: 'attribution', date },
  { type: 'visite', date },
  { type: 'reponse', decision: 'acceptation', date },
  { type: 'bail_signe', date },
];

const temporaire = suivre(creer(demande(1, '2025-03-03', { temporaire: true }), [], [], ctx), bail('2025-03-10'), ctx);

describe('a household moved to a temporary dwelling, then to its final one', () => {
  it('is not yet relocated after the temporary lease: the search goes on, and the temporary dwelling is no proposal of L353-15', () => {
    const s = situationPropositions([temporaire], REGLAGES_PROPOSITION_PAR_DEFAUT);
    expect(s).toMatchObject({ relogeLe: null, relogeTemporairementLe: '2025-03-10', comptees: [], prochainRang: 1 });
    expect(estOpposable({ rang: 3, temporaire: true }, REGLAGES_PROPOSITION_PAR_DEFAUT)).toBe(false);
    expect(creer(demande(2, '2025-06-02'), [temporaire], [], ctx).rang).toBe(1);
  });

  it('does not count a refused temporary dwelling among its refusals', () => {
    const refus = refusee(creer(demande(3, '2025-03-03', { temporaire: true }), [], [], ctx), (n) => `2025-03-0${3 + n}`, ctx);
    expect(situationPropositions([refus], REGLAGES_PROPOSITION_PAR_DEFAUT).refusMenage).toEqual([]);
  });

  const definitive = suivre(creer(demande(2, '2025-06-02'), [temporaire], [], ctx), bail('2025-10-01'), ctx);

  it('has two leases and two moves, each with its own checklist: the costs covered twice', () => {
    expect(situationPropositions([temporaire, definitive], REGLAGES_PROPOSITION_PAR_DEFAUT)).toMatchObject({
      relogeLe: '2025-10-01',
      relogeTemporairementLe: '2025-03-10',
    });
    expect(demenagementsDus([definitive, temporaire]).map((d) => [d.temporaire, d.bailSigneLe])).toEqual([
      [true, '2025-03-10'],
      [false, '2025-10-01'],
    ]);
  });

  it('gets its courtesy visits at 2, 4 and 6 months after the final move only', () => {
    expect(echeancesVisites('2025-10-01', REGLAGES_SUIVI_PAR_DEFAUT).map((v) => v.echeance)).toEqual([
      '2025-12-01',
      '2026-02-01',
      '2026-04-01',
    ]);
    const dossier = {
      menageId,
      nom: 'Famille Provisoire',
      dateOuvertureResidence: null,
      entretiens: [],
      dernierContact: '2025-03-01',
      statut: 'proposition' as const,
      visites: [],
      enquete: null,
      pieces: [],
    };
    const c = {
      aujourdhui: '2025-05-20',
      echeances: REGLAGES_ECHEANCES_PAR_DEFAUT,
      suivi: REGLAGES_SUIVI_PAR_DEFAUT,
      propositions: REGLAGES_PROPOSITION_PAR_DEFAUT,
      reunions: REGLAGES_REUNIONS_PAR_DEFAUT,
    };
    // In the temporary dwelling: the household's relocation date is still unset, no visit is due.
    expect(
      agenda([{ ...dossier, dateRelogement: null, propositions: [temporaire] }], c).filter((e) => e.nature === 'visite_courtoisie'),
    ).toEqual([]);
    const apres = agenda([{ ...dossier, dateRelogement: '2025-10-01', propositions: [temporaire, definitive] }], c).filter(
      (e) => e.nature === 'visite_courtoisie',
    );
    expect(apres.map((e) => e.echeance)).toEqual(['2025-12-01', '2026-02-01', '2026-04-01']);
  });
});
