import { ancienneReponseHebergement, droitsDesHebergesALaPcdid, occupantsAReloger } from '../domain/index.ts';
import type { DroitHeberge, Menage, Personne } from '../domain/index.ts';
import type { RelogementDb } from './db.ts';
import { ecrire } from './ecriture.ts';
import { uuidv7 } from './ids.ts';
import { lireSession } from './session.ts';

export type NouveauMenage = Pick<Menage, 'residenceId' | 'nom'> & Partial<Omit<Menage, 'id' | 'creeLe'>>;

/** A chargée creating a household becomes its référente (the server makes her so anyway, docs/sync.md « Droits »). */
export async function creerMenage(db: RelogementDb, donnees: NouveauMenage, aujourdhui: string): Promise<Menage> {
  const id = uuidv7();
  const session = await lireSession(db);
  const referentId = session?.user.role === 'chargé' ? session.user.id : null;
  return ecrire<Menage>(db, 'menages', id, () => ({ referentId, ...donnees, id, creeLe: aujourdhui }) as Menage);
}

export async function modifierMenage(db: RelogementDb, id: string, modif: Partial<Omit<Menage, 'id'>>): Promise<Menage> {
  return ecrire<Menage>(db, 'menages', id, (m) => {
    if (!m) throw new Error(`Ménage introuvable : ${id}`);
    return { ...m, ...modif };
  });
}

export const lireMenage = (db: RelogementDb, id: string) => db.menages.get(id);

export async function personnesDuMenage(db: RelogementDb, menageId: string): Promise<Personne[]> {
  const toutes = await db.personnes.where('menageId').equals(menageId).toArray();
  return toutes.filter((p) => !p.supprime).sort((a, b) => a.id.localeCompare(b.id));
}

/** The files opened from this household by décohabitation: `decohabiter` opens them in the same résidence. */
export async function menagesIssus(db: RelogementDb, menage: Menage): Promise<Menage[]> {
  const voisins = await db.menages.where('residenceId').equals(menage.residenceId).toArray();
  return voisins.filter((m) => !m.supprime && m.menageOrigineId === menage.id);
}

/** The PCDID of the household's operation (charte §2.2 A), null while unknown. */
export async function datePcdidDuMenage(db: RelogementDb, menage: Pick<Menage, 'residenceId'>): Promise<string | null> {
  const residence = await db.residences.get(menage.residenceId);
  const operation = residence ? await db.operations.get(residence.operationId) : undefined;
  return operation?.datePcdid ?? null;
}

/**
 * Where each hosted person of a household stands at the PCDID of its operation (`droitHeberge`),
 * reading the yes/no answer of its latest interview when a date is missing.
 */
export async function droitsDesHeberges(db: RelogementDb, menageId: string): Promise<Map<string, DroitHeberge>> {
  const menage = await db.menages.get(menageId);
  const [datePcdid, personnes, entretiens] = await Promise.all([
    menage ? datePcdidDuMenage(db, menage) : null,
    db.personnes.where('menageId').equals(menageId).toArray(),
    db.entretiens.where('menageId').equals(menageId).toArray(),
  ]);
  return droitsDesHebergesALaPcdid(personnes, datePcdid, ancienneReponseHebergement(entretiens));
}

/** The occupants relocated together (`occupantsAReloger`): what the simulation, the occupancy norm and the matching count. */
export async function occupantsDuMenageAReloger(db: RelogementDb, menageId: string): Promise<Personne[]> {
  const menage = await db.menages.get(menageId);
  if (!menage) return [];
  const [personnes, issus, droits] = await Promise.all([personnesDuMenage(db, menageId), menagesIssus(db, menage), droitsDesHeberges(db, menageId)]);
  return occupantsAReloger(personnes, issus, droits);
}

export async function ajouterPersonne(db: RelogementDb, menageId: string, donnees: Partial<Omit<Personne, 'id' | 'menageId'>> = {}): Promise<Personne> {
  const id = uuidv7();
  return ecrire<Personne>(db, 'personnes', id, () => ({ ...donnees, id, menageId }) as Personne);
}

export async function modifierPersonne(db: RelogementDb, id: string, modif: Partial<Omit<Personne, 'id' | 'menageId'>>): Promise<Personne> {
  return ecrire<Personne>(db, 'personnes', id, (p) => {
    if (!p) throw new Error(`Occupant introuvable : ${id}`);
    return { ...p, ...modif };
  });
}

/** A tombstone, so that the removal syncs and nothing is resurrected by an older edit. */
export const retirerPersonne = (db: RelogementDb, id: string) => modifierPersonne(db, id, { supprime: true });
