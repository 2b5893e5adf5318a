import { REGLAGES_TERRITOIRE_PAR_DEFAUT, jourIso } from '../domain/index.ts';
import type { Operation, ReglagesTerritoire, Residence } from '../domain/index.ts';
import type { RelogementDb } from './db.ts';
import { ecrire } from './ecriture.ts';
import { uuidv7 } from './ids.ts';
import { rafraichirEnArrierePlan } from './resume-calcul.ts';

export async function creerOperation(db: RelogementDb, donnees: Omit<Operation, 'id'>): Promise<Operation> {
  const id = uuidv7();
  return ecrire<Operation>(db, 'operations', id, () => ({ ...donnees, id }));
}

export async function creerResidence(db: RelogementDb, donnees: Omit<Residence, 'id'>): Promise<Residence> {
  const id = uuidv7();
  return ecrire<Residence>(db, 'residences', id, () => ({ ...donnees, id }));
}

/** Writes the settings; every caseload summary is then computed again with them, in the background. */
export async function enregistrerParametres(db: RelogementDb, modif: Partial<Omit<ReglagesTerritoire, 'id'>>): Promise<ReglagesTerritoire> {
  const parametres = await ecrire<ReglagesTerritoire>(db, 'parametres', 'territoire', (p) => ({ ...(p ?? REGLAGES_TERRITOIRE_PAR_DEFAUT), ...modif }));
  rafraichirEnArrierePlan(db, jourIso(new Date()));
  return parametres;
}
