import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  acquittementEnvoye,
  acquittementsAEnvoyer,
  effacerDonneesAppareil,
  lireAvisEffacement,
  mettreDeCote,
  modifierPersonne,
  nombreRefusees,
  appliquerPage,
  rafraichirResumesRecus,
  conflitsDuMenage,
  enregistrerConflits,
  lireCheckpoint,
  lotAEnvoyer,
  marquerConflitVu,
  modifierMenage,
  nombreEnAttente,
} from '../../src/data/index.ts';
import { lireResumes } from '../../src/data/index.ts';
import type { RelogementDb } from '../../src/data/index.ts';
import { menageSchema, personneSchema, pieceDossierSchema, positionnementSchema } from '../../src/domain/index.ts';
import { diffRecord, formatHlc, isRealHlc, parseHlc } from '../../src/sync/index.ts';
import type { Conflict, PullResponse, PulledRecord, SyncedTable } from '../../src/sync/index.ts';
import { nouvelleBase } from './base.ts';

// The device's side of a pull: pages of records grouped by record, merged under pending local edits.

const MENAGE = '0190a000-0000-7000-8000-000000000001';
const RESIDENCE = '0190a000-0000-7000-8000-0000000000aa';
const AUTRE = 'fedcba9876543210';
const hlc = (secondes: number, node = AUTRE) => formatHlc({ millis: Date.UTC(2026, 2, 15, 9, 0, secondes), counter: 0, node });

const page = (records: PulledRecord[], checkpoint: number, removed: string[] = []): PullResponse => ({ records, conflicts: [], removed, checkpoint, hasMore: false, upto: checkpoint, serverTime: '2026-03-15T09:00:00.000Z' });

const menageRecu = (fields: PulledRecord['fields']): PulledRecord => ({ table: 'menages', recordId: MENAGE, fields });

/** A whole record as the server sends it: each field written at its own sequence, from `depuis`. */
const champsDe = (table: SyncedTable, record: { id: string }, depuis = 1): PulledRecord['fields'] =>
  Object.fromEntries(diffRecord(table, undefined, record).map(({ field, value }, i) => [field, [value as PulledRecord['fields'][string][0], hlc(1), depuis + i]]));

const recu = (table: SyncedTable, record: { id: string }, depuis: number): PulledRecord => ({ table, recordId: record.id, fields: champsDe(table, record, depuis) });

const champsDuMenage = () => champsDe('menages', menageSchema.parse({ id: MENAGE, residenceId: RESIDENCE, nom: 'Famille Benali', reference: 'TIL-0001', creeLe: '2026-03-15' }));

async function menageDuServeur(db: RelogementDb): Promise<number> {
  const champs = champsDuMenage();
  const dernier = Object.keys(champs).length;
  await appliquerPage(db, page([menageRecu(champs)], dernier));
  return dernier;
}

const conflit: Conflict = {
  id: '0190a000-0000-7000-8000-0000000000c1',
  seq: 8,
  table: 'menages',
  recordId: MENAGE,
  menageId: MENAGE,
  field: 'telephone',
  winner: { value: '06 11 11 11 11', hlc: hlc(5), author: 'Nadia', at: '2026-03-15T09:00:05.000Z' },
  loser: { value: '06 22 22 22 22', hlc: hlc(4), author: 'Claire', at: '2026-03-15T09:00:04.000Z' },
  detectedAt: '2026-03-15T09:00:06.000Z',
  acknowledged: null,
};

describe('appliquerPage', () => {
  it('stores a household pulled as one grouped record, with its checkpoint and its caseload summary', async () => {
    const db = nouvelleBase();
    const dernier = await menageDuServeur(db);
    expect(await db.menages.get(MENAGE)).toMatchObject({ id: MENAGE, residenceId: RESIDENCE, nom: 'Famille Benali', reference: 'TIL-0001', statut: 'a_rencontrer' });
    expect(await lireCheckpoint(db)).toBe(dernier);
    // The caseload summary is made once the pull is over, as the sync engine does.
    expect((await lireResumes(db, [MENAGE]))[0]).toBeUndefined();
    await rafraichirResumesRecus(db);
    expect((await lireResumes(db, [MENAGE]))[0]).toMatchObject({ nom: 'Famille Benali', reference: 'TIL-0001' });
    expect(await nombreEnAttente(db)).toBe(0);
  });

  it('makes the summaries of a whole pulled caseload, over several transactions, each with its own occupants; then of a few households among them', async () => {
    const db = nouvelleBase();
    const id = (n: number, prefixe: string) => `0190a000-0000-7000-8000-${prefixe}${n.toString(16).padStart(12 - prefixe.length, '0')}`;
    const occupant = (n: number, p: number, prenom: string, seq: number) =>
      recu('personnes', personneSchema.parse({ id: id(n * 10 + p, 'b'), menageId: id(n, 'a'), prenom, nom: `Famille ${n}`, lien: 'enfant' }), seq);
    const MENAGES = 1300;
    const recus: PulledRecord[] = [];
    for (let n = 1; n <= MENAGES; n++) {
      recus.push(recu('menages', menageSchema.parse({ id: id(n, 'a'), residenceId: RESIDENCE, nom: `Famille ${n}`, creeLe: '2026-03-15' }), n * 100));
      for (let p = 0; p < n % 3; p++) recus.push(occupant(n, p, `P${p}`, n * 100 + 50 + p * 10));
    }
    await appliquerPage(db, page(recus, 200_000));
    await rafraichirResumesRecus(db);
    const tous = Array.from({ length: MENAGES }, (_, i) => id(i + 1, 'a'));
    const resumes = (await lireResumes(db, tous)).filter((r) => r !== undefined);
    expect(resumes).toHaveLength(MENAGES);
    for (const r of resumes) expect(r.occupants).toBe(Number(r.nom.split(' ')[1]) % 3);

    // One household in 20 gets a new occupant: they are scattered among the others, read one by one.
    const nouveaux = tous.filter((_, i) => i % 20 === 0).map((_, k) => occupant(k * 20 + 1, 5, 'Nouveau', 300_000 + k * 10));
    await appliquerPage(db, page(nouveaux, 400_000));
    await rafraichirResumesRecus(db);
    const apres = await lireResumes(db, tous);
    apres.forEach((r, i) => expect(r?.occupants).toBe(((i + 1) % 3) + (i % 20 === 0 ? 1 : 0)));
  });

  it('completes a record whose fields come over two pages', async () => {
    const db = nouvelleBase();
    const champs = Object.entries(champsDuMenage());
    const moitie = Math.ceil(champs.length / 2);
    await appliquerPage(db, page([menageRecu(Object.fromEntries(champs.slice(0, moitie)))], moitie));
    await appliquerPage(db, page([menageRecu(Object.fromEntries(champs.slice(moitie)))], champs.length));
    expect(await db.menages.get(MENAGE)).toMatchObject({ residenceId: RESIDENCE, nom: 'Famille Benali', reference: 'TIL-0001' });
  });

  it('keeps a pending local edit on top, and the next edit names the version it was made over', async () => {
    const db = nouvelleBase();
    await menageDuServeur(db);
    await modifierMenage(db, MENAGE, { nom: 'Famille Benali-Diallo' });
    // Someone else's older edit of the same field arrives after the local one was typed.
    await appliquerPage(db, page([menageRecu({ nom: ['Famille Ben Ali', hlc(2), 70] })], 70));
    expect((await db.menages.get(MENAGE))?.nom).toBe('Famille Benali-Diallo');
    await modifierMenage(db, MENAGE, { nom: 'Famille Benali Diallo' });
    const [envoi] = await lotAEnvoyer(db);
    expect(envoi).toMatchObject({ field: 'nom', value: 'Famille Benali Diallo', baseSeq: 70 });
  });

  it('applies a newer value from the server over the local one', async () => {
    const db = nouvelleBase();
    await menageDuServeur(db);
    const plusTard = formatHlc({ millis: Date.now() + 60_000, counter: 0, node: AUTRE });
    await appliquerPage(db, page([menageRecu({ nom: ['Famille Ben Ali', plusTard, 90] })], 90));
    await rafraichirResumesRecus(db);
    expect((await db.menages.get(MENAGE))?.nom).toBe('Famille Ben Ali');
    expect((await lireResumes(db, [MENAGE]))[0]).toMatchObject({ nom: 'Famille Ben Ali' });
  });
});

// A clock that names no instant, as an older server stored it without checking.
const EMPOISONNEE = `9999-99-99T99:99:99.999Z-0000-${AUTRE}`;

describe('an impossible clock pulled from an older server', () => {
  it('does not stop the tablet from saving, and a real edit or pull replaces it', async () => {
    const db = nouvelleBase();
    await appliquerPage(db, page([menageRecu({ ...champsDuMenage(), telephone: ['06 00 00 00 00', EMPOISONNEE, 80] })], 80));
    expect((await db.menages.get(MENAGE))?.telephone).toBe('06 00 00 00 00');

    await modifierMenage(db, MENAGE, { nom: 'Famille Benali-Diallo', telephone: '06 11 11 11 11' });
    const envois = await lotAEnvoyer(db);
    expect(envois.map((e) => e.field).sort()).toEqual(['nom', 'telephone']);
    for (const e of envois) expect(isRealHlc(e.hlc)).toBe(true);

    // Someone else's real edit, pulled later, replaces it too.
    await appliquerPage(db, page([menageRecu({ telephone: ['06 22 22 22 22', formatHlc({ millis: Date.now() + 60_000, counter: 0, node: AUTRE }), 90] })], 90));
    expect((await db.menages.get(MENAGE))?.telephone).toBe('06 22 22 22 22');
  });

  it('heals a tablet whose own clock was poisoned before the fix, keeping its identifier', async () => {
    const db = nouvelleBase();
    await menageDuServeur(db);
    const node = '0123456789abcdef';
    await db.meta.put({ key: 'clock', value: { millis: Number.NaN, counter: 0, node } });
    await modifierMenage(db, MENAGE, { nom: 'Famille Benali-Diallo' });
    const [envoi] = await lotAEnvoyer(db);
    expect(isRealHlc(envoi!.hlc)).toBe(true);
    expect(parseHlc(envoi!.hlc).node).toBe(node);
  });
});

describe('a household no longer followed', () => {
  it('leaves the tablet with its occupants, pieces, summary and notes; a scan another household names stays', async () => {
    const db = nouvelleBase();
    const AUTRE_MENAGE = '0190a000-0000-7000-8000-000000000002';
    const [propre, partage] = ['a'.repeat(64), 'b'.repeat(64)];
    const page1 = (hash: string) => ({ blobHash: hash, mime: 'image/jpeg' as const, size: 1000 });
    const recus: PulledRecord[] = [
      menageRecu(champsDuMenage()),
      recu('menages', menageSchema.parse({ id: AUTRE_MENAGE, residenceId: RESIDENCE, nom: 'Famille Diallo', creeLe: '2026-03-15' }), 100),
      recu('personnes', personneSchema.parse({ id: '0190a000-0000-7000-8000-0000000000b1', menageId: MENAGE, prenom: 'Aïcha', nom: 'Benali', lien: 'titulaire' }), 200),
      recu('pieces', pieceDossierSchema.parse({ id: '0190a000-0000-7000-8000-0000000000d1', menageId: MENAGE, pages: [page1(propre), page1(partage)] }), 300),
      recu('pieces', pieceDossierSchema.parse({ id: '0190a000-0000-7000-8000-0000000000d2', menageId: AUTRE_MENAGE, pages: [page1(partage)] }), 400),
    ];
    await appliquerPage(db, page(recus, 500));
    await rafraichirResumesRecus(db);
    expect(await db.personnes.get('0190a000-0000-7000-8000-0000000000b1')).toMatchObject({ prenom: 'Aïcha', menageId: MENAGE });
    for (const hash of [propre, partage]) await db.blobs.put({ hash, blob: new Blob(['x']), mime: 'image/jpeg', size: 1, etat: 'distant', recuLe: '2026-03-15T09:00:00.000Z' });
    await enregistrerConflits(db, [{ ...conflit, menageId: MENAGE }]);

    await appliquerPage(db, page([], 510, [MENAGE]));
    expect(await db.menages.get(MENAGE)).toBeUndefined();
    expect(await db.personnes.count()).toBe(0);
    expect(await db.pieces.where('menageId').equals(MENAGE).count()).toBe(0);
    expect((await lireResumes(db, [MENAGE]))[0]).toBeUndefined();
    expect(await conflitsDuMenage(db, MENAGE)).toEqual([]);
    expect(await db.blobs.get(propre)).toBeUndefined();
    expect(await db.blobs.get(partage)).toBeDefined();
    expect((await db.menages.get(AUTRE_MENAGE))?.nom).toBe('Famille Diallo');
    expect(await db.pieces.where('menageId').equals(AUTRE_MENAGE).count()).toBe(1);
    expect(await lireCheckpoint(db)).toBe(510);
  });
});

describe('a household erased on the server', () => {
  it('leaves the tablet with its unsent and refused changes; those of another household stay', async () => {
    const db = nouvelleBase();
    const AUTRE_MENAGE = '0190a000-0000-7000-8000-000000000003';
    const PERSONNE = '0190a000-0000-7000-8000-0000000000b2';
    await appliquerPage(db, page([
      menageRecu(champsDuMenage()),
      recu('menages', menageSchema.parse({ id: AUTRE_MENAGE, residenceId: RESIDENCE, nom: 'Famille Diallo', creeLe: '2026-03-15' }), 100),
      recu('personnes', personneSchema.parse({ id: PERSONNE, menageId: MENAGE, prenom: 'Aïcha', nom: 'Benali', lien: 'titulaire' }), 200),
    ], 300));
    await modifierMenage(db, MENAGE, { telephone: '06 12 34 56 78' });
    await modifierPersonne(db, PERSONNE, { prenom: 'Aïcha Nour' });
    await modifierMenage(db, AUTRE_MENAGE, { telephone: '07 00 00 00 00' });
    const [refusee] = await db.outbox.where('[table+recordId]').equals(['personnes', PERSONNE]).toArray();
    await mettreDeCote(db, [{ changeId: refusee?.changeId ?? '', error: 'Ce ménage a été effacé du serveur.' }]);
    expect(await nombreEnAttente(db)).toBe(2);

    await appliquerPage(db, { ...page([], 310), erased: [MENAGE] });
    expect(await db.menages.get(MENAGE)).toBeUndefined();
    expect(await db.personnes.get(PERSONNE)).toBeUndefined();
    expect(await nombreRefusees(db)).toBe(0);
    expect((await lotAEnvoyer(db)).map((c) => [c.recordId, c.field, c.value])).toEqual([[AUTRE_MENAGE, 'telephone', '07 00 00 00 00']]);
  });
});

describe('a pooled position withdrawn by the server', () => {
  it('loses the named sheet its household no longer shares: only what the same page brings again stays (charte §4 step 3)', async () => {
    const db = await nouvelleBase();
    const position = positionnementSchema.parse({
      id: '0190a000-0000-7000-8000-0000000000b1',
      offreId: '0190a000-0000-7000-8000-0000000000b2',
      menageId: MENAGE,
      positionneLe: '2026-03-04',
      ficheAnonyme: { pseudonyme: 'M-1', composition: '2 adultes', ages: [41, 38], trancheRessources: 'PLAI', besoins: [] },
      ficheNominative: { nom: 'Famille Benali', adresse: '3 allée des Pins', telephone: '', reference: '' },
    });
    await appliquerPage(db, page([recu('positionnements', position, 1)], 40));
    expect((await db.positionnements.get(position.id))?.ficheNominative).toMatchObject({ nom: 'Famille Benali' });

    const { ficheNominative: _retiree, ...anonyme } = position;
    await appliquerPage(db, { ...page([recu('positionnements', anonyme, 1)], 41), withdrawn: [{ table: 'positionnements', recordId: position.id }] });
    const apres = await db.positionnements.get(position.id);
    expect(apres?.ficheAnonyme).toMatchObject({ composition: '2 adultes' });
    expect(apres?.ficheNominative).toBeNull();
  });
});

describe('erasing the device', () => {
  it('leaves every table as a new database has it, with the reason for the next screen', async () => {
    const db = nouvelleBase();
    await menageDuServeur(db);
    await modifierMenage(db, MENAGE, { telephone: '06 12 34 56 78' });
    await db.blobs.put({ hash: 'c'.repeat(64), blob: new Blob(['x']), mime: 'image/jpeg', size: 1, etat: 'local', recuLe: '2026-03-15T09:00:00.000Z' });
    await effacerDonneesAppareil(db, { motif: 'perdue', message: 'Cette tablette a été déclarée perdue.' });
    const lignes = Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)));
    expect(Object.entries(lignes).filter(([, n]) => n > 0)).toEqual([['meta', 2]]);
    expect(await lireAvisEffacement(db)).toMatchObject({ motif: 'perdue', message: 'Cette tablette a été déclarée perdue.' });
    expect(await lireCheckpoint(db)).toBe(0);
  });
});

describe('acknowledging a conflict', () => {

  it('works offline: the note leaves the household at once and waits to be sent', async () => {
    const db = nouvelleBase();
    await enregistrerConflits(db, [conflit]);
    expect(await conflitsDuMenage(db, MENAGE)).toHaveLength(1);
    await marquerConflitVu(db, conflit.id);
    expect(await conflitsDuMenage(db, MENAGE)).toEqual([]);
    expect(await acquittementsAEnvoyer(db)).toEqual([conflit.id]);
    expect(await nombreEnAttente(db)).toBe(1);
  });

  it('stays acknowledged when the server sends the conflict again before it was told', async () => {
    const db = nouvelleBase();
    await enregistrerConflits(db, [conflit]);
    await marquerConflitVu(db, conflit.id);
    await enregistrerConflits(db, [conflit]);
    expect(await conflitsDuMenage(db, MENAGE)).toEqual([]);
    await acquittementEnvoye(db, conflit.id);
    expect(await acquittementsAEnvoyer(db)).toEqual([]);
    expect(await nombreEnAttente(db)).toBe(0);
  });
});
