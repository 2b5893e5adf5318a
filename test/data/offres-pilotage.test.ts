import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RelogementDb, appliquerInstantane, appliquerPage, preparerInstantane, effacerDonneesAppareil, importerOffres, lireSourcePilotage, modifierOffre, retirerOffre } from '../../src/data/index.ts';
import { ecrire, ecrireLot, type Ecriture } from '../../src/data/ecriture.ts';
import { lireOffresPilotage } from '../../src/data/offres-pilotage.ts';
import { FORMAT_OFFRES, complets } from '../../src/data/paquet-offres.ts';
import { CHAMPS_PILOTAGE, calculerPilotage, donneesPilotage, surLaPeriode, type Offre } from '../../src/domain/index.ts';
import { diffRecord, formatHlc } from '../../src/sync/index.ts';
import type { PullResponse, PulledRecord, SnapshotRecord, SnapshotResponse } from '../../src/sync/index.ts';
import { ORGANISATION_A, TRIMESTRE } from '../fixtures/pilotage.ts';
import { nouvelleBase } from './base.ts';

// « Pilotage » reads the offers' pilotage fields from 16 rows that a middleware keeps with every
// write of an offer: whoever writes the offers (the write path, an import, a pull, a snapshot, a
// withdrawal, an erasure), the report from these rows is the report from the offers themselves.

const FILTRES = surLaPeriode(TRIMESTRE);
const figures = (d: Parameters<typeof calculerPilotage>[0]) => {
  const r = calculerPilotage(d, FILTRES, { offresProposeesSeulement: false });
  return { chiffres: r.chiffres, tableaux: r.tableaux };
};

/** The report from the records as stored, offers read whole. */
async function desEnregistrements(db: RelogementDb) {
  const [menages, propositions, mediations, enquetes, residences, operations, offres, plansRelogement] = await Promise.all([
    db.menages.toArray(),
    db.propositions.toArray(),
    db.mediations.toArray(),
    db.enquetes.toArray(),
    db.residences.toArray(),
    db.operations.toArray(),
    db.offres.toArray(),
    db.plansRelogement.toArray(),
  ]);
  return figures(donneesPilotage({ menages, propositions, mediations, enquetes, residences, operations, offres, plansRelogement, bilansAnnuels: [] }));
}

/** The report the screen computes, after checking that its offers came from the rows, cut to the fields the figures read. */
async function duRapport(db: RelogementDb) {
  expect(complets(await db.offresPilotage.toArray())).toBe(true);
  const source = await lireSourcePilotage(db);
  for (const o of source.donnees.offres) expect(Object.keys(o).sort()).toEqual([...CHAMPS_PILOTAGE.offres].sort());
  return figures(source.donnees);
}

const SERVEUR = 'aaaaaaaaaaaaaaaa';
const hlc = formatHlc({ millis: Date.UTC(2026, 0, 1), counter: 0, node: SERVEUR });
const champs = (o: Offre) => diffRecord('offres', undefined, o).map(({ field, value }) => [field, value] as const);
const pull = (offres: Offre[], withdrawn: { table: 'offres'; recordId: string }[] = []): PullResponse => ({
  records: offres.map((o): PulledRecord => ({ table: 'offres', recordId: o.id, fields: Object.fromEntries(champs(o).map(([f, v], i) => [f, [v as PulledRecord['fields'][string][0], hlc, 100 + i]])) })),
  conflicts: [],
  removed: [],
  withdrawn,
  checkpoint: 500,
  hasMore: false,
  upto: 500,
  serverTime: '2026-03-15T09:00:00.000Z',
});
const instantane = (offres: Offre[]): SnapshotResponse => ({
  records: offres.map((o): SnapshotRecord => ({ table: 'offres', recordId: o.id, hlc, fields: Object.fromEntries(champs(o).map(([f, v]) => [f, [v as SnapshotRecord['fields'][string][0]]])) })),
  conflicts: [],
  upto: 42,
  next: null,
  serverTime: '2026-03-15T09:00:00.000Z',
});

const sansOffres: Ecriture[] = (['operations', 'residences', 'menages', 'propositions', 'mediations', 'enquetes', 'plansRelogement'] as const).flatMap((table) =>
  ORGANISATION_A[table].map((record) => ({ table, record })),
);

describe('the offers’ rows of « Pilotage »', () => {
  it('give the report of the offers, whichever path writes, changes, withdraws or erases them', async () => {
    const db = nouvelleBase();
    await ecrireLot(db, sansOffres);
    const [parLot, parEcriture, parReception, parInstantane] = [0, 1, 2, 3].map((k) => ORGANISATION_A.offres.filter((_, i) => i % 4 === k));
    await ecrireLot(db, parLot!.map((record) => ({ table: 'offres' as const, record })));
    for (const o of parEcriture!) await ecrire<Offre>(db, 'offres', o.id, () => o);
    await appliquerPage(db, pull(parReception!));
    await appliquerInstantane(db, await preparerInstantane(instantane(parInstantane!)), 0);
    expect((await importerOffres(db, readFileSync('test/fixtures/offres-excel.csv', 'utf8'))).importees).toBeGreaterThan(0);
    expect(await db.offres.count()).toBeGreaterThan(ORGANISATION_A.offres.length);
    const attendues = await desEnregistrements(db);
    expect(await duRapport(db)).toEqual(attendues);

    // Changed by the write path, one withdrawn from the pool by a pull, one deleted by its officer.
    const [changee, retiree, supprimee] = [parLot![0]!, parReception![0]!, parInstantane![0]!];
    await modifierOffre(db, changee.id, { commune: 'Tourcoing', qpv: false });
    await appliquerPage(db, pull([], [{ table: 'offres', recordId: retiree.id }]));
    await retirerOffre(db, supprimee.id);
    expect(await db.offres.get(retiree.id)).toBeUndefined();
    const apres = await desEnregistrements(db);
    expect(apres).not.toEqual(attendues);
    expect(await duRapport(db)).toEqual(apres);

    await effacerDonneesAppareil(db);
    expect(await lireOffresPilotage(db)).toEqual([]);
  });

  it('missing (a device upgraded to version 21) or of another format: the offers are read, then the rows built', async () => {
    const db = nouvelleBase();
    await ecrireLot(db, [...sansOffres, ...ORGANISATION_A.offres.map((record) => ({ table: 'offres' as const, record }))]);
    const attendues = await desEnregistrements(db);
    for (const depart of [[], (await db.offresPilotage.toArray()).map((p) => ({ ...p, format: FORMAT_OFFRES - 1 }))]) {
      await db.offresPilotage.clear();
      await db.offresPilotage.bulkPut(depart);
      const lues = await lireOffresPilotage(db);
      expect(lues).toHaveLength(ORGANISATION_A.offres.length);
      expect(figures((await lireSourcePilotage(db)).donnees)).toEqual(attendues);
      await expect.poll(async () => complets(await db.offresPilotage.toArray())).toBe(true);
      expect(await duRapport(db)).toEqual(attendues);
    }
  });

  it('of another format are rebuilt whole by the next write of an offer', async () => {
    const db = nouvelleBase();
    await ecrireLot(db, [...sansOffres, ...ORGANISATION_A.offres.map((record) => ({ table: 'offres' as const, record }))]);
    await db.offresPilotage.bulkPut((await db.offresPilotage.toArray()).map((p) => ({ ...p, format: FORMAT_OFFRES - 1 })));
    await modifierOffre(db, ORGANISATION_A.offres[0]!.id, { commune: 'Tourcoing' });
    expect(await duRapport(db)).toEqual(await desEnregistrements(db));
  });

  it('are kept by a write of offers in any transaction, Dexie’s own one-table ones included', async () => {
    const db = nouvelleBase();
    await ecrireLot(db, sansOffres);
    const [seule, dansSaTransaction] = ORGANISATION_A.offres;
    await db.offres.put(seule!);
    await db.transaction('rw', db.offres, () => db.offres.put(dansSaTransaction!));
    expect((await lireOffresPilotage(db)).map((o) => o.id).sort()).toEqual([seule!.id, dansSaTransaction!.id].sort());
    expect(await duRapport(db)).toEqual(await desEnregistrements(db));
  });
});
