import {
  REGLAGES_PILOTAGE_PAR_DEFAUT,
  droitsBilanAnnuel,
  idBilanAnnuel,
  remplacerPartie,
  reviserPlan,
  type BilanAnnuel,
  type DonneesPilotage,
  type DroitsBilanAnnuel,
  type EntreeBilan,
  type LignePlan,
  type PartieBilan,
  type PlanRelogement,
  type ReglagesPilotage,
} from '../domain/index.ts';
import { sourcePilotage, type SourcePilotageCompte } from '../sync/index.ts';
import { ecrire } from './ecriture.ts';
import type { RelogementDb } from './db.ts';
import { lireSession, type Session } from './session.ts';
import { apresEcriture, lireGardee } from './lecture-gardee.ts';
import { lireOffresPilotage } from './offres-pilotage.ts';
import type { OffrePilotage } from './paquet-offres.ts';
import { lireResumes } from './paquets-resumes.ts';
import { lireOrganisationsTerritoire } from './partenariat.ts';
import { lireEquipe, menagesEnAttente } from './synchro.ts';
import { construireFaitsEnArrierePlan, faitsDirects, lireFaits, reunir } from './faits-pilotage.ts';
import type { EnquetePilotage, FaitsLisibles, MediationPilotage, MenagePilotage } from './faits-pilotage.ts';

// What the « Pilotage » screen computes from on the tablet, offline: the records this device
// holds, which are the chargée's own caseload (the server sends her only the households she
// follows) or, for an encadrant, the organisation's. The households' records are read as their
// pilotage facts (faits-pilotage.ts): 64 sealed rows instead of every record.
export type SourcePilotage = {
  donnees: DonneesPilotage;
  reglages: ReglagesPilotage;
  /** Account id → name, for the caseload per chargé. */
  noms: Map<string, string>;
  /** A chargée sees her caseload; others the organisation's. */
  portefeuille: boolean;
  /** What this account types in the yearly review, and its organisation (a landlord's own total is under its id). */
  droitsBilan: DroitsBilanAnnuel;
  organisation: { id: string; name: string };
  /** The landlords of the territory, among which objectives and totals are chosen (none outside a territory). */
  bailleurs: readonly { id: string; name: string }[];
  /**
   * While too many households lack current facts (a device upgraded from an earlier version, a
   * first sync under way), how far their build is; the figures are then over part of the
   * caseload and are not to be shown.
   */
  calculEnCours: { faits: number; total: number } | null;
};

/** Households without current facts computed from their records at each read; beyond, the screen waits for the build. */
const CALCUL_DIRECT_MAX = 250;

/**
 * The households, mediations and surveys hold only the fields the figures read (`CHAMPS_PILOTAGE`),
 * as the server's report loads them: typed as the records they are cut from.
 */
const donneesDesFaits = (faits: FaitsLisibles) => ({
  menages: faits.menages as readonly MenagePilotage[] as DonneesPilotage['menages'],
  propositions: faits.propositions,
  mediations: faits.mediations as readonly MediationPilotage[] as DonneesPilotage['mediations'],
  enquetes: faits.enquetes as readonly EnquetePilotage[] as DonneesPilotage['enquetes'],
});

/** What the yearly review's form needs: the year's records, what this account types, its organisation and the territory's landlords. */
export type ContexteBilan = Pick<SourcePilotage, 'droitsBilan' | 'organisation' | 'bailleurs'> & {
  bilansAnnuels: readonly BilanAnnuel[];
  /** The territory's organisations, whose current names the review shows. */
  organisations: Awaited<ReturnType<typeof lireOrganisationsTerritoire>>;
};

/**
 * The yearly review's context alone, for the screen whose figures come from the server: its
 * device holds no household, and reads no facts.
 */
export const lireContexteBilan = async (db: RelogementDb): Promise<ContexteBilan> => contexteBilan(db, await lireSession(db));

async function contexteBilan(db: RelogementDb, session: Session | null): Promise<ContexteBilan> {
  const [bilansAnnuels, organisations] = await Promise.all([db.bilansAnnuels.toArray(), lireOrganisationsTerritoire(db)]);
  return {
    bilansAnnuels,
    organisations,
    droitsBilan: droitsBilanAnnuel(session?.user.role ?? '', session?.user.organisation.kind ?? null),
    organisation: { id: session?.user.organisation.id ?? '', name: session?.user.organisation.name ?? '' },
    bailleurs: organisations.filter((o) => o.kind === 'bailleur'),
  };
}

/**
 * Read in one read-only transaction: one snapshot of the tables, still followed by the screen's live
 * query, and out of Dexie's cache of live queries, which copies every row it returns (the 64 rows
 * of facts, the offers) once more.
 */
export const lireSourcePilotage = (db: RelogementDb): Promise<SourcePilotage> => db.transaction('r', db.tables, () => sourceGardee(db));

/** What the « Pilotage » screen opens on: where this account's figures come from, and this tablet's source when from it. */
export type EcranPilotage = { origine: 'tablette'; source: SourcePilotage } | { origine: Exclude<SourcePilotageCompte, 'tablette'> };

/**
 * The account and, when its figures are this tablet's, their source, in the same transaction: the tap on
 * « Pilotage » waits for one read, not for the account's before the screen that starts the source's.
 * Before the first login, the tablet's (`sourcePilotage`: the server has the last word).
 */
export const lireEcranPilotage = (db: RelogementDb): Promise<EcranPilotage> =>
  db.transaction('r', db.tables, async () => {
    const session = await lireSession(db);
    const origine = session ? sourcePilotage(session.user.role, session.user.organisation.kind) : 'tablette';
    return origine === 'tablette' ? { origine, source: await sourceGardee(db) } : { origine };
  });

/** Under which the source is kept (lecture-gardee.ts). */
const CLE_SOURCE = 'pilotage';

/**
 * What the source reads, and what makes its facts: a write to any of them reads it again; to
 * `meta`, only to a key the source's read read (noted as it reads: the session, the team, the
 * households a pull marked...), not the sync's clock and checkpoint written at every cycle.
 */
const TABLES_SOURCE = [
  'meta',
  'parametres',
  'menages',
  'paquetsFaits',
  'propositions',
  'mediations',
  'enquetes',
  'residences',
  'operations',
  'offres',
  'offresPilotage',
  'plansRelogement',
  'bilansAnnuels',
] as const;

/** Calls `f` after each write that makes the kept source stale, here or in another tab; returns what stops it. */
export const suivreSourcePilotage = (db: RelogementDb, f: () => void): (() => void) => apresEcriture(db, TABLES_SOURCE, f, CLE_SOURCE);

/**
 * The source kept between two openings while none of its tables is written (lecture-gardee.ts):
 * reopening « Pilotage » with nothing changed reads nothing again, and the first opening after a
 * change reads it whole. Kept only when every household's facts were read current, never while
 * some are computed from their records or built.
 */
const sourceGardee = async (db: RelogementDb): Promise<SourcePilotage> =>
  (
    await lireGardee(
      db,
      CLE_SOURCE,
      TABLES_SOURCE,
      () => lireSource(db),
      (lue) => lue.entiere,
    )
  ).source;

type Reference = Pick<DonneesPilotage, 'residences' | 'operations' | 'plansRelogement'>;

/**
 * A table of reference data read whole, each kept while it alone is not written: the first opening
 * after a household's change reads its facts again, not the offers (whose read costs nearly as much as the facts' on the bench).
 */
const referenceGardee = <T extends keyof Reference>(db: RelogementDb, table: T): Promise<Reference[T]> =>
  lireGardee(db, `pilotage:${table}`, [table], () => db.table(table).toArray() as Promise<Reference[T]>, () => true);

/**
 * The offers as the fields the figures read (`CHAMPS_PILOTAGE`), as the server's report loads them,
 * typed as the records they are cut from; kept the same way, and read again once their rows are built.
 */
const offresGardees = (db: RelogementDb): Promise<DonneesPilotage['offres']> =>
  lireGardee(
    db,
    'pilotage:offres',
    ['offres', 'offresPilotage'],
    async () => (await lireOffresPilotage(db)) as readonly OffrePilotage[] as DonneesPilotage['offres'],
    () => true,
  );

/**
 * The source of this tablet's figures; the session, read here with the rest (its key is then one the
 * kept source follows), decides what the account sees. `entiere` when every household's facts were read as kept.
 */
async function lireSource(db: RelogementDb): Promise<{ source: SourcePilotage; entiere: boolean }> {
  const sessionLue = lireSession(db);
  const [{ faits, prets, manquants }, residences, operations, offres, plansRelogement, territoire, equipe, session, bilan] = await Promise.all([
    menagesEnAttente(db).then((aRefaire) => lireFaits(db, aRefaire)),
    referenceGardee(db, 'residences'),
    referenceGardee(db, 'operations'),
    offresGardees(db),
    referenceGardee(db, 'plansRelogement'),
    db.parametres.get('territoire'),
    lireEquipe(db),
    sessionLue,
    sessionLue.then((session) => contexteBilan(db, session)),
  ]);
  // Too many to compute at each read: the build starts, out of this read (it runs in a live query).
  const calculEnCours = manquants.length > CALCUL_DIRECT_MAX ? { faits: prets, total: prets + manquants.length } : null;
  if (calculEnCours) construireFaitsEnArrierePlan(db);
  const tous = calculEnCours || manquants.length === 0 ? faits : reunir(faits, await faitsDirects(db, manquants));
  const source: SourcePilotage = {
    donnees: { ...donneesDesFaits(tous), residences, operations, offres, plansRelogement, bilansAnnuels: bilan.bilansAnnuels, organisations: bilan.organisations },
    reglages: territoire?.pilotage ?? REGLAGES_PILOTAGE_PAR_DEFAUT,
    noms: new Map((equipe ?? []).map((m) => [m.id, m.name])),
    portefeuille: session?.user.role === 'chargé',
    droitsBilan: bilan.droitsBilan,
    organisation: bilan.organisation,
    bailleurs: bilan.bailleurs,
    calculEnCours,
  };
  return { source, entiere: manquants.length === 0 };
}

/**
 * The names of these households, for the list behind a figure (the figures read households
 * without them): from their caseload summaries, or their records where none is made yet.
 */
export async function nomsDesMenages(db: RelogementDb, menageIds: readonly string[]): Promise<Map<string, string>> {
  const noms = new Map<string, string>();
  const nommer = (m: { id: string; nom: string; reference: string }) => noms.set(m.id, m.nom || m.reference || 'Ménage sans nom');
  (await lireResumes(db, menageIds)).forEach((r) => r && nommer(r));
  const sansResume = menageIds.filter((id) => !noms.has(id));
  if (sansResume.length > 0) (await db.menages.bulkGet(sansResume)).forEach((m) => m && nommer(m));
  return noms;
}

/**
 * Saves `lignes` as the relocation plan of the operation for the quarter holding `jour` (charte
 * §6.6): the forecasts of earlier quarters are kept. The schema refuses a negative forecast.
 */
export function enregistrerPlan(db: RelogementDb, operationId: string, jour: string, lignes: readonly LignePlan[]): Promise<PlanRelogement> {
  return ecrire<PlanRelogement>(db, 'plansRelogement', operationId, (courant) => reviserPlan(courant, operationId, jour, lignes));
}

/**
 * Saves one part of the year's review (landlords' objectives, réservataires' commitments or
 * landlords' total lettings) as `entrees`, or only the entry under `seulement` (a landlord's own
 * total, the others' kept); the schema refuses a negative or missing figure.
 */
export function enregistrerBilanAnnuel<P extends PartieBilan>(
  db: RelogementDb,
  annee: number,
  partie: P,
  entrees: readonly EntreeBilan<P>[],
  seulement: string | null = null,
): Promise<BilanAnnuel> {
  return ecrire<BilanAnnuel>(db, 'bilansAnnuels', idBilanAnnuel(annee), (courant) =>
    remplacerPartie(courant, annee, partie, entrees, seulement),
  );
}
