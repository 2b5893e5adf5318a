import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RelogementDb, VERSIONS, choisirCode, deverrouiller, liveQuery, lireSourcePilotage, modifierMenage, verrouiller } from '../../src/data/index.ts';
import { ecrire, ecrireLot, type Ecriture } from '../../src/data/ecriture.ts';
import { FORMAT_FAITS, construireFaits, lireFaits } from '../../src/data/faits-pilotage.ts';
import { TABLES_OUBLI, oublierMenages } from '../../src/data/oubli.ts';
import { calculerPilotage, donneesPilotage, surLaPeriode, type EnregistrementsPilotage, type Offre } from '../../src/domain/index.ts';
import { ORGANISATION_A, TRIMESTRE, idMenage } from '../fixtures/pilotage.ts';
import { nomUnique, nouvelleBase } from './base.ts';
import { relogementsDuTrimestre, signerLeBailDuMenage10 } from './pilotage-bail.ts';

// The officer's report reads each household's pilotage facts from 64 sealed rows, kept current by
// the write path: its figures are those of the records (test/fixtures/pilotage.ts, Habitat Nord,
// figures worked out in test/domain/pilotage/indicateurs.test.ts), whether the facts are kept,
// missing (a device upgraded from version 18) or being rebuilt.

const FILTRES = surLaPeriode(TRIMESTRE);

const figures = (d: Parameters<typeof calculerPilotage>[0]) => {
  const r = calculerPilotage(d, FILTRES, { offresProposeesSeulement: false });
  return { chiffres: r.chiffres, tableaux: r.tableaux };
};

const attendues = figures(donneesPilotage(ORGANISATION_A));

const ecritures = (d: EnregistrementsPilotage): Ecriture[] =>
  (['operations', 'residences', 'offres', 'menages', 'propositions', 'mediations', 'enquetes', 'plansRelogement'] as const).flatMap((table) =>
    d[table].map((record) => ({ table, record })),
  );

async function lue(db: RelogementDb) {
  const source = await lireSourcePilotage(db);
  expect(source.calculEnCours).toBeNull();
  return figures(source.donnees);
}

describe('the pilotage facts of the tablet', () => {
  it('are kept by the write path: the report reads them all and gives the records’ figures', async () => {
    const db = nouvelleBase();
    await ecrireLot(db, ecritures(ORGANISATION_A));
    const { manquants } = await lireFaits(db, new Set());
    expect(manquants).toEqual([]);
    expect(await lue(db)).toEqual(attendues);
  });

  it('follow a change of a household written afterwards', async () => {
    const db = nouvelleBase();
    await ecrireLot(db, ecritures(ORGANISATION_A));
    const premier = ORGANISATION_A.menages[0]!;
    await modifierMenage(db, premier.id, { statut: 'clos' });
    const source = await lireSourcePilotage(db);
    expect(source.donnees.menages.find((m) => m.id === premier.id)?.statut).toBe('clos');
    const { manquants } = await lireFaits(db, new Set());
    expect(manquants).toEqual([]);
  });

  it('are followed by the screen’s live query: a household written afterwards is read again', async () => {
    const db = nouvelleBase();
    await ecrireLot(db, ecritures(ORGANISATION_A));
    const premier = ORGANISATION_A.menages[0]!;
    const statuts: (string | undefined)[] = [];
    await new Promise<void>((fin, echec) => {
      const abonnement = liveQuery(() => lireSourcePilotage(db)).subscribe({
        next: (s) => {
          statuts.push(s.donnees.menages.find((m) => m.id === premier.id)?.statut);
          if (statuts.length === 1) modifierMenage(db, premier.id, { statut: 'clos' }).catch(echec);
          else if (statuts.at(-1) === 'clos') fin(abonnement.unsubscribe());
        },
        error: echec,
      });
    });
    expect(statuts[0]).toBe(premier.statut);
  });

  it('of an earlier format count as missing, are computed from the records, then rebuilt', async () => {
    const db = nouvelleBase();
    await ecrireLot(db, ecritures(ORGANISATION_A));
    // Rows marked with the earlier format (whatever they hold): read as holding nothing.
    const anciens = (await db.paquetsFaits.toArray()).map((p) => ({ ...p, format: 1 }));
    await db.paquetsFaits.bulkPut(anciens);
    expect((await lireFaits(db, new Set())).manquants).toHaveLength(ORGANISATION_A.menages.length);
    expect(await lue(db)).toEqual(attendues);
    await construireFaits(db);
    expect((await db.paquetsFaits.toArray()).every((p) => p.format === FORMAT_FAITS)).toBe(true);
    expect((await lireFaits(db, new Set())).manquants).toEqual([]);
    expect(await lue(db)).toEqual(attendues);
  });

  it('missing on a device upgraded from version 18, are computed from the records, then built in the background', async () => {
    const db = nouvelleBase();
    const d = ORGANISATION_A;
    // As an earlier version left them: records without facts.
    await db.transaction('rw', [db.operations, db.residences, db.offres, db.offresPilotage, db.menages, db.propositions, db.mediations, db.enquetes, db.plansRelogement], async () => {
      await db.operations.bulkPut([...d.operations]);
      await db.residences.bulkPut([...d.residences]);
      await db.offres.bulkPut([...d.offres]);
      await db.menages.bulkPut([...d.menages]);
      await db.propositions.bulkPut([...d.propositions]);
      await db.mediations.bulkPut([...d.mediations]);
      await db.enquetes.bulkPut([...d.enquetes]);
      await db.plansRelogement.bulkPut([...d.plansRelogement]);
    });
    expect((await lireFaits(db, new Set())).manquants).toHaveLength(d.menages.length);
    expect(await lue(db)).toEqual(attendues);
    await construireFaits(db);
    expect((await lireFaits(db, new Set())).manquants).toEqual([]);
    expect(await lue(db)).toEqual(attendues);
  });

  it('of households still waiting for the end of a pull are computed from their records, not read stale', async () => {
    const db = nouvelleBase();
    await ecrireLot(db, ecritures(ORGANISATION_A));
    const { faits, manquants } = await lireFaits(db, new Set([idMenage(1)]));
    expect(manquants).toEqual([idMenage(1)]);
    expect(faits.menages.some((m) => m.id === idMenage(1))).toBe(false);
    expect(faits.propositions.some((p) => p.menageId === idMenage(1))).toBe(false);
  });

  it('leave the device with a household it forgets', async () => {
    const db = nouvelleBase();
    await ecrireLot(db, ecritures(ORGANISATION_A));
    await db.transaction('rw', TABLES_OUBLI.map((t) => db.table(t)), () => oublierMenages(db, [idMenage(1)]));
    const stockes = (await db.paquetsFaits.toArray()).flatMap((p) => p.menages);
    expect(stockes).not.toContain(idMenage(1));
    expect(stockes).toHaveLength(ORGANISATION_A.menages.length - 1);
  });
});

describe('the source of the tablet’s report, kept between two openings', () => {

  it('is read again after a lease signed, never given as kept', async () => {
    const db = nouvelleBase();
    await ecrireLot(db, ecritures(ORGANISATION_A));
    const premiere = await lireSourcePilotage(db);
    expect(relogementsDuTrimestre(premiere)).toBe(6);
    expect(await lireSourcePilotage(db)).toBe(premiere);
    await signerLeBailDuMenage10(db);
    const apres = await lireSourcePilotage(db);
    expect(apres).not.toBe(premiere);
    expect(relogementsDuTrimestre(apres)).toBe(7);
  });

  it('is read again after a change of a household written afterwards', async () => {
    const db = nouvelleBase();
    await ecrireLot(db, ecritures(ORGANISATION_A));
    const premier = ORGANISATION_A.menages[0]!;
    await lireSourcePilotage(db);
    await modifierMenage(db, premier.id, { statut: 'clos' });
    const apres = await lireSourcePilotage(db);
    expect(apres.donnees.menages.find((m) => m.id === premier.id)?.statut).toBe('clos');
  });

  it('reads again after a household’s change its facts, not the offers; an offer written is read again', async () => {
    const db = nouvelleBase();
    await ecrireLot(db, ecritures(ORGANISATION_A));
    const premiere = await lireSourcePilotage(db);
    await signerLeBailDuMenage10(db);
    const apres = await lireSourcePilotage(db);
    expect(apres.donnees.offres).toBe(premiere.donnees.offres);
    const offre = ORGANISATION_A.offres[0]!;
    await ecrire<Offre>(db, 'offres', offre.id, (o) => ({ ...o!, commune: 'Tourcoing' }));
    const ensuite = await lireSourcePilotage(db);
    expect(ensuite.donnees.offres.find((o) => o.id === offre.id)?.commune).toBe('Tourcoing');
  });

  it('leaves memory when the app locks', async () => {
    const db = new RelogementDb(nomUnique('gardee'), VERSIONS, { chiffree: true });
    await choisirCode(db, '135790', 'chiffres');
    await ecrireLot(db, ecritures(ORGANISATION_A));
    const premiere = await lireSourcePilotage(db);
    verrouiller(db);
    await deverrouiller(db, '135790');
    const apres = await lireSourcePilotage(db);
    expect(apres).not.toBe(premiere);
    expect(relogementsDuTrimestre(apres)).toBe(6);
    await db.delete();
  });

  it('is not kept while some households’ facts are computed from their records', async () => {
    const db = nouvelleBase();
    await ecrireLot(db, ecritures(ORGANISATION_A));
    await db.paquetsFaits.clear();
    const premiere = await lireSourcePilotage(db);
    expect(await lireSourcePilotage(db)).not.toBe(premiere);
  });
});
