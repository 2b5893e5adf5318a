import { menageApresEntretien, suiteDe, verifierEntretien } from '../domain/index.ts';
import type { ContexteEntretien, Entretien, Menage, Probleme, Reponse } from '../domain/index.ts';
import type { RelogementDb, Reprise } from './db.ts';
import { ecrire, ecrireEnsemble, modification } from './ecriture.ts';
import { uuidv7 } from './ids.ts';

export async function entretiensDuMenage(db: RelogementDb, menageId: string): Promise<Entretien[]> {
  const tous = await db.entretiens.where('menageId').equals(menageId).toArray();
  return tous.filter((e) => !e.supprime).sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id));
}

export const lireEntretien = (db: RelogementDb, id: string) => db.entretiens.get(id);

/** The interview in progress, or a new one: the first, or a follow-up starting from the last completed. */
export async function ouvrirEntretien(db: RelogementDb, menageId: string, aujourdhui: string): Promise<Entretien> {
  const existants = await entretiensDuMenage(db, menageId);
  const enCours = existants.find((e) => e.statut === 'brouillon');
  if (enCours) return enCours;
  const id = uuidv7();
  const dernier = existants.find((e) => e.statut === 'termine');
  const nouveau: Entretien = dernier
    ? suiteDe(dernier, id, aujourdhui)
    : { id, menageId, date: aujourdhui, type: 'premier', statut: 'brouillon', reponses: {}, termineLe: null, precedentId: null };
  return ecrire<Entretien>(db, 'entretiens', id, () => nouveau);
}

const brouillon = (id: string) => (e: Entretien | undefined): Entretien => {
  if (!e) throw new Error(`Entretien introuvable : ${id}`);
  if (e.statut === 'termine') throw new Error('Cet entretien est terminé : il ne peut plus être modifié.');
  return e;
};

/** One answer, saved on its own so that concurrent edits of other answers are kept. */
export function enregistrerReponse(db: RelogementDb, id: string, cle: string, reponse: Reponse | null): Promise<Entretien> {
  return ecrire<Entretien>(db, 'entretiens', id, (courant) => {
    const e = brouillon(id)(courant);
    const reponses = { ...e.reponses };
    if (reponse === null) delete reponses[cle];
    else reponses[cle] = reponse;
    return { ...e, reponses };
  });
}

export function modifierDateEntretien(db: RelogementDb, id: string, date: string): Promise<Entretien> {
  return ecrire<Entretien>(db, 'entretiens', id, (courant) => ({ ...brouillon(id)(courant), date }));
}

export type ResultatCloture = { ok: true; entretien: Entretien } | { ok: false; problemes: Probleme[] };

/**
 * Marks the interview complete only when nothing is left to fix; it is read-only afterwards. The
 * household records it as a contact and leaves the "to meet" step in the same transaction.
 */
export async function terminerEntretien(db: RelogementDb, id: string, ctx: ContexteEntretien): Promise<ResultatCloture> {
  const e = brouillon(id)(await db.entretiens.get(id));
  const problemes = verifierEntretien(e, ctx);
  if (problemes.length > 0) return { ok: false, problemes };
  const [entretien] = await ecrireEnsemble(db, [
    modification<Entretien>('entretiens', id, (courant) => ({ ...brouillon(id)(courant), statut: 'termine', termineLe: ctx.aujourdhui })),
    modification<Menage>('menages', e.menageId, (courant) => {
      if (!courant) throw new Error(`Ménage introuvable : ${e.menageId}`);
      return menageApresEntretien(courant, e);
    }),
  ]);
  return { ok: true, entretien: entretien as Entretien };
}

export const lireReprise = (db: RelogementDb, entretienId: string) => db.reprises.get(entretienId);
export const noterReprise = (db: RelogementDb, reprise: Reprise) => db.reprises.put(reprise);
