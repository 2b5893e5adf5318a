import { z } from 'zod';

// Answers on a 1–4 scale with no middle point, so the household leans one way; null when the
// household did not answer (it may refuse anything beyond the regulatory part).
export const NOTES = [1, 2, 3, 4] as const;
export type Note = (typeof NOTES)[number];
export const LIBELLES_NOTE: Record<Note, string> = {
  1: 'Pas du tout satisfaisant',
  2: 'Peu satisfaisant',
  3: 'Plutôt satisfaisant',
  4: 'Très satisfaisant',
};

export const noteSchema = (quoi: string) =>
  z
    .literal(NOTES, { error: `${quoi} : choisissez une note de 1 (pas du tout satisfaisant) à 4 (très satisfaisant).` })
    .nullable()
    .default(null);

export const commentaireSchema = z.string().max(4000, 'Commentaire trop long : au plus 4 000 caractères.').default('');
