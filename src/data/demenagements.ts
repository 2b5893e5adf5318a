import { posteDe, type Demenagement, type PosteDemenagement, type PosteDemenagementSaisi } from '../domain/index.ts';
import type { RelogementDb } from './db.ts';
import { ecrire } from './ecriture.ts';
import { uuidv7 } from './ids.ts';

// The checklist of each move (charte §3.2, §3.3): one per signed lease, temporary or final. Each
// line is its own entry of the record, so two people ticking different lines never collide.

export async function demenagementsDuMenage(db: RelogementDb, menageId: string): Promise<Demenagement[]> {
  const tous = await db.demenagements.where('menageId').equals(menageId).toArray();
  return tous.filter((d) => !d.supprime).sort((a, b) => a.id.localeCompare(b.id));
}

/** The move following this proposal's lease: the stored one, else a new, empty checklist. */
export async function ouvrirDemenagement(db: RelogementDb, menageId: string, propositionId: string): Promise<Demenagement> {
  const existant = (await demenagementsDuMenage(db, menageId)).find((d) => d.propositionId === propositionId);
  if (existant) return existant;
  const id = uuidv7();
  return ecrire<Demenagement>(db, 'demenagements', id, () => ({ id, menageId, propositionId }) as Demenagement);
}

/** Saved as typed: `verifierDemenagement` says on screen what is still wrong. */
export function modifierDemenagement(db: RelogementDb, id: string, modif: Partial<Pick<Demenagement, 'demenageLe' | 'cautionOrigine' | 'cautionAccueil'>>): Promise<Demenagement> {
  return ecrire<Demenagement>(db, 'demenagements', id, (d) => {
    if (!d) throw new Error(`Déménagement introuvable : ${id}`);
    return { ...d, ...modif };
  });
}

/** One line of the checklist, from its stored version (or its default: to do, default payer). */
export function modifierPoste(db: RelogementDb, id: string, poste: PosteDemenagement, modif: Partial<PosteDemenagementSaisi>): Promise<Demenagement> {
  return ecrire<Demenagement>(db, 'demenagements', id, (d) => {
    if (!d) throw new Error(`Déménagement introuvable : ${id}`);
    return { ...d, postes: { ...d.postes, [poste]: { ...posteDe(d, poste), ...modif } } };
  });
}
