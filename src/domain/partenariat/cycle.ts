import { echeanceDelai, type Instant } from '../calendrier/index.ts';
import { enumeration, type ValeurDe } from '../commun/index.ts';
import { REGLAGES_PLATEFORME_PAR_DEFAUT, type ReglagesPlateforme } from '../echeances/index.ts';
import type { OffrePartagee } from './offre-partagee.ts';
import { designationActive, type Positionnement } from './positionnement.ts';

// The life of a pooled offer (convention AMP art. 10) and the clock of each step, the same for
// every party: from its release, 10 working days to designate (7 for the MOUS teams to name
// candidates, then 48 h), 10 working days from the landlord's reception of the files to ask for
// the missing pieces and set the CALEOL, 10 working days after the CALEOL to notify a reasoned decision.

const etapesOffre = enumeration({
  disponible: 'Disponible',
  candidats_identifies: 'Candidats identifiés',
  candidats_designes: 'Candidats désignés',
  dossiers_complets: 'Dossiers complets',
  caleol: 'CALEOL fixée',
  attribuee: 'Attribuée',
  refusee: 'Refusée',
  bail_signe: 'Bail signé',
  rendue: 'Rendue faute de candidat',
  retiree: 'Retirée',
});
export const ETAPES_OFFRE = etapesOffre.valeurs;
export type EtapeOffre = ValeurDe<typeof etapesOffre>;
export const LIBELLES_ETAPE_OFFRE = etapesOffre.libelles;

type Offre = Pick<OffrePartagee, 'dateMiseADisposition' | 'dossiersCompletsLe' | 'caleolLe' | 'bailSigneLe' | 'rendueLe' | 'retireeLe'>;
type Position = Pick<Positionnement, 'statut' | 'decision' | 'positionneLe' | 'designeLe'>;

const enCours = (positions: readonly Position[]) => positions.filter((p) => p.statut !== 'retire');

export function etapeOffre(o: Offre, positions: readonly Position[]): EtapeOffre {
  const actives = enCours(positions);
  const designes = actives.filter((p) => p.statut === 'designe');
  if (o.retireeLe !== null) return 'retiree';
  if (o.rendueLe !== null) return 'rendue';
  if (o.bailSigneLe !== null) return 'bail_signe';
  if (designes.some((p) => p.decision?.decision === 'favorable')) return 'attribuee';
  if (designes.length > 0 && designes.every((p) => p.decision?.decision === 'defavorable')) return 'refusee';
  if (o.caleolLe !== null) return 'caleol';
  if (o.dossiersCompletsLe !== null) return 'dossiers_complets';
  if (designes.length > 0) return 'candidats_designes';
  return actives.length > 0 ? 'candidats_identifies' : 'disponible';
}

/** Whether a team may still position a household: not withdrawn, given back, let or leased. */
export const offreOuverte = (o: Offre, positions: readonly Position[]): boolean =>
  !['retiree', 'rendue', 'attribuee', 'bail_signe'].includes(etapeOffre(o, positions));

export const MESSAGE_OFFRE_FERMEE =
  'Cette offre n’est plus disponible (retirée, rendue ou déjà attribuée) : le positionnement n’a pas été enregistré.';

export type HorlogeOffre = {
  etape: keyof ReglagesPlateforme;
  libelle: string;
  echeance: Instant;
  faiteLe: string | null;
  enRetard: boolean;
};

const LIBELLES: Record<keyof ReglagesPlateforme, string> = {
  identificationMous: 'Identification des candidats par les équipes',
  designation: 'Désignation des candidats ou restitution de l’offre',
  designationApresIdentification: 'Désignation au bailleur après identification',
  appelPieces: 'Appel des pièces et date de CALEOL',
  notificationCaleol: 'Décision motivée après la CALEOL',
};

const premier = (dates: readonly (string | null)[]): string | null => dates.filter((d): d is string => d !== null).sort()[0] ?? null;
const passee = (echeance: Instant, aujourdhui: string) => echeance.date < aujourdhui;

/**
 * Each deadline the offer's steps have started, when it was met, and whether it is overdue on
 * `aujourdhui`. A deadline met late stays marked late: the partners' lateness is what the
 * convention's follow-up counts. Silence never turns into a decision.
 */
export function horlogesOffre(
  o: OffrePartagee,
  positions: readonly Positionnement[],
  aujourdhui: string,
  r: ReglagesPlateforme = REGLAGES_PLATEFORME_PAR_DEFAUT,
): HorlogeOffre[] {
  const actives = enCours(positions);
  const identifiees = premier(actives.map((p) => p.positionneLe));
  const designees = premier(actives.filter(designationActive).map((p) => p.designeLe));
  const fin = o.rendueLe ?? o.retireeLe;
  const decidee = premier(actives.map((p) => p.decision?.le ?? null));
  const pieces = premier([o.piecesDemandeesLe, o.caleolLe]);
  const etapes: [keyof ReglagesPlateforme, string | null, string | null][] = [
    ['identificationMous', o.dateMiseADisposition, identifiees ?? fin],
    ['designation', o.dateMiseADisposition, designees ?? fin],
    ['designationApresIdentification', identifiees, designees ?? fin],
    ['appelPieces', o.dossiersRecusLe, pieces],
    ['notificationCaleol', o.caleolLe, decidee],
  ];
  return etapes.flatMap(([etape, depart, faiteLe]) => {
    if (depart === null) return [];
    const echeance = echeanceDelai(depart, r[etape]);
    const enRetard = faiteLe === null ? passee(echeance, aujourdhui) : faiteLe > echeance.date;
    return [{ etape, libelle: LIBELLES[etape], echeance, faiteLe, enRetard }];
  });
}
