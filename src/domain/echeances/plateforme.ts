import { z } from 'zod';
import { delaiSchema, echeanceDelai, type Instant } from '../calendrier/index.ts';

// The clocks of an offer on the Marseille relocation platform (AMP convention art. 10): from its
// release, 10 working days to designate up to three candidates or give it back, 7 for the MOUS
// teams to identify them, then 48 h to designate; from the files' receipt, 10 working days for the
// landlord to ask for missing pieces and give the CALEOL date; after the CALEOL, 10 working days
// to notify its decision.
export const reglagesPlateformeSchema = z.object({
  designation: delaiSchema.default({ nombre: 10, unite: 'jours-ouvres' }),
  identificationMous: delaiSchema.default({ nombre: 7, unite: 'jours-ouvres' }),
  designationApresIdentification: delaiSchema.default({ nombre: 48, unite: 'heures' }),
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
  return departs.flatMap(([etape, depart]) => (depart === null ? [] : [{ etape, libelle: LIBELLES[etape], echeance: echeanceDelai(depart, r[etape]) }]));
}
