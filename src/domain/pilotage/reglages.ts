import { z } from 'zod';

// The objectives the figures are judged against, as settings with the charter's defaults:
// 40 % into new or < 5-year housing (charte §2.3 C), demolishing landlords rehousing at most 70 %
// in their own stock so at least 30 % interbailleur (protocole interbailleurs, charte §2.3),
// about 60 households per chargé (charte §3.6).
const pourcentage = (quoi: string) =>
  z
    .number({ error: `${quoi} : saisissez un pourcentage.` })
    .min(0, `${quoi} : le pourcentage ne peut pas être négatif.`)
    .max(100, `${quoi} : 100 % au plus.`);

export const reglagesPilotageSchema = z.object({
  partNeufRecent: pourcentage('Part de relogements dans le neuf ou récent'),
  partInterbailleur: pourcentage('Part de relogements interbailleurs'),
  menagesParCharge: z
    .number({ error: 'Ménages par chargé : saisissez un nombre.' })
    .int('Ménages par chargé : nombre entier.')
    .min(1, 'Ménages par chargé : au moins 1.'),
});
export type ReglagesPilotage = z.infer<typeof reglagesPilotageSchema>;
export const REGLAGES_PILOTAGE_PAR_DEFAUT: ReglagesPilotage = { partNeufRecent: 40, partInterbailleur: 30, menagesParCharge: 60 };
