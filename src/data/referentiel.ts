import { REGLAGES_TERRITOIRE_PAR_DEFAUT } from '../domain/index.ts';
import type { Operation, ReglagesTerritoire, Residence } from '../domain/index.ts';
import type { RelogementDb } from './db.ts';
import { ecrire } from './ecriture.ts';
import { uuidv7 } from './ids.ts';

export async function creerOperation(db: RelogementDb, donnees: Omit<Operation, 'id'>): Promise<Operation> {
  const id = uuidv7();
  return ecrire<Operation>(db, 'operations', id, () => ({ ...donnees, id }));
}

export async function creerResidence(db: RelogementDb, donnees: Omit<Residence, 'id'>): Promise<Residence> {
  const id = uuidv7();
  return ecrire<Residence>(db, 'residences', id, () => ({ ...donnees, id }));
}

export function enregistrerParametres(db: RelogementDb, modif: Partial<Omit<ReglagesTerritoire, 'id'>>): Promise<ReglagesTerritoire> {
  return ecrire<ReglagesTerritoire>(db, 'parametres', 'territoire', (p) => ({ ...(p ?? REGLAGES_TERRITOIRE_PAR_DEFAUT), ...modif }));
}
