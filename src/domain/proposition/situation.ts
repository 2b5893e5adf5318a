import { z } from 'zod';
import { idSchema, isoDateSchema } from '../commun/index.ts';
import { dateEnLettres } from '../calendrier/index.ts';
import { compteDansLesPropositions, concluLe, estClose, etatProposition, refusCompte, refusDe } from './etat.ts';
import { verifierMediation, type Mediation } from './mediation.ts';
import { circuitSchema, orientationCourante, type Circuit, type Orientation } from './orientation.ts';
import { propositionSchema, type Proposition } from './proposition.ts';
import type { ReglagesProposition } from './reglages.ts';
import { accepte, refuse, type Resultat } from './resultat.ts';

// A household's proposals together (CCH L353-15, L442-6; charte §3 D and §4 step 11): one at a
// time; from the 2nd refusal by the household a mediation defines the next one; the 3rd is binding
// (opposable). Three is what the household is entitled to, not a ceiling: the landlord may make
// further proposals after a 3rd refusal. A refusal judged legitimate does not count (charte
// §3.4 C); a temporary dwelling is no proposal of L353-15, and the search goes on after its lease.

export type SituationPropositions = {
  /** The proposals that reached the household, in rank order. */
  comptees: Proposition[];
  enCours: Proposition | null;
  /** The lease signature of the final dwelling, which ended the search, if any. */
  relogeLe: string | null;
  /** The lease signature of the latest temporary dwelling, if any. */
  relogeTemporairementLe: string | null;
  /** Refusals by the household that count (silence included, legitimate ones not), in date order. */
  refusMenage: Proposition[];
  /** The refusal from which a mediation is required, when reached. */
  refusDeclenchantMediation: Proposition | null;
  prochainRang: number;
  /** The latest day one of the proposals was concluded, if any: a new one may not be dated before it. */
  derniereConclusion: string | null;
};

const dateRefus = (p: Proposition): string => p.reponse?.date ?? p.proposeeLe;

export function situationPropositions(propositions: readonly Proposition[], r: ReglagesProposition): SituationPropositions {
  const presentes = propositions.filter((p) => !p.supprime);
  const comptees = presentes.filter(compteDansLesPropositions).sort((a, b) => a.rang - b.rang);
  const refusMenage = comptees.filter(refusCompte).sort((a, b) => dateRefus(a).localeCompare(dateRefus(b)));
  const baux = (temporaire: boolean) =>
    presentes.flatMap((p) => (p.temporaire === temporaire && p.bailSigneLe !== null ? [p.bailSigneLe] : [])).sort();
  return {
    comptees,
    enCours: presentes.find((p) => !estClose(p)) ?? null,
    relogeLe: baux(false).at(-1) ?? null,
    relogeTemporairementLe: baux(true).at(-1) ?? null,
    refusMenage,
    refusDeclenchantMediation: refusMenage[r.mediationApresRefus - 1] ?? null,
    prochainRang: comptees.length + 1,
    derniereConclusion:
      presentes
        .flatMap((p) => concluLe(p) ?? [])
        .sort()
        .at(-1) ?? null,
  };
}

/** The proposal of the rank the household is entitled to (the 3rd by default) is binding; later ones are further offers. */
export const estOpposable = (p: { rang: number; temporaire?: boolean }, r: Pick<ReglagesProposition, 'maxPropositions'>): boolean =>
  p.rang === r.maxPropositions && !p.temporaire;

/**
 * The household's refusals that count, made before `p` (and `p`'s own when `inclus`): the congé
 * goes with the proposal that follows the last refusal but one, the legal follow-up with the last
 * (CCH L442-6; a legitimate refusal does not count, charte §3.4 C).
 */
export function refusComptesJusqua(p: Proposition, propositions: readonly Proposition[], inclus: boolean): number {
  const avant = propositions.filter((x) => !x.supprime && x.id !== p.id && x.rang < p.rang && refusCompte(x)).length;
  return avant + (inclus && refusCompte(p) ? 1 : 0);
}

/** A complete mediation held between the triggering refusal and `avant`, if any. */
export function mediationApres(refus: Proposition, mediations: readonly Mediation[], avant: string, aujourdhui: string): Mediation | null {
  return (
    mediations.find((m) => !m.supprime && m.date >= dateRefus(refus) && m.date <= avant && verifierMediation(m, aujourdhui).length === 0) ??
    null
  );
}

export const demandePropositionSchema = z.object({
  id: idSchema,
  menageId: idSchema,
  offreId: idSchema,
  circuit: circuitSchema,
  /** Required in the circuit dématérialisé; in GTR/GTRM the group itself validates. */
  partenaires: z.array(z.string().min(1).max(120)).max(20).default([]),
  simulation: z.json().default(null),
  proposeeLe: isoDateSchema,
  /** A temporary dwelling (charte §2.2 B and D); absent, a proposal of the final one. */
  temporaire: z.boolean().optional(),
});
export type DemandeProposition = z.infer<typeof demandePropositionSchema>;

const INSTANCE: Record<Exclude<Circuit, 'circuit_dematerialise'>, string> = { gtr: 'GTR', gtrm: 'GTRM' };

function controleMediation(
  s: SituationPropositions,
  mediations: readonly Mediation[],
  d: DemandeProposition,
  r: ReglagesProposition,
  aujourdhui: string,
): string | null {
  const refus = s.refusDeclenchantMediation;
  if (refus === null || mediationApres(refus, mediations, d.proposeeLe, aujourdhui)) return null;
  const debut = `Après le ${r.mediationApresRefus}e refus du ménage (le ${dateEnLettres(dateRefus(refus))}), une médiation doit précéder la proposition n° ${s.prochainRang}`;
  const tenue = mediations.find((m) => !m.supprime && m.date >= dateRefus(refus));
  if (!tenue) return `${debut} : enregistrez sa date, les présents et le produit défini.`;
  if (tenue.date > d.proposeeLe)
    return `${debut} : la médiation du ${dateEnLettres(tenue.date)} est postérieure à la date de la proposition.`;
  return `${debut} : la médiation du ${dateEnLettres(tenue.date)} est incomplète. ${verifierMediation(tenue, aujourdhui)
    .map((e) => e.message)
    .join(' ')}`;
}

/** The latest rejection by a partner in the circuit dématérialisé, with its date. */
function dernierRejetDematerialise(propositions: readonly Proposition[]): { p: Proposition; date: string } | null {
  return propositions
    .filter((p) => !p.supprime && p.circuit === 'circuit_dematerialise' && etatProposition(p) === 'rejetee_partenaires')
    .map((p) => ({ p, date: refusDe(p)?.date ?? p.proposeeLe }))
    .reduce<{ p: Proposition; date: string } | null>((dernier, x) => (dernier === null || x.date > dernier.date ? x : dernier), null);
}

/**
 * Charte §5.5 C: when a partner does not validate a proposal of the circuit dématérialisé, the
 * situation is dealt with by the GTR or GTRM; the circuit opens again only when the partners
 * orient the household to it anew, after that rejection. Why a new proposal of the household may
 * not go to the circuit dématérialisé, given its other proposals and its orientations; null when it
 * may. The tablet checks it at creation, the server on every batch (a stale or hostile tablet).
 */
export function circuitDematerialiseFerme(propositions: readonly Proposition[], orientations: readonly Orientation[]): string | null {
  const rejet = dernierRejetDematerialise(propositions);
  if (rejet === null) return null;
  const courante = orientationCourante(orientations);
  if (courante?.circuit === 'circuit_dematerialise' && courante.date > rejet.date) return null;
  return `Un partenaire n’a pas validé la proposition n° ${rejet.p.rang} dans le circuit dématérialisé (le ${dateEnLettres(rejet.date)}) : la situation est traitée en GTR ou GTRM (charte §5.5 C). Faites la proposition en GTR ou en GTRM, ou enregistrez d’abord une nouvelle orientation vers le circuit dématérialisé.`;
}

const controleCircuit = (dossier: DossierCreation, d: DemandeProposition): string | null =>
  d.circuit === 'circuit_dematerialise' ? circuitDematerialiseFerme(dossier.propositions, dossier.orientations ?? []) : null;

function controleCreation(
  s: SituationPropositions,
  mediations: readonly Mediation[],
  d: DemandeProposition,
  r: ReglagesProposition,
  aujourdhui: string,
): string | null {
  if (d.proposeeLe > aujourdhui) return 'La proposition ne peut pas être datée dans le futur.';
  if (s.relogeLe) return `Le ménage est déjà relogé (bail signé le ${dateEnLettres(s.relogeLe)}) : aucune nouvelle proposition.`;
  if (s.enCours) return `La proposition n° ${s.enCours.rang} est en cours : enregistrez sa conclusion avant d’en faire une autre.`;
  // One at a time holds in time too: dated before the last conclusion, the new proposal would have
  // run alongside the previous one, and the refusals would no longer follow the ranks.
  if (s.derniereConclusion && d.proposeeLe < s.derniereConclusion)
    return `La proposition ne peut pas être datée avant la conclusion de la précédente, le ${dateEnLettres(s.derniereConclusion)}.`;
  if (d.circuit === 'circuit_dematerialise' && d.partenaires.length === 0)
    return 'Indiquez les partenaires appelés à valider la proposition dans le circuit dématérialisé.';
  return controleMediation(s, mediations, d, r, aujourdhui);
}

/** A household's proposals, mediations and orientation decisions (none given: no re-orientation recorded). */
export type DossierCreation = {
  propositions: readonly Proposition[];
  mediations: readonly Mediation[];
  orientations?: readonly Orientation[];
};

/** A new proposal for a household, given all its proposals, mediations and orientations; its rank follows. */
export function creerProposition(
  demande: DemandeProposition,
  dossier: DossierCreation,
  r: ReglagesProposition,
  aujourdhui: string,
): Resultat<Proposition> {
  const s = situationPropositions(dossier.propositions, r);
  const manque = controleCreation(s, dossier.mediations, demande, r, aujourdhui) ?? controleCircuit(dossier, demande);
  if (manque) return refuse(manque);
  const partenaires = demande.circuit === 'circuit_dematerialise' ? demande.partenaires : [INSTANCE[demande.circuit]];
  return accepte(propositionSchema.parse({ ...demande, partenaires, rang: s.prochainRang }));
}
