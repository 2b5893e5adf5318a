import { describe, expect, it } from 'vitest';
import {
  REGLAGES_ECHEANCES_PAR_DEFAUT,
  agenda,
  finDesEntretiens,
  horlogesReunions,
  type ContexteAgenda,
  type OperationReunions,
} from '../../../src/domain/echeances/index.ts';
import { REGLAGES_PROPOSITION_PAR_DEFAUT, orientationSchema, propositionSchema } from '../../../src/domain/proposition/index.ts';
import { REGLAGES_SUIVI_PAR_DEFAUT } from '../../../src/domain/visite/index.ts';
import {
  REGLAGES_REUNIONS_PAR_DEFAUT,
  decisionReunionSchema,
  menagesAPresenter,
  prochaineReunion,
  reunionSchema,
  verifierDecision,
  type NatureReunion,
} from '../../../src/domain/reunion/index.ts';
import { presentationMenage } from '../../../src/domain/menage/index.ts';
import { menage } from '../fixtures.ts';

const id = (n: number) => `0190a6e0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const OPERATION = id(900);
const r = REGLAGES_REUNIONS_PAR_DEFAUT;
const reunion = (n: number, nature: NatureReunion, date: string, heure: string | null = null) =>
  reunionSchema.parse({ id: id(n), operationId: OPERATION, nature, date, heure });
const operation = (premiersEntretiens: (string | null)[], reunions: ReturnType<typeof reunion>[] = []): OperationReunions => ({
  operationId: OPERATION,
  nom: 'Opération Lionderie',
  reunions,
  premiersEntretiens,
});

// Seed 002_… (charte métropolitaine de relogement), §4 step 5 « Le bilan de peuplement »: « une
// réunion est organisée entre les partenaires au maximum 1 mois après la fin des enquêtes » and
// « ce bilan initial doit être mis à jour annuellement »; step 6: the meeting presenting the
// households « doit se tenir très rapidement après le bilan de peuplement (2 mois maximum) ».
describe('the meetings’ clocks of an opération (charte §4 steps 5 and 6, §5.5 A and B)', () => {
  it('the interviews end with the last household’s first interview, and not before every household had its own', () => {
    expect(finDesEntretiens(['2025-02-10', '2025-03-28', '2025-03-05'])).toBe('2025-03-28');
    expect(finDesEntretiens(['2025-02-10', null])).toBeNull();
    expect(finDesEntretiens([])).toBeNull();
  });

  it('interviews ended 28 March 2025: the bilan is due by 28 April, the orientation meeting waits for it', () => {
    const [bilan, orientation] = horlogesReunions(operation(['2025-02-10', '2025-03-28']), r, '2025-04-02');
    expect(bilan).toMatchObject({
      nature: 'bilan_peuplement',
      libelle: 'Bilan de peuplement',
      echeance: '2025-04-28',
      enAttente: null,
      prevue: null,
    });
    expect(orientation).toMatchObject({
      nature: 'orientation',
      echeance: null,
      enAttente: 'Le délai de 2 mois part du bilan de peuplement, pas encore tenu.',
    });
  });

  it('with a household still to meet, the bilan’s clock has not started and says why', () => {
    expect(horlogesReunions(operation(['2025-02-10', null, null]), r, '2025-04-02')[0]).toMatchObject({
      echeance: null,
      enAttente: '2 ménages sans premier entretien terminé : le délai partira de la fin des premiers entretiens.',
    });
  });

  it('bilan held 22 April 2025: orientation meeting due by 22 June, the bilan’s update by 22 April 2026; a planned meeting is its appointment', () => {
    const reunions = [reunion(1, 'bilan_peuplement', '2025-04-22'), reunion(2, 'orientation', '2025-06-30', '14:00')];
    const [bilan, orientation] = horlogesReunions(operation(['2025-03-28'], reunions), r, '2025-05-10');
    expect(bilan).toMatchObject({ libelle: 'Mise à jour annuelle du bilan de peuplement', echeance: '2026-04-22' });
    expect(orientation).toMatchObject({ echeance: '2025-06-22', prevue: { date: '2025-06-30', heure: '14:00' } });
  });

  it('once the orientation meeting is held, only the yearly bilan runs, counted from the latest bilan', () => {
    const reunions = [
      reunion(1, 'bilan_peuplement', '2025-04-22'),
      reunion(2, 'orientation', '2025-06-10'),
      reunion(3, 'bilan_peuplement', '2026-04-15'),
    ];
    expect(horlogesReunions(operation(['2025-03-28'], reunions), r, '2026-05-01')).toEqual([
      {
        nature: 'bilan_peuplement',
        libelle: 'Mise à jour annuelle du bilan de peuplement',
        echeance: '2027-04-15',
        enAttente: null,
        prevue: null,
      },
    ]);
  });

  it('the territory may set other delays', () => {
    const [bilan] = horlogesReunions(operation(['2025-03-28']), { ...r, bilanApresEntretiensMois: 2 }, '2025-04-02');
    expect(bilan?.echeance).toBe('2025-05-28');
  });

  it('surface in « À faire »: a late bilan is listed under the opération’s name, late', () => {
    const ctx: ContexteAgenda = {
      aujourdhui: '2025-05-14',
      echeances: REGLAGES_ECHEANCES_PAR_DEFAUT,
      suivi: REGLAGES_SUIVI_PAR_DEFAUT,
      propositions: REGLAGES_PROPOSITION_PAR_DEFAUT,
      reunions: r,
    };
    const [evenement] = agenda([], ctx, [operation(['2025-02-10', '2025-03-28'])]);
    expect(evenement).toMatchObject({
      menageId: '',
      operationId: OPERATION,
      nom: 'Opération Lionderie',
      nature: 'bilan_peuplement',
      echeance: '2025-04-28',
      classe: 'en_retard',
    });
  });

  it('the next meeting of a nature is the first from today on', () => {
    const reunions = [reunion(1, 'gtr', '2025-05-02'), reunion(2, 'gtr', '2025-06-05'), reunion(3, 'gtrm', '2025-05-20')];
    expect(prochaineReunion(reunions, 'gtr', '2025-05-14')?.id).toBe(id(2));
  });
});

// Seed 002_…, §4 step 6 and §5.5 B: the households are oriented to the GTR, the GTRM or the circuit
// dématérialisé; §5.5 C: « Si un des partenaires ne valide pas la proposition, alors cette
// situation sera traitée dans le cadre des instances physiques (GTR ou GTRM) »; and a
// household that refused to share its situation is still discussed, « de manière anonyme » (§4 step 4).
describe('the households to present at the next meeting (charte §4 steps 6 and 8, §5.5 C)', () => {
  let n = 100;
  const oriente = (menageId: string, circuit: 'gtr' | 'gtrm' | 'circuit_dematerialise', date: string) =>
    orientationSchema.parse({ id: id(n++), menageId, date, circuit, decidePar: 'Réunion d’orientation' });
  const gtr = menage({ nom: 'Famille Martin' });
  const gtrm = menage({ nom: 'Famille Diallo' });
  const rejete = menage({ nom: 'Famille Nguyen', refusConsentement: { signeLe: '2025-02-03' } });
  const sansOrientation = menage({ nom: 'Famille Petit' });
  const reloge = menage({ nom: 'Famille Leroy', statut: 'reloge', dateRelogement: '2025-04-01' });
  const rejet = propositionSchema.parse({
    id: id(50),
    menageId: rejete.id,
    offreId: id(51),
    rang: 1,
    circuit: 'circuit_dematerialise',
    proposeeLe: '2025-05-05',
    partenaires: ['Ville', 'CAF'],
    avis: { Ville: { avis: 'defavorable', date: '2025-05-07', motif: 'Étage sans ascenseur' } },
  });
  const dossiers = [
    { menage: gtr, orientations: [oriente(gtr.id, 'gtr', '2025-04-10')], propositions: [] },
    { menage: gtrm, orientations: [oriente(gtrm.id, 'gtrm', '2025-04-10')], propositions: [] },
    { menage: rejete, orientations: [oriente(rejete.id, 'circuit_dematerialise', '2025-04-10')], propositions: [rejet] },
    { menage: sansOrientation, orientations: [], propositions: [] },
    { menage: reloge, orientations: [oriente(reloge.id, 'gtr', '2025-01-10')], propositions: [] },
  ];
  const noms = (nature: NatureReunion) => menagesAPresenter(dossiers, nature).map((x) => [x.dossier.menage.nom, x.motif]);

  it('at the GTR: the households oriented to it and the case a partner rejected in the circuit dématérialisé; not the relocated one', () => {
    expect(noms('gtr')).toEqual([
      ['Famille Martin', 'oriente'],
      ['Famille Nguyen', 'rejet_dematerialise'],
    ]);
    expect(noms('gtrm')).toEqual([
      ['Famille Diallo', 'oriente'],
      ['Famille Nguyen', 'rejet_dematerialise'],
    ]);
  });

  it('at the orientation meeting, the households not yet oriented; the bilan lists none', () => {
    expect(noms('orientation')).toEqual([['Famille Petit', 'sans_orientation']]);
    expect(noms('bilan_peuplement')).toEqual([]);
  });

  it('a new orientation to the circuit after the rejection takes the household off the GTR list', () => {
    const reoriente = dossiers.map((d) =>
      d.menage === rejete ? { ...d, orientations: [...d.orientations, oriente(rejete.id, 'circuit_dematerialise', '2025-05-20')] } : d,
    );
    expect(menagesAPresenter(reoriente, 'gtr').map((x) => x.dossier.menage.nom)).toEqual(['Famille Martin']);
  });

  it('the list names the household that refused to share anonymously, as the anonymised papers do', () => {
    const [, nguyen] = menagesAPresenter(dossiers, 'gtr');
    const vu = presentationMenage(nguyen!.dossier.menage, 'partenaires');
    expect(vu.anonyme).toBe(true);
    expect(vu.nom).toMatch(/^Ménage M-[0-9A-F]{6}$/);
    expect(vu.adresse).toBe('présentation anonyme : refus de partage signé le 3 février 2025');
  });
});

describe('a meeting’s decisions, per household (charte §4 step 8: « lever les freins », « valider des solutions »)', () => {
  const decision = (champs = {}) =>
    decisionReunionSchema.parse({
      id: id(70),
      menageId: id(71),
      reunionId: id(1),
      decision: 'freins_a_lever',
      detail: 'Dette locative : plan d’apurement avec le FSL',
      ...champs,
    });
  it('are recorded once the meeting is held, with their detail when « autre »', () => {
    expect(verifierDecision(decision(), reunion(1, 'gtr', '2025-05-12'), '2025-05-14')).toEqual([]);
    expect(verifierDecision(decision(), reunion(1, 'gtr', '2025-05-20'), '2025-05-14')[0]?.message).toBe(
      'Cette réunion n’a pas encore eu lieu : ses décisions s’enregistrent une fois tenue.',
    );
    expect(verifierDecision(decision({ decision: 'autre', detail: ' ' }), reunion(1, 'gtr', '2025-05-12'), '2025-05-14')[0]?.message).toBe(
      'Précisez la décision prise.',
    );
  });
});
