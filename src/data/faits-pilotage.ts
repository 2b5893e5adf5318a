import { CHAMPS_PILOTAGE, CHIFFRES_SIMULATION, enqueteSatisfactionSchema, faitDeProposition, mediationSchema, menageSchema, propositionSchema } from '../domain/index.ts';
import type { EnqueteSatisfaction, FaitChiffre, Mediation, Menage, Proposition } from '../domain/index.ts';
import type { z } from 'zod';
import type { SyncedTable } from '../sync/index.ts';
import { dansLaTransaction } from './db.ts';
import type { RelogementDb } from './db.ts';
import { complets, lignesDesMenages } from './enfants.ts';
import { NOMBRE_PAQUETS, paquetDe } from './paquets-resumes.ts';
import type { Colonnes, PaquetFaits } from './paquet-faits.ts';

// Each household's pilotage facts (what its records contribute to the steering figures) kept in
// 64 sealed rows, a household in the same row number as its summary (version 19): « Pilotage »
// opens 64 rows instead of every household, proposal and survey. The write path and the
// summaries' pass after a pull keep them current, from the rows they have already read; a device
// upgraded from an earlier version builds them in the background, and the report computes a
// household without facts from its records.

/** Bumped when what a household's facts hold or how they are stored changes: rows of another format count as empty. */
export const FORMAT_FAITS = 3;

/** The tables whose records give facts, with the schema each is parsed by (a record still incomplete gives none). */
const SCHEMAS = { menages: menageSchema, propositions: propositionSchema, mediations: mediationSchema, enquetes: enqueteSatisfactionSchema };
type Source = keyof typeof SCHEMAS;
type Enregistrements = { menages: Menage; propositions: Proposition; mediations: Mediation; enquetes: EnqueteSatisfaction };
const SOURCES = Object.keys(SCHEMAS) as Source[];
const TOUTES: ReadonlySet<Source> = new Set(SOURCES);

// The fields the figures read of a household, a mediation and a survey (`CHAMPS_PILOTAGE`, as the
// server's report reads them); a proposal gives its facts (`faitDeProposition`).
type ChampsDe<T extends keyof typeof CHAMPS_PILOTAGE> = (typeof CHAMPS_PILOTAGE)[T][number];
export type MenagePilotage = Pick<Menage, ChampsDe<'menages'>>;
export type MediationPilotage = Pick<Mediation, ChampsDe<'mediations'>>;
export type EnquetePilotage = Pick<EnqueteSatisfaction, ChampsDe<'enquetes'>>;

function couper<T extends object, K extends keyof T>(r: T, champs: readonly K[]): Pick<T, K> {
  const coupe = {} as Pick<T, K>;
  for (const c of champs) coupe[c] = r[c];
  return coupe;
}

/** A household's facts; `menage` is null while its record is incomplete (a pull under way): it counts in no figure. */
export type FaitsDuMenage = {
  id: string;
  menage: MenagePilotage | null;
  propositions: FaitChiffre[];
  mediations: MediationPilotage[];
  enquetes: EnquetePilotage[];
};

// Stored column by column (paquet-faits.ts): the household of a fact and the offer of a proposal
// by their index in the row; read back, a column of facts makes objects of one shape in one loop.
// A proposal (format 3) keeps no id of its own, which no figure reads; its four booleans and
// whether it has a simulation are the bits of one number, and the simulation's six figures are
// stored only for the proposals that have one.
const CLES_MENAGE = ['residenceId', 'referentId', 'statut', 'supprime'] as const satisfies readonly (keyof MenagePilotage)[];
const CLES_PROPOSITION = ['rang', 'proposeeLe', 'bailSigneLe', 'refusPar', 'refusLe'] as const satisfies readonly (keyof FaitChiffre)[];
const RETIREE = 1;
const COMPTEE = 2;
const TEMPORAIRE = 4;
const REFUS_LEGITIME = 8;
const SIMULEE = 16;

const drapeaux = (x: FaitChiffre, simulee: boolean) =>
  (x.retiree ? RETIREE : 0) | (x.comptee ? COMPTEE : 0) | (x.temporaire ? TEMPORAIRE : 0) | (x.refusLegitime ? REFUS_LEGITIME : 0) | (simulee ? SIMULEE : 0);
const CLES_MEDIATION = ['id', 'date', 'supprime'] as const satisfies readonly (keyof MediationPilotage)[];
const CLES_ENQUETE = ['id', 'issue', 'date', 'logement', 'supprime'] as const satisfies readonly (keyof EnquetePilotage)[];

const vides = (cles: readonly string[]): Colonnes => Object.fromEntries(cles.map((c) => [c, []]));

function ajouter<T extends object>(colonnes: Colonnes, menage: number, r: T, cles: readonly (keyof T & string)[]) {
  colonnes.menage?.push(menage);
  for (const c of cles) colonnes[c]?.push(r[c]);
}

function encoder(id: number, faits: Iterable<FaitsDuMenage>): PaquetFaits {
  const p: PaquetFaits = {
    id,
    format: FORMAT_FAITS,
    menages: [],
    offres: [],
    dossiers: vides(['menage', ...CLES_MENAGE]),
    propositions: vides(['menage', 'offre', 'drapeaux', ...CLES_PROPOSITION, ...CHIFFRES_SIMULATION]),
    mediations: vides(['menage', ...CLES_MEDIATION]),
    enquetes: vides(['menage', ...CLES_ENQUETE]),
  };
  const indices = new Map<string, number>();
  for (const f of faits) {
    const n = p.menages.push(f.id) - 1;
    if (f.menage) ajouter(p.dossiers, n, f.menage, CLES_MENAGE);
    for (const x of f.propositions) {
      let offre = indices.get(x.offreId);
      if (offre === undefined) indices.set(x.offreId, (offre = p.offres.push(x.offreId) - 1));
      p.propositions.offre?.push(offre);
      ajouter(p.propositions, n, x, CLES_PROPOSITION);
      const simulee = CHIFFRES_SIMULATION.some((c) => x[c] !== null);
      p.propositions.drapeaux?.push(drapeaux(x, simulee));
      if (simulee) for (const c of CHIFFRES_SIMULATION) p.propositions[c]?.push(x[c]);
    }
    for (const x of f.mediations) ajouter(p.mediations, n, x, CLES_MEDIATION);
    for (const x of f.enquetes) ajouter(p.enquetes, n, x, CLES_ENQUETE);
  }
  return p;
}

/** A household's facts compared as stored (a field left out reads back as null). */
const memes = (a: FaitsDuMenage | undefined, b: FaitsDuMenage) =>
  a !== undefined && JSON.stringify(encoder(0, [{ ...a, id: '' }])) === JSON.stringify(encoder(0, [{ ...b, id: '' }]));

/** The facts of a row's households for which `retenu` holds (by index), as the report reads them: one list per table. */
export type FaitsLisibles = {
  menages: MenagePilotage[];
  propositions: FaitChiffre[];
  mediations: MediationPilotage[];
  enquetes: EnquetePilotage[];
};

const colonne = (c: Colonnes, cle: string) => c[cle] ?? [];

/** The objects of a table's columns for the households retained, each with its household's id under `cleMenage`. */
function objets<T>(c: Colonnes, cles: readonly string[], menages: readonly string[], retenu: (n: number) => boolean, cleMenage = 'menageId'): T[] {
  const parMenage = colonne(c, 'menage') as number[];
  const valeurs = cles.map((cle) => colonne(c, cle));
  const faits: T[] = [];
  for (let i = 0; i < parMenage.length; i++) {
    const n = parMenage[i] as number;
    if (!retenu(n)) continue;
    const o: Record<string, unknown> = { [cleMenage]: menages[n] };
    for (let k = 0; k < cles.length; k++) o[cles[k] as string] = valeurs[k]?.[i] ?? null;
    faits.push(o as T);
  }
  return faits;
}

/** The proposals' facts of the households retained; a simulation's figures are the next ones in their columns. */
function propositionsDe(p: PaquetFaits, retenu: (n: number) => boolean): FaitChiffre[] {
  const c = p.propositions;
  const [menage, offre, bits] = [colonne(c, 'menage'), colonne(c, 'offre'), colonne(c, 'drapeaux')] as number[][];
  const [rang, proposeeLe, bailSigneLe, refusPar, refusLe] = CLES_PROPOSITION.map((cle) => colonne(c, cle)) as [
    number[],
    string[],
    (string | null)[],
    FaitChiffre['refusPar'][],
    (string | null)[],
  ];
  const [racAvant, racApres, teAvant, teApres, ravAvant, ravApres] = CHIFFRES_SIMULATION.map((cle) => colonne(c, cle)) as (number | null)[][];
  const faits: FaitChiffre[] = [];
  let simulations = 0;
  for (let i = 0; i < (menage?.length ?? 0); i++) {
    const d = bits?.[i] ?? 0;
    const s = d & SIMULEE ? simulations++ : -1;
    if (!retenu(menage?.[i] ?? -1)) continue;
    const chiffre = (colonneSimulation: (number | null)[] | undefined) => (s < 0 ? null : (colonneSimulation?.[s] ?? null));
    faits.push({
      menageId: p.menages[menage?.[i] ?? -1] ?? '',
      offreId: p.offres[offre?.[i] ?? -1] ?? '',
      rang: rang[i] as number,
      proposeeLe: proposeeLe[i] as string,
      bailSigneLe: bailSigneLe[i] ?? null,
      retiree: (d & RETIREE) !== 0,
      refusPar: refusPar[i] ?? null,
      refusLe: refusLe[i] ?? null,
      comptee: (d & COMPTEE) !== 0,
      temporaire: (d & TEMPORAIRE) !== 0,
      refusLegitime: (d & REFUS_LEGITIME) !== 0,
      racAvant: chiffre(racAvant),
      racApres: chiffre(racApres),
      teAvant: chiffre(teAvant),
      teApres: chiffre(teApres),
      ravAvant: chiffre(ravAvant),
      ravApres: chiffre(ravApres),
    });
  }
  return faits;
}

function decoder(p: PaquetFaits, retenu: (n: number) => boolean): FaitsLisibles {
  return {
    menages: objets<MenagePilotage>(p.dossiers, CLES_MENAGE, p.menages, retenu, 'id'),
    propositions: propositionsDe(p, retenu),
    mediations: objets<MediationPilotage>(p.mediations, CLES_MEDIATION, p.menages, retenu),
    enquetes: objets<EnquetePilotage>(p.enquetes, CLES_ENQUETE, p.menages, retenu),
  };
}

/** A row's facts by household, for a write to update. */
function parMenage(p: PaquetFaits): Map<string, FaitsDuMenage> {
  const faits = new Map<string, FaitsDuMenage>(p.menages.map((id) => [id, { id, menage: null, propositions: [], mediations: [], enquetes: [] }]));
  const de = (menageId: string) => faits.get(menageId) as FaitsDuMenage;
  const lus = decoder(p, () => true);
  for (const m of lus.menages) de(m.id).menage = m;
  for (const x of lus.propositions) de(x.menageId).propositions.push(x);
  for (const x of lus.mediations) de(x.menageId).mediations.push(x);
  for (const x of lus.enquetes) de(x.menageId).enquetes.push(x);
  return faits;
}

/** What keeping facts reads and writes, for the transactions that do. */
export const TABLES_FAITS = ['paquetsFaits', ...SOURCES] as const;

/**
 * Records a caller has already read and parsed, by table: the households they cover (`pour`, all
 * of their records of that table) and those records by household (a household by its own id).
 */
export type LignesLues = { [S in Source]?: { pour: readonly string[]; parMenage: ReadonlyMap<string, readonly Enregistrements[S][]> } };

function grouper<T>(rows: readonly T[], cle: (r: T) => string, dans = new Map<string, T[]>()): Map<string, T[]> {
  for (const r of rows) {
    const liste = dans.get(cle(r));
    if (liste) liste.push(r);
    else dans.set(cle(r), [r]);
  }
  return dans;
}

/** The records of `source` of these households, those already read taken from `lus`, the others read and parsed. */
async function enregistrements<S extends Source>(db: RelogementDb, source: S, ids: readonly string[], lus: LignesLues): Promise<Map<string, Enregistrements[S][]>> {
  const deja = lus[source] as { pour: readonly string[]; parMenage: ReadonlyMap<string, readonly Enregistrements[S][]> } | undefined;
  const couverts = new Set(deja?.pour ?? []);
  const parMenage = new Map<string, Enregistrements[S][]>();
  for (const id of ids) if (couverts.has(id)) parMenage.set(id, [...(deja?.parMenage.get(id) ?? [])]);
  const aLire = ids.filter((id) => !couverts.has(id));
  if (aLire.length === 0) return parMenage;
  const lignes = source === 'menages' ? (await db.menages.bulkGet(aLire)).filter((m) => m !== undefined) : await lignesDesMenages(db, source, aLire);
  const valides = complets(SCHEMAS[source] as unknown as z.ZodType<Enregistrements[S]>, lignes);
  return grouper(valides, (r) => (source === 'menages' ? r.id : (r as { menageId: string }).menageId), parMenage);
}

/**
 * The facts of these households from their records: the given tables' parts where facts are kept
 * (`avant`), every part otherwise.
 */
async function faitsDe(
  db: RelogementDb,
  ids: readonly string[],
  sources: ReadonlySet<Source>,
  avant: (id: string) => FaitsDuMenage | undefined,
  lus: LignesLues,
): Promise<FaitsDuMenage[]> {
  const besoins = new Map(ids.map((id) => [id, avant(id) ? sources : TOUTES]));
  const pour = (s: Source) => ids.filter((id) => besoins.get(id)?.has(s));
  const [menages, propositions, mediations, enquetes] = await dansLaTransaction(
    Promise.all([
      enregistrements(db, 'menages', pour('menages'), lus),
      enregistrements(db, 'propositions', pour('propositions'), lus),
      enregistrements(db, 'mediations', pour('mediations'), lus),
      enregistrements(db, 'enquetes', pour('enquetes'), lus),
    ]),
  );
  return ids.map((id) => {
    const b = besoins.get(id) ?? TOUTES;
    const a = avant(id);
    const neufs = faitsDuMenage(id, menages.get(id)?.[0], propositions.get(id) ?? [], mediations.get(id) ?? [], enquetes.get(id) ?? []);
    return {
      id,
      menage: b.has('menages') || !a ? neufs.menage : a.menage,
      propositions: b.has('propositions') || !a ? neufs.propositions : a.propositions,
      mediations: b.has('mediations') || !a ? neufs.mediations : a.mediations,
      enquetes: b.has('enquetes') || !a ? neufs.enquetes : a.enquetes,
    };
  });
}

/** A household's facts from its records, each as its schema gave it; without its record, it counts in no figure. */
export const faitsDuMenage = (
  id: string,
  m: Menage | undefined,
  propositions: readonly Proposition[],
  mediations: readonly Mediation[],
  enquetes: readonly EnqueteSatisfaction[],
): FaitsDuMenage => ({
  id,
  menage: m ? couper(m, CHAMPS_PILOTAGE.menages) : null,
  propositions: propositions.flatMap((p) => faitDeProposition(p) ?? []),
  mediations: mediations.map((x) => couper(x, CHAMPS_PILOTAGE.mediations)),
  enquetes: enquetes.map((x) => couper(x, CHAMPS_PILOTAGE.enquetes)),
});

/** The facts held in the rows of these numbers (all when none given), by row; a row of another format counts as empty. */
async function lirePaquets(db: RelogementDb, numeros?: Iterable<number>): Promise<Map<number, Map<string, FaitsDuMenage>>> {
  const lus = numeros ? await db.paquetsFaits.bulkGet([...new Set(numeros)]) : await db.paquetsFaits.toArray();
  const paquets = new Map<number, Map<string, FaitsDuMenage>>();
  for (const p of lus) if (p?.format === FORMAT_FAITS) paquets.set(p.id, parMenage(p));
  return paquets;
}

async function ecrirePaquets(db: RelogementDb, paquets: Map<number, Map<string, FaitsDuMenage>>, numeros: Iterable<number>): Promise<void> {
  const aEcrire: PaquetFaits[] = [];
  const vides: number[] = [];
  for (const n of numeros) {
    const faits = paquets.get(n);
    if (!faits || faits.size === 0) vides.push(n);
    else aEcrire.push(encoder(n, faits.values()));
  }
  await db.paquetsFaits.bulkPut(aEcrire);
  await db.paquetsFaits.bulkDelete(vides);
}

/**
 * Inside a transaction over TABLES_FAITS: brings the facts of these households up to date after
 * records of these tables were written (the parts those tables give), from the records in `lus`
 * where the caller has read them already; only the rows where a household's facts changed are
 * sealed again. A household whose record is incomplete or not there yet keeps facts without
 * its own (`menage` null) until the record arrives; one forgotten leaves with `supprimerFaits`.
 */
export async function rafraichirFaits(db: RelogementDb, menageIds: Iterable<string>, tables: Iterable<SyncedTable>, lus: LignesLues = {}): Promise<void> {
  const ecrites = new Set<string>(tables);
  const sources = new Set(SOURCES.filter((s) => ecrites.has(s)));
  const ids = [...new Set(menageIds)];
  if (ids.length === 0 || sources.size === 0) return;
  const paquets = await dansLaTransaction(lirePaquets(db, ids.map(paquetDe)));
  const tenus = (id: string) => paquets.get(paquetDe(id))?.get(id);
  await dansLaTransaction(ecrireChangements(db, paquets, await dansLaTransaction(faitsDe(db, ids, sources, tenus, lus))));
}

/** Inside a transaction over `paquetsFaits`: these households' facts, only the rows where one changed sealed again. */
export async function ecrireFaits(db: RelogementDb, faits: readonly FaitsDuMenage[]): Promise<void> {
  if (faits.length === 0) return;
  await dansLaTransaction(ecrireChangements(db, await dansLaTransaction(lirePaquets(db, faits.map((f) => paquetDe(f.id)))), faits));
}

async function ecrireChangements(db: RelogementDb, paquets: Map<number, Map<string, FaitsDuMenage>>, faits: readonly FaitsDuMenage[]): Promise<void> {
  const changes = new Set<number>();
  for (const f of faits) {
    const n = paquetDe(f.id);
    if (memes(paquets.get(n)?.get(f.id), f)) continue;
    const paquet = paquets.get(n) ?? new Map<string, FaitsDuMenage>();
    paquets.set(n, paquet.set(f.id, f));
    changes.add(n);
  }
  await ecrirePaquets(db, paquets, changes);
}

/** Inside a transaction over `paquetsFaits`: the facts of these households leave the device. */
export async function supprimerFaits(db: RelogementDb, menageIds: readonly string[]): Promise<void> {
  if (menageIds.length === 0) return;
  const paquets = await dansLaTransaction(lirePaquets(db, menageIds.map(paquetDe)));
  for (const id of menageIds) paquets.get(paquetDe(id))?.delete(id);
  await ecrirePaquets(db, paquets, new Set(menageIds.map(paquetDe)));
}

export type FaitsLus = {
  faits: FaitsLisibles;
  /** How many households of the device have current facts. */
  prets: number;
  /** Households of the device without current facts (an upgraded device, or `aRefaire`). */
  manquants: string[];
};

const aucunFait = (): FaitsLisibles => ({ menages: [], propositions: [], mediations: [], enquetes: [] });

/** `a` and `b` in `a`, table by table. */
export function reunir(a: FaitsLisibles, b: FaitsLisibles): FaitsLisibles {
  for (const x of b.menages) a.menages.push(x);
  for (const x of b.propositions) a.propositions.push(x);
  for (const x of b.mediations) a.mediations.push(x);
  for (const x of b.enquetes) a.enquetes.push(x);
  return a;
}

/** Every household's facts this device holds, read from the 64 rows, and the households without current facts. */
export async function lireFaits(db: RelogementDb, aRefaire: { has: (menageId: string) => boolean }): Promise<FaitsLus> {
  // In a transaction (of its own unless in the caller's): a live query still follows these tables,
  // but Dexie's cache of live queries, which would copy the 64 rows once more, keeps out of explicit ones.
  const [cles, paquets] = await db.transaction('r', [db.menages, db.paquetsFaits], () =>
    Promise.all([db.menages.toCollection().primaryKeys(), db.paquetsFaits.toArray()]),
  );
  const presents = new Set(cles);
  const tenus = new Set<string>();
  const faits = aucunFait();
  for (const p of paquets) {
    if (p.format !== FORMAT_FAITS) continue;
    const retenus = p.menages.map((id) => presents.has(id) && !aRefaire.has(id) && paquetDe(id) === p.id);
    p.menages.forEach((id, n) => retenus[n] && tenus.add(id));
    reunir(faits, decoder(p, (n) => retenus[n] === true));
  }
  return { faits, prets: tenus.size, manquants: cles.filter((id) => !tenus.has(id)) };
}

/** The facts of these households computed from their records, nothing written (a read, in a live query). */
export async function faitsDirects(db: RelogementDb, menageIds: readonly string[]): Promise<FaitsLisibles> {
  const faits = aucunFait();
  for (const f of await faitsDe(db, menageIds, TOUTES, () => undefined, {}))
    reunir(faits, {
      menages: f.menage ? [f.menage] : [],
      propositions: f.propositions,
      mediations: f.mediations,
      enquetes: f.enquetes,
    });
  return faits;
}

/** Lets the page handle input and paint between two rows. */
const pause = () => new Promise((fin) => setTimeout(fin, 0));
const enCours = new WeakMap<RelogementDb, Promise<void>>();

async function menagesDuPaquet(db: RelogementDb, n: number): Promise<Set<string>> {
  return new Set((await db.menages.toCollection().primaryKeys()).filter((id) => paquetDe(id) === n));
}

/**
 * Makes every row whole: the facts of the households it lacks, none of those gone. A row per
 * transaction, so the officer's writes go in between and a build interrupted resumes where it was
 * (each row is written whole).
 */
async function construire(db: RelogementDb): Promise<void> {
  // Which households each row holds is enough to know what is missing: the facts are not decoded
  // (this check runs at every start, while the officer searches her caseload).
  const [cles, rangees] = await Promise.all([db.menages.toCollection().primaryKeys(), db.paquetsFaits.toArray()]);
  const tenus = new Map(rangees.filter((p) => p.format === FORMAT_FAITS).map((p) => [p.id, new Set(p.menages)]));
  const attendus = grouper(cles, (id) => String(paquetDe(id)));
  const aFaire = Array.from({ length: NOMBRE_PAQUETS }, (_, n) => n).filter((n) => {
    const tenu = tenus.get(n) ?? new Set<string>();
    const voulus = attendus.get(String(n)) ?? [];
    return tenu.size !== voulus.length || voulus.some((id) => !tenu.has(id));
  });
  for (const n of aFaire) {
    await db.transaction('rw', TABLES_FAITS.map((t) => db.table(t)), async () => {
      // Read again inside the transaction: writes may have come in between.
      const presents = await dansLaTransaction(menagesDuPaquet(db, n));
      const lus = await dansLaTransaction(lirePaquets(db, [n]));
      const tenu = lus.get(n) ?? new Map<string, FaitsDuMenage>();
      lus.set(n, tenu);
      for (const id of tenu.keys()) if (!presents.has(id)) tenu.delete(id);
      const manquants = [...presents].filter((id) => !tenu.has(id));
      for (const f of await dansLaTransaction(faitsDe(db, manquants, TOUTES, () => undefined, {}))) tenu.set(f.id, f);
      await ecrirePaquets(db, lus, [n]);
    });
    await pause();
  }
}

/** Builds the missing facts, one run at a time per database (a second call joins the running one). */
export function construireFaits(db: RelogementDb): Promise<void> {
  const deja = enCours.get(db);
  if (deja) return deja;
  const travail = construire(db).finally(() => enCours.delete(db));
  enCours.set(db, travail);
  return travail;
}

/** The build under way, if any. */
export const constructionEnCours = (db: RelogementDb): Promise<void> | undefined => enCours.get(db);

/** The same in the background, started out of any transaction or live query. */
export function construireFaitsEnArrierePlan(db: RelogementDb): void {
  setTimeout(() => {
    // A database closed meanwhile (another tab opened a newer version) has nothing left to build.
    construireFaits(db).catch((e: unknown) => (e as { name?: string } | null)?.name === 'DatabaseClosedError' || console.error(e));
  }, 0);
}
