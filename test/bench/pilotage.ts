import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  calculerPilotage,
  donneesPilotage,
  filtresPilotageSchema,
  menageSchema,
  offreSchema,
  operationSchema,
  propositionSchema,
  residenceSchema,
  type EnregistrementsPilotage,
} from '../../src/domain/index.ts';
import type { Database } from '../../src/server/db/database.ts';
import { openStorage, type StorageOptions } from '../../src/server/db/open.ts';
import { steeringReport } from '../../src/server/pilotage/report.ts';
import { bulkSeedRecords, createTestAccount, pgliteTemplate } from '../../src/server/testing.ts';
import type { SyncedTable } from '../../src/sync/index.ts';

// Steering report figures for `npm run bench` (goals of the « Pilotage » issue): the territory's
// report, aggregates only, over 50,000 households and 200,000 proposals in two organisations, on
// PGlite and PostgreSQL (goal p95 ≤ 1 s); and the officer's report over 5,000 households.
// BANC_PILOTAGE_MENAGES sets a smaller territory; the territory is seeded in bulk SQL
// (bulkSeedRecords, checked against the push by test/server/pilotage-banc.test.ts).
// BANC_PILOTAGE_SCHEMA keeps the seeded PostgreSQL schema under that name for the next runs;
// BANC_PILOTAGE_PGLITE keeps the seeded PGlite database in that directory.
// BANC_PILOTAGE_POSTGRES_SEUL=1 skips PGlite.

const ms = (value: number) => `${Math.round(value).toLocaleString('fr-FR')} ms`;
const p95 = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(0.95 * values.length))] ?? NaN;
const MESURES = 20;
const filtres = filtresPilotageSchema.parse({ periode: { debut: '2026-01-01', fin: '2026-12-31' } });

/** `n` households of one organisation, four proposals each (the last signed for one in three), one dwelling per two households. */
export function territoire(n: number, referentId: string): EnregistrementsPilotage {
  const operation = operationSchema.parse({ id: randomUUID(), nom: 'Opération du banc' });
  const residences = Array.from({ length: 20 }, (_, i) =>
    residenceSchema.parse({
      id: randomUUID(),
      operationId: operation.id,
      nom: `Résidence ${i}`,
      bailleur: `Bailleur ${i % 3}`,
      dateOuverture: '2025-01-01',
    }),
  );
  const offre = offreSchema.parse({
    id: randomUUID(),
    statut: 'disponible',
    adresse: '1 rue du Banc',
    typologie: 'T3',
    surface: 60,
    loyer: 400,
    charges: 80,
  });
  const offres = Array.from({ length: Math.ceil(n / 2) }, (_, i) => ({
    ...offre,
    id: randomUUID(),
    bailleur: `Bailleur ${i % 4}`,
    commune: `Commune ${i % 7}`,
    qpv: i % 3 === 0,
    financement: (['PLAI', 'PLUS', 'PLS'] as const)[i % 3] ?? null,
    dateDisponibilite: `2026-${String(1 + (i % 12)).padStart(2, '0')}-05`,
    datePremiereLocation: i % 5 < 2 ? '2024-01-01' : '1990-01-01',
  }));
  const menage = menageSchema.parse({ id: randomUUID(), residenceId: residences[0]?.id, referentId, nom: 'Ménage', creeLe: '2025-01-01' });
  const menages = Array.from({ length: n }, (_, i) => ({
    ...menage,
    id: randomUUID(),
    residenceId: residences[i % residences.length]?.id ?? '',
    nom: `Ménage ${i}`,
  }));
  const modele = propositionSchema.parse({
    id: randomUUID(),
    menageId: menage.id,
    offreId: offre.id,
    rang: 1,
    circuit: 'gtr',
    proposeeLe: '2026-01-01',
    partenaires: ['GTR'],
    avis: { GTR: { avis: 'favorable', date: '2026-01-01' } },
  });
  const propositions = menages.flatMap((m, i) =>
    [1, 2, 3, 4].map((rang) => {
      const mois = String(1 + ((i + rang) % 12)).padStart(2, '0');
      const signee = rang === 4 && i % 3 === 0;
      return {
        ...modele,
        id: randomUUID(),
        menageId: m.id,
        offreId: offres[(i + rang) % offres.length]?.id ?? offre.id,
        rang,
        proposeeLe: `2026-${mois}-10`,
        caleol: { date: `2026-${mois}-11`, decision: 'attribution' as const, motif: '' },
        visite: { date: `2026-${mois}-12`, heure: null },
        reponse: {
          date: `2026-${mois}-15`,
          decision: signee ? ('acceptation' as const) : ('refus' as const),
          motif: signee ? null : ('taille' as const),
          commentaire: '',
        },
        bailSigneLe: signee ? `2026-${mois}-25` : null,
      };
    }),
  );
  return {
    operations: [operation],
    residences,
    offres,
    menages,
    propositions,
    mediations: [],
    enquetes: [],
    plansRelogement: [],
    bilansAnnuels: [],
  };
}

const lignes = (d: EnregistrementsPilotage) => {
  const tables: [SyncedTable, readonly { id: string }[]][] = [
    ['operations', d.operations],
    ['residences', d.residences],
    ['offres', d.offres],
    ['menages', d.menages],
    ['propositions', d.propositions],
  ];
  return tables.flatMap(([t, rs]) => rs.map((r) => [t, r as Record<string, unknown>] as const));
};

/**
 * The two organisations of the bench's territory, seeded unless a kept PostgreSQL schema
 * (BANC_PILOTAGE_SCHEMA) already holds them at this size: seeding 50,000 households takes long.
 */
async function organisationsDuBanc(db: Database, menages: number): Promise<string[]> {
  const noms = ['Bailleur du banc', 'MOUS du banc'].map((org) => `${org} (${menages} ménages)`);
  const deja = await db.query<{ id: string; n: number }>(
    `select o.id::text as id, (select count(*)::int from records r where r.org_id = o.id and r.tbl = 'menages') as n
     from organisations o where o.name = any($1::text[])`,
    [noms],
  );
  if (deja.length === noms.length && deja.every((o) => o.n === menages / 2)) return deja.map((o) => o.id);
  if (deja.length > 0) throw new Error(`Le schéma du banc est rempli à moitié : supprimez-le (${noms.join(', ')}).`);
  const ids: string[] = [];
  const debut = performance.now();
  for (const organisation of noms) {
    const encadrant = await createTestAccount(db, { organisation, role: 'encadrant' });
    ids.push(encadrant.profile.organisation.id);
    await bulkSeedRecords(db, encadrant.profile, lignes(territoire(menages / 2, encadrant.profile.id)));
  }
  await db.exec('analyze');
  console.log(`Territoire du banc rempli (${db.kind}, ${menages} ménages) en ${ms(performance.now() - debut)}`);
  return ids;
}

async function rapportTerritoire(options: StorageOptions, menages: number): Promise<number[]> {
  const storage = await openStorage(options, 'le banc');
  try {
    const ids = await organisationsDuBanc(storage.db, menages);
    const durees: number[] = [];
    for (let i = 0; i < MESURES; i += 1) {
      const debut = performance.now();
      // What the route answers: the report with the filters' choices.
      await steeringReport(
        storage.db,
        { organisationIds: ids, aggregatesOnly: true, withCaseloads: false, landlordId: null },
        filtres,
        ids[0] ?? '',
      );
      durees.push(performance.now() - debut);
    }
    return durees;
  } finally {
    await storage.close();
  }
}

const surPglite = async (): Promise<StorageOptions> => {
  const garde = process.env.BANC_PILOTAGE_PGLITE;
  return garde === undefined ? { template: await pgliteTemplate() } : { dataDir: garde };
};

/** In a schema of its own, dropped after, unless BANC_PILOTAGE_SCHEMA names one to keep for the next runs. */
async function surPostgres(url: string, menages: number): Promise<number[]> {
  const garde = process.env.BANC_PILOTAGE_SCHEMA;
  if (garde !== undefined && !/^[a-z_][a-z0-9_]*$/.test(garde)) throw new Error('BANC_PILOTAGE_SCHEMA : un nom de schéma en minuscules.');
  const schema = garde ?? `banc_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema if not exists ${schema}`);
  try {
    const inSchema = new URL(url);
    inSchema.searchParams.set('options', `-c search_path=${schema}`);
    return await rapportTerritoire({ databaseUrl: inSchema.toString() }, menages);
  } finally {
    if (garde === undefined) await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

/** The officer's report as the tablet computes it, in Node (not yet in Chromium with CPU ×4). */
function rapportChargee(menages: number): number[] {
  const d = territoire(menages, randomUUID());
  const durees: number[] = [];
  for (let i = 0; i < MESURES; i += 1) {
    const debut = performance.now();
    calculerPilotage(donneesPilotage(d), filtres, { offresProposeesSeulement: true });
    durees.push(performance.now() - debut);
  }
  return durees;
}

export async function bench(): Promise<Record<string, string>> {
  const menages = Number(process.env.BANC_PILOTAGE_MENAGES ?? 50_000);
  const taille = `${menages.toLocaleString('fr-FR')} ménages, ${(menages * 4).toLocaleString('fr-FR')} propositions`;
  const postgres = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  return {
    'Rapport de la chargée, 5 000 ménages (Node, pas encore Chromium ×4)': `p95 ${ms(p95(rapportChargee(5_000)))} (objectif ≤ 300 ms dans Chromium, CPU ×4)`,
    [`Rapport du territoire, agrégats et choix des filtres comme la route les rend, ${taille} (PGlite)`]:
      process.env.BANC_PILOTAGE_POSTGRES_SEUL === '1'
        ? 'non mesuré : BANC_PILOTAGE_POSTGRES_SEUL'
        : `p95 ${ms(p95(await rapportTerritoire(await surPglite(), menages)))} (objectif p95 ≤ 1 s)`,
    [`Rapport du territoire, agrégats et choix des filtres comme la route les rend, ${taille} (PostgreSQL)`]: postgres
      ? `p95 ${ms(p95(await surPostgres(postgres, menages)))} (objectif p95 ≤ 1 s)`
      : 'non mesuré : définir TEST_DATABASE_URL ou DATABASE_URL',
  };
}
