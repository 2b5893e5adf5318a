import {
  REGLAGES_PROPOSITION_PAR_DEFAUT,
  appliquerEvenement,
  creerProposition,
  evenementPropositionSchema,
  mediationSchema,
  type ContexteProposition,
  type DemandeProposition,
  type Mediation,
  type Proposition,
} from '../../../src/domain/proposition/index.ts';
import { REGLAGES_SUIVI_PAR_DEFAUT } from '../../../src/domain/visite/index.ts';

export const menageId = '0190a6e0-0000-7000-8000-000000000001';
export const offreId = '0190a6e0-0000-7000-8000-0000000000ff';
export const id = (n: number) => `0190a6e0-0000-7000-8000-${String(n).padStart(12, '0')}`;

export const contexte = (aujourdhui: string, reglages = REGLAGES_PROPOSITION_PAR_DEFAUT): ContexteProposition => ({
  reglages,
  suivi: REGLAGES_SUIVI_PAR_DEFAUT,
  aujourdhui,
});

export const demande = (n: number, proposeeLe: string, champs: Partial<DemandeProposition> = {}): DemandeProposition => ({
  id: id(n),
  menageId,
  offreId,
  circuit: 'gtr',
  partenaires: [],
  simulation: { apres: { resteAVivre: 8.2 } },
  proposeeLe,
  ...champs,
});

/** Applies events that must all be accepted; throws with the refusal message otherwise. */
export function suivre(p: Proposition, evenements: readonly unknown[], ctx: ContexteProposition): Proposition {
  return evenements.reduce<Proposition>((courante, brut) => {
    const r = appliquerEvenement(courante, evenementPropositionSchema.parse(brut), ctx);
    if (!r.ok) throw new Error(r.message);
    return r.valeur;
  }, p);
}

export function creer(
  d: DemandeProposition,
  propositions: readonly Proposition[],
  mediations: readonly Mediation[],
  ctx: ContexteProposition,
): Proposition {
  const r = creerProposition(d, { propositions, mediations }, ctx.reglages, ctx.aujourdhui);
  if (!r.ok) throw new Error(r.message);
  return r.valeur;
}

export const mediation = (n: number, date: string, champs: Partial<Mediation> = {}): Mediation =>
  mediationSchema.parse({
    id: id(n),
    menageId,
    date,
    presents: ['Mme Adjointe au logement', 'Bailleur démolisseur'],
    produitDefini: 'T3 à Roubaix, loyer ≤ 450 €',
    ...champs,
  });

/** A proposal taken through GTR validation, CALEOL and visit, then refused by the household. */
export const refusee = (p: Proposition, jour: (n: number) => string, ctx: ContexteProposition): Proposition =>
  suivre(
    p,
    [
      { type: 'avis', partenaire: 'GTR', avis: 'favorable', date: jour(1) },
      { type: 'caleol', decision: 'attribution', date: jour(2) },
      { type: 'visite', date: jour(3) },
      { type: 'reponse', decision: 'refus', motif: 'loyer_charges', date: jour(4) },
    ],
    ctx,
  );
