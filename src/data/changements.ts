import { accepte, aRefaireApres, changementSituationSchema, refuse, verifierChangement } from '../domain/index.ts';
import type { ARefaire, ChangementSituation, Resultat } from '../domain/index.ts';
import type { RelogementDb } from './db.ts';
import { ecrire } from './ecriture.ts';
import { uuidv7 } from './ids.ts';

// A household's changes of situation and what each leaves to renew or redo (charte §4 step 4).

export type ChangementEtSuites = { changement: ChangementSituation; aRefaire: ARefaire };

/** The household's changes, latest first, each with the pieces and simulations it flags today. */
export async function changementsDuMenage(db: RelogementDb, menageId: string): Promise<ChangementEtSuites[]> {
  const [changements, pieces, simulations] = await Promise.all([
    db.changementsSituation.where('menageId').equals(menageId).toArray(),
    db.pieces.where('menageId').equals(menageId).toArray(),
    db.simulations.where('menageId').equals(menageId).toArray(),
  ]);
  return changements
    .filter((c) => !c.supprime)
    .sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id))
    .map((changement) => ({ changement, aRefaire: aRefaireApres(changement, pieces, simulations) }));
}

export type NouveauChangement = Omit<ChangementSituation, 'id' | 'supprime'>;

export async function enregistrerChangement(db: RelogementDb, donnees: NouveauChangement, aujourdhui: string): Promise<Resultat<ChangementSituation>> {
  const lu = changementSituationSchema.safeParse({ ...donnees, id: uuidv7() });
  if (!lu.success) return refuse(lu.error.issues.map((i) => i.message).join(' '));
  const erreurs = verifierChangement(lu.data, aujourdhui);
  if (erreurs.length > 0) return refuse(erreurs.map((e) => e.message).join(' '));
  return accepte(await ecrire<ChangementSituation>(db, 'changementsSituation', lu.data.id, () => lu.data));
}

export const retirerChangement = (db: RelogementDb, id: string): Promise<ChangementSituation> =>
  ecrire<ChangementSituation>(db, 'changementsSituation', id, (c) => ({ ...(c as ChangementSituation), supprime: true }));
