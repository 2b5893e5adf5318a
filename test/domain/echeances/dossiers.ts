import fc from 'fast-check';
import { plusJours } from '../../../src/domain/calendrier/index.ts';
import type { DossierAgenda } from '../../../src/domain/echeances/index.ts';
import {
  REGLAGES_PROPOSITION_PAR_DEFAUT,
  appliquerEvenement,
  creerProposition,
  evenementPropositionSchema,
  type Proposition,
} from '../../../src/domain/proposition/index.ts';
import { ISSUES } from '../../../src/domain/visite/index.ts';

// Households of a caseload at every stage, for the agenda's properties and its benchmark. Their
// proposals are built through the state machine, so they are the records the app would hold.

const uuid = (n: number) => `0190a6e0-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

const ETAPES = [
  { type: 'avis', partenaire: 'Ville', avis: 'favorable' },
  { type: 'avis', partenaire: 'DDTM', avis: 'favorable' },
  { type: 'caleol', decision: 'attribution' },
  { type: 'visite', heure: '10:00' },
  { type: 'offre_notifiee' },
  { type: 'reponse', decision: 'acceptation' },
  { type: 'bail_signe' },
] as const;

/** A proposal taken `etapes` steps along, one step every `pas` days from `depuis`. */
function proposition(n: number, menageId: string, depuis: string, etapes: number, pas: number, aujourdhui: string): Proposition | null {
  const demande = {
    id: uuid(n),
    menageId,
    offreId: uuid(n + 1),
    circuit: 'circuit_dematerialise' as const,
    partenaires: ['Ville', 'DDTM'],
    simulation: { apres: { resteAVivre: 7.1 } },
    proposeeLe: depuis,
  };
  const creee = creerProposition(demande, { propositions: [], mediations: [] }, REGLAGES_PROPOSITION_PAR_DEFAUT, aujourdhui);
  if (!creee.ok) return null;
  const ctx = { reglages: REGLAGES_PROPOSITION_PAR_DEFAUT, suivi: { relogementFuturMaxMois: 12 }, aujourdhui };
  let p = creee.valeur;
  for (const [i, etape] of ETAPES.slice(0, etapes).entries()) {
    const r = appliquerEvenement(p, evenementPropositionSchema.parse({ ...etape, date: plusJours(depuis, (i + 1) * pas) }), ctx);
    if (!r.ok) break;
    p = r.valeur;
  }
  return p;
}

export const dossierArbitraire = (aujourdhui: string): fc.Arbitrary<DossierAgenda> =>
  fc
    .record({
      n: fc.integer({ min: 1, max: 2 ** 40 }),
      nom: fc.constantFrom('Martin', 'Diallo', 'Nguyen', 'Benali', 'Petit', 'Da Silva', 'Leroy', 'Haddad'),
      ouverture: fc.option(fc.integer({ min: -500, max: 30 }), { nil: null }),
      premierEntretien: fc.option(fc.integer({ min: -400, max: 0 }), { nil: null }),
      entretienPrevu: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
      contact: fc.option(fc.integer({ min: -200, max: 0 }), { nil: null }),
      pieces: fc.array(fc.integer({ min: -60, max: 200 }), { maxLength: 4 }),
      proposition: fc.option(
        fc.record({
          depuis: fc.integer({ min: -120, max: 0 }),
          etapes: fc.integer({ min: 0, max: ETAPES.length }),
          pas: fc.integer({ min: 1, max: 6 }),
        }),
        { nil: null },
      ),
      relogement: fc.option(fc.integer({ min: -240, max: 60 }), { nil: null }),
      visites: fc.array(
        fc.record({
          numero: fc.integer({ min: 1, max: 3 }),
          issue: fc.constantFrom(...ISSUES),
          prevue: fc.option(fc.integer({ min: -30, max: 200 }), { nil: null }),
        }),
        { maxLength: 3 },
      ),
      enquete: fc.option(
        fc.record({ issue: fc.constantFrom(...ISSUES), prevue: fc.option(fc.integer({ min: -30, max: 200 }), { nil: null }) }),
        { nil: null },
      ),
    })
    .map((g): DossierAgenda => {
      const jour = (decalage: number | null) => (decalage === null ? null : plusJours(aujourdhui, decalage));
      const menageId = uuid(g.n);
      const p =
        g.proposition &&
        proposition(g.n + 10, menageId, plusJours(aujourdhui, g.proposition.depuis), g.proposition.etapes, g.proposition.pas, aujourdhui);
      return {
        menageId,
        nom: `Famille ${g.nom} ${g.n % 1000}`,
        dateOuvertureResidence: jour(g.ouverture),
        entretiens: [
          ...(g.premierEntretien === null
            ? []
            : [
                {
                  type: 'premier' as const,
                  date: plusJours(aujourdhui, g.premierEntretien),
                  termineLe: plusJours(aujourdhui, g.premierEntretien),
                },
              ]),
          ...(g.entretienPrevu === null
            ? []
            : [
                {
                  type: g.premierEntretien === null ? ('premier' as const) : ('suivi' as const),
                  date: plusJours(aujourdhui, g.entretienPrevu),
                  heure: '14:00',
                  termineLe: null,
                },
              ]),
        ],
        dernierContact: jour(g.contact),
        dateRelogement: p?.bailSigneLe ?? jour(g.relogement),
        visites: g.visites.map((v) => ({
          numero: v.numero,
          issue: v.issue,
          datePrevue: jour(v.prevue),
          heurePrevue: v.prevue === null ? null : '09:30',
        })),
        enquete: g.enquete && { issue: g.enquete.issue, datePrevue: jour(g.enquete.prevue), heurePrevue: null },
        pieces: g.pieces.map((d, i) => ({
          pieceId: uuid(g.n + 100 + i),
          libelle: `Pièce ${i + 1}`,
          finValidite: plusJours(aujourdhui, d),
        })),
        propositions: p ? [p] : [],
      };
    });
