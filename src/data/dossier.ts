import { etatDossierMenage, occupantsAReloger, pieceDossierSchema } from '../domain/index.ts';
import type { EtatDossier, KindPiece, Menage, PageDossier, Personne, PieceDossier, ReglagesDossier } from '../domain/index.ts';
import type { BlobLocal, RelogementDb } from './db.ts';
import { TABLES_ECRITURE, ecrire } from './ecriture.ts';
import { StockagePleinError, estStockagePlein } from './stockage.ts';
import { uuidv7 } from './ids.ts';
import { menagesIssus, personnesDuMenage } from './menages.ts';
import { lireParametres } from './parametres.ts';

// The administrative dossier on the device: piece records go through the one write path; their
// pages are blobs named by their SHA-256, written in the same transaction as the record that names
// them, so a page is never referred to without its content being stored (docs/stockage-local.md).

const TABLES = ['blobs', ...TABLES_ECRITURE] as const;

export async function empreinte(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function ecrirePiece(db: RelogementDb, id: string, modifier: (p: PieceDossier | undefined) => PieceDossier, blobs: readonly BlobLocal[] = []): Promise<PieceDossier> {
  try {
    return await db.transaction('rw', TABLES.map((t) => db.table(t)), async () => {
      const connus = new Set((await db.blobs.bulkGet(blobs.map((b) => b.hash))).filter((b) => b !== undefined).map((b) => b.hash));
      await db.blobs.bulkPut(blobs.filter((b) => !connus.has(b.hash)));
      return ecrire<PieceDossier>(db, 'pieces', id, modifier);
    });
  } catch (e) {
    if (estStockagePlein(e)) throw new StockagePleinError();
    throw e;
  }
}

export async function piecesDuMenage(db: RelogementDb, menageId: string): Promise<PieceDossier[]> {
  const toutes = await db.pieces.where('menageId').equals(menageId).toArray();
  // A record can arrive over several pulled pages: defaults fill what has not arrived yet.
  return toutes.map((p) => pieceDossierSchema.parse(p)).filter((p) => !p.supprime);
}

export const lirePiece = async (db: RelogementDb, id: string): Promise<PieceDossier | undefined> => {
  const p = await db.pieces.get(id);
  return p ? pieceDossierSchema.parse(p) : undefined;
};

export type DossierMenage = { menage: Menage; personnes: Personne[]; pieces: PieceDossier[]; etat: EtatDossier; reglages: ReglagesDossier };

export async function dossierDuMenage(db: RelogementDb, menageId: string, aujourdhui: string): Promise<DossierMenage | null> {
  const [menage, personnes, pieces, parametres] = await Promise.all([db.menages.get(menageId), personnesDuMenage(db, menageId), piecesDuMenage(db, menageId), lireParametres(db)]);
  if (!menage || menage.supprime) return null;
  // A décohabitant's pieces are asked in his own file, not again in the one he leaves.
  const occupants = occupantsAReloger(personnes, await menagesIssus(db, menage));
  return { menage, personnes, pieces, reglages: parametres.dossier, etat: etatDossierMenage(menage, occupants, pieces, parametres.dossier, aujourdhui) };
}

export type NouvellePiece = { menageId: string; kind: KindPiece; personneId: string | null; libelle?: string };

export function creerPiece(db: RelogementDb, donnees: NouvellePiece): Promise<PieceDossier> {
  const id = uuidv7();
  return ecrirePiece(db, id, () => pieceDossierSchema.parse({ libelle: '', ...donnees, id }));
}

export function modifierPiece(db: RelogementDb, id: string, modif: Partial<Omit<PieceDossier, 'id' | 'menageId' | 'pages'>>): Promise<PieceDossier> {
  return ecrirePiece(db, id, (p) => {
    if (!p) throw new Error(`Pièce introuvable : ${id}`);
    return { ...p, ...modif };
  });
}

/** A tombstone, so the removal syncs; its blobs stay, other pieces may name them too. */
export const supprimerPiece = (db: RelogementDb, id: string) => modifierPiece(db, id, { supprime: true });

/** A page ready to store: compressed on the device, or a PDF as imported. */
export type PagePreparee = { blob: Blob; mime: PageDossier['mime']; width?: number; height?: number };

/**
 * Adds pages to a piece (made first when the checklist line has none): hashed before the
 * transaction, then blobs and record in one transaction. The piece becomes "fournie" today unless
 * a date was already given.
 */
export async function ajouterPages(db: RelogementDb, cible: { pieceId: string } | NouvellePiece, pages: readonly PagePreparee[], aujourdhui: string): Promise<PieceDossier> {
  const hashes = await Promise.all(pages.map((p) => empreinte(p.blob)));
  const nouvelles: PageDossier[] = pages.map((p, i) => ({
    blobHash: hashes[i] ?? '',
    mime: p.mime,
    size: p.blob.size,
    ...(p.width ? { width: p.width } : {}),
    ...(p.height ? { height: p.height } : {}),
  }));
  const blobs: BlobLocal[] = pages.map((p, i) => ({ hash: hashes[i] ?? '', blob: p.blob, mime: p.mime, size: p.blob.size, etat: 'local', recuLe: new Date().toISOString() }));
  const id = 'pieceId' in cible ? cible.pieceId : uuidv7();
  return ecrirePiece(
    db,
    id,
    (p) => {
      const base = p ?? pieceDossierSchema.parse({ libelle: '', ...cible, id });
      const statut = base.statut === 'manquante' || base.statut === 'expiree' ? 'fournie' : base.statut;
      return { ...base, statut, dateFournie: base.dateFournie || aujourdhui, pages: [...base.pages, ...nouvelles] };
    },
    blobs,
  );
}

export function retirerPage(db: RelogementDb, pieceId: string, index: number): Promise<PieceDossier> {
  return ecrirePiece(db, pieceId, (p) => {
    if (!p) throw new Error(`Pièce introuvable : ${pieceId}`);
    return { ...p, pages: p.pages.filter((_, i) => i !== index) };
  });
}

export async function lireBlob(db: RelogementDb, hash: string): Promise<Blob | null> {
  return (await db.blobs.get(hash))?.blob ?? null;
}

// What the sync engine moves

/** Pages made on this device that the server has not acknowledged yet. */
export const blobsAEnvoyer = (db: RelogementDb): Promise<BlobLocal[]> => db.blobs.where('etat').equals('local').toArray();

export const marquerBlobEnvoye = (db: RelogementDb, hash: string) => db.blobs.update(hash, { etat: 'envoye' });

/** Pages named by a piece on this device whose content is not here yet (made on another device). */
export async function blobsManquants(db: RelogementDb): Promise<{ hash: string; mime: string }[]> {
  const pages = new Map<string, string>();
  await db.pieces.each((p) => {
    if (!p.supprime) for (const page of p.pages ?? []) pages.set(page.blobHash, page.mime);
  });
  const presents = await db.blobs.bulkGet([...pages.keys()]);
  return [...pages].filter((_, i) => presents[i] === undefined).map(([hash, mime]) => ({ hash, mime }));
}

/** Keeps a downloaded page, once its content is checked against its name. */
export async function enregistrerBlobRecu(db: RelogementDb, hash: string, blob: Blob): Promise<boolean> {
  if ((await empreinte(blob)) !== hash) return false;
  try {
    await db.blobs.put({ hash, blob, mime: blob.type, size: blob.size, etat: 'distant', recuLe: new Date().toISOString() });
  } catch (e) {
    if (estStockagePlein(e)) throw new StockagePleinError();
    throw e;
  }
  return true;
}

const CLE_RESEAU_NON_MESURE = 'fichiersReseauNonMesure';

/** This device's choice: move photos and scans only on a connection the browser says is not metered. */
export async function lireFichiersSurReseauNonMesure(db: RelogementDb): Promise<boolean> {
  return (await db.meta.get(CLE_RESEAU_NON_MESURE))?.value === true;
}
export const enregistrerFichiersSurReseauNonMesure = (db: RelogementDb, oui: boolean) => db.meta.put({ key: CLE_RESEAU_NON_MESURE, value: oui });
