import {
  MAX_DESIGNES,
  MESSAGE_OFFRE_FERMEE,
  designationActive,
  erreurReponseMenage,
  erreursOffrePartagee,
  offrePartageeSchema,
  offreOuverte,
  positionnementSchema,
} from '../../domain/index.ts';
import type { OffrePartagee, Positionnement } from '../../domain/index.ts';
import { splitField } from '../../sync/index.ts';
import type { Change, Profile } from '../../sync/index.ts';
import type { PooledRecord, PooledState } from './records.ts';

// Who may write what on the pooled records of a territory (convention AMP art. 10), and what the
// server holds whatever the devices did offline: at most three candidates designated per offer,
// one household designated on one offer at a time, no position on an offer withdrawn, given back
// or let. A landlord's users publish and follow its offers; a team positions the households it
// follows; the platform (or, without one, the host landlord) designates; the host landlord
// decides; every partner of the territory gives its own opinion. Nothing crosses a territory.

export const OUTSIDE = 'Accès refusé : cette offre ou ce positionnement n’est pas de votre territoire, ou n’est pas à votre organisation.';
export const NO_TERRITORY = 'Votre organisation n’est rattachée à aucun territoire : elle ne peut ni publier ni positionner.';
// The landlord makes the dwelling available (convention AMP annex 5): it owns the offer, follows
// its steps and, without a platform, designates. An officer of a MOUS or of the platform who
// hears of a dwelling keeps it among her organisation's own offers and asks the landlord to
// publish it; she never publishes in its name (docs/droits-partenaires.md).
export const PUBLISHERS_ONLY =
  'Seul un bailleur du territoire publie un logement mis à disposition (convention, annexe 5) : gardez ce logement dans les offres de votre organisation et demandez au bailleur de le publier.';
const TEAM_ONLY = 'Seule l’équipe qui suit le ménage modifie son positionnement ou sa fiche.';
const DESIGNATOR_ONLY =
  'Seuls les utilisateurs de la plateforme de relogement (ou, sans plateforme, du bailleur qui propose le logement) désignent les candidats.';
const HOST_ONLY = 'Seul le bailleur qui propose le logement donne la décision sur un candidat.';
const OWN_OPINION = 'Chaque partenaire ne donne que l’avis de sa propre organisation.';
const SERVER_ONLY = 'Ce champ est écrit par le serveur.';
const UNKNOWN_OFFER = 'Offre inconnue dans votre territoire : le positionnement n’a pas été enregistré.';
export const ORIGIN_NOT_LANDLORD =
  'Le bailleur d’origine doit être un bailleur de votre territoire : le positionnement n’a pas été enregistré.';
export const FULL = `Déjà ${MAX_DESIGNES} candidats désignés sur cette offre : la désignation n’a pas été retenue par le serveur.`;
export const ELSEWHERE = 'Ce ménage est déjà désigné sur une autre offre : la désignation n’a pas été retenue par le serveur.';

const TEAM_FIELDS = [
  'offreId',
  'menageId',
  'positionneLe',
  'operationPrioritaire',
  'bailleurOrigineId',
  'ficheAnonyme',
  'ficheNominative',
  'reponseMenage',
  'reponseMenageLe',
  'reponseMenageMotif',
  'supprime',
];
const DESIGNATOR_FIELDS = ['statut', 'rang', 'designeLe'];

const inTerritory = (actor: Profile, record: PooledRecord | undefined): record is PooledRecord =>
  record !== undefined && record.territoryId !== null && record.territoryId === actor.organisation.territory?.id;

const parsedOffer = (record: PooledRecord): OffrePartagee | null => {
  const r = offrePartageeSchema.safeParse(record.row);
  return r.success ? r.data : null;
};
const parsedPosition = (record: PooledRecord): Positionnement | null => {
  const r = positionnementSchema.safeParse(record.row);
  return r.success ? r.data : null;
};

export function positionsOn(state: PooledState, offreId: string): Positionnement[] {
  return [...state.positions.values()].flatMap((p) => (p.row.offreId === offreId ? [parsedPosition(p) ?? []].flat() : []));
}

/** Whether the actor designates on `offer`: the platform's users where there is one, else the host landlord's. */
const designates = (actor: Profile, state: PooledState, offer: PooledRecord) =>
  state.hasPlatform ? actor.organisation.kind === 'plateforme' : actor.organisation.id === offer.orgId;

/** Why the actor may not write this change of a pooled offer, or null. */
export function offerRefusal(actor: Profile, existing: PooledRecord | undefined): string | null {
  if (actor.organisation.territory === null) return NO_TERRITORY;
  if (existing === undefined) return actor.organisation.kind === 'bailleur' ? null : PUBLISHERS_ONLY;
  return inTerritory(actor, existing) && existing.orgId === actor.organisation.id ? null : OUTSIDE;
}

/** The values a team's new position starts with, outside the fields it writes. */
const INITIAL: Record<string, unknown> = { statut: 'positionne', rang: null, designeLe: null, refusServeur: '', decision: null };

/**
 * Why the actor may not write this change of a position, or null. `followsHousehold` says whether
 * the actor's team follows the household (the rules of the household's own records); `createdNow`
 * whether the batch creates the position (its other fields then come with their initial values).
 */
export function positionRefusal(
  actor: Profile,
  state: PooledState,
  change: Change,
  existing: PooledRecord | undefined,
  offreId: unknown,
  followsHousehold: boolean,
  createdNow: boolean,
): string | null {
  if (actor.organisation.territory === null) return NO_TERRITORY;
  const { name, key } = splitField(change.field);
  if (createdNow) {
    if (TEAM_FIELDS.includes(name)) return null;
    return Object.hasOwn(INITIAL, name) && INITIAL[name] === change.value ? null : TEAM_ONLY;
  }
  if (existing === undefined) {
    const offer = typeof offreId === 'string' ? state.offers.get(offreId) : undefined;
    if (!inTerritory(actor, offer)) return UNKNOWN_OFFER;
    if (!followsHousehold || actor.role === 'partenaire') return TEAM_ONLY;
    const parsed = parsedOffer(offer);
    return parsed !== null && offreOuverte(parsed, positionsOn(state, String(offreId))) ? null : MESSAGE_OFFRE_FERMEE;
  }
  if (!inTerritory(actor, existing)) return OUTSIDE;
  const offer = state.offers.get(String(existing.row.offreId));
  if (!inTerritory(actor, offer)) return OUTSIDE;
  const team = existing.orgId === actor.organisation.id && followsHousehold && actor.role !== 'partenaire';
  if (name === 'refusServeur') return SERVER_ONLY;
  if (name === 'offreId' || name === 'menageId') return change.value === existing.row[name] ? null : TEAM_ONLY;
  if (name === 'statut' && change.value === 'retire') return team ? null : TEAM_ONLY;
  if (TEAM_FIELDS.includes(name)) return team ? null : TEAM_ONLY;
  if (DESIGNATOR_FIELDS.includes(name)) return designates(actor, state, offer) ? null : DESIGNATOR_ONLY;
  if (name === 'decision') return actor.organisation.id === offer.orgId ? null : HOST_ONLY;
  if (name === 'avis') return key === actor.organisation.id ? null : OWN_OPINION;
  return OUTSIDE;
}

/**
 * Why the server turns down designating `positionId` (its row as the batch leaves it), or null:
 * the offer already has three active designations, or the household one on another offer still
 * open. The first designation the server receives wins, whatever the devices' clocks.
 */
export function designationRefusal(state: PooledState, positionId: string): string | null {
  const position = state.positions.get(positionId);
  const row = position ? parsedPosition(position) : null;
  if (!row) return null;
  const others = [...state.positions.entries()].flatMap(([id, p]) => {
    const parsed = id === positionId ? null : parsedPosition(p);
    return parsed !== null && designationActive(parsed) ? [parsed] : [];
  });
  if (others.filter((p) => p.offreId === row.offreId).length >= MAX_DESIGNES) return FULL;
  const open = (offreId: string) => {
    const offer = state.offers.get(offreId);
    const parsed = offer ? parsedOffer(offer) : null;
    return parsed !== null && offreOuverte(parsed, positionsOn(state, offreId));
  };
  return others.some((p) => p.menageId === row.menageId && p.offreId !== row.offreId && open(p.offreId)) ? ELSEWHERE : null;
}

/** Why a pooled record as the batch leaves it may not be stored (dates before availability…), or null. */
export function pooledRecordProblem(state: PooledState, table: 'offresPartagees' | 'positionnements', id: string): string | null {
  if (table === 'offresPartagees') {
    const offer = state.offers.get(id);
    const parsed = offer ? offrePartageeSchema.safeParse(offer.row) : null;
    if (!parsed) return null;
    if (!parsed.success)
      return `Fiche du logement incomplète : ${parsed.error.issues[0]?.message ?? 'valeur invalide'} (${parsed.error.issues[0]?.path.join('.') ?? ''}).`;
    return erreursOffrePartagee(parsed.data)[0]?.message ?? null;
  }
  const position = state.positions.get(id);
  const parsed = position ? positionnementSchema.safeParse(position.row) : null;
  if (!parsed) return null;
  if (!parsed.success)
    return `Positionnement incomplet : ${parsed.error.issues[0]?.message ?? 'valeur invalide'} (${parsed.error.issues[0]?.path.join('.') ?? ''}).`;
  const offer = state.offers.get(parsed.data.offreId);
  const since = offer ? String(offer.row.dateMiseADisposition ?? '') : '';
  const dates: [string | null, string][] = [
    [parsed.data.positionneLe, 'Le positionnement'],
    [parsed.data.designeLe, 'La désignation'],
    [parsed.data.decision?.le ?? null, 'La décision'],
    [parsed.data.reponseMenageLe, 'La réponse du ménage'],
    ...Object.values(parsed.data.avis).map((a): [string, string] => [a.le, 'L’avis']),
  ];
  const early = dates.find(([d]) => d !== null && d < since);
  if (early) return `${early[1]} ne peut pas précéder la mise à disposition du logement (${since}).`;
  return erreurReponseMenage(parsed.data)?.message ?? null;
}
