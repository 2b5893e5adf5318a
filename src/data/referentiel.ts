import { REGLAGES_TERRITOIRE_PAR_DEFAUT, jourIso } from '../domain/index.ts';
import type { Offre, Operation, ReglagesTerritoire, Residence } from '../domain/index.ts';
import { proposesReferenceData } from '../sync/index.ts';
import type { RelogementDb } from './db.ts';
import { ecrire } from './ecriture.ts';
import { uuidv7 } from './ids.ts';
import { modifierMenage } from './menages.ts';
import { rafraichirEnArrierePlan } from './resume-calcul.ts';
import { lireSession } from './session.ts';

// Reference data a chargée creates is a proposal (`aValider`): the server keeps it, awaiting an
// encadrant, who validates it or maps a résidence onto an existing one. Before the first login
// the role is unknown and nothing is marked: the server marks a chargée's record itself.

/** The mark a new reference record carries when its author proposes it. */
export const marqueProposition = async (db: RelogementDb): Promise<{ aValider?: true }> => (proposesReferenceData((await lireSession(db))?.user.role) ? { aValider: true } : {});

/** The PCDID may be unknown when the operation is recorded. */
export async function creerOperation(db: RelogementDb, donnees: Omit<Operation, 'id' | 'datePcdid'> & Partial<Pick<Operation, 'datePcdid'>>): Promise<Operation> {
  const id = uuidv7();
  const marque = await marqueProposition(db);
  return ecrire<Operation>(db, 'operations', id, () => ({ datePcdid: null, ...donnees, ...marque, id }));
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
  const marque = await marqueProposition(db);
  return ecrire<Residence>(db, 'residences', id, () => ({ ...donnees, ...marque, id }));
}

type Proposable = Operation | Residence | Offre;

/** Proposed operations, résidences and offers awaiting an encadrant. */
export async function referentielAValider(db: RelogementDb): Promise<{ operations: Operation[]; residences: Residence[]; offres: Offre[] }> {
  const attente = <T extends Proposable>(xs: T[]) => xs.filter((x) => x.aValider === true && !x.supprime);
  const parNom = <T extends { nom: string }>(xs: T[]) => xs.sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
  return { operations: parNom(attente(await db.operations.toArray())), residences: parNom(attente(await db.residences.toArray())), offres: attente(await db.offres.toArray()) };
}

/** An encadrant's validation of a proposed operation, résidence or offer. */
export async function validerReferentiel(db: RelogementDb, table: 'operations' | 'residences' | 'offres', id: string): Promise<void> {
  await ecrire<Proposable>(db, table, id, (r) => {
    if (!r) throw new Error(`Introuvable : ${id}`);
    return { ...r, aValider: false };
  });
}

/** An encadrant maps a proposed résidence onto an existing one: it disappears, its households move. */
export async function rattacherResidence(db: RelogementDb, id: string, cibleId: string): Promise<void> {
  await ecrire<Residence>(db, 'residences', id, (r) => {
    if (!r) throw new Error(`Résidence introuvable : ${id}`);
    return { ...r, rattacheeA: cibleId, aValider: false, supprime: true };
  });
  await suivreRattachements(db);
}

/**
 * Moves the households this device holds out of the résidences mapped onto others. Every device
 * does it after a pull, so a household created in the proposal offline, after the mapping, follows too.
 */
export async function suivreRattachements(db: RelogementDb): Promise<number> {
  const cibles = new Map((await db.residences.toArray()).flatMap((r) => (r.rattacheeA ? [[r.id, r.rattacheeA] as const] : [])));
  if (cibles.size === 0) return 0;
  const menages = await db.menages.where('residenceId').anyOf([...cibles.keys()]).toArray();
  for (const m of menages) await modifierMenage(db, m.id, { residenceId: cibles.get(m.residenceId) ?? m.residenceId });
  return menages.length;
}

/** Writes the settings; every caseload summary is then computed again with them, in the background. */
export async function enregistrerParametres(db: RelogementDb, modif: Partial<Omit<ReglagesTerritoire, 'id'>>): Promise<ReglagesTerritoire> {
  const parametres = await ecrire<ReglagesTerritoire>(db, 'parametres', 'territoire', (p) => ({ ...(p ?? REGLAGES_TERRITOIRE_PAR_DEFAUT), ...modif }));
  rafraichirEnArrierePlan(db, jourIso(new Date()));
  return parametres;
}
