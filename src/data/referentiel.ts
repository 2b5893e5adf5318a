import { PARAMETRES_PAR_DEFAUT, parametresSchema } from '../domain/index.ts';
import type { Operation, Parametres, Residence } from '../domain/index.ts';
import type { RelogementDb } from './db.ts';
import { ecrire } from './ecriture.ts';
import { uuidv7 } from './ids.ts';

export async function residences(db: RelogementDb): Promise<Residence[]> {
  return (await db.residences.toArray()).filter((r) => !r.supprime).sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
}

export async function creerOperation(db: RelogementDb, donnees: Omit<Operation, 'id'>): Promise<Operation> {
  const id = uuidv7();
  return ecrire<Operation>(db, 'operations', id, () => ({ ...donnees, id }));
}

export async function creerResidence(db: RelogementDb, donnees: Omit<Residence, 'id'>): Promise<Residence> {
  const id = uuidv7();
  return ecrire<Residence>(db, 'residences', id, () => ({ ...donnees, id }));
}

export async function lireParametres(db: RelogementDb): Promise<Parametres> {
  const stockes = await db.parametres.get('territoire');
  return stockes ? parametresSchema.parse(stockes) : PARAMETRES_PAR_DEFAUT;
}

export function enregistrerParametres(db: RelogementDb, modif: Partial<Omit<Parametres, 'id'>>): Promise<Parametres> {
  return ecrire<Parametres>(db, 'parametres', 'territoire', (p) => ({ ...(p ?? PARAMETRES_PAR_DEFAUT), ...modif }));
}
