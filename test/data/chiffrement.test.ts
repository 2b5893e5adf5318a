import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { RelogementDb, VERSIONS } from '../../src/data/db.ts';
import {
  VerrouilleError,
  ajouterPersonne,
  choisirCode,
  creerMenage,
  deverrouiller,
  enregistrerReponse,
  enregistrerSession,
  lireSession,
  modifierMenage,
  ouvrirEntretien,
  rechercherMenages,
  verrouiller,
} from '../../src/data/index.ts';
import { oublierAppareil } from '../../src/data/oubli.ts';
import { menageSchema } from '../../src/domain/index.ts';
import { formatHlc } from '../../src/sync/index.ts';
import { nomUnique, residenceDeTest } from './base.ts';

// Issue 17 item 1 (docs/chiffrement.md): personal rows are sealed at rest, the app reads them in
// clear only while unlocked, and data stored before the update is sealed at the first code.

const AUJOURDHUI = '2026-03-15';
const CODE = '482913';
const ouvertes: RelogementDb[] = [];

afterEach(async () => {
  for (const db of ouvertes.splice(0)) await db.delete();
});

function baseChiffree(nom = nomUnique('chiffree')): RelogementDb {
  const db = new RelogementDb(nom, VERSIONS, { chiffree: true });
  ouvertes.push(db);
  return db;
}

/** Every row of the database as IndexedDB holds it, read without the app's layers, as JSON. */
async function contenuBrut(nom: string): Promise<string> {
  const brute = new Dexie(nom);
  await brute.open();
  const tables = await Promise.all(brute.tables.map(async (t) => [t.name, await t.toArray()] as const));
  brute.close();
  return JSON.stringify(tables);
}

async function menageBenali(db: RelogementDb) {
  const residence = await residenceDeTest(db, '2026-01-10');
  const m = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali', reference: 'TIL-0001' }, AUJOURDHUI);
  await ajouterPersonne(db, m.id, { prenom: 'Yasmina', nom: 'Benali' });
  const entretien = await ouvrirEntretien(db, m.id, AUJOURDHUI);
  await enregistrerReponse(db, entretien.id, 'ressources.salaire', { valeur: '1437' });
  return m;
}

/** The typed salary as a JSON value (string or number), not the same digits inside a random id or a timestamp. */
const SALAIRE_EN_CLAIR = /["[:,]1437["\],}]/;

const filtre = (texte: string) => ({ texte, residenceId: null, statut: null, alerte: null });

describe('chiffrement au repos', () => {
  it('data typed before the update is sealed at the first code, and reads back in clear while unlocked', async () => {
    const nom = nomUnique('migration');
    const avant = new RelogementDb(nom);
    const m = await menageBenali(avant);
    await enregistrerSession(avant, { token: 'jeton-secret-42', expiresAt: '2099-01-01T00:00:00.000Z', user: { id: 'u', name: 'Awa Diop', role: 'charge', organisationId: 'o' } } as never);
    avant.close();
    const avantCode = await contenuBrut(nom);
    expect(avantCode).toContain('Benali');
    expect(avantCode).toMatch(SALAIRE_EN_CLAIR);

    const db = baseChiffree(nom);
    await choisirCode(db, CODE, 'chiffres');
    const brut = await contenuBrut(nom);
    for (const enClair of ['Benali', 'Yasmina', 'jeton-secret-42', 'Awa Diop', 'benali']) expect(brut).not.toContain(enClair);
    expect(brut).not.toMatch(SALAIRE_EN_CLAIR);
    expect((await db.menages.get(m.id))?.nom).toBe('Famille Benali');
    expect((await lireSession(db))?.token).toBe('jeton-secret-42');
    expect((await rechercherMenages(db, filtre('yasmina'), AUJOURDHUI)).lignes.map((l) => l.nom)).toEqual(['Famille Benali']);
  });

  it('writes through the one write path are sealed; a locked app neither reads nor writes personal data', async () => {
    const db = baseChiffree();
    await choisirCode(db, CODE, 'chiffres');
    const m = await menageBenali(db);
    await modifierMenage(db, m.id, { adresse: '12 rue Voltaire' });
    const brut = await contenuBrut(db.name);
    expect(brut).not.toMatch(/Benali|Voltaire/);
    expect(brut).not.toMatch(SALAIRE_EN_CLAIR);

    verrouiller(db);
    await expect(db.menages.get(m.id)).rejects.toBeInstanceOf(VerrouilleError);
    await expect(modifierMenage(db, m.id, { adresse: 'ailleurs' })).rejects.toThrow(VerrouilleError);
    // A cursor (each, anyOf) opens rows one by one: locked, it fails as well.
    await expect(db.personnes.where('menageId').anyOf([m.id]).toArray()).rejects.toBeInstanceOf(VerrouilleError);

    expect(await deverrouiller(db, '000000')).toEqual({ ouvert: false, essaisRestants: 9, oublie: false });
    expect(await deverrouiller(db, CODE)).toEqual({ ouvert: true });
    expect((await db.personnes.where('menageId').anyOf([m.id]).toArray()).map((p) => p.prenom)).toEqual(['Yasmina']);
    expect((await db.menages.get(m.id))?.adresse).toBe('12 rue Voltaire');
  });

  /** What an attacker with the raw storage may do: copy a household's sealed payload under the id `autre`. */
  async function deplacerSousUnAutreId(nom: string, id: string): Promise<void> {
    const brute = new Dexie(nom);
    await brute.open();
    const ligne = (await brute.table('menages').get(id)) as Record<string, unknown>;
    await brute.table('menages').put({ ...ligne, id: 'autre' });
    brute.close();
  }

  it('a payload moved to another row does not open (its keys are authenticated with it)', async () => {
    const db = baseChiffree();
    await choisirCode(db, CODE, 'chiffres');
    const a = await menageBenali(db);
    await deplacerSousUnAutreId(db.name, a.id);
    await expect(db.menages.get('autre')).rejects.toThrow();
  });

  it('a row read back right after it was sealed is the one written, and its payload moved to another row still does not open', async () => {
    const db = baseChiffree();
    await choisirCode(db, CODE, 'chiffres');
    const a = await menageBenali(db);
    await db.menages.put({ ...a, nom: 'BENALI-HADDAD' });
    await deplacerSousUnAutreId(db.name, a.id);
    await expect(db.menages.get('autre')).rejects.toThrow();
    expect(await db.menages.get(a.id)).toEqual({ ...a, nom: 'BENALI-HADDAD' });
  });

  it('photos of papers are sealed as bytes and come back as the same file', async () => {
    const db = baseChiffree();
    await choisirCode(db, CODE, 'chiffres');
    const octets = new TextEncoder().encode('CARTE NATIONALE D’IDENTITE BENALI');
    await db.blobs.put({ hash: 'h1', blob: new Blob([octets], { type: 'image/jpeg' }), mime: 'image/jpeg', size: octets.length, etat: 'local', recuLe: '2026-03-15T10:00:00.000Z' });
    expect(await contenuBrut(db.name)).not.toContain('BENALI');
    const lu = await db.blobs.get('h1');
    expect(lu?.blob.type).toBe('image/jpeg');
    expect(new TextDecoder().decode(await lu!.blob.arrayBuffer())).toBe('CARTE NATIONALE D’IDENTITE BENALI');
  });

  it('forgetting the device keeps, sealed, what is not yet synced', async () => {
    const db = baseChiffree();
    await choisirCode(db, CODE, 'chiffres');
    const m = await menageBenali(db);
    const enAttente = await db.outbox.count();
    verrouiller(db);
    await oublierAppareil(db, ['verrou']);
    expect(await db.menages.count()).toBe(0);
    expect(await db.resumes.count()).toBe(0);
    expect(await db.paquetsResumes.count()).toBe(0);
    expect(await db.outbox.count()).toBe(enAttente);
    expect(await deverrouiller(db, CODE)).toEqual({ ouvert: true });
    expect((await db.outbox.where('[table+recordId]').equals(['menages', m.id]).toArray()).find((c) => c.field === 'nom')?.value).toBe('Famille Benali');
  });

  it('a change sealed before its field was indexed still opens, and is sealed again at unlock with its field in clear', async () => {
    const nom = nomUnique('chiffree-v13');
    const avant = new RelogementDb(nom, VERSIONS.slice(0, 13), { chiffree: true });
    await choisirCode(avant, CODE, 'chiffres');
    // Written as that version stored them (today's write path needs the tables of today's version): a household and its pending name.
    const m = menageSchema.parse({ id: '0190a000-0000-7000-8000-00000000be11', residenceId: '0190a000-0000-7000-8000-0000000000aa', nom: 'Famille Benali', creeLe: AUJOURDHUI });
    await avant.menages.add(m);
    await avant.outbox.add({ changeId: '0190a000-0000-7000-8000-00000000c001', table: 'menages', recordId: m.id, field: 'nom', value: m.nom, hlc: formatHlc({ millis: Date.UTC(2026, 2, 15), counter: 0, node: '0123456789abcdef' }), baseSeq: null });
    const enAttente = await avant.outbox.count();
    avant.close();

    const db = baseChiffree(nom);
    expect(await deverrouiller(db, CODE)).toEqual({ ouvert: true });
    const brute = new Dexie(nom);
    await brute.open();
    const champs = (await brute.table('outbox').toArray()).map((r: { field?: string }) => r.field);
    brute.close();
    expect(champs).toHaveLength(enAttente);
    expect(champs.every((f) => typeof f === 'string')).toBe(true);
    // A new value of a pending field replaces its change, found by the index.
    await modifierMenage(db, m.id, { nom: 'Famille Benali-Haddad' });
    expect(await db.outbox.count()).toBe(enAttente);
    expect((await db.outbox.where('[table+recordId+field]').equals(['menages', m.id, 'nom']).toArray()).map((c) => c.value)).toEqual([
      'Famille Benali-Haddad',
    ]);
  });
});
