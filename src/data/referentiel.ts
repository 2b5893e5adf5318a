import { CLE_ANCIEN_JUSTIFICATIF_HEBERGEMENT, REGLAGES_TERRITOIRE_PAR_DEFAUT, droitHeberge, jourIso } from '../domain/index.ts';
import type { DroitHeberge, Operation, ReglagesTerritoire, Residence } from '../domain/index.ts';
import type { RelogementDb } from './db.ts';
import { ecrire } from './ecriture.ts';
import { uuidv7 } from './ids.ts';
import { rafraichirEnArrierePlan } from './resume-calcul.ts';

/** The PCDID may be unknown when the operation is recorded. */
export async function creerOperation(db: RelogementDb, donnees: Omit<Operation, 'id' | 'datePcdid'> & Partial<Pick<Operation, 'datePcdid'>>): Promise<Operation> {
  const id = uuidv7();
  return ecrire<Operation>(db, 'operations', id, () => ({ datePcdid: null, ...donnees, id }));
}

/**
 * Where each hosted person of a household stands at the PCDID of its operation (`droitHeberge`),
 * reading the yes/no answer of its latest interview when a date is missing.
 */
export async function droitsDesHeberges(db: RelogementDb, menageId: string): Promise<Map<string, DroitHeberge>> {
  const menage = await db.menages.get(menageId);
  const residence = menage ? await db.residences.get(menage.residenceId) : undefined;
  const operation = residence ? await db.operations.get(residence.operationId) : undefined;
  const [personnes, entretiens] = await Promise.all([db.personnes.where('menageId').equals(menageId).toArray(), db.entretiens.where('menageId').equals(menageId).toArray()]);
  const dernier = entretiens.filter((e) => !e.supprime).sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id))[0];
  const reponse = dernier?.reponses[CLE_ANCIEN_JUSTIFICATIF_HEBERGEMENT];
  const ancienne = reponse && typeof reponse.valeur === 'string' ? reponse.valeur : null;
  const heberges = personnes.filter((p) => !p.supprime && p.lien === 'heberge');
  return new Map(heberges.map((p) => [p.id, droitHeberge(p, operation?.datePcdid ?? null, ancienne)]));
}

export async function listerOperations(db: RelogementDb): Promise<Operation[]> {
  return (await db.operations.toArray()).filter((o) => !o.supprime).sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
}

/** The PCDID, known once the prefect takes the demolition file into account (charte §2.2 A). */
export function modifierDatePcdid(db: RelogementDb, id: string, datePcdid: string | null): Promise<Operation> {
  return ecrire<Operation>(db, 'operations', id, (o) => {
    if (!o) throw new Error(`Opération introuvable : ${id}`);
    return { ...o, datePcdid };
  });
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
