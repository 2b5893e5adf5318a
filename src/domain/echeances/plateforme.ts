import { z } from 'zod';
import { delaiSchema, echeanceDelai, type Instant } from '../calendrier/index.ts';

// The clocks of an offer on the Marseille relocation platform (AMP convention art. 10): from its
// release, 10 working days to designate up to three candidates or give it back, 7 for the MOUS
// teams to identify them, then 48 h to designate; from the files' receipt, 10 working days for the
// landlord to ask for missing pieces and give the CALEOL date; after the CALEOL, 10 working days
// to notify its decision.
//
// The convention writes « jours ouvrés » for every delay but the « 48h ». Read literally, 48 hours
// run on the wall clock (« heures calendaires »), an end on a Saturday, Sunday or holiday moving
// to the next working day like any delay; a territory whose platform does not count its closed
// days reads them as « heures ouvrées ». A territory setting, calendar hours by default
// (docs/reunions-et-delais.md).
export const LECTURES_QUARANTE_HUIT_HEURES = ['heures', 'heures-ouvrees'] as const;
export type LectureHeures = (typeof LECTURES_QUARANTE_HUIT_HEURES)[number];
export const LIBELLES_LECTURE_HEURES: Record<LectureHeures, string> = {
  heures: 'Heures calendaires (48 h d’horloge, fin reportée au jour ouvré suivant)',
  'heures-ouvrees': 'Heures ouvrées (samedis, dimanches et jours fériés ne comptent pas)',
};
const delaiEnHeuresSchema = delaiSchema.extend({
  unite: z.enum(LECTURES_QUARANTE_HUIT_HEURES, { error: 'Les 48 h se lisent en heures calendaires ou en heures ouvrées.' }),
});

export const reglagesPlateformeSchema = z.object({
  designation: delaiSchema.default({ nombre: 10, unite: 'jours-ouvres' }),
  identificationMous: delaiSchema.default({ nombre: 7, unite: 'jours-ouvres' }),
  designationApresIdentification: delaiEnHeuresSchema.default({ nombre: 48, unite: 'heures' }),
  appelPieces: delaiSchema.default({ nombre: 10, unite: 'jours-ouvres' }),
  notificationCaleol: delaiSchema.default({ nombre: 10, unite: 'jours-ouvres' }),
});
export type ReglagesPlateforme = z.infer<typeof reglagesPlateformeSchema>;
export const REGLAGES_PLATEFORME_PAR_DEFAUT: ReglagesPlateforme = reglagesPlateformeSchema.parse({});

export type EtapesMiseADisposition = {
  miseADisposition: Instant;
  candidatsIdentifies: Instant | null;
  dossiersRecusLe: string | null;
  caleolLe: string | null;
};

export type EcheancePlateforme = { etape: keyof ReglagesPlateforme; libelle: string; echeance: Instant };

const LIBELLES: Record<keyof ReglagesPlateforme, string> = {
  designation: 'Désignation des candidats ou restitution de l’offre',
  identificationMous: 'Identification des candidats par les MOUS',
  designationApresIdentification: 'Désignation des candidats au bailleur',
  appelPieces: 'Appel des pièces et date de CALEOL',
  notificationCaleol: 'Notification de la décision de la CALEOL',
};

/** The deadlines that the steps reached so far have started. */
export function echeancesPlateforme(e: EtapesMiseADisposition, r: ReglagesPlateforme): EcheancePlateforme[] {
  const departs: [keyof ReglagesPlateforme, Instant | string | null][] = [
    ['designation', e.miseADisposition],
    ['identificationMous', e.miseADisposition],
    ['designationApresIdentification', e.candidatsIdentifies],
    ['appelPieces', e.dossiersRecusLe],
    ['notificationCaleol', e.caleolLe],
  ];
  return departs.flatMap(([etape, depart]) =>
    depart === null ? [] : [{ etape, libelle: LIBELLES[etape], echeance: echeanceDelai(depart, r[etape]) }],
  );
}
