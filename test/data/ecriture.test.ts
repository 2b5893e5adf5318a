import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { ZodError } from 'zod';
import { StockagePleinError, creerMenage, lireResumes, modifierMenage } from '../../src/data/index.ts';
import type { RelogementDb } from '../../src/data/db.ts';
import type { Menage } from '../../src/domain/index.ts';
import { changeSchema, parseHlc } from '../../src/sync/index.ts';
import { nouvelleBase, quotaDepasse, residenceDeTest } from './base.ts';
import { separer } from '../../src/data/meta-champs.ts';

const AUJOURDHUI = '2026-03-15';

async function uneResidence(db: RelogementDb) {
  return residenceDeTest(db, '2026-01-10');
}

async function unMenage(db: RelogementDb) {
  const residence = await uneResidence(db);
  return creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali', reference: 'TIL-0001' }, AUJOURDHUI);
}

/** The household as the screens see it: its fields' sync state, kept in the same row, apart. */
const menageStocke = async (db: RelogementDb, id: string) => separer(await db.menages.get(id)).record;
const lignesDe = (db: RelogementDb, recordId: string) => db.outbox.where('[table+recordId]').equals(['menages', recordId]).toArray();

describe('ecrire: one write path, record and outbox in one transaction', () => {
  it('a new record appends one outbox row per field (the id apart, an empty map sends nothing)', async () => {
    const db = nouvelleBase();
    const m = await unMenage(db);
    const lignes = await lignesDe(db, m.id);
    const attendus = Object.keys(m).filter((k) => k !== 'id' && k !== 'consentements');
    expect(lignes.map((l) => l.field).sort()).toEqual(attendus.sort());
    for (const l of lignes) {
      expect(l.value).toEqual(m[l.field as keyof Menage]);
      expect(changeSchema.safeParse(l).success).toBe(true);
      expect(l.baseSeq).toBeNull();
    }
    expect(await menageStocke(db, m.id)).toEqual(m);
  });

  it('an edit appends exactly one row per changed field', async () => {
    const db = nouvelleBase();
    const m = await unMenage(db);
    const dernier = (await db.outbox.orderBy('seq').last())?.seq ?? 0;
    await modifierMenage(db, m.id, { nom: 'Famille Benali-Diallo', telephone: '06 00 00 00 00' });
    const nouvelles = await db.outbox.where('seq').above(dernier).toArray();
    expect(nouvelles.map((l) => [l.field, l.value])).toEqual([
      ['nom', 'Famille Benali-Diallo'],
      ['telephone', '06 00 00 00 00'],
    ]);
  });

  it('an edit that changes nothing writes nothing', async () => {
    const db = nouvelleBase();
    const m = await unMenage(db);
    const avant = await db.outbox.count();
    await modifierMenage(db, m.id, { nom: m.nom });
    expect(await db.outbox.count()).toBe(avant);
  });

  it('a map entry is its own field: one consent is one row', async () => {
    const db = nouvelleBase();
    const m = await unMenage(db);
    await modifierMenage(db, m.id, { consentements: { caf: { accorde: true, date: AUJOURDHUI } } });
    const lignes = await lignesDe(db, m.id);
    expect(lignes.filter((l) => l.field.startsWith('consentements'))).toEqual([expect.objectContaining({ field: 'consentements.caf', value: { accorde: true, date: AUJOURDHUI } })]);
  });

  it('a failed validation writes nothing: neither record nor outbox', async () => {
    const db = nouvelleBase();
    const m = await unMenage(db);
    const outbox = await db.outbox.toArray();
    await expect(modifierMenage(db, m.id, { nom: 'Nouveau nom', statut: 'inconnu' as Menage['statut'] })).rejects.toBeInstanceOf(ZodError);
    expect(await menageStocke(db, m.id)).toEqual(m);
    expect(await db.outbox.toArray()).toEqual(outbox);
    await expect(creerMenage(db, { residenceId: 'pas-un-id', nom: 'X' }, AUJOURDHUI)).rejects.toBeInstanceOf(ZodError);
    expect(await db.menages.count()).toBe(1);
    expect(await db.outbox.toArray()).toEqual(outbox);
  });

  it('a failure while writing the outbox rolls the record back', async () => {
    const db = nouvelleBase();
    const m = await unMenage(db);
    const outbox = await db.outbox.toArray();
    Object.assign(db.panne, { table: 'outbox', erreur: () => new Error('panne simulée') });
    await expect(modifierMenage(db, m.id, { nom: 'Perdu ?' })).rejects.toThrow('panne simulée');
    db.panne.table = null;
    expect(await menageStocke(db, m.id)).toEqual(m);
    expect(await db.outbox.toArray()).toEqual(outbox);
  });

  it('repeated edits of one field before sync keep one row, with the latest value and a new changeId', async () => {
    const db = nouvelleBase();
    const m = await unMenage(db);
    const [premiere] = (await lignesDe(db, m.id)).filter((l) => l.field === 'nom');
    await modifierMenage(db, m.id, { nom: 'Famille B' });
    await modifierMenage(db, m.id, { nom: 'Famille Be' });
    await modifierMenage(db, m.id, { nom: 'Famille Ben' });
    const lignesNom = (await lignesDe(db, m.id)).filter((l) => l.field === 'nom');
    expect(lignesNom).toHaveLength(1);
    expect(lignesNom[0]?.value).toBe('Famille Ben');
    expect(lignesNom[0]?.changeId).not.toBe(premiere?.changeId);
    expect(lignesNom[0]!.hlc > premiere!.hlc).toBe(true);
    expect((await lignesDe(db, m.id)).filter((l) => l.field === 'reference')).toHaveLength(1);
  });

  it('clocks increase with every change and the clock is saved with them', async () => {
    const db = nouvelleBase();
    const m = await unMenage(db);
    await modifierMenage(db, m.id, { nom: 'A' });
    await modifierMenage(db, m.id, { adresse: 'B' });
    const hlcs = (await db.outbox.orderBy('seq').toArray()).map((l) => l.hlc);
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(hlcs).size).toBe(hlcs.length);
    const horloge = await db.meta.get('clock');
    expect(horloge?.value).toEqual(parseHlc(hlcs.at(-1)!));
    expect(new Set(hlcs.map((h) => parseHlc(h).node)).size).toBe(1);
    // Each field's sync state is kept in the record's row.
    expect(separer(await db.menages.get(m.id)).meta.adresse).toEqual({ hlc: hlcs.at(-1), seq: null });
  });

  it('keeps the household summary up to date in the same write', async () => {
    const db = nouvelleBase();
    const m = await unMenage(db);
    await modifierMenage(db, m.id, { nom: 'Famille Hélène' });
    expect((await lireResumes(db, [m.id]))[0]).toMatchObject({ nom: 'Famille Hélène', reference: 'TIL-0001', texte: expect.stringContaining('famille helene') });
  });
});

describe('a full disk', () => {
  it('raises StockagePleinError with a French message, and loses nothing stored before', async () => {
    const db = nouvelleBase();
    const m = await unMenage(db);
    const outbox = await db.outbox.toArray();
    Object.assign(db.panne, { table: 'menages', erreur: quotaDepasse });
    const erreur = await modifierMenage(db, m.id, { nom: 'Famille Benali-Diallo' }).catch((e: unknown) => e);
    db.panne.table = null;
    expect(erreur).toBeInstanceOf(StockagePleinError);
    expect((erreur as Error).message).toBe(
      'L’espace de stockage de la tablette est plein : la dernière saisie n’a pas pu être enregistrée. Elle reste affichée ; libérez de l’espace puis continuez.',
    );
    expect(await menageStocke(db, m.id)).toEqual(m);
    expect(await db.outbox.toArray()).toEqual(outbox);
    expect((await lireResumes(db, [m.id]))[0]).toMatchObject({ nom: 'Famille Benali' });
  });

  it.each([
    ['Dexie’s own QuotaExceededError', () => new Dexie.QuotaExceededError('plein')],
    ['an aborted transaction whose inner error is the quota', () => new Dexie.AbortError('Transaction aborted', quotaDepasse())],
  ])('recognises %s', async (_nom, erreur) => {
    const db = nouvelleBase();
    const m = await unMenage(db);
    Object.assign(db.panne, { table: 'outbox', erreur });
    await expect(modifierMenage(db, m.id, { nom: 'X' })).rejects.toBeInstanceOf(StockagePleinError);
    db.panne.table = null;
    expect(await menageStocke(db, m.id)).toEqual(m);
  });

  it('lets other errors through unchanged', async () => {
    const db = nouvelleBase();
    const m = await unMenage(db);
    Object.assign(db.panne, { table: 'menages', erreur: () => new DOMException('lecture seule', 'ReadOnlyError') });
    await expect(modifierMenage(db, m.id, { nom: 'X' })).rejects.toMatchObject({ name: 'ReadOnlyError' });
  });

  it('writes normally again once space is freed', async () => {
    const db = nouvelleBase();
    const m = await unMenage(db);
    Object.assign(db.panne, { table: 'outbox', erreur: quotaDepasse });
    await expect(modifierMenage(db, m.id, { nom: 'X' })).rejects.toBeInstanceOf(StockagePleinError);
    db.panne.table = null;
    await modifierMenage(db, m.id, { nom: 'Famille Benali-Diallo' });
    expect((await db.menages.get(m.id))?.nom).toBe('Famille Benali-Diallo');
  });
});
