import { z } from 'zod';
import { isoDateSchema } from '../commun/index.ts';

// Step 4 of the charter: the household agrees, partner by partner, that its situation is shared;
// otherwise it signs a refusal and its case is only discussed anonymously.
export const PARTENAIRES = ['bailleurs', 'ville', 'metropole', 'etat', 'caf', 'departement', 'action_logement'] as const;
export const partenaireSchema = z.enum(PARTENAIRES);
export type Partenaire = z.infer<typeof partenaireSchema>;

export const LIBELLES_PARTENAIRE: Record<Partenaire, string> = {
  bailleurs: 'Bailleurs',
  ville: 'Ville',
  metropole: 'Métropole',
  etat: 'État (DDTM, préfecture)',
  caf: 'CAF',
  departement: 'Département',
  action_logement: 'Action Logement',
};

export const accordPartenaireSchema = z.object({
  accorde: z.boolean(),
  date: isoDateSchema,
});
export type AccordPartenaire = z.infer<typeof accordPartenaireSchema>;

export const refusConsentementSchema = z.object({ signeLe: isoDateSchema });

export type EtatConsentement = 'complet' | 'partiel' | 'refus_signe' | 'non_recueilli';

export function etatConsentement(
  accords: Partial<Record<Partenaire, AccordPartenaire>>,
  refus: { signeLe: string } | null | undefined,
): EtatConsentement {
  if (refus) return 'refus_signe';
  const donnes = PARTENAIRES.filter((p) => accords[p]?.accorde);
  if (donnes.length === 0) return 'non_recueilli';
  return donnes.length === PARTENAIRES.length ? 'complet' : 'partiel';
}

export const LIBELLES_CONSENTEMENT: Record<EtatConsentement, string> = {
  complet: 'Accord pour tous les partenaires',
  partiel: 'Accord pour certains partenaires',
  refus_signe: 'Refus signé : situation présentée de façon anonyme',
  non_recueilli: 'Consentement non recueilli',
};
