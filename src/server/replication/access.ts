import type { Profile } from '../../sync/index.ts';
import type { Params } from '../db/params.ts';

// Who sees what. Encadrants and administrateurs see every record of their organisation. A chargé
// sees the organisation's reference data and the households she follows: those whose référent or
// binôme is her account (`referentId`, `binomeId`: ids, never names) and those an encadrant
// assigned to her. Having created a household gives nothing by itself: the server makes its
// creator its référente, and an encadrant may give it to someone else. For each, `granted` is the
// sequence from which she has seen it without a break: a pull whose checkpoint is older re-sends
// the whole household.

export const seesWholeOrganisation = (actor: Profile) => actor.role === 'encadrant' || actor.role === 'administrateur';

/** SQL selecting (menage_id, granted) for the households a chargé follows. */
function followedHouseholds(actor: Profile, p: Params): string {
  const org = p.add(actor.organisation.id);
  const user = p.add(actor.id);
  // Starts from the fields that name her (an index), then looks up each one's record: the
  // fence (offset 0) and the lateral join keep the planner from scanning every household.
  return `
    select menage_id, min(granted) as granted from (
      select r.menage_id, named.seq as granted
        from (select rid, seq from fields
              where field in ('referentId', 'binomeId') and value #>> '{}' = ${p.add(actor.id)}::text
              offset 0) named
        cross join lateral (select menage_id, tbl, org_id from records where rid = named.rid offset 0) r
        where r.tbl = 'menages' and r.org_id = ${org}
      union all
      select a.menage_id, a.seq from assignments a where a.user_id = ${user}
    ) sources group by menage_id`;
}

export type Visibility = {
  /** Common table expressions to put after `with` (ending with a comma), possibly empty. */
  ctes: string;
  /** A condition on records aliased `r` (org_id, menage_id, tbl, territory_id): the actor may see them. */
  where: string;
  /** A condition on a field named by the SQL expression `field` of a visible record `r`: the actor may see its value. */
  fieldVisible: (field: string) => string;
  /** A condition on a visible record `r`: `fieldVisible` may hide some of its fields from the actor. */
  mayHideFields: string;
  /** The name of the CTE of followed households (menage_id, granted), null when all are seen. */
  followed: string | null;
  /**
   * The territory (an SQL parameter) whose pooled fields hold all the actor may see, for a partner:
   * a pull then walks them by sequence (migration 016) instead of scanning every sequence.
   */
  pooledTerritory: string | null;
};

// Pooled records (offers and positions of the territory) are seen by every organisation of the
// territory, and only by them. A position's named sheet is left out of the payload of whoever is
// not the household's own team, unless the household agreed to share its situation with that
// kind of partner (charte §4 step 3) and signed no refusal: the others get the anonymised sheet.
// MOUS teams and the platform never get another team's named sheet (docs/droits-partenaires.md).

/** The consent (menages.consentements key) that opens a named sheet to an organisation of this kind. */
const CONSENT_OF_KIND: Partial<Record<string, string>> = {
  bailleur: 'bailleurs',
  ville: 'ville',
  metropole: 'metropole',
  etat: 'etat',
  action_logement: 'action_logement',
};

function nominativeAllowed(actor: Profile, p: Params, followed: boolean): string {
  const own = `(r.org_id = ${p.add(actor.organisation.id)}${followed ? ' and r.menage_id in (select menage_id from followed)' : ''}${actor.role === 'partenaire' ? ' and false' : ''})`;
  const consent = CONSENT_OF_KIND[actor.organisation.kind ?? ''];
  if (consent === undefined) return own;
  const householdField = (condition: string) =>
    `exists (select 1 from records m join fields c on c.rid = m.rid where m.tbl = 'menages' and m.scope = '' and m.record_id = r.menage_id and ${condition})`;
  return `(${own} or (${householdField(`c.field = ${p.add(`consentements.${consent}`)} and c.value ->> 'accorde' = 'true'`)}
    and not ${householdField(`c.field = 'refusConsentement' and c.value <> 'null'::jsonb`)}))`;
}

/** Whether the actor may read each field of a pooled record `r`: the named sheet only by consent. */
function pooledFieldVisible(actor: Profile, p: Params, followed: boolean): Pick<Visibility, 'fieldVisible' | 'mayHideFields'> {
  const allowed = nominativeAllowed(actor, p, followed);
  return {
    fieldVisible: (field) => `(${field} <> 'ficheNominative' or r.tbl <> 'positionnements' or ${allowed})`,
    mayHideFields: `(r.tbl = 'positionnements' and (${allowed}) is not true)`,
  };
}

const ALL_FIELDS_VISIBLE: Pick<Visibility, 'fieldVisible' | 'mayHideFields'> = { fieldVisible: () => 'true', mayHideFields: 'false' };

function pooledVisibility(
  actor: Profile,
  p: Params,
  followed: boolean,
): Pick<Visibility, 'fieldVisible' | 'mayHideFields'> & { where: string } {
  const territory = actor.organisation.territory;
  if (territory === null) return { where: 'false', ...ALL_FIELDS_VISIBLE };
  return { where: `r.territory_id = ${p.add(territory.id)}`, ...pooledFieldVisible(actor, p, followed) };
}

/** Réservataires and collectivités: they give their opinion on the candidates designated to a landlord (charte §5.5 C). */
const OPINION_GIVERS: readonly string[] = ['ville', 'metropole', 'etat', 'action_logement'];

/**
 * The positions submitted to a partner (docs/droits-partenaires.md): those on its own offers (host
 * landlord), those of the households its demolitions displace (`bailleurOrigineId`, charte step
 * 11) and, for a réservataire or a collectivité, those designated to the host landlord. Each is
 * found from an index (offers of the organisation, then positions naming them; pooled field values,
 * migration 016) and its record looked up by rid behind a fence, so the cost follows the positions
 * found, not the territory's size.
 */
function partnerPositions(actor: Profile, p: Params, territoryId: string): string {
  const org = p.add(actor.organisation.id);
  const territory = p.add(territoryId);
  const position = (rid: string) =>
    `cross join lateral (select rid, tbl, territory_id from records where rid = ${rid} offset 0) r
     where r.tbl = 'positionnements' and r.territory_id = ${territory}::uuid`;
  const byValue = (field: string, condition: string) =>
    `select r.rid from (select rid from fields where territory_id = ${territory}::uuid and field = '${field}' and ${condition} offset 0) f ${position('f.rid')}`;
  return [
    `select r.rid from (select record_id from records where org_id = ${org}::uuid and tbl = 'offresPartagees' and scope = '' offset 0) o
       cross join lateral (select rid from fields where field = 'offreId' and value #>> '{}' = o.record_id offset 0) f ${position('f.rid')}`,
    byValue('bailleurOrigineId', `value #>> '{}' = ${org}::text`),
    ...(OPINION_GIVERS.includes(actor.organisation.kind ?? '') ? [byValue('designeLe', `value <> 'null'::jsonb`)] : []),
  ].join(' union ');
}

/** `followed as (…),` for a chargé, to put after `with`; empty for who sees the whole organisation. */
export const followedCte = (actor: Profile, p: Params): string =>
  seesWholeOrganisation(actor) ? '' : `followed as (${followedHouseholds(actor, p)}),`;

export function visibility(actor: Profile, p: Params): Visibility {
  if (actor.role === 'partenaire') {
    const territory = actor.organisation.territory;
    if (territory === null) return { ctes: '', where: 'false', ...ALL_FIELDS_VISIBLE, followed: null, pooledTerritory: null };
    const id = p.add(territory.id);
    return {
      ctes: `partner_positions as (${partnerPositions(actor, p, territory.id)}),`,
      // Every offer of the territory, its yearly review (objectives, a landlord's own total), and the positions submitted to it.
      where: `(r.territory_id = ${id}::uuid and (r.tbl in ('offresPartagees', 'bilansAnnuels') or r.rid in (select rid from partner_positions)))`,
      ...pooledFieldVisible(actor, p, false),
      followed: null,
      pooledTerritory: id,
    };
  }
  const org = `r.org_id = ${p.add(actor.organisation.id)}::uuid`;
  if (seesWholeOrganisation(actor)) {
    const pooled = pooledVisibility(actor, p, false);
    return {
      ctes: '',
      where: `(${org} or ${pooled.where})`,
      fieldVisible: pooled.fieldVisible,
      mayHideFields: pooled.mayHideFields,
      followed: null,
      pooledTerritory: null,
    };
  }
  const pooled = pooledVisibility(actor, p, true);
  return {
    ctes: followedCte(actor, p),
    where: `((${org} and r.territory_id is null and (r.menage_id is null or r.menage_id in (select menage_id from followed))) or ${pooled.where})`,
    fieldVisible: pooled.fieldVisible,
    mayHideFields: pooled.mayHideFields,
    followed: 'followed',
    pooledTerritory: null,
  };
}

/** `with …`, a condition on records `r` and one on their fields, for listings that filter by visibility alone. */
export function visibleRecords(actor: Profile, p: Params): { with: string; where: string; fieldVisible: (field: string) => string } {
  const v = visibility(actor, p);
  return { with: v.ctes === '' ? '' : `with ${v.ctes.replace(/,\s*$/, '')}`, where: v.where, fieldVisible: v.fieldVisible };
}
