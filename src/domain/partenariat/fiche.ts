import { parseDateIso } from '../commun/index.ts';
import { pseudonymeMenage, type Menage, type Personne } from '../menage/index.ts';
import { ageEnAnnees } from '../occupation/index.ts';
import type { ProfilMenage } from '../offre/index.ts';
import type { FicheAnonyme, FicheNominative } from './positionnement.ts';

// The two sheets a position carries (charte §4 step 3). The anonymised one tells a partner what
// a dwelling must suit (composition, ages, resources band, needs) and nothing that names the
// household: no name, no address, no reference, no document. The named one only leaves the
// tablet when the household agreed to share with at least one kind of partner and signed no
// refusal; the server then sends it only to the kinds it agreed to (docs/droits-partenaires.md).

const LARGEUR_TRANCHE = 500;
const euros = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** The band of the mean monthly resources, in steps of 500 €: precise enough to match, too coarse to identify. */
export function trancheRessources(ressourcesMensuelles: readonly number[]): string {
  if (ressourcesMensuelles.length === 0) return 'Ressources non renseignées';
  const moyenne = ressourcesMensuelles.reduce((a, b) => a + b, 0) / ressourcesMensuelles.length;
  const bas = Math.floor(moyenne / LARGEUR_TRANCHE) * LARGEUR_TRANCHE;
  if (bas === 0) return `Moins de ${euros.format(LARGEUR_TRANCHE)} € par mois`;
  return `De ${euros.format(bas)} à ${euros.format(bas + LARGEUR_TRANCHE)} € par mois`;
}

const pluriel = (n: number, mot: string) => `${n} ${mot}${n > 1 ? 's' : ''}`;

/** The anonymised sheet of a household on `date`, from its occupants to relocate and its matching profile (null: no interview yet). */
export function ficheAnonymeDe(
  menage: Pick<Menage, 'id'>,
  occupants: readonly Pick<Personne, 'dateNaissance' | 'handicap'>[],
  profil: Pick<
    ProfilMenage,
    'ressourcesMensuelles' | 'besoinPmr' | 'etageMaxSansAscenseur' | 'typologiesSouhaitees' | 'communesSouhaitees'
  > | null,
  date: string,
): FicheAnonyme {
  const ages = occupants
    .flatMap((p) => (parseDateIso(p.dateNaissance) === null ? [] : [ageEnAnnees(p.dateNaissance, date)]))
    .filter((a) => a >= 0)
    .sort((a, b) => b - a);
  const adultes = ages.filter((a) => a >= 18).length;
  const enfants = ages.length - adultes;
  const inconnus = occupants.length - ages.length;
  const composition = [
    adultes > 0 ? pluriel(adultes, 'adulte') : null,
    enfants > 0 ? pluriel(enfants, 'enfant') : null,
    inconnus > 0 ? `${pluriel(inconnus, 'occupant')} d’âge non renseigné` : null,
  ].filter((t): t is string => t !== null);
  const besoins = [
    ...(profil?.besoinPmr ? ['Logement accessible aux personnes à mobilité réduite'] : []),
    ...(occupants.some((p) => p.handicap) ? ['Un occupant en situation de handicap'] : []),
    ...(profil?.etageMaxSansAscenseur != null ? [`Sans ascenseur, pas au-delà du niveau ${profil.etageMaxSansAscenseur}`] : []),
    ...(profil && profil.typologiesSouhaitees.length > 0 ? [`Typologie souhaitée : ${profil.typologiesSouhaitees.join(', ')}`] : []),
    ...(profil && profil.communesSouhaitees.length > 0 ? [`Communes souhaitées : ${profil.communesSouhaitees.join(', ')}`] : []),
  ];
  return {
    pseudonyme: pseudonymeMenage(menage),
    composition:
      composition.length > 0 ? `${pluriel(occupants.length, 'occupant')} : ${composition.join(', ')}` : 'Composition non renseignée',
    ages,
    trancheRessources: trancheRessources(profil?.ressourcesMensuelles ?? []),
    besoins: besoins.map((b) => b.slice(0, 200)),
  };
}

/** The consents that open the named sheet to some partner of the territory (the server picks which). */
const PARTAGES_TERRITOIRE = ['bailleurs', 'ville', 'metropole', 'etat', 'action_logement'] as const;

/** The named sheet, or null when the household's consent opens it to no partner of the territory. */
export function ficheNominativeDe(
  m: Pick<Menage, 'nom' | 'adresse' | 'logement' | 'telephone' | 'reference' | 'consentements' | 'refusConsentement'>,
): FicheNominative | null {
  if (m.refusConsentement !== null || !PARTAGES_TERRITOIRE.some((p) => m.consentements[p]?.accorde)) return null;
  return {
    nom: m.nom.slice(0, 200),
    adresse: [m.adresse, m.logement].filter(Boolean).join(', ').slice(0, 300),
    telephone: m.telephone,
    reference: m.reference,
  };
}
