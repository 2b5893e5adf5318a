import type { OffrePartagee } from '../../domain/index.ts';
import type { Profile } from '../../sync/index.ts';

// What the screens offer each user on a pooled offer, mirroring the server's rules
// (src/server/replication/pooled-rules.ts, docs/droits-partenaires.md); the server stays the judge
// and sends back the reason of anything it refuses. The tablet does not receive which organisation
// published an offer: the host landlord is recognised by the landlord's name its sheet carries,
// which publishing fills with the organisation's name.

export type DroitsOffre = {
  /** Publish a dwelling: a landlord's users. */
  publier: boolean;
  /** Change the sheet and the offer's dated steps, give the decision after the CALEOL. */
  hote: boolean;
  /** Designate up to three candidates: the platform's users, or the host landlord (the server knows whether the territory has a platform). */
  designer: boolean;
  /** Position the team's households: any user who is not a partner. */
  positionner: boolean;
  /** Give its organisation's opinion on a candidate: a landlord, réservataire or collectivité other than the host. */
  avis: boolean;
};

const DONNENT_AVIS = new Set(['bailleur', 'ville', 'metropole', 'etat', 'action_logement']);

export function droitsOffre(profil: Profile | null | undefined, offre: Pick<OffrePartagee, 'bailleur'> | null): DroitsOffre {
  const kind = profil?.organisation.kind ?? null;
  const publier = kind === 'bailleur';
  const hote = publier && offre !== null && offre.bailleur.trim() === profil?.organisation.name.trim();
  return {
    publier,
    hote,
    designer: kind === 'plateforme' || hote,
    positionner: profil?.role !== 'partenaire',
    avis: kind !== null && DONNENT_AVIS.has(kind) && !hote,
  };
}
