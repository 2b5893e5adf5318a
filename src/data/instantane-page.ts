import { RecordBuild, SYNCED_TABLES, fieldClocks, isRealHlc, isSyncedTable } from '../sync/index.ts';
import type { SnapshotResponse, SyncedTable } from '../sync/index.ts';
import type { MetaChamps } from './meta-champs.ts';
import { pause } from './resume-calcul.ts';

// A snapshot page read before it is stored (docs/sync.md, « Instantané »): each record's clocks
// read back, the record built and checked by its table's schema, by slices with a pause between
// them. None of it needs the database, so it is done outside the page's transaction: the engine
// prepares the next page while the previous one's transaction waits on IndexedDB, and no slice
// holds the main thread for long, whatever the page's size.

type Row = Record<string, unknown> & { id: string };

/** A field received: its name, its value and its clock read back. */
export type ChampRecu = readonly [field: string, value: unknown, clock: string];

/**
 * A record of the page, ready to be written whole, and as received: its fields are read again
 * (`champsRecus`) only for a merge with an edit made here, rather than kept by the thousand until the page is stored.
 */
export type RecuInstantane = {
  recu: SnapshotResponse['records'][number];
  /** As its table's schema gave it; as received when the schema refuses it (`valide`: false). */
  ligne: Row;
  valide: boolean;
  meta: MetaChamps;
};

export type PageInstantane = {
  page: SnapshotResponse;
  /** The records of synced tables, by table in the order they first come in the page. */
  parTable: Map<SyncedTable, RecuInstantane[]>;
  champs: number;
  /** The page's greatest real clock ('' if none): the device's clock passes it. */
  derniere: string;
};

/** Records read per slice: a slice, not the page, holds the main thread. */
const ENREGISTREMENTS_PAR_TRANCHE = 250;

/** Each field of a record with its clock read back, handed to `champ`; a malformed clock makes the whole page refused. */
function parcourirChamps(
  table: string,
  { recordId, hlc, fields }: SnapshotResponse['records'][number],
  reelle: boolean,
  champ: (field: string, value: unknown, clock: string) => void,
): void {
  const horloges = fieldClocks(hlc, reelle);
  for (const field in fields) {
    const [value, horlogeChamp] = fields[field]!;
    const clock = horloges(horlogeChamp);
    if (clock === null) throw new Error(`Instantané mal formé : horloge de ${table}/${recordId}.${field}.`);
    champ(field, value, clock);
  }
}

/** The fields of a record, each with its clock read back; a malformed clock makes the whole page refused. */
export function champsRecus(table: string, recu: SnapshotResponse['records'][number]): ChampRecu[] {
  const champs: ChampRecu[] = [];
  parcourirChamps(table, recu, isRealHlc(recu.hlc), (field, value, clock) => champs.push([field, value, clock]));
  return champs;
}

/** A record built from a page, as its table's schema gives it; as built when the schema refuses it (`valide`: false). */
export function selonLeSchema(table: SyncedTable, record: Row): { ligne: Row; valide: boolean } {
  const lu = SYNCED_TABLES[table].schema.safeParse(record);
  return lu.success ? { ligne: lu.data as Row, valide: true } : { ligne: record, valide: false };
}

/** Reads a page received, ready for `appliquerInstantane`; rejects a malformed one before anything of it is stored. */
export async function preparerInstantane(page: SnapshotResponse): Promise<PageInstantane> {
  const parTable = new Map<SyncedTable, RecuInstantane[]>();
  let champs = 0;
  let derniere = '';
  const { records, upto } = page;
  for (let i = 0; i < records.length; i++) {
    if (i > 0 && i % ENREGISTREMENTS_PAR_TRANCHE === 0) await pause();
    const recu = records[i]!;
    const { table, recordId, hlc } = recu;
    if (!isSyncedTable(table)) continue;
    const reelle = isRealHlc(hlc);
    if (reelle && hlc > derniere) derniere = hlc;
    const meta: MetaChamps = {};
    const build = new RecordBuild(recordId);
    parcourirChamps(table, recu, reelle, (field, value, clock) => {
      meta[field] = { hlc: clock, seq: upto };
      // A record whose greatest clock is impossible may still hold real ones, field by field.
      if (!reelle && clock > derniere && isRealHlc(clock)) derniere = clock;
      build.set(field, value);
      champs++;
    });
    const { ligne, valide } = selonLeSchema(table, build.record as Row);
    const pret = { recu, ligne, valide, meta };
    const duTableau = parTable.get(table);
    if (duTableau) duTableau.push(pret);
    else parTable.set(table, [pret]);
  }
  return { page, parTable, champs, derniere };
}
