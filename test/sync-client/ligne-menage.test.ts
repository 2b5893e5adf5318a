import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import {
  RelogementDb,
  VERSIONS,
  choisirCode,
  deverrouiller,
  enregistrerSession,
  listerRefusees,
  lireResumes,
  mettreDeCote,
  modifierMenage,
  enregistrerReponse,
  modifierPersonne,
  nombreEnAttente,
  personnesDuMenage,
} from '../../src/data/index.ts';
import { deplacerEnfants } from '../../src/data/ligne-menage-disposition.ts';
import { MoteurSync } from '../../src/sync-client/index.ts';
import { serveurDeClairePourLaSuite } from './serveur-de-test.ts';

// Each household's occupants inside its row (version 20, `ligne-menage.ts`), and its interviews
// (version 22), found through a map that takes its changes in a journal (version 23): the app sees
// the same records as before, through the sync, the write path and the upgrades from versions 19,
// 21 and 22.

const CODE = '482913';

describe('occupants inside their household’s row', () => {
  const s = serveurDeClairePourLaSuite(30);

  const url = () => s.serveur.url.replace(/\/$/, '');
  const appareil = async (nom: string, versions = VERSIONS) => {
    const db = new RelogementDb(`${nom}-${Date.now()}`, versions, { chiffree: true });
    await choisirCode(db, CODE, 'chiffres');
    await enregistrerSession(db, { token: s.claire.token, expiresAt: '2099-01-01T00:00:00.000Z', user: s.claire.profile });
    return db;
  };
  const tous = async (db: RelogementDb) => (await db.personnes.toArray()).sort((a, b) => a.id.localeCompare(b.id));
  const tousEntretiens = async (db: RelogementDb) => (await db.entretiens.toArray()).sort((a, b) => a.id.localeCompare(b.id));
  /**
   * The rows IndexedDB holds, read without the app's layers: the records kept apart, the map's
   * entries of each table (its rows, then its journal's, in key order), its journal's rows.
   */
  const brut = async (nom: string) => {
    const brute = new Dexie(nom);
    await brute.open();
    const [personnes, entretiens, carte] = [
      await brute.table('personnes').count(),
      await brute.table('entretiens').count(),
      (await brute.table('occupantsMenages').toArray()) as { id: unknown; menages?: object; entretiens?: object }[],
    ];
    brute.close();
    return {
      personnes,
      entretiens,
      journal: carte.filter((c) => Array.isArray(c.id)).length,
      carte: Object.assign({}, ...carte.map((c) => c.menages)) as Record<string, string>,
      carteEntretiens: Object.assign({}, ...carte.map((c) => c.entretiens)) as Record<string, string>,
    };
  };

  it('a first sync stores them in their households’ rows, and every way of reading them finds them', async () => {
    const db = await appareil('premiere');
    await new MoteurSync(db, url()).synchroniser();
    const occupants = await tous(db);
    expect(occupants).toHaveLength(73);
    const entretiens = await tousEntretiens(db);
    expect(entretiens).toHaveLength(30);
    const { personnes, carte, entretiens: entretiensApart, carteEntretiens } = await brut(db.name);
    expect([personnes, entretiensApart]).toEqual([0, 0]);
    expect(Object.keys(carte).sort()).toEqual(occupants.map((p) => p.id));
    expect(Object.keys(carteEntretiens).sort()).toEqual(entretiens.map((e) => e.id));
    expect(await db.entretiens.get(entretiens[0]!.id)).toEqual(entretiens[0]);
    expect(await db.entretiens.where('menageId').equals(s.menages[3]!).toArray()).toEqual(
      entretiens.filter((e) => e.menageId === s.menages[3]),
    );
    const premier = occupants[0]!;
    expect(await db.personnes.get(premier.id)).toEqual(premier);
    expect(await db.personnes.count()).toBe(73);
    expect((await personnesDuMenage(db, s.menages[3]!)).map((p) => p.id).sort()).toEqual(
      occupants.filter((p) => p.menageId === s.menages[3]).map((p) => p.id),
    );
    expect(await db.personnes.where('menageId').anyOf([s.menages[1]!, s.menages[2]!]).count()).toBe(
      occupants.filter((p) => p.menageId === s.menages[1] || p.menageId === s.menages[2]).length,
    );
    expect(Object.keys((await db.menages.get(s.menages[3]!))!)).not.toContain('occupants');
    expect(Object.keys((await db.menages.get(s.menages[3]!))!)).not.toContain('entretiens');
  });

  it('a write of the household alone, here or pulled, keeps its occupants and interviews', async () => {
    const db = await appareil('menage-seul');
    const moteur = new MoteurSync(db, url());
    await moteur.synchroniser();
    const avant = await tous(db);
    const entretiensAvant = await tousEntretiens(db);
    await modifierMenage(db, s.menages[4]!, { telephone: '06 11 11 11 11' });
    await moteur.synchroniser();
    const autre = await appareil('autre');
    const autreMoteur = new MoteurSync(autre, url());
    await autreMoteur.synchroniser();
    await modifierMenage(autre, s.menages[5]!, { telephone: '06 22 22 22 22' });
    await autreMoteur.synchroniser();
    await moteur.synchroniser();
    expect((await db.menages.get(s.menages[5]!))?.telephone).toBe('06 22 22 22 22');
    expect(await tous(db)).toEqual(avant);
    expect(await tousEntretiens(db)).toEqual(entretiensAvant);
  });

  it('moved from version 19 after the unlock, loses nothing: edits waiting and refused stay, sync, and the summaries are the same', async () => {
    const v19 = VERSIONS.filter((v) => v.numero <= 19);
    const ancienne = await appareil('v19', v19);
    await new MoteurSync(ancienne, url()).synchroniser();
    const [edite, refuse] = (await ancienne.personnes.where('menageId').equals(s.menages[6]!).toArray()).concat(
      await ancienne.personnes.where('menageId').equals(s.menages[7]!).toArray(),
    );
    await modifierPersonne(ancienne, edite!.id, { prenom: 'Nadia' });
    await modifierPersonne(ancienne, refuse!.id, { prenom: 'Refusé' });
    const aRefuser = (await ancienne.outbox.toArray()).filter((c) => c.recordId === refuse!.id);
    await mettreDeCote(
      ancienne,
      aRefuser.map((c) => ({ changeId: c.changeId, error: 'refusé pour le test' })),
    );
    const avant = await tous(ancienne);
    const resumes = await lireResumes(ancienne, s.menages);
    const nom = ancienne.name;
    ancienne.close();

    const db = new RelogementDb(nom, VERSIONS, { chiffree: true });
    expect(await deverrouiller(db, CODE)).toEqual({ ouvert: true });
    expect(await tous(db)).toEqual(avant);
    expect((await brut(nom)).personnes).toBe(73);
    await deplacerEnfants(db);
    expect((await brut(nom)).personnes).toBe(0);
    expect(await tous(db)).toEqual(avant);
    expect(await lireResumes(db, s.menages)).toEqual(resumes);
    expect((await listerRefusees(db)).flatMap((g) => g.changes).map((c) => c.recordId)).toContain(refuse!.id);

    await new MoteurSync(db, url()).synchroniser();
    expect(await nombreEnAttente(db)).toBe(0);
    const autre = await appareil('apres-v19');
    await new MoteurSync(autre, url()).synchroniser();
    expect((await autre.personnes.get(edite!.id))?.prenom).toBe('Nadia');
    expect((await autre.personnes.get(refuse!.id))?.prenom).toBe(refuse!.prenom);
  });

  it('interviews moved from version 21 after the unlock lose nothing: edits waiting and refused stay, sync, and the summaries are the same', async () => {
    const v21 = VERSIONS.filter((v) => v.numero <= 21);
    const ancienne = await appareil('v21', v21);
    await new MoteurSync(ancienne, url()).synchroniser();
    const [edite] = await ancienne.entretiens.where('menageId').equals(s.menages[8]!).toArray();
    const [refuse] = await ancienne.entretiens.where('menageId').equals(s.menages[9]!).toArray();
    await enregistrerReponse(ancienne, edite!.id, 'logement.etage', { valeur: '3' });
    await enregistrerReponse(ancienne, refuse!.id, 'logement.etage', { valeur: '7' });
    const aRefuser = (await ancienne.outbox.toArray()).filter((c) => c.recordId === refuse!.id);
    await mettreDeCote(
      ancienne,
      aRefuser.map((c) => ({ changeId: c.changeId, error: 'refusé pour le test' })),
    );
    const avant = await tousEntretiens(ancienne);
    const occupants = await tous(ancienne);
    const resumes = await lireResumes(ancienne, s.menages);
    const nom = ancienne.name;
    ancienne.close();
    expect((await brut(nom)).entretiens).toBe(30);

    const db = new RelogementDb(nom, VERSIONS, { chiffree: true });
    expect(await deverrouiller(db, CODE)).toEqual({ ouvert: true });
    expect(await tousEntretiens(db)).toEqual(avant);
    await deplacerEnfants(db);
    expect((await brut(nom)).entretiens).toBe(0);
    expect(await tousEntretiens(db)).toEqual(avant);
    expect(await tous(db)).toEqual(occupants);
    expect(await lireResumes(db, s.menages)).toEqual(resumes);
    expect((await listerRefusees(db)).flatMap((g) => g.changes).map((c) => c.recordId)).toContain(refuse!.id);

    await new MoteurSync(db, url()).synchroniser();
    expect(await nombreEnAttente(db)).toBe(0);
    const autre = await appareil('apres-v21');
    await new MoteurSync(autre, url()).synchroniser();
    expect((await autre.entretiens.get(edite!.id))?.reponses['logement.etage']?.valeur).toBe('3');
    expect((await autre.entretiens.get(refuse!.id))?.reponses['logement.etage']).toEqual(refuse!.reponses['logement.etage']);
  });
  it('upgraded from version 22 loses nothing: records in both places, edits waiting and refused stay, sync, and the map takes its changes in its journal', async () => {
    // Occupants in their households' rows and interviews kept apart, as a version 21 device
    // opened by version 22 holds them until the move; edits made at version 22.
    const ancienne = await appareil(
      'v22',
      VERSIONS.filter((v) => v.numero <= 21),
    );
    await new MoteurSync(ancienne, url()).synchroniser();
    const nom = ancienne.name;
    ancienne.close();
    const v22 = new RelogementDb(
      nom,
      VERSIONS.filter((v) => v.numero <= 22),
      { chiffree: true },
    );
    expect(await deverrouiller(v22, CODE)).toEqual({ ouvert: true });
    const [occupant] = await v22.personnes.where('menageId').equals(s.menages[10]!).toArray();
    const [edite] = await v22.entretiens.where('menageId').equals(s.menages[11]!).toArray();
    const [refuse] = await v22.entretiens.where('menageId').equals(s.menages[12]!).toArray();
    await modifierPersonne(v22, occupant!.id, { prenom: 'Nadia' });
    await enregistrerReponse(v22, edite!.id, 'logement.etage', { valeur: '4' });
    await enregistrerReponse(v22, refuse!.id, 'logement.etage', { valeur: '9' });
    const aRefuser = (await v22.outbox.toArray()).filter((c) => c.recordId === refuse!.id);
    await mettreDeCote(
      v22,
      aRefuser.map((c) => ({ changeId: c.changeId, error: 'refusé pour le test' })),
    );
    const [occupants, entretiens, resumes] = [await tous(v22), await tousEntretiens(v22), await lireResumes(v22, s.menages)];
    v22.close();
    const avant = await brut(nom);
    // The two interviews edited moved into their households' rows; the others wait apart.
    expect([avant.personnes, avant.entretiens, avant.journal]).toEqual([0, 28, 0]);

    const db = new RelogementDb(nom, VERSIONS, { chiffree: true });
    expect(await deverrouiller(db, CODE)).toEqual({ ouvert: true });
    expect(await tous(db)).toEqual(occupants);
    expect(await tousEntretiens(db)).toEqual(entretiens);
    await deplacerEnfants(db);
    const apres = await brut(nom);
    expect([apres.personnes, apres.entretiens]).toEqual([0, 0]);
    expect(apres.journal).toBeGreaterThan(0);
    expect(Object.keys(apres.carteEntretiens).sort()).toEqual(entretiens.map((e) => e.id));
    expect(await tousEntretiens(db)).toEqual(entretiens);
    expect(await tous(db)).toEqual(occupants);
    expect(await lireResumes(db, s.menages)).toEqual(resumes);
    expect((await listerRefusees(db)).flatMap((g) => g.changes).map((c) => c.recordId)).toContain(refuse!.id);

    await new MoteurSync(db, url()).synchroniser();
    expect(await nombreEnAttente(db)).toBe(0);
    const autre = await appareil('apres-v22');
    await new MoteurSync(autre, url()).synchroniser();
    expect((await autre.personnes.get(occupant!.id))?.prenom).toBe('Nadia');
    expect((await autre.entretiens.get(edite!.id))?.reponses['logement.etage']?.valeur).toBe('4');
    expect((await autre.entretiens.get(refuse!.id))?.reponses['logement.etage']).toEqual(refuse!.reponses['logement.etage']);
  });
});
