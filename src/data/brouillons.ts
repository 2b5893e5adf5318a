import { z } from 'zod';
import type { Brouillon, RelogementDb } from './db.ts';

// What is typed in a form that records on submit (a step of a proposal, a change of situation, a
// meeting…) is kept on this device only, sealed like the household's rows, until the form is
// recorded: a reload, a lock or a closed tab never loses a word, and an invalid draft stays.

const brouillonSchema = z.object({
  cle: z.string(),
  /** The household the draft is about: forgetting the household forgets its drafts. */
  menageId: z.string().nullable(),
  valeurs: z.record(z.string(), z.string()),
}) satisfies z.ZodType<Brouillon>;

/** The draft of one form, or null; a row that does not parse is no draft. */
export async function lireBrouillon(db: RelogementDb, cle: string): Promise<Brouillon | null> {
  const r = brouillonSchema.safeParse(await db.brouillons.get(cle));
  return r.success ? r.data : null;
}

export const enregistrerBrouillon = (db: RelogementDb, brouillon: Brouillon) => db.brouillons.put(brouillonSchema.parse(brouillon));

export const effacerBrouillon = (db: RelogementDb, cle: string) => db.brouillons.delete(cle);
