import type { DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction } from 'dexie';
import { CHAMPS_PILOTAGE, type Offre } from '../domain/index.ts';
import { TABLE_OFFRES_PILOTAGE } from './offres-pilotage-middleware.ts';
import { rangeeDe } from './rangee.ts';

// The fields of the offers the steering figures read (`CHAMPS_PILOTAGE.offres`), kept column by
// column in 16 rows (version 21): « Pilotage » reads a few short arrays instead of cloning every
// offer whole (2.5 MB for 2,500 offers on the bench, for 14 fields). Offers are reference data
// stored in clear, and so are these rows. A Dexie middleware keeps them: every write of an offer,
// whoever makes it (the write path, a pull, a snapshot, an import, an erasure, a repair), updates
// its row in the same transaction (`offres-pilotage-middleware.ts`).


/** Bumped when what the rows hold or how changes: rows of another format are not read, and are rebuilt. */
export const FORMAT_OFFRES = 1;

const NOMBRE_RANGEES = 16;

export type OffrePilotage = Pick<Offre, (typeof CHAMPS_PILOTAGE.offres)[number]>;

/** A row of offers: the n-th value of each column (`id` first) makes its n-th offer. */
export type PaquetOffres = { id: number; format: number; colonnes: Record<string, unknown[]> };

const rangeeOffre = (id: string) => rangeeDe(id, NOMBRE_RANGEES);

function encoder(id: number, offres: Iterable<OffrePilotage>): PaquetOffres {
  const colonnes: Record<string, unknown[]> = Object.fromEntries(CHAMPS_PILOTAGE.offres.map((c) => [c, []]));
  for (const o of offres) for (const c of CHAMPS_PILOTAGE.offres) colonnes[c]?.push(o[c]);
  return { id, format: FORMAT_OFFRES, colonnes };
}

/** The offers of a row, as the figures read them. */
export function decoderOffres(p: PaquetOffres): OffrePilotage[] {
  const champs = CHAMPS_PILOTAGE.offres;
  const colonnes = champs.map((c) => p.colonnes[c] ?? []);
  const ids = colonnes[0] ?? [];
  const offres = new Array<OffrePilotage>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const o: Record<string, unknown> = {};
    for (let k = 0; k < champs.length; k++) o[champs[k] as string] = colonnes[k]?.[i];
    offres[i] = o as OffrePilotage;
  }
  return offres;
}

/** Whether these rows hold every offer: all of them there, of this format. */
export const complets = (paquets: readonly (PaquetOffres | undefined)[]): paquets is PaquetOffres[] =>
  paquets.length === NOMBRE_RANGEES && paquets.every((p) => p?.format === FORMAT_OFFRES);

/** Every row, from all the offers. */
export function paquetsDesOffres(offres: Iterable<OffrePilotage>): PaquetOffres[] {
  const parRangee = Array.from({ length: NOMBRE_RANGEES }, () => [] as OffrePilotage[]);
  for (const o of offres) parRangee[rangeeOffre(o.id)]?.push(o);
  return parRangee.map((liste, n) => encoder(n, liste));
}

const NUMEROS = Array.from({ length: NOMBRE_RANGEES }, (_, n) => n);
/** Every key of a table, for a DBCore query (DBCoreRangeType.Any). */
const TOUT = { type: 3, lower: undefined, upper: undefined } as const;

/** The offers a write leaves, by id (undefined when erased), or null when it cannot tell which (a range deleted). */
function ecrites(req: DBCoreMutateRequest, reponse: DBCoreMutateResponse): Map<string, OffrePilotage | undefined> | null {
  if (req.type === 'deleteRange') return null;
  const faites = new Map<string, OffrePilotage | undefined>();
  if (req.type === 'delete') for (const id of req.keys as string[]) faites.set(id, undefined);
  else req.values.forEach((o: OffrePilotage, i) => reponse.failures[i] || faites.set(o.id, o));
  return faites;
}

/**
 * After a write of offers in `trans`: the rows of these offers updated, or every row rebuilt when
 * one of them is not there or of another format (then the figures read the offers until all are).
 */
async function tenirAJour(offres: DBCoreTable, paquets: DBCoreTable, trans: DBCoreTransaction, faites: Map<string, OffrePilotage | undefined> | null) {
  const numeros = faites ? [...new Set([...faites.keys()].map(rangeeOffre))] : NUMEROS;
  const tenus = (await paquets.getMany({ trans, keys: numeros })) as (PaquetOffres | undefined)[];
  if (!faites || !tenus.every((p) => p?.format === FORMAT_OFFRES)) {
    const toutes = await offres.query({ trans, values: true, query: { index: offres.schema.primaryKey, range: TOUT } });
    await paquets.mutate({ trans, type: 'put', values: paquetsDesOffres(toutes.result as OffrePilotage[]) });
    return;
  }
  const values = tenus.map((tenu, k) => {
    const n = numeros[k] as number;
    const parId = new Map(decoderOffres(tenu as PaquetOffres).map((o) => [o.id, o]));
    for (const [id, o] of faites) {
      if (rangeeOffre(id) !== n) continue;
      if (o) parId.set(id, o);
      else parId.delete(id);
    }
    return encoder(n, parId.values());
  });
  await paquets.mutate({ trans, type: 'put', values });
}

/** The offers' table whose writes keep their rows, in the same transaction. */
export function offresTenues(offres: DBCoreTable, paquets: DBCoreTable): DBCoreTable {
  return {
    ...offres,
    async mutate(req) {
      const idb = req.trans as unknown as IDBTransaction;
      // An upgrade from before version 21 writes offers before the rows' store exists: the first read builds them.
      if (!idb.objectStoreNames.contains(TABLE_OFFRES_PILOTAGE)) return offres.mutate(req);
      const reponse = await offres.mutate(req);
      await tenirAJour(offres, paquets, req.trans, ecrites(req, reponse));
      return reponse;
    },
  };
}
