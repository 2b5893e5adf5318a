import { nouvelleBase } from './base.ts';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  RelaisInstantane,
  RelogementDb,
  appliquerInstantane,
  appliquerPage,
  creerMenage,
  lireCheckpoint,
  lireInstantane,
  lireResumes,
  menagesEnAttente,
  modifierMenage,
  preparerInstantane,
  rafraichirResumesRecus,
} from '../../src/data/index.ts';
import type { PageInstantane } from '../../src/data/index.ts';
import { lireFaits } from '../../src/data/faits-pilotage.ts';
import { jourIso, menageSchema, personneSchema, pieceDossierSchema, reglagesTerritoireSchema } from '../../src/domain/index.ts';
import { diffRecord, formatHlc } from '../../src/sync/index.ts';
import type { PullResponse, PulledRecord, SnapshotRecord, SnapshotResponse, SyncedTable } from '../../src/sync/index.ts';

// A snapshot page on the tablet (docs/sync.md, « Instantané »): records written whole, except those
// with edits waiting for the server, merged field by field so the pending edits stay on top.

const SERVEUR = 'aaaaaaaaaaaaaaaa';
const avant = formatHlc({ millis: Date.UTC(2020, 0, 1), counter: 0, node: SERVEUR });
const apres = formatHlc({ millis: Date.UTC(2099, 0, 1), counter: 2, node: SERVEUR });

const page = (records: SnapshotResponse['records'], next: number | null): Promise<PageInstantane> =>
  preparerInstantane({ records, conflicts: [], upto: 42, next, serverTime: new Date().toISOString() });

describe('appliquerInstantane', () => {
  it('keeps a pending edit over an older value, takes a newer one, writes the other records whole, then sets the checkpoint', async () => {
    const db = nouvelleBase();
    const residenceId = randomUUID();
    const local = await creerMenage(db, { residenceId, nom: 'Famille Diallo' }, '2026-03-15');
    const autreId = randomUUID();
    await appliquerInstantane(
      db,
      await page([{ table: 'menages', recordId: local.id, hlc: apres, fields: { nom: ['Famille Martin', avant], telephone: ['06 01'] } }], 7),
      40,
    );
    expect(await lireInstantane(db)).toEqual({ upto: 40, next: 7 });
    expect(await lireCheckpoint(db)).toBe(0);
    const fusionne = await db.menages.get(local.id);
    expect(fusionne?.nom).toBe('Famille Diallo');
    expect(fusionne?.telephone).toBe('06 01');

    // 1 count before the record's clock: same device, same day.
    await appliquerInstantane(
      db,
      await page([{ table: 'menages', recordId: autreId, hlc: apres, fields: { nom: ['Famille Benali', 1], residenceId: [residenceId] } }], null),
      40,
    );
    const entier = (await db.menages.get(autreId)) as unknown as { nom: string; _sync: Record<string, { hlc: string; seq: number }> };
    expect(entier.nom).toBe('Famille Benali');
    expect(entier._sync.nom).toEqual({ hlc: formatHlc({ millis: Date.UTC(2099, 0, 1), counter: 1, node: SERVEUR }), seq: 42 });
    expect(entier._sync.residenceId).toEqual({ hlc: apres, seq: 42 });
    expect(await lireInstantane(db)).toBeNull();
    expect(await lireCheckpoint(db)).toBe(40);
  });

  it('keeps the occupants of a household held here and not edited here (a snapshot resumed after a push) when a page gives it again', async () => {
    const db = nouvelleBase();
    const residenceId = randomUUID();
    const [premier, repris, gardee, recue] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const menage = (recordId: string, nom: string): SnapshotRecord => ({ table: 'menages', recordId, hlc: avant, fields: { nom: [nom], residenceId: [residenceId], creeLe: ['2026-03-15'] } });
    await appliquerInstantane(db, await page([menage(premier, 'Famille Benali')], 7), 40);
    // Stored and sent since, by another tab: nothing of it waits for the server.
    const autre = new RelogementDb(db.name);
    await autre.menages.put(menageSchema.parse({ id: repris, residenceId, nom: 'Famille Diallo', creeLe: '2026-03-15' }));
    await autre.personnes.put(personneSchema.parse({ id: gardee, menageId: repris, prenom: 'Awa' }));
    autre.close();
    const occupant: SnapshotRecord = { table: 'personnes', recordId: recue, hlc: avant, fields: { menageId: [repris], prenom: ['Moussa'] } };
    await appliquerInstantane(db, await page([menage(repris, 'Famille Diallo'), occupant], null), 40);
    const occupants = await db.personnes.where('menageId').equals(repris).toArray();
    expect(occupants.map((p) => p.prenom).sort()).toEqual(['Awa', 'Moussa']);
  });

  it('moves the local clock past the real clocks of a record whose greatest clock is impossible, so a later edit wins over them', async () => {
    const db = nouvelleBase();
    const residenceId = randomUUID();
    const id = randomUUID();
    // Stored before servers checked clocks: it sorts after every real clock (src/sync/hlc.ts, `isRealHlc`).
    const impossible = '9999-99-99T99:99:99.999Z-0000-aaaaaaaaaaaaaaaa';
    await appliquerInstantane(
      db,
      await page([{ table: 'menages', recordId: id, hlc: impossible, fields: { nom: ['Famille Benali'], creeLe: ['2026-03-15', avant], telephone: ['06 02', apres], residenceId: [residenceId, avant] } }], null),
      40,
    );
    await modifierMenage(db, id, { telephone: '06 03' });
    const [envoi] = await db.outbox.toArray();
    expect(envoi?.value).toBe('06 03');
    expect(envoi!.hlc > apres).toBe(true);
  });
});

describe('the summaries after a snapshot stored in the same sync', () => {
  const id = (n: number, prefixe: string) => `0190a000-0000-7000-8000-${prefixe}${n.toString(16).padStart(12 - prefixe.length, '0')}`;
  const RESIDENCE = id(1, 'c');
  const MENAGES = 300;
  const enregistrement = (table: SyncedTable, record: { id: string }): SnapshotRecord => ({
    table,
    recordId: record.id,
    hlc: avant,
    fields: Object.fromEntries(diffRecord(table, undefined, record).map(({ field, value }) => [field, [value as SnapshotRecord['fields'][string][0]]])),
  });
  const occupant = (n: number, p: number, prenom: string) =>
    enregistrement('personnes', personneSchema.parse({ id: id(n * 10 + p, 'b'), menageId: id(n, 'a'), prenom, nom: `Famille ${n}`, lien: 'enfant' }));
  // Households first, their occupants on the second page: a household's rows span pages.
  const menages = Array.from({ length: MENAGES }, (_, i) =>
    enregistrement('menages', menageSchema.parse({ id: id(i + 1, 'a'), residenceId: RESIDENCE, nom: `Famille ${i + 1}`, creeLe: '2026-03-15' })),
  );
  const occupants = Array.from({ length: MENAGES }, (_, i) => Array.from({ length: (i + 1) % 3 }, (_, p) => occupant(i + 1, p, `P${p}`))).flat();
  // One its schema refuses: stored as received, left out of household 4's summary either way.
  const refuse = occupant(4, 7, 'Refusé');
  refuse.fields.prenom = [42];

  /**
   * A first sync of a device where a household was created offline before: page one, an edit made
   * meanwhile, page two, a pull that adds an occupant; then the summaries. Gives the household created here.
   */
  async function premiereSynchro(db: RelogementDb, relais: RelaisInstantane | null): Promise<string> {
    const { id: creeIci } = await creerMenage(db, { residenceId: RESIDENCE, nom: 'Famille Créée Ici' }, '2026-03-14');
    await appliquerInstantane(db, await page(menages, 7), 40, relais);
    await modifierMenage(db, id(1, 'a'), { nom: 'Famille Modifiée' });
    await appliquerInstantane(db, await page([...occupants, refuse], null), 40, relais);
    const ajout = occupant(2, 5, 'Nouveau');
    const champs: PulledRecord['fields'] = Object.fromEntries(Object.entries(ajout.fields).map(([f, [v]]) => [f, [v as PulledRecord['fields'][string][0], apres, 50]]));
    const tiree: PullResponse = { records: [{ table: 'personnes', recordId: ajout.recordId, fields: champs }], conflicts: [], removed: [], checkpoint: 50, hasMore: false, upto: 50, serverTime: new Date().toISOString() };
    await appliquerPage(db, tiree, null, relais);
    await rafraichirResumesRecus(db, relais);
    return creeIci;
  }

  it('are those made from storage: households edited here or pulled since included, every pilotage fact too', async () => {
    const [parRelais, parStockage] = [nouvelleBase(), nouvelleBase()];
    const creeIci = await premiereSynchro(parRelais, new RelaisInstantane());
    const creeLa = await premiereSynchro(parStockage, null);
    const tous = menages.map((m) => m.recordId);
    const resumes = await lireResumes(parRelais, tous);
    expect(resumes).toEqual(await lireResumes(parStockage, tous));
    // The household created here, in a row of summaries the snapshot filled, keeps its summary.
    expect(await lireResumes(parRelais, [creeIci])).toEqual([expect.objectContaining({ nom: 'Famille Créée Ici', occupants: 0 })]);
    expect(await menagesEnAttente(parRelais)).toMatchObject({ aucun: true });
    expect(resumes.filter((r) => r !== undefined)).toHaveLength(MENAGES);
    expect(resumes[0]).toMatchObject({ nom: 'Famille Modifiée', occupants: 1 });
    // Two from the snapshot, one pulled after it.
    expect(resumes[1]?.occupants).toBe(3);
    resumes.slice(2).forEach((r, i) => expect(r?.occupants).toBe((i + 3) % 3));
    // A proposal's facts hold no id of its own: each list in the order of its facts as text.
    const enOrdre = <T>(xs: readonly T[]) => xs.map((x) => JSON.stringify(x)).sort();
    // The household created on each device has its own id: the two are compared apart.
    const faits = async (db: RelogementDb, creeIci: string) => {
      const { menages, propositions, mediations, enquetes } = (await lireFaits(db, new Set())).faits;
      const duSnapshot = menages.filter((m) => m.id !== creeIci);
      return {
        menages: enOrdre(duSnapshot),
        creeIci: menages.filter((m) => m.id === creeIci).map(({ id: _, ...m }) => m),
        propositions: enOrdre(propositions),
        mediations: enOrdre(mediations),
        enquetes: enOrdre(enquetes),
      };
    };
    const viaRelais = await faits(parRelais, creeIci);
    expect(viaRelais.menages).toHaveLength(MENAGES);
    expect(viaRelais.creeIci).toHaveLength(1);
    expect(viaRelais).toEqual(await faits(parStockage, creeLa));
  });

  it('are all made at the next start when the snapshot was cut short, or stopped between its last page and them', async () => {
    const tous = menages.map((m) => m.recordId);
    const occupantsDe = async (db: RelogementDb) => (await lireResumes(db, tous)).map((r) => r?.occupants);
    const coupe = nouvelleBase();
    await appliquerInstantane(coupe, await page(menages, 7), 40, new RelaisInstantane());
    const attente = await menagesEnAttente(coupe);
    expect(tous.filter((m) => attente.has(m))).toEqual(tous);
    await rafraichirResumesRecus(coupe);
    expect(await occupantsDe(coupe)).toEqual(tous.map(() => 0));
    expect((await menagesEnAttente(coupe)).aucun).toBe(true);

    const arretee = nouvelleBase();
    const relais = new RelaisInstantane();
    await appliquerInstantane(arretee, await page(menages, 7), 40, relais);
    await appliquerInstantane(arretee, await page(occupants, null), 40, relais);
    await rafraichirResumesRecus(arretee);
    expect(await occupantsDe(arretee)).toEqual(tous.map((_, i) => (i + 1) % 3));
    expect((await menagesEnAttente(arretee)).aucun).toBe(true);
  });
  it('made ahead on the default settings, are made again when the settings of the territory come on a later page', async () => {
    // A rent receipt handed over three months ago: valid for the default six months, expired for one month.
    const fournie = new Date();
    fournie.setMonth(fournie.getMonth() - 3);
    const quittance = (n: number) =>
      enregistrement(
        'pieces',
        pieceDossierSchema.parse({ id: id(n, 'd'), menageId: id(n, 'a'), kind: 'quittances', statut: 'fournie', dateFournie: jourIso(fournie) }),
      );
    const reglages = enregistrement('parametres', reglagesTerritoireSchema.parse({ id: 'territoire', dossier: { validiteMois: 1 } }));
    const synchro = async (relais: RelaisInstantane | null, derniere: SnapshotRecord[]) => {
      const db = nouvelleBase();
      await appliquerInstantane(db, await page([...menages, ...menages.map((_, i) => quittance(i + 1))], 7), 40, relais);
      await appliquerInstantane(db, await page(derniere, null), 40, relais);
      await rafraichirResumesRecus(db, relais);
      return (await lireResumes(db, menages.map((m) => m.recordId))).map((r) => r?.dossier);
    };
    const parRelais = await synchro(new RelaisInstantane(), [reglages]);
    expect(parRelais).toEqual(await synchro(null, [reglages]));
    // The settings count: on the defaults, the receipt is still valid.
    const surLesDefauts = await synchro(new RelaisInstantane(), []);
    expect(parRelais[0]?.completude).toBeLessThan(surLesDefauts[0]!.completude);
  });
});
