import { describe, expect, it } from 'vitest';
import {
  appliquerEvenement,
  echeanceConge,
  estOpposable,
  evenementPropositionSchema,
  finMaintienDansLesLieux,
  refusDe,
  situationPropositions,
  type Proposition,
} from '../../../src/domain/proposition/index.ts';
import {
  REGLAGES_PROPOSITION_PAR_DEFAUT,
  REGLAGES_REUNIONS_PAR_DEFAUT,
  agenda,
  REGLAGES_ECHEANCES_PAR_DEFAUT,
  REGLAGES_SUIVI_PAR_DEFAUT,
  TEXTE_LIBRE_NON_REPRODUIT,
  presentationMenage,
} from '../../../src/domain/index.ts';
import { menage } from '../fixtures.ts';
import { contexte, creer, demande, mediation, menageId, refusee, suivre } from './outils.ts';

// The end of the path (charte §3.4 C and D, §4 step 11; CCH L442-6 II): « Le congé est signifié en
// même temps que la 3e proposition si celle-ci est refusée »; the proposal is received by
// « courrier simple, recommandé avec accusé de réception, si nécessaire par voie d'huissier »; six
// months after the notice of the 3rd offer the household has no title to stay; « en cas de refus
// non légitime des deux premières propositions » only is the 3rd binding; after refusals « le
// bailleur engage toutes poursuites légales ».

const ctxBase = contexte('2025-12-01');
const jour = (debut: string) => (n: number) => `${debut.slice(0, 8)}${String(Number(debut.slice(8)) + n).padStart(2, '0')}`;

const p1 = refusee(creer(demande(1, '2025-01-06'), [], [], ctxBase), jour('2025-01-06'), ctxBase);
const p2 = refusee(creer(demande(2, '2025-02-03'), [p1], [], ctxBase), jour('2025-02-03'), ctxBase);
const med = mediation(50, '2025-02-20');
const p3 = creer(demande(3, '2025-03-03'), [p1, p2], [med], ctxBase);
const ctx = { ...ctxBase, propositionsDuMenage: [p1, p2, p3] };

const essayer = (p: Proposition, brut: unknown, c = ctx) => appliquerEvenement(p, evenementPropositionSchema.parse(brut), c);
const attribuee = suivre(
  p3,
  [
    { type: 'avis', partenaire: 'GTR', avis: 'favorable', date: '2025-03-04' },
    { type: 'caleol', decision: 'attribution', date: '2025-03-05' },
  ],
  ctx,
);
const conge = { type: 'conge', mode: 'lettre_recommandee', envoyeLe: '2025-03-06', date: '2025-03-08', preuve: 'AR 1A 234 567 8901 2' };
const avecConge = suivre(
  attribuee,
  [conge, { type: 'visite', date: '2025-03-10' }, { type: 'reponse', decision: 'refus', motif: 'localisation', date: '2025-03-14' }],
  ctx,
);
const suite = {
  type: 'suite_juridique',
  date: '2025-09-10',
  destinataire: 'Service contentieux du bailleur',
  pieces: ['propositions_ecrites', 'refus_ecrits', 'courrier_post_mediation', 'conge', 'preuve_remise_conge'],
};

describe('the congé served with the 3rd, binding proposal (charte §3.4 C, CCH L442-6)', () => {
  it('goes with the proposal after two counted refusals, with its proof of delivery', () => {
    expect(estOpposable(attribuee, REGLAGES_PROPOSITION_PAR_DEFAUT)).toBe(true);
    const sansPreuve = essayer(attribuee, { ...conge, preuve: '' });
    expect(sansPreuve).toEqual({
      ok: false,
      message: 'Indiquez la preuve de remise : numéro de l’accusé de réception ou référence de l’acte de l’huissier.',
    });
    expect(avecConge.conge).toEqual({
      mode: 'lettre_recommandee',
      envoyeLe: '2025-03-06',
      notifieLe: '2025-03-08',
      preuve: 'AR 1A 234 567 8901 2',
    });
    expect(essayer(attribuee, { ...conge, mode: 'huissier', envoyeLe: '2025-03-09' })).toEqual({
      ok: false,
      message: 'Le congé ne peut pas être remis (le 8 mars 2025) avant d’avoir été envoyé (le 9 mars 2025).',
    });
  });

  it('is refused on the 2nd proposal: only one counted refusal before it', () => {
    const c = { ...ctxBase, propositionsDuMenage: [p1, p2] };
    const p2bis = suivre(
      creer(demande(9, '2025-02-03'), [p1], [], ctxBase),
      [
        { type: 'avis', partenaire: 'GTR', avis: 'favorable', date: '2025-02-04' },
        { type: 'caleol', decision: 'attribution', date: '2025-02-05' },
      ],
      c,
    );
    expect(essayer(p2bis, { ...conge, envoyeLe: '2025-02-06', date: '2025-02-07' }, c)).toEqual({
      ok: false,
      message:
        'Le congé accompagne la proposition opposable, faite après 2 refus du ménage qui comptent ; il n’y en a que 1 avant celle-ci.',
    });
  });

  it('runs six months from the notice on the receipt: served 8 March 2025, the right to stay ends 8 September 2025', () => {
    expect(finMaintienDansLesLieux(avecConge)).toBe('2025-09-08');
    expect(echeanceConge(avecConge)).toBe('2025-09-08');
    // Accepted, the congé has no object: no clock.
    const acceptee = suivre(
      attribuee,
      [conge, { type: 'visite', date: '2025-03-10' }, { type: 'reponse', decision: 'acceptation', date: '2025-03-14' }],
      ctx,
    );
    expect(echeanceConge(acceptee)).toBeNull();
  });

  it('shows in the agenda, late once the six months are over, until the file goes to the legal follow-up', () => {
    const dossier = {
      menageId,
      nom: 'Famille Refus',
      dateOuvertureResidence: null,
      entretiens: [],
      dernierContact: '2025-09-01',
      statut: 'proposition' as const,
      dateRelogement: null,
      visites: [],
      enquete: null,
      pieces: [],
      propositions: [p1, p2, avecConge],
    };
    const contexteAgenda = {
      aujourdhui: '2025-09-09',
      echeances: REGLAGES_ECHEANCES_PAR_DEFAUT,
      suivi: REGLAGES_SUIVI_PAR_DEFAUT,
      propositions: REGLAGES_PROPOSITION_PAR_DEFAUT,
      reunions: REGLAGES_REUNIONS_PAR_DEFAUT,
    };
    const fin = agenda([dossier], contexteAgenda).find((e) => e.nature === 'fin_maintien');
    expect(fin).toMatchObject({
      echeance: '2025-09-08',
      classe: 'en_retard',
      libelle: 'Fin du droit au maintien dans les lieux (proposition n° 3, congé remis) : transmettre le dossier à la suite juridique',
    });
    const transmise = suivre(avecConge, [suite], ctx);
    expect(agenda([{ ...dossier, propositions: [p1, p2, transmise] }], contexteAgenda).some((e) => e.nature === 'fin_maintien')).toBe(
      false,
    );
  });
});

describe('a refusal judged legitimate does not count (charte §3.4 C « refus non légitime »)', () => {
  const legitime = suivre(p1, [{ type: 'refus_legitime', date: '2025-01-20', motif: 'Loyer au-delà du taux d’effort validé en GTR' }], ctx);

  it('needs a reason and leaves the household with one counted refusal: no mediation yet', () => {
    expect(essayer(p1, { type: 'refus_legitime', date: '2025-01-20', motif: ' ' })).toEqual({
      ok: false,
      message: 'Indiquez pourquoi le refus est légitime (logement inadapté, loyer trop élevé…).',
    });
    const s = situationPropositions([legitime, p2], REGLAGES_PROPOSITION_PAR_DEFAUT);
    expect(s.refusMenage.map((p) => p.rang)).toEqual([2]);
    expect(s.refusDeclenchantMediation).toBeNull();
    expect(refusDe(legitime)?.motif).toBe(
      'Montant du loyer et des charges ; refus reconnu légitime : Loyer au-delà du taux d’effort validé en GTR',
    );
  });

  it('keeps the coded motive and leaves out what was typed on an anonymous paper (charte §4 step 4, issue 14 item 9)', () => {
    const anonyme = presentationMenage({ ...menage(), refusConsentement: { signeLe: '2024-10-01' } }, 'partenaires');
    expect(refusDe(legitime, anonyme.texteLibre)?.motif).toBe(
      `Montant du loyer et des charges ; refus reconnu légitime : ${TEXTE_LIBRE_NON_REPRODUIT}`,
    );
  });

  it('makes the 3rd proposal no longer the one the congé goes with', () => {
    const c = { ...ctx, propositionsDuMenage: [legitime, p2, p3] };
    expect(essayer(attribuee, conge, c)).toEqual({
      ok: false,
      message:
        'Le congé accompagne la proposition opposable, faite après 2 refus du ménage qui comptent ; il n’y en a que 1 avant celle-ci.',
    });
  });

  it('on the 3rd refusal, stops the congé’s clock and bars the legal follow-up', () => {
    const troisiemeLegitime = suivre(
      avecConge,
      [{ type: 'refus_legitime', date: '2025-03-20', motif: 'Logement inaccessible au fauteuil roulant' }],
      ctx,
    );
    expect(echeanceConge(troisiemeLegitime)).toBeNull();
    expect(essayer(troisiemeLegitime, suite)).toEqual({
      ok: false,
      message:
        'Le dossier va à la suite juridique après un refus du ménage qui compte : celui-ci n’est pas refusé ou son refus est reconnu légitime.',
    });
  });
});

describe('the file handed to the legal follow-up (charte §3.4 D « le bailleur engage toutes poursuites légales »)', () => {
  it('is dated, addressed and carries the congé and its proof', () => {
    expect(essayer(avecConge, { ...suite, pieces: ['propositions_ecrites', 'conge'] })).toEqual({
      ok: false,
      message: 'Joignez au dossier : la preuve de remise du congé (accusé de réception ou acte).',
    });
    expect(essayer(avecConge, { ...suite, destinataire: '' })).toEqual({
      ok: false,
      message: 'Indiquez à qui le dossier est transmis (service juridique, avocat…).',
    });
    expect(essayer(avecConge, { ...suite, date: '2025-03-07' })).toEqual({
      ok: false,
      message: 'Le dossier ne peut pas être transmis avant la remise du congé, le 8 mars 2025.',
    });
    const transmise = suivre(avecConge, [suite], ctx);
    expect(transmise.suiteJuridique).toEqual({
      transmisLe: '2025-09-10',
      destinataire: 'Service contentieux du bailleur',
      pieces: suite.pieces,
      commentaire: '',
    });
    expect(essayer(transmise, suite)).toEqual({
      ok: false,
      message: 'Le dossier a déjà été transmis le 10 septembre 2025 à Service contentieux du bailleur.',
    });
  });

  it('needs the congé first', () => {
    const sansConge = suivre(
      attribuee,
      [
        { type: 'visite', date: '2025-03-10' },
        { type: 'reponse', decision: 'refus', motif: 'localisation', date: '2025-03-14' },
      ],
      ctx,
    );
    expect(essayer(sansConge, suite)).toEqual({
      ok: false,
      message: 'Le dossier va à la suite juridique avec le congé et sa preuve de remise : enregistrez d’abord le congé.',
    });
  });
});
