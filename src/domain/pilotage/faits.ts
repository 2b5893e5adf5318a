import { z } from 'zod';
import { AUTEURS_REFUS, auteurDuRefus, compteDansLesPropositions, type AuteurRefus, type Proposition } from '../proposition/index.ts';

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

// Each fact's check, one predicate over a value: the schema of a fact and the schema of a column
// of facts are both made of them, so a column of 200,000 values is checked in one tight loop.
type Controle<T> = (v: unknown) => v is T;
const texte = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
/** A day as stored everywhere (AAAA-MM-JJ), compared as text. */
const jour = (v: unknown): v is string => typeof v === 'string' && v.length === 10;
const entier = (v: unknown): v is number => Number.isInteger(v);
const booleen = (v: unknown): v is boolean => typeof v === 'boolean';
const nombre = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const auteur = (v: unknown): v is AuteurRefus => (AUTEURS_REFUS as readonly unknown[]).includes(v);
const ouRien =
  <T>(c: Controle<T>) =>
  (v: unknown): v is T | null =>
    v === null || c(v);

const CONTROLES = {
  id: texte,
  menageId: texte,
  offreId: texte,
  rang: entier,
  proposeeLe: jour,
  /** The lease date, as typed: a withdrawn proposal may still carry one. */
  bailSigneLe: ouRien(jour),
  retiree: booleen,
  /** Who refused it (partners, CALEOL or household) and when (`auteurDuRefus`). */
  refusPar: ouRien(auteur),
  refusLe: ouRien(jour),
  /** Whether it reached the household and counts among its proposals (`compteDansLesPropositions`). */
  comptee: booleen,
  temporaire: booleen,
  /** A refusal by the household judged legitimate (charte §3.4 C). */
  refusLegitime: booleen,
  /**
   * The simulation joined to the offer, before and after the move (`avantApres`, charte §7.1):
   * reste à charge, taux d'effort, reste à vivre; all null without a simulation with figures.
   */
  racAvant: ouRien(nombre),
  racApres: ouRien(nombre),
  teAvant: ouRien(nombre),
  teApres: ouRien(nombre),
  ravAvant: ouRien(nombre),
  ravApres: ouRien(nombre),
} as const;
type Controles = typeof CONTROLES;
type Controlee<C> = C extends Controle<infer T> ? T : never;

export type FaitProposition = { [K in keyof Controles]: Controlee<Controles[K]> };
/** What the figures read of a proposal: its facts but its own id, which none reads (a figure lists households, never proposals). */
export type FaitChiffre = Omit<FaitProposition, 'id'>;
/** The simulation's six figures among a proposal's facts, in the order they are stored and read. */
export const CHIFFRES_SIMULATION = [
  'racAvant',
  'racApres',
  'teAvant',
  'teApres',
  'ravAvant',
  'ravApres',
] as const satisfies readonly (keyof FaitProposition)[];
/** Many proposals' facts as one array per fact, the n-th entries making the n-th proposal: how a server reads a territory's. */
export type ColonnesFaitsProposition = { [K in keyof FaitProposition]: FaitProposition[K][] };

/** One zod schema per fact, made from its check. */
const parFait = <S>(faire: (cle: string, c: (v: unknown) => boolean) => z.ZodType): S =>
  Object.fromEntries(Object.entries(CONTROLES).map(([cle, c]) => [cle, faire(cle, c)])) as S;

export const faitPropositionSchema = z.object(
  parFait<{ [K in keyof FaitProposition]: z.ZodCustom<FaitProposition[K]> }>((cle, c) =>
    z.custom((v) => c(v), `Fait de proposition invalide : ${cle}.`),
  ),
);

/** The facts' schema column by column, each column checked in one loop; the columns must be of one length. */
export const colonnesFaitsPropositionSchema = z
  .object(
    parFait<{ [K in keyof FaitProposition]: z.ZodCustom<FaitProposition[K][]> }>((cle, c) =>
      z.custom((v) => Array.isArray(v) && v.every((x) => c(x)), `Colonne de faits invalide : ${cle}.`),
    ),
  )
  .refine((c) => Object.values(c).every((colonne) => colonne.length === c.id.length), 'Colonnes de faits de longueurs différentes.');

/** The facts out of their columns (already parsed). */
export function faitsDesColonnes(c: ColonnesFaitsProposition): FaitProposition[] {
  const faits: FaitProposition[] = new Array<FaitProposition>(c.id.length);
  for (let i = 0; i < c.id.length; i += 1)
    faits[i] = {
      id: c.id[i] as string,
      menageId: c.menageId[i] as string,
      offreId: c.offreId[i] as string,
      rang: c.rang[i] as number,
      proposeeLe: c.proposeeLe[i] as string,
      bailSigneLe: c.bailSigneLe[i] ?? null,
      retiree: c.retiree[i] as boolean,
      refusPar: c.refusPar[i] ?? null,
      refusLe: c.refusLe[i] ?? null,
      comptee: c.comptee[i] as boolean,
      temporaire: c.temporaire[i] as boolean,
      refusLegitime: c.refusLegitime[i] as boolean,
      racAvant: c.racAvant[i] ?? null,
      racApres: c.racApres[i] ?? null,
      teAvant: c.teAvant[i] ?? null,
      teApres: c.teApres[i] ?? null,
      ravAvant: c.ravAvant[i] ?? null,
      ravApres: c.ravApres[i] ?? null,
    };
  return faits;
}

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
