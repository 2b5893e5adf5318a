import { premierEntretienFait, alertesDossier, demenagementSchema, dossierAlerte, etatDossierMenage, menageSchema, occupantsAReloger, personneSchema, pieceDossierSchema, propositionSchema, visiteCourtoisieSchema } from '../domain/index.ts';
import type { z } from 'zod';
import type { ContexteAgenda, Demenagement, Entretien, Menage, Personne, PieceDossier, Proposition, ReglagesTerritoire, VisiteCourtoisie } from '../domain/index.ts';
import type { SyncedTable } from '../sync/index.ts';
import type { RelogementDb } from './db.ts';
import { contexteAgenda } from './contexte-agenda.ts';
import { complets, lignesDesMenages, menagesDe, plagesDesMenages } from './enfants.ts';
import type { LignesLues } from './faits-pilotage.ts';
import { uuidv7 } from './ids.ts';
import { lireParametres } from './parametres.ts';
import { lirePaquets, lireResumes, ecrireResumes, paquetDe, NOMBRE_PAQUETS, TABLES_RESUMES } from './paquets-resumes.ts';
import { CLE_FORMAT_RESUMES, FORMAT_RESUMES, normaliser } from './resume.ts';
import type { ResumeBase, ResumeMenage } from './resume.ts';
import { vigilanceMenage } from './vigilance.ts';

// The caseload summaries computed from the records: by the write path for the households it
// writes, and in the background for those whose day is past or whose settings changed.

export const cleTri = (nom: string) => normaliser(nom).trim();

export function resumeDe(m: Menage, personnes: readonly Personne[], entretiens: readonly Entretien[]): ResumeBase {
  const presentes = personnes.filter((p) => !p.supprime);
  const valides = entretiens.filter((e) => !e.supprime);
  const datesEntretiens = valides.map((e) => e.date).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  const contacts = [m.dernierContact, ...datesEntretiens].filter((d): d is string => !!d).sort();
  return {
    id: m.id,
    residenceId: m.residenceId,
    statut: m.statut,
    nom: m.nom,
    reference: m.reference,
    adresse: m.adresse,
    texte: normaliser([m.nom, m.reference, m.adresse, m.logement, ...presentes.flatMap((p) => [p.prenom, p.nom])].join(' ')),
    occupants: presentes.length,
    premierEntretienTermineLe: premierEntretienFait(valides),
    dateRelogement: m.dateRelogement ?? null,
    entretienEnCours: valides.some((e) => e.statut === 'brouillon'),
    dernierContact: contacts.at(-1) ?? null,
    supprime: Boolean(m.supprime),
  };
}

/** The parts of a summary, each computed from a few tables of the household. */
type Facette = 'base' | 'dossier' | 'vigilance' | 'delais';
const TOUTES: ReadonlySet<Facette> = new Set(['base', 'dossier', 'vigilance', 'delais']);
/**
 * The parts that depend on the day (the dossier's pieces expire, the proposals' clocks run): a
 * summary of an earlier day has these computed again, the others hold until their records change.
 */
const DU_JOUR: ReadonlySet<Facette> = new Set(['dossier', 'delais']);
const avecDuJour = (facettes: ReadonlySet<Facette>): ReadonlySet<Facette> => new Set([...facettes, ...DU_JOUR]);

/** Which parts the records of each table feed; the settings feed them all (see `rafraichirResumes`). */
export const FACETTES_DES_TABLES: Partial<Record<SyncedTable, readonly Facette[]>> = {
  menages: ['base', 'dossier'],
  personnes: ['base', 'dossier'],
  entretiens: ['base'],
  pieces: ['dossier'],
  visites: ['vigilance'],
  propositions: ['delais'],
  demenagements: ['delais'],
};

/** What a refresh reads, besides the summaries and `meta`: a transaction that refreshes includes them. */
export const TABLES_LUES_PAR_LES_RESUMES = ['menages', 'personnes', 'entretiens', 'pieces', 'visites', 'propositions', 'demenagements', 'parametres'] as const;

/** The records of the households being summarised, by household, and what they are read against. */
type Sources = {
  personnes: Map<string, Personne[]>;
  /** The files opened by décohabitation from each household whose dossier is summarised. */
  issus: Map<string, Menage[]>;
  entretiens: Map<string, Entretien[]>;
  pieces: Map<string, PieceDossier[]>;
  visites: Map<string, VisiteCourtoisie[]>;
  propositions: Map<string, Proposition[]>;
  demenagements: Map<string, Demenagement[]>;
  territoire: ReglagesTerritoire;
  contexte: ContexteAgenda;
  aujourdhui: string;
};


const parMenage = <T extends { menageId: string }>(rows: readonly T[]) => {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const liste = m.get(r.menageId);
    if (liste) liste.push(r);
    else m.set(r.menageId, [r]);
  }
  return m;
};

/** Households parsed and summarised between two requests of a pass: a thousand at once would hold the main thread, and two hundred came near 100 ms on a loaded machine. */
const PAR_TRAITE = 100;

/**
 * Lets the page handle input and paint between two stretches of a summary pass without ending its
 * transaction: a request, not a timer (IndexedDB commits a transaction left without one).
 */
const respirer = (db: RelogementDb) => db.paquetsResumes.get(-1);

/** A table's records read for a pass, by household, not yet parsed. */
type Lues = Map<string, unknown[]>;
const groupees = (rows: readonly { menageId: string }[]): Lues => parMenage(rows) as Lues;

/**
 * Where a pass reads the households' records: storage by default, or rows the caller holds in clear
 * (`RelaisInstantane`). `valides`: every row is already its table's schema output, not parsed again.
 */
export type LecteurLignes = {
  menages: (ids: readonly string[]) => Promise<(Menage | undefined)[]>;
  lignes: <T extends { menageId: string }>(table: string, ids: readonly string[]) => Promise<T[]>;
  valides?: true;
};

/**
 * Recomputes the summaries of these households (the given parts only, with those of the day for a
 * summary computed for another day, all of them for a summary missing) and writes those that changed. Inside a transaction over
 * the tables it reads and TABLES_RESUMES. Each table is read in one request when the households
 * fill a span of ids (`plagesDesMenages`), then parsed and summarised a stretch at a time. Returns
 * the records it read and parsed, for the pilotage facts kept in the same pass (`rafraichirFaits`).
 * `lecteur`: where the records are read (storage by default). `issusConnus`: the décohabitation files by origin, when a pass over the whole caseload has read them.
 */
export async function recalculerResumes(
  db: RelogementDb,
  ids: readonly string[],
  facettes: ReadonlySet<Facette>,
  aujourdhui: string,
  { lecteur, issusConnus }: { lecteur?: LecteurLignes; issusConnus?: ReadonlyMap<string, Menage[]> } = {},
): Promise<LignesLues> {
  const plages = lecteur ? null : await plagesDesMenages(db, ids);
  const source: LecteurLignes = lecteur ?? { menages: (m) => menagesDe(db, m, plages), lignes: (table, m) => lignesDesMenages(db, table, m, plages) };
  const valider = <T>(schema: z.ZodType<T>, rows: readonly unknown[]): T[] => (source.valides ? (rows.filter((r) => r !== undefined) as T[]) : complets(schema, rows));
  const [lus, existants] = await Promise.all([source.menages(ids), lireResumes(db, ids)]);
  const besoins = existants.map((e) => (e === undefined ? TOUTES : e.calculeLe !== aujourdhui ? avecDuJour(facettes) : facettes));
  const pour = (...parties: Facette[]) => ids.filter((_, i) => parties.some((f) => besoins[i]?.has(f)));
  const lire = (table: string, ...parties: Facette[]) => source.lignes<{ menageId: string }>(table, pour(...parties)).then(groupees);
  const [personnes, entretiens, pieces, visites, propositions, demenagements, territoire] = await Promise.all([
    lire('personnes', 'base', 'dossier'),
    lire('entretiens', 'base'),
    lire('pieces', 'dossier'),
    lire('visites', 'vigilance'),
    lire('propositions', 'delais'),
    lire('demenagements', 'delais'),
    lireParametres(db),
  ]);
  const contexte = contexteAgenda(territoire, aujourdhui);
  const dossierAVoir = new Set(pour('dossier'));
  const ecrits: ResumeMenage[] = [];
  const orphelins: string[] = [];
  const menagesLus = new Map<string, Menage[]>();
  const propositionsLues = new Map<string, Proposition[]>();
  for (let debut = 0; debut < ids.length; debut += PAR_TRAITE) {
    if (debut > 0) await respirer(db);
    const tranche = ids.slice(debut, debut + PAR_TRAITE);
    const menages = new Map(valider(menageSchema, lus.slice(debut, debut + PAR_TRAITE)).map((m) => [m.id, m]));
    const parses = <T>(schema: z.ZodType<T>, lues: Lues) => new Map(tranche.map((id) => [id, valider(schema, lues.get(id) ?? [])]));
    const parPersonnes = parses(personneSchema, personnes);
    // Only a household one of whose occupants wishes to leave may have a file opened from it
    // (`decohabiter` marks that occupant): the others need no look at their neighbours.
    const origines = [...menages.values()].filter((m) => dossierAVoir.has(m.id) && (parPersonnes.get(m.id) ?? []).some((p) => p.souhaitDecohabitation));
    const s: Sources = {
      personnes: parPersonnes,
      issus: issusConnus ? new Map(origines.map((m) => [m.id, issusConnus.get(m.id) ?? []])) : await issusDe(db, origines),
      // Not validated: the summary reads only their status and date, and answers make them long to parse.
      entretiens: entretiens as Map<string, Entretien[]>,
      pieces: new Map([...parses(pieceDossierSchema, pieces)].map(([id, l]) => [id, l.filter((p) => !p.supprime)])),
      visites: parses(visiteCourtoisieSchema, visites),
      propositions: parses(propositionSchema, propositions),
      demenagements: parses(demenagementSchema, demenagements),
      territoire,
      contexte,
      aujourdhui,
    };
    for (const [id, m] of menages) menagesLus.set(id, [m]);
    for (const [id, l] of s.propositions) propositionsLues.set(id, l);
    tranche.forEach((id, j) => {
      const i = debut + j;
      const m = menages.get(id);
      const e = existants[i];
      if (!lus[i] && e) orphelins.push(id);
      if (!m) return;
      // Without a summary, every part is computed (`besoins`): the result is whole.
      const suivant = resumer(m, s, besoins[i] ?? TOUTES, e);
      if (resumeChange(e, suivant)) ecrits.push(suivant);
    });
  }
  await ecrireResumes(db, ecrits, orphelins);
  return {
    menages: { pour: ids, parMenage: menagesLus },
    propositions: { pour: pour('delais'), parMenage: propositionsLues },
  };
}

/**
 * Whether a summary made differs from the one stored: both are made by this code, their keys in
 * the same order (never a value from the server's jsonb), so their texts compare them.
 */
export const resumeChange = (stocke: ResumeMenage | undefined, suivant: ResumeMenage): boolean => !stocke || JSON.stringify(stocke) !== JSON.stringify(suivant);

/** The summary of `m` from its records: the parts `besoin` computed over `avant`, all of them without it. */
const resumer = (m: Menage, s: Sources, besoin: ReadonlySet<Facette>, avant?: ResumeMenage): ResumeMenage =>
  Object.assign({}, avant, ...[...besoin].map((f) => PARTIES[f](m, s)), { calculeLe: s.aujourdhui }) as ResumeMenage;

/** A household's records of one table, as their schemas gave them, by household (`RelaisInstantane`). */
type ParMenage<T> = ReadonlyMap<string, readonly T[]>;

/**
 * The whole summaries of households whose records the caller holds parsed, nothing read: none for
 * a household one of whose occupants wishes to leave, whose dossier counts the files opened from it
 * (`issusDe`, in storage).
 */
export function resumesEntiers(
  menages: readonly Menage[],
  lignes: { personnes: ParMenage<Personne>; entretiens: ParMenage<Entretien>; pieces: ParMenage<PieceDossier>; visites: ParMenage<VisiteCourtoisie>; propositions: ParMenage<Proposition>; demenagements: ParMenage<Demenagement> },
  territoire: ReglagesTerritoire,
  aujourdhui: string,
): ResumeMenage[] {
  const sansDepart = menages.filter((m) => !lignes.personnes.get(m.id)?.some((p) => p.souhaitDecohabitation));
  const de = <T>(l: ParMenage<T>, garder: (x: T) => boolean = () => true) => new Map(sansDepart.map((m) => [m.id, (l.get(m.id) ?? []).filter(garder)]));
  const s: Sources = {
    personnes: de(lignes.personnes),
    issus: new Map(),
    entretiens: de(lignes.entretiens),
    pieces: de(lignes.pieces, (p) => !p.supprime),
    visites: de(lignes.visites),
    propositions: de(lignes.propositions),
    demenagements: de(lignes.demenagements),
    territoire,
    contexte: contexteAgenda(territoire, aujourdhui),
    aujourdhui,
  };
  return sansDepart.map((m) => resumer(m, s, TOUTES));
}

const parOrigine = (issus: readonly Menage[]) => {
  const m = new Map<string, Menage[]>();
  for (const v of issus) if (v.menageOrigineId) m.set(v.menageOrigineId, [...(m.get(v.menageOrigineId) ?? []), v]);
  return m;
};

/**
 * Every décohabitation file of the device, by the household it leaves: read once for a pass over
 * the whole caseload, where looking in the résidences of each row's households would open most of
 * the caseload again for each row. A file opened meanwhile by `decohabiter` rewrites its origin's
 * summary for the day, which that pass then leaves as it is.
 */
async function tousLesIssus(db: RelogementDb): Promise<Map<string, Menage[]>> {
  const ids = ((await db.menages.toCollection().primaryKeys()) as string[]).sort();
  const issus: unknown[] = [];
  // A span of households per request, a pause between two: opening the whole caseload at once holds the main thread for seconds.
  for (let i = 0; i < ids.length; i += PAR_TRAITE) {
    if (i > 0) await pause();
    const lus = await db.menages.where(':id').between(ids[i], ids[Math.min(i + PAR_TRAITE, ids.length) - 1], true, true).toArray();
    issus.push(...lus.filter((v) => !v.supprime && v.menageOrigineId));
  }
  return parOrigine(complets(menageSchema, issus));
}

/** `decohabiter` opens a file in the résidence of the one it leaves: these households' résidences hold their issues. */
async function issusDe(db: RelogementDb, origines: readonly Menage[]): Promise<Map<string, Menage[]>> {
  if (origines.length === 0) return new Map();
  const ids = new Set(origines.map((m) => m.id));
  const voisins = await db.menages.where('residenceId').anyOf([...new Set(origines.map((m) => m.residenceId))]).toArray();
  // Only the few files that name an origin among these are parsed.
  return parOrigine(complets(menageSchema, voisins.filter((v) => !v.supprime && v.menageOrigineId && ids.has(v.menageOrigineId))));
}

const PARTIES: Record<Facette, (m: Menage, s: Sources) => Partial<ResumeMenage>> = {
  base: (m, s) => ({ ...resumeDe(m, s.personnes.get(m.id) ?? [], s.entretiens.get(m.id) ?? []), cleTri: cleTri(m.nom) }),
  dossier: (m, s) => {
    const pieces = s.pieces.get(m.id) ?? [];
    const occupants = occupantsAReloger(s.personnes.get(m.id) ?? [], s.issus.get(m.id) ?? []);
    const etat = etatDossierMenage(m, occupants, pieces, s.territoire.dossier, s.aujourdhui);
    return { dossier: { completude: etat.completude, alerte: dossierAlerte(etat), commence: pieces.length > 0 } };
  },
  vigilance: (m, s) => ({ vigilance: vigilanceMenage(s.visites.get(m.id) ?? [], s.territoire.vigilance) }),
  // The proposals' clocks and the moves' refunds: the household's other clocks have their own alerts in the caseload.
  delais: (m, s) => ({
    delais: alertesDossier(
      {
        menageId: m.id,
        nom: '',
        dateOuvertureResidence: null,
        entretiens: [],
        dernierContact: null,
        dateRelogement: null,
        visites: [],
        enquete: null,
        pieces: [],
        propositions: s.propositions.get(m.id) ?? [],
        demenagements: s.demenagements.get(m.id) ?? [],
      },
      s.contexte,
    ),
  }),
};

/** After a change of settings: every summary is to be computed again (in the background). */
export const resumesARefaire = (db: RelogementDb) => db.meta.put({ key: CLE_FORMAT_RESUMES, value: `parametres ${uuidv7()}` });

const LOT = 1000;
/** Lets the page handle input and paint between two slices of work. */
export const pause = () => new Promise((fin) => setTimeout(fin, 0));
const enCours = new WeakMap<RelogementDb, Promise<unknown>>();

/**
 * Recomputes the summaries of one row: the households it is the row of, and those it holds (a
 * summary left by a forgotten record is removed). `toutes`: every part of every summary (a change
 * of format or settings); otherwise the parts of the day of the summaries of an earlier day, and
 * every part of a household without one. `issus`: the décohabitation files read once for the pass
 * (`tousLesIssus`); without them, the row looks for its own.
 */
async function recalculerPaquet(
  db: RelogementDb,
  numero: number,
  menages: readonly string[],
  aujourdhui: string,
  toutes: boolean,
  issus?: ReadonlyMap<string, Menage[]>,
): Promise<void> {
  await db.transaction('rw', [...TABLES_RESUMES, 'meta', ...TABLES_LUES_PAR_LES_RESUMES].map((t) => db.table(t)), async () => {
    const tenus = (await lirePaquets(db, [numero])).get(numero)?.resumes ?? [];
    const aJour = new Set(toutes ? [] : tenus.filter((r) => r.calculeLe === aujourdhui).map((r) => r.id));
    const ids = [...new Set([...menages, ...tenus.map((r) => r.id)])].filter((id) => !aJour.has(id));
    await recalculerResumes(db, ids, toutes ? TOUTES : DU_JOUR, aujourdhui, { issusConnus: issus });
  });
  await pause();
}

/** Summaries stored one per row by an earlier version join their rows, a batch per transaction; a newer one already there stays. */
async function regrouperAnciens(db: RelogementDb): Promise<void> {
  for (;;) {
    const reste = await db.transaction('rw', TABLES_RESUMES.map((t) => db.table(t)), async () => {
      const anciens = await db.resumes.limit(LOT).toArray();
      const paquets = await lirePaquets(db, anciens.map((r) => paquetDe(r.id)));
      const tenus = new Set([...paquets.values()].flatMap((p) => p.resumes.map((r) => r.id)));
      await ecrireResumes(db, anciens.filter((r) => !tenus.has(r.id)));
      await db.resumes.bulkDelete(anciens.map((r) => r.id));
      return anciens.length > 0;
    });
    if (!reste) return;
    await pause();
  }
}

/** Every household's id, by the number of its summaries' row (ids are in clear: nothing is opened). */
async function menagesParPaquet(db: RelogementDb): Promise<Map<number, string[]>> {
  const parPaquet = new Map<number, string[]>();
  for (const id of await db.menages.toCollection().primaryKeys()) {
    const n = paquetDe(id);
    const liste = parPaquet.get(n);
    if (liste) liste.push(id);
    else parPaquet.set(n, [id]);
  }
  return parPaquet;
}

async function rafraichir(db: RelogementDb, aujourdhui: string): Promise<void> {
  await regrouperAnciens(db);
  for (;;) {
    const format = (await db.meta.get(CLE_FORMAT_RESUMES))?.value;
    if (format === FORMAT_RESUMES) break;
    // Every summary is recomputed, those an officer's write has just made too: each row looks for its
    // décohabitation files itself, so that one opened meanwhile is seen.
    const parPaquet = await menagesParPaquet(db);
    for (let n = 0; n < NOMBRE_PAQUETS; n++) await recalculerPaquet(db, n, parPaquet.get(n) ?? [], aujourdhui, true);
    // Done, unless the settings changed meanwhile: then the loop redoes every summary.
    await db.transaction('rw', db.meta, async () => {
      if ((await db.meta.get(CLE_FORMAT_RESUMES))?.value === format) await db.meta.put({ key: CLE_FORMAT_RESUMES, value: FORMAT_RESUMES });
    });
  }
  // Listed once: a household whose record is still incomplete stays as it is, and is not retried here.
  const perimes = await db.paquetsResumes.where('calculeLe').below(aujourdhui).primaryKeys();
  if (perimes.length === 0) return;
  const [parPaquet, issus] = await Promise.all([menagesParPaquet(db), tousLesIssus(db)]);
  for (const n of perimes) await recalculerPaquet(db, n, parPaquet.get(n) ?? [], aujourdhui, false, issus);
}

/**
 * Brings every summary to today in the background, a row of summaries per transaction so that the
 * officer's writes go in between: first the summaries an earlier version stored one per row, then
 * the whole caseload after a change of format or settings, then the rows computed for an earlier day, then the
 * missing pilotage facts, then the occupants and interviews stored apart (`deplacerEnfants`). One run at a time per database;
 * started out of the caller's transaction or live query, since it writes.
 */
export function rafraichirEnArrierePlan(db: RelogementDb, aujourdhui: string): void {
  setTimeout(() => {
    if (enCours.has(db)) return;
    const travail = rafraichir(db, aujourdhui)
      // The pilotage facts a device upgraded from version 18 lacks are built in the same run. Loaded
      // when needed: a static import here splits the first screen's modules into more chunks.
      .then(() => import('./faits-pilotage.ts'))
      .then((m) => m.construireFaits(db))
      // The occupants and interviews a device upgraded from version 19 or 21 holds apart move into their households.
      .then(() => import('./ligne-menage-disposition.ts'))
      .then((m) => m.deplacerEnfants(db))
      // A database closed meanwhile (another tab opened a newer version) has nothing left to refresh.
      .catch((e: unknown) => (e as { name?: string } | null)?.name === 'DatabaseClosedError' || console.error(e))
      .finally(() => enCours.delete(db));
    enCours.set(db, travail);
  }, 0);
}

/** The background run of summaries and facts under way, if any (« Pilotage » is prepared once it is over). */
export const rafraichissementEnCours = (db: RelogementDb): Promise<unknown> | undefined => enCours.get(db);
