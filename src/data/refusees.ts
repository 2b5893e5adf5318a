import { SYNCED_TABLES, isSyncedTable } from '../sync/index.ts';
import type { Change } from '../sync/index.ts';
import type { ChangeRefusee, OutboxRow, RelogementDb } from './db.ts';
import { acquitter } from './synchro.ts';

// Changes the server refused for good are never dropped silently: they leave the outbox (so the
// rest of the work goes through) for a table of their own, shown per household with the reason,
// until the officer sends them again, exports them or drops them by an explicit choice.

/** The household a change belongs to, as this device knows it; null for reference data. */
async function menageDuChangement(db: RelogementDb, change: Change): Promise<string | null> {
  if (!isSyncedTable(change.table)) return null;
  const cle = SYNCED_TABLES[change.table].menageKey;
  if (cle === 'id') return change.recordId;
  if (cle === null) return null;
  if (change.field === 'menageId' && typeof change.value === 'string') return change.value;
  const record = (await db.table(change.table).get(change.recordId)) as { menageId?: unknown } | undefined;
  return typeof record?.menageId === 'string' ? record.menageId : null;
}

/** Moves the changes the server named at fault out of the outbox, with its reasons. */
export async function mettreDeCote(db: RelogementDb, rejetes: readonly { changeId: string; error: string }[], maintenant = new Date()): Promise<void> {
  const raisons = new Map(rejetes.map((r) => [r.changeId, r.error]));
  await db.transaction('rw', [db.outbox, db.refusees, ...Object.keys(SYNCED_TABLES).map((t) => db.table(t))], async () => {
    const lignes = await db.outbox.where('changeId').anyOf([...raisons.keys()]).toArray();
    const refusees = await Promise.all(
      lignes.map(async ({ seq, ...change }): Promise<ChangeRefusee> => ({
        ...change,
        seqOrigine: seq ?? 0,
        erreur: raisons.get(change.changeId) ?? 'Refusée par le serveur.',
        menageId: await menageDuChangement(db, change),
        refuseeLe: maintenant.toISOString(),
      })),
    );
    await db.refusees.bulkPut(refusees);
    await acquitter(db, lignes.map((l) => l.changeId));
  });
}

export const nombreRefusees = (db: RelogementDb): Promise<number> => db.refusees.count();

export const nombreRefuseesDuMenage = (db: RelogementDb, menageId: string): Promise<number> => db.refusees.where('menageId').equals(menageId).count();

export type GroupeRefusees = {
  /** Null for reference data (résidences, offers, settings). */
  menageId: string | null;
  /** The household's name on this device, or null when it is not (or no longer) here. */
  nom: string | null;
  changes: ChangeRefusee[];
};

/** The refused changes by household, oldest first; reference data last. */
export async function listerRefusees(db: RelogementDb): Promise<GroupeRefusees[]> {
  const toutes = await db.refusees.orderBy('seqOrigine').toArray();
  const parMenage = new Map<string | null, ChangeRefusee[]>();
  for (const r of toutes) {
    const groupe = parMenage.get(r.menageId);
    if (groupe) groupe.push(r);
    else parMenage.set(r.menageId, [r]);
  }
  const ids = [...parMenage.keys()].filter((id): id is string => id !== null);
  const menages = await db.menages.bulkGet(ids);
  const noms = new Map(ids.map((id, i) => [id, menages[i]?.nom ?? null]));
  return [...parMenage.entries()]
    .map(([menageId, changes]) => ({ menageId, nom: menageId === null ? null : (noms.get(menageId) ?? null), changes }))
    .sort((a, b) => Number(a.menageId === null) - Number(b.menageId === null));
}

/** Sends these changes again at the next sync, in their original order, once the cause is fixed. */
export async function reessayerRefusees(db: RelogementDb, changeIds: readonly string[]): Promise<void> {
  await db.transaction('rw', db.outbox, db.refusees, async () => {
    const lignes = (await db.refusees.bulkGet([...changeIds])).filter((r): r is ChangeRefusee => r !== undefined);
    lignes.sort((a, b) => a.seqOrigine - b.seqOrigine);
    await db.outbox.bulkAdd(lignes.map(({ seqOrigine: _s, erreur: _e, menageId: _m, refuseeLe: _r, ...change }): OutboxRow => change));
    await db.refusees.bulkDelete(lignes.map((l) => l.changeId));
  });
}

/** The officer's explicit choice: these changes will never be sent; what the tablet shows stays. */
export const abandonnerRefusees = (db: RelogementDb, changeIds: readonly string[]): Promise<void> => db.refusees.bulkDelete([...changeIds]);

/** Every refused change as a JSON document, for the officer to keep or hand to an encadrant. */
export async function exporterRefusees(db: RelogementDb): Promise<string> {
  const groupes = await listerRefusees(db);
  return JSON.stringify({ exporteLe: new Date().toISOString(), groupes }, null, 2);
}
