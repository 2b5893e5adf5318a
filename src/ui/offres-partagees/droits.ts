import type { OffrePartagee } from '../../domain/index.ts';
import type { Profile, TerritoryOrganisation } from '../../sync/index.ts';

// What the screens offer each user on a pooled offer, mirroring the server's rules
// (src/server/replication/pooled-rules.ts, docs/droits-partenaires.md); the server stays the judge
// and sends back the reason of anything it refuses. The tablet does not receive which organisation
// published an offer: the host landlord is recognised by the landlord's name its sheet carries,
// which publishing fills with the organisation's name. The territory's organisations (listed at
// each sync) tell whether a platform designates.

export type DroitsOffre = {
  /** Publish a dwelling: a landlord's users. */
  publier: boolean;
  /** Change the sheet and the offer's dated steps, give the decision after the CALEOL. */
  hote: boolean;
  /** Designate up to three candidates: the platform's users where the territory has one, otherwise the host landlord's. */
  designer: boolean;
  /** Position the team's households: any user who is not a partner. */
  positionner: boolean;
  /** Give its organisation's opinion on a candidate: a landlord, réservataire or collectivité other than the host. */
  avis: boolean;
};

const DONNENT_AVIS = new Set(['bailleur', 'ville', 'metropole', 'etat', 'action_logement']);

export function droitsOffre(
  profil: Profile | null | undefined,
  offre: Pick<OffrePartagee, 'bailleur'> | null,
  organisations: readonly Pick<TerritoryOrganisation, 'kind'>[],
): DroitsOffre {
  const kind = profil?.organisation.kind ?? null;
  const publier = kind === 'bailleur';
  const hote = publier && offre !== null && offre.bailleur.trim() === profil?.organisation.name.trim();
  const plateforme = kind === 'plateforme' || organisations.some((o) => o.kind === 'plateforme');
  return {
    publier,
    hote,
    designer: plateforme ? kind === 'plateforme' : hote,
    positionner: profil?.role !== 'partenaire',
    avis: kind !== null && DONNENT_AVIS.has(kind) && !hote,
  };
}

/** The host landlord's organisation, found by the name its sheet carries among the territory's landlords. */
export const bailleurDeLOffre = (offre: Pick<OffrePartagee, 'bailleur'>, organisations: readonly TerritoryOrganisation[]): string | null =>
  organisations.find((o) => o.kind === 'bailleur' && o.name.trim() === offre.bailleur.trim())?.id ?? null;
