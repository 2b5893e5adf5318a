import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  StockagePleinError,
  ajouterPages,
  ajouterPersonne,
  blobsAEnvoyer,
  blobsManquants,
  creerMenage,
  dossierDuMenage,
  empreinte,
  enregistrerBlobRecu,
  lireBlob,
  marquerBlobEnvoye,
  modifierMenage,
  rechercherMenages,
  retirerPage,
  supprimerPiece,
} from '../../../src/data/index.ts';
import type { RelogementDb } from '../../../src/data/index.ts';
import { jourDeLAppareil, nouvelleBase, quotaDepasse, residenceDeTest } from '../base.ts';

const AUJOURDHUI = '2026-03-15';
beforeEach(() => jourDeLAppareil(AUJOURDHUI));
const jpeg = (n: number) => new Blob([new Uint8Array([0xff, 0xd8, 0xff, n, n + 1, n + 2])], { type: 'image/jpeg' });

async function unMenage(db: RelogementDb) {
  const residence = await residenceDeTest(db, '2026-01-10');
  const menage = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali' }, AUJOURDHUI);
  const titulaire = await ajouterPersonne(db, menage.id, {
    lien: 'titulaire',
    prenom: 'Aïcha',
    dateNaissance: '1980-05-12',
    activite: 'salarie',
    nationalite: 'hors_ue',
  });
  return { menage, titulaire };
}

describe('dossier storage', () => {
  it('stores the pages as blobs named by their SHA-256 with the piece, in order, and queues them for upload', async () => {
    const db = nouvelleBase();
    const { menage, titulaire } = await unMenage(db);
    const avant = await dossierDuMenage(db, menage.id, AUJOURDHUI);
    expect(avant?.etat.lignes.map((l) => l.kind)).toContain('titre_sejour');
    expect(avant?.etat.completude).toBe(0);

    const piece = await ajouterPages(
      db,
      { menageId: menage.id, kind: 'titre_sejour', personneId: titulaire.id },
      [
        { blob: jpeg(1), mime: 'image/jpeg', width: 1600, height: 1200 },
        { blob: jpeg(2), mime: 'image/jpeg' },
      ],
      AUJOURDHUI,
    );
    const encore = await ajouterPages(db, { pieceId: piece.id }, [{ blob: jpeg(3), mime: 'image/jpeg' }], AUJOURDHUI);
    expect(encore.pages.map((p) => p.blobHash)).toEqual([await empreinte(jpeg(1)), await empreinte(jpeg(2)), await empreinte(jpeg(3))]);
    expect(encore).toMatchObject({ statut: 'fournie', dateFournie: AUJOURDHUI });
    expect(encore.pages[0]).toMatchObject({ mime: 'image/jpeg', size: 6, width: 1600, height: 1200 });
    expect(await (await lireBlob(db, encore.pages[2]!.blobHash))?.arrayBuffer()).toEqual(await jpeg(3).arrayBuffer());
    expect((await blobsAEnvoyer(db)).length).toBe(3);
    expect(await db.outbox.where('[table+recordId]').equals(['pieces', piece.id]).count()).toBeGreaterThan(0);

    const apres = await dossierDuMenage(db, menage.id, AUJOURDHUI);
    expect(apres?.etat.lignes.find((l) => l.kind === 'titre_sejour')).toMatchObject({ statut: 'fournie', finValidite: '2026-09-15' });
    expect(apres?.etat.completude).toBeGreaterThan(0);

    await marquerBlobEnvoye(db, encore.pages[0]!.blobHash);
    expect((await blobsAEnvoyer(db)).length).toBe(2);
    const sansPage = await retirerPage(db, piece.id, 1);
    expect(sansPage.pages).toHaveLength(2);
  });

  it('a full device: the French message, and what was stored before is untouched', async () => {
    const db = nouvelleBase();
    const { menage, titulaire } = await unMenage(db);
    const piece = await ajouterPages(
      db,
      { menageId: menage.id, kind: 'identite', personneId: titulaire.id },
      [{ blob: jpeg(1), mime: 'image/jpeg' }],
      AUJOURDHUI,
    );
    db.panne.table = 'blobs';
    db.panne.erreur = quotaDepasse;
    await expect(ajouterPages(db, { pieceId: piece.id }, [{ blob: jpeg(9), mime: 'image/jpeg' }], AUJOURDHUI)).rejects.toBeInstanceOf(
      StockagePleinError,
    );
    db.panne.table = null;
    const relue = await db.pieces.get(piece.id);
    expect(relue?.pages).toHaveLength(1);
    expect(await db.blobs.count()).toBe(1);
  });

  it('lists pages made elsewhere and keeps a download only when its content matches its hash', async () => {
    const db = nouvelleBase();
    const { menage, titulaire } = await unMenage(db);
    const piece = await ajouterPages(
      db,
      { menageId: menage.id, kind: 'identite', personneId: titulaire.id },
      [{ blob: jpeg(1), mime: 'image/jpeg' }],
      AUJOURDHUI,
    );
    const hash = piece.pages[0]!.blobHash;
    await db.blobs.delete(hash);
    expect(await blobsManquants(db)).toEqual([{ hash, mime: 'image/jpeg' }]);
    expect(await enregistrerBlobRecu(db, hash, jpeg(2))).toBe(false);
    expect(await enregistrerBlobRecu(db, hash, jpeg(1))).toBe(true);
    expect(await blobsManquants(db)).toEqual([]);
    expect((await db.blobs.get(hash))?.etat).toBe('distant');
  });

  it('gives the caseload each household’s completeness and alert, refreshed after a piece is written', async () => {
    const db = nouvelleBase();
    const { menage, titulaire } = await unMenage(db);
    const dossier = async () =>
      (await rechercherMenages(db, { texte: '', residenceId: null, statut: null, alerte: null }, AUJOURDHUI)).lignes.find(
        (l) => l.id === menage.id,
      )?.dossier;
    expect(await dossier()).toEqual({ completude: 0, alerte: true, commence: false });
    const piece = await ajouterPages(
      db,
      { menageId: menage.id, kind: 'identite', personneId: titulaire.id },
      [{ blob: jpeg(1), mime: 'image/jpeg' }],
      AUJOURDHUI,
    );
    expect((await dossier())?.completude).toBeGreaterThan(0);
    await supprimerPiece(db, piece.id);
    expect(await dossier()).toEqual({ completude: 0, alerte: true, commence: false });
  });

  it('raises the caseload’s dossier alert at the dossier step, with the completeness on the row', async () => {
    const db = nouvelleBase();
    const { menage } = await unMenage(db);
    const filtre = { texte: '', residenceId: null, statut: null, alerte: 'dossier_a_completer' as const };
    expect((await rechercherMenages(db, filtre, AUJOURDHUI)).total).toBe(0);
    await modifierMenage(db, menage.id, { statut: 'dossier' });
    const r = await rechercherMenages(db, filtre, AUJOURDHUI);
    expect(r.lignes.map((l) => [l.id, l.dossier?.completude])).toEqual([[menage.id, 0]]);
    expect(r.compteurs.dossier_a_completer).toBe(1);
  });
});
