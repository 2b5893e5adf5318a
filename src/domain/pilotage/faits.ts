import { z } from 'zod';
import { AUTEURS_REFUS, auteurDuRefus, compteDansLesPropositions, type Proposition } from '../proposition/index.ts';

// What each record contributes to the steering figures, derived once from the record by the
// domain: a territory counts hundreds of thousands of proposals, and the figures read a dozen
// facts of each, never its steps, partners' opinions or snapshot. The tablet derives them from its
// records, the server at each push (stored compact, docs/pilotage.md); both parse them with the
// schema below, kept cheap: plain strings, numbers and booleans, no nested record.

// What a proposal keeps of its simulation (charte §7.1): before and after the move. Parsed, since
// it is stored as free JSON; an older or hand-made snapshot without figures is left out.
const situationSchema = z.object({ resteACharge: z.number(), tauxEffort: z.number().nullable(), resteAVivre: z.number() });
const instantaneSchema = z.object({ resultat: z.object({ avant: situationSchema, apres: situationSchema }) });
export type SimulationSignee = z.infer<typeof instantaneSchema>['resultat'];

export function avantApres(simulation: unknown): SimulationSignee | null {
  const r = instantaneSchema.safeParse(simulation);
  return r.success ? r.data.resultat : null;
}

/** A day as stored everywhere (AAAA-MM-JJ), compared as text. */
const jour = z.string().length(10);
const jourOuRien = jour.nullable();
const montant = z.number().nullable();

export const faitPropositionSchema = z.object({
  id: z.string().min(1),
  menageId: z.string().min(1),
  offreId: z.string().min(1),
  rang: z.number().int(),
  proposeeLe: jour,
  /** The lease date, as typed: a withdrawn proposal may still carry one. */
  bailSigneLe: jourOuRien,
  retiree: z.boolean(),
  /** Who refused it (partners, CALEOL or household) and when (`auteurDuRefus`). */
  refusPar: z.enum(AUTEURS_REFUS).nullable(),
  refusLe: jourOuRien,
  /** Whether it reached the household and counts among its proposals (`compteDansLesPropositions`). */
  comptee: z.boolean(),
  temporaire: z.boolean(),
  /** A refusal by the household judged legitimate (charte §3.4 C). */
  refusLegitime: z.boolean(),
  /**
   * The simulation joined to the offer, before and after the move (`avantApres`, charte §7.1):
   * reste à charge, taux d'effort, reste à vivre; all null without a simulation with figures.
   */
  racAvant: montant,
  racApres: montant,
  teAvant: montant,
  teApres: montant,
  ravAvant: montant,
  ravApres: montant,
});
export type FaitProposition = z.infer<typeof faitPropositionSchema>;

/** The facts of a proposal, none for a deleted one. */
export function faitDeProposition(p: Proposition): FaitProposition | null {
  if (p.supprime) return null;
  const refus = auteurDuRefus(p);
  const s = avantApres(p.simulation);
  return {
    id: p.id,
    menageId: p.menageId,
    offreId: p.offreId,
    rang: p.rang,
    proposeeLe: p.proposeeLe,
    bailSigneLe: p.bailSigneLe,
    retiree: p.retrait !== null,
    refusPar: refus?.par ?? null,
    refusLe: refus?.date ?? null,
    comptee: compteDansLesPropositions(p),
    temporaire: p.temporaire,
    refusLegitime: p.refusLegitime !== null,
    racAvant: s?.avant.resteACharge ?? null,
    racApres: s?.apres.resteACharge ?? null,
    teAvant: s?.avant.tauxEffort ?? null,
    teApres: s?.apres.tauxEffort ?? null,
    ravAvant: s?.avant.resteAVivre ?? null,
    ravApres: s?.apres.resteAVivre ?? null,
  };
}

/** The facts of the proposals that are not deleted: what the tablet computes its report from. */
export const faitsDesPropositions = (ps: readonly Proposition[]): FaitProposition[] =>
  ps.flatMap((p) => {
    const f = faitDeProposition(p);
    return f ? [f] : [];
  });
