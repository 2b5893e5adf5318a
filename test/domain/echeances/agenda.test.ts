import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CLASSES_AGENDA,
  REGLAGES_ECHEANCES_PAR_DEFAUT,
  agenda,
  alertesContact,
  alertesDossier,
  bornesAgenda,
  classer,
  classerEvenement,
  evenementsDossier,
  grouperParJour,
  grouperParSemaine,
  type ContexteAgenda,
  type DossierAgenda,
} from '../../../src/domain/echeances/index.ts';
import { jourDeSemaine, lundiDeLaSemaine, plusJours } from '../../../src/domain/calendrier/index.ts';
import {
  REGLAGES_PROPOSITION_PAR_DEFAUT,
  appliquerEvenement,
  creerProposition,
  evenementPropositionSchema,
  type Proposition,
} from '../../../src/domain/proposition/index.ts';
import { REGLAGES_SUIVI_PAR_DEFAUT } from '../../../src/domain/visite/index.ts';
import { REGLES_CONTACT_PAR_DEFAUT } from '../../../src/domain/parametres/index.ts';
import { dossierArbitraire } from './dossiers.ts';
import { REGLAGES_REUNIONS_PAR_DEFAUT } from '../../../src/domain/reunion/index.ts';

const aujourdhui = '2025-05-14';
const ctx: ContexteAgenda = {
  aujourdhui,
  echeances: REGLAGES_ECHEANCES_PAR_DEFAUT,
  suivi: REGLAGES_SUIVI_PAR_DEFAUT,
  propositions: REGLAGES_PROPOSITION_PAR_DEFAUT,
  reunions: REGLAGES_REUNIONS_PAR_DEFAUT,
};
const id = (n: number) => `0190a6e0-0000-7000-8000-${String(n).padStart(12, '0')}`;

const dossier = (n: number, nom: string, champs: Partial<DossierAgenda> = {}): DossierAgenda => ({
  menageId: id(n),
  nom,
  dateOuvertureResidence: null,
  entretiens: [],
  dernierContact: null,
  dateRelogement: null,
  visites: [],
  enquete: null,
  pieces: [],
  propositions: [],
  ...champs,
});

function proposition(n: number, proposeeLe: string, evenements: object[]): Proposition {
  const creee = creerProposition(
    {
      id: id(n),
      menageId: id(n),
      offreId: id(n + 1),
      circuit: 'circuit_dematerialise',
      partenaires: ['Ville', 'DDTM'],
      simulation: null,
      proposeeLe,
    },
    { propositions: [], mediations: [] },
    REGLAGES_PROPOSITION_PAR_DEFAUT,
    aujourdhui,
  );
  if (!creee.ok) throw new Error(creee.message);
  return evenements.reduce<Proposition>((p, e) => {
    const r = appliquerEvenement(p, evenementPropositionSchema.parse(e), {
      reglages: REGLAGES_PROPOSITION_PAR_DEFAUT,
      suivi: REGLAGES_SUIVI_PAR_DEFAUT,
      aujourdhui,
    });
    if (!r.ok) throw new Error(r.message);
    return r.valeur;
  }, creee.valeur);
}

// Wednesday 14 May 2025: this week runs to Sunday 18, the next 30 days to 13 June.
const martin = dossier(1, 'Famille Martin', {
  dateOuvertureResidence: '2025-01-10',
  pieces: [{ pieceId: 'avis-2024', libelle: 'Avis d’imposition', finValidite: '2025-05-16' }],
});
const diallo = dossier(2, 'Famille Diallo', {
  dateRelogement: '2025-03-14',
  visites: [{ numero: 1, issue: 'a_faire', datePrevue: '2025-05-20', heurePrevue: '10:00' }],
});
const nguyen = dossier(3, 'Famille Nguyen', {
  propositions: [
    proposition(30, '2025-04-22', [
      { type: 'avis', partenaire: 'Ville', avis: 'favorable', date: '2025-04-23' },
      { type: 'avis', partenaire: 'DDTM', avis: 'favorable', date: '2025-04-24' },
      { type: 'caleol', decision: 'attribution', date: '2025-04-30' },
      { type: 'visite', date: '2025-05-06', heure: '15:00' },
    ]),
  ],
});
const petit = dossier(4, 'Famille Petit', {
  propositions: [proposition(40, '2025-05-07', [{ type: 'avis', partenaire: 'Ville', avis: 'favorable', date: '2025-05-09' }])],
});
const haddad = dossier(5, 'Famille Haddad', {
  dateOuvertureResidence: '2025-04-01',
  entretiens: [{ type: 'premier', date: '2025-05-15', heure: '09:00', termineLe: null }],
});

const resume = (d: DossierAgenda[]) =>
  agenda(d, ctx).map((e) => [e.nom, e.libelle, e.jour, e.rendezVous?.heure ?? null, e.classe, e.horsDelai]);

describe('the agenda of a caseload on Wednesday 14 May 2025', () => {
  it('lists every clock of every household in chronological order, in its column', () => {
    expect(resume([martin, diallo, nguyen, petit, haddad])).toEqual([
      ['Famille Martin', 'Premier entretien', '2025-04-10', null, 'en_retard', false],
      ['Famille Martin', 'Prendre contact avec le ménage', '2025-04-10', null, 'en_retard', false],
      ['Famille Petit', 'Validation des partenaires (proposition n° 1) : DDTM', '2025-05-12', null, 'en_retard', false],
      ['Famille Haddad', 'Premier entretien', '2025-05-15', '09:00', 'cette_semaine', false],
      ['Famille Martin', 'Pièce à renouveler : Avis d’imposition', '2025-05-16', null, 'cette_semaine', false],
      ['Famille Nguyen', 'Réponse du ménage attendue (proposition n° 1)', '2025-05-16', null, 'cette_semaine', false],
      ['Famille Diallo', 'Visite de courtoisie n° 1', '2025-05-20', '10:00', 'prochains_jours', true],
      ['Famille Haddad', 'Prendre contact avec le ménage', '2025-07-01', null, 'plus_tard', false],
      ['Famille Diallo', 'Visite de courtoisie n° 2', '2025-07-14', null, 'plus_tard', false],
      ['Famille Diallo', 'Visite de courtoisie n° 3', '2025-09-14', null, 'plus_tard', false],
      ['Famille Diallo', 'Enquête de satisfaction', '2025-09-14', null, 'plus_tard', false],
    ]);
  });

  it('drops visits held or cancelled, keeps the one where nobody answered, and follows the opération’s months', () => {
    const suivi = {
      ...diallo,
      visites: [
        { numero: 1, issue: 'realisee' as const, datePrevue: '2025-05-12', heurePrevue: null },
        { numero: 2, issue: 'annulee' as const, datePrevue: null, heurePrevue: null },
        { numero: 3, issue: 'injoignable' as const, datePrevue: null, heurePrevue: null },
      ],
      enquete: { issue: 'realisee' as const, datePrevue: null, heurePrevue: null },
    };
    expect(resume([suivi]).map(([, libelle, jour]) => [libelle, jour])).toEqual([['Visite de courtoisie n° 3', '2025-09-14']]);
    expect(
      resume([{ ...diallo, visites: [], suiviOperation: { visitesCourtoisieMois: [1, 12], enqueteSatisfactionMois: 12 } }]).map(
        ([, libelle, jour]) => [libelle, jour],
      ),
    ).toEqual([
      ['Visite de courtoisie n° 1', '2025-04-14'],
      ['Visite de courtoisie n° 2', '2026-03-14'],
      ['Enquête de satisfaction', '2026-03-14'],
    ]);
  });

  it('says when the answer deadline has passed that the silence is to be recorded', () => {
    const plusTard = { ...ctx, aujourdhui: '2025-05-20' };
    expect(evenementsDossier(nguyen, plusTard).map((e) => [e.libelle, e.classe])).toEqual([
      ['Délai de réponse dépassé (proposition n° 1) : constater le refus', 'en_retard'],
    ]);
  });

  it('shows the answer clock from the notification of the written offer, before the visit', () => {
    const notifiee = dossier(6, 'Famille Roux', {
      propositions: [
        proposition(60, '2025-04-22', [
          { type: 'avis', partenaire: 'Ville', avis: 'favorable', date: '2025-04-23' },
          { type: 'avis', partenaire: 'DDTM', avis: 'favorable', date: '2025-04-24' },
          { type: 'caleol', decision: 'attribution', date: '2025-04-30' },
          { type: 'offre_notifiee', date: '2025-05-09' },
        ]),
      ],
    });
    // Notified on Friday 9 May: 10 days, the first not counted, end on Monday 19 May.
    expect(resume([notifiee])).toEqual([
      ['Famille Roux', 'Réponse du ménage à l’offre écrite attendue (proposition n° 1)', '2025-05-19', null, 'prochains_jours', false],
    ]);
  });

  it('stops the before-move clocks once the lease is signed, and shows a lease signature ahead', () => {
    const signee = proposition(60, '2025-04-01', [
      { type: 'avis', partenaire: 'Ville', avis: 'favorable', date: '2025-04-02' },
      { type: 'avis', partenaire: 'DDTM', avis: 'favorable', date: '2025-04-03' },
      { type: 'caleol', decision: 'attribution', date: '2025-04-10' },
      { type: 'visite', date: '2025-04-14' },
      { type: 'reponse', decision: 'acceptation', date: '2025-04-18' },
      { type: 'bail_signe', date: '2025-06-02' },
    ]);
    const avant = { ...martin, propositions: [signee], dateRelogement: '2025-06-02' };
    expect(
      resume([avant])
        .find(([, libelle]) => libelle === 'Signature du bail (proposition n° 1)')
        ?.slice(2, 5),
    ).toEqual(['2025-06-02', null, 'prochains_jours']);
    expect(resume([{ ...avant, dateRelogement: '2025-05-02' }]).map(([, libelle]) => libelle)).not.toContain('Premier entretien');
  });

  it('groups by day and by week from Monday, with French titles', () => {
    const evenements = agenda([martin, haddad, nguyen], ctx);
    expect(grouperParJour(evenements).map((g) => [g.titre, g.evenements.length])).toEqual([
      ['jeudi 10 avril 2025', 2],
      ['jeudi 15 mai 2025', 1],
      ['vendredi 16 mai 2025', 2],
      ['mardi 1er juillet 2025', 1],
    ]);
    expect(grouperParSemaine(evenements).map((g) => [g.cle, g.titre, g.evenements.length])).toEqual([
      ['2025-04-07', 'Semaine du 7 avril 2025', 2],
      ['2025-05-12', 'Semaine du 12 mai 2025', 3],
      ['2025-06-30', 'Semaine du 30 juin 2025', 1],
    ]);
  });

  it('files a late first interview in « En retard » even with its appointment set, as the caseload counts it (charte §4 step 2)', () => {
    // Opened on 10 January: the first interview was due by 10 April; it is set for 15 May.
    const tardif = { ...haddad, dateOuvertureResidence: martin.dateOuvertureResidence };
    expect(resume([tardif]).find(([, libelle]) => libelle === 'Premier entretien')).toEqual([
      'Famille Haddad',
      'Premier entretien',
      '2025-05-15',
      '09:00',
      'en_retard',
      true,
    ]);
    const caseload = {
      dateOuvertureResidence: '2025-01-10',
      premierEntretienTermineLe: null,
      dernierContact: '2025-05-01',
      suiviActif: true,
    };
    expect(alertesContact(caseload, REGLES_CONTACT_PAR_DEFAUT, aujourdhui)).toEqual(['premier_entretien_en_retard']);
    // A deadline runs to the end of its day: due today is not late yet.
    expect(classerEvenement('2025-05-20', aujourdhui, bornesAgenda(aujourdhui, 30))).toBe('prochains_jours');
  });

  it('gives each household its badges: late and soon clocks, whatever the appointment', () => {
    expect(alertesDossier(martin, ctx).map((a) => [a.nature, a.etat])).toEqual([
      ['premier_entretien', 'en_retard'],
      ['contact', 'en_retard'],
      ['piece', 'bientot'],
    ]);
    expect(alertesDossier(diallo, ctx).map((a) => [a.libelle, a.echeance, a.etat])).toEqual([
      ['Visite de courtoisie n° 1', '2025-05-14', 'bientot'],
    ]);
  });
});

describe('agenda properties', () => {
  const options = { numRuns: 60 };
  const jour = fc.integer({ min: 0, max: 400 }).map((n) => plusJours('2025-01-01', n));

  it('is the households’ events in chronological order, each once, each in the column of its day', () => {
    fc.assert(
      fc.property(fc.uniqueArray(dossierArbitraire(aujourdhui), { maxLength: 30, selector: (d) => d.menageId }), (dossiers) => {
        const evenements = agenda(dossiers, ctx);
        expect(evenements.length).toBe(dossiers.reduce((n, d) => n + evenementsDossier(d, ctx).length, 0));
        expect(new Set(evenements.map((e) => e.cle)).size).toBe(evenements.length);
        const bornes = bornesAgenda(aujourdhui, ctx.echeances.horizonJours);
        evenements.forEach((e, i) => {
          expect(e.classe).toBe(classerEvenement(e.jour, e.echeance, bornes));
          expect(e.jour).toBe(e.rendezVous?.date ?? e.echeance);
          if (i > 0) expect((evenements[i - 1]?.jour ?? '') <= e.jour).toBe(true);
        });
        expect(grouperParJour(evenements).flatMap((g) => g.evenements)).toEqual(evenements);
        for (const g of grouperParSemaine(evenements)) {
          expect(jourDeSemaine(g.cle)).toBe(1);
          expect(g.evenements.every((e) => e.jour >= g.cle && e.jour <= plusJours(g.cle, 6))).toBe(true);
        }
      }),
      options,
    );
  });

  it('puts every day in exactly one column, in the columns’ order', () => {
    fc.assert(
      fc.property(jour, jour, (aujourdhuiAleatoire, j) => {
        const bornes = bornesAgenda(aujourdhuiAleatoire, 30);
        const classe = classer(j, bornes);
        const aVenir = j >= aujourdhuiAleatoire;
        const memeSemaine = lundiDeLaSemaine(j) === lundiDeLaSemaine(aujourdhuiAleatoire);
        expect(classe === 'en_retard').toBe(!aVenir);
        expect(classe === 'cette_semaine').toBe(aVenir && memeSemaine);
        expect(classe === 'prochains_jours').toBe(aVenir && !memeSemaine && j <= plusJours(aujourdhuiAleatoire, 30));
        expect(CLASSES_AGENDA.indexOf(classe)).toBeLessThanOrEqual(CLASSES_AGENDA.indexOf(classer(plusJours(j, 1), bornes)));
      }),
      { numRuns: 300 },
    );
  });
});
