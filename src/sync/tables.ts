import type { z } from 'zod';
import {
  baremeFslSchema,
  bilanAnnuelSchema,
  demenagementSchema,
  changementSituationSchema,
  decisionReunionSchema,
  enqueteSatisfactionSchema,
  entretienSchema,
  mediationSchema,
  menageSchema,
  offrePartageeSchema,
  offreSchema,
  operationSchema,
  planRelogementSchema,
  orientationSchema,
  personneSchema,
  pieceDossierSchema,
  positionnementSchema,
  propositionSchema,
  reglagesTerritoireSchema,
  residenceSchema,
  reunionSchema,
  simulationEnregistreeSchema,
  visiteCourtoisieSchema,
} from '../domain/index.ts';
import { splitField } from './change.ts';
import { sameJson } from './json.ts';
import type { Role } from './protocol.ts';

// Every synced entity, with the zod schema that validates it on the device, on the wire and on
// the server, and the properties that are maps merged entry by entry. `pooled` tables are shared
// across the organisations of a territory (docs/droits-partenaires.md).
type TableDef = { schema: z.ZodObject; mapFields: readonly string[]; menageKey: 'id' | 'menageId' | null; pooled?: true };

export const SYNCED_TABLES = {
  operations: { schema: operationSchema, mapFields: [], menageKey: null },
  residences: { schema: residenceSchema, mapFields: [], menageKey: null },
  menages: { schema: menageSchema, mapFields: ['consentements'], menageKey: 'id' },
  personnes: { schema: personneSchema, mapFields: [], menageKey: 'menageId' },
  entretiens: { schema: entretienSchema, mapFields: ['reponses'], menageKey: 'menageId' },
  parametres: { schema: reglagesTerritoireSchema, mapFields: [], menageKey: null },
  offres: { schema: offreSchema, mapFields: [], menageKey: null },
  baremes: { schema: baremeFslSchema, mapFields: [], menageKey: null },
  simulations: { schema: simulationEnregistreeSchema, mapFields: [], menageKey: 'menageId' },
  visites: { schema: visiteCourtoisieSchema, mapFields: [], menageKey: 'menageId' },
  enquetes: { schema: enqueteSatisfactionSchema, mapFields: [], menageKey: 'menageId' },
  orientations: { schema: orientationSchema, mapFields: [], menageKey: 'menageId' },
  propositions: { schema: propositionSchema, mapFields: ['avis'], menageKey: 'menageId' },
  mediations: { schema: mediationSchema, mapFields: [], menageKey: 'menageId' },
  pieces: { schema: pieceDossierSchema, mapFields: [], menageKey: 'menageId' },
  demenagements: { schema: demenagementSchema, mapFields: ['postes'], menageKey: 'menageId' },
  reunions: { schema: reunionSchema, mapFields: [], menageKey: null },
  decisionsReunion: { schema: decisionReunionSchema, mapFields: [], menageKey: 'menageId' },
  changementsSituation: { schema: changementSituationSchema, mapFields: [], menageKey: 'menageId' },
  offresPartagees: { schema: offrePartageeSchema, mapFields: [], menageKey: null, pooled: true },
  positionnements: { schema: positionnementSchema, mapFields: ['avis'], menageKey: 'menageId', pooled: true },
  // Reference data of the organisation: encadrants write it, a chargée's tablet only reads it.
  plansRelogement: { schema: planRelogementSchema, mapFields: ['revisions'], menageKey: null },
  bilansAnnuels: { schema: bilanAnnuelSchema, mapFields: ['objectifs', 'attributions', 'engagementsFlux'], menageKey: null },
} as const satisfies Record<string, TableDef>;

export type SyncedTable = keyof typeof SYNCED_TABLES;
export const isSyncedTable = (t: string): t is SyncedTable => Object.hasOwn(SYNCED_TABLES, t);
/** Tables shared by the organisations of a territory rather than kept within one. */
export const isPooledTable = (t: SyncedTable): boolean => 'pooled' in SYNCED_TABLES[t];

/**
 * Reference tables a chargé may propose records in: the server keeps them with `aValider` until
 * an encadrant validates them (or maps a résidence onto another), so nothing hanging on them is lost.
 */
export const PROPOSABLE_TABLES: readonly SyncedTable[] = ['operations', 'residences', 'offres'];
/** Who proposes reference data rather than writing it: a chargée (the server, her tablet and its screens agree). */
export const proposesReferenceData = (role: Role | null | undefined): boolean => role === 'chargé';
/** The fields only an encadrant may write on a proposed record. */
export const VALIDATION_FIELDS = ['aValider', 'rattacheeA'] as const;

type Json = unknown;
type Row = Record<string, Json>;

/** The field changes that turn `before` into `after` (both already valid records of `table`). */
export function diffRecord(table: SyncedTable, before: Row | undefined, after: Row): { field: string; value: Json }[] {
  const maps: readonly string[] = SYNCED_TABLES[table].mapFields;
  const changes: { field: string; value: Json }[] = [];
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  names.delete('id');
  for (const name of names) {
    const old = before?.[name];
    const now = after[name];
    if (maps.includes(name)) {
      const o = (old ?? {}) as Row;
      const n = (now ?? {}) as Row;
      for (const key of new Set([...Object.keys(o), ...Object.keys(n)])) {
        if (!sameJson(o[key], n[key])) changes.push({ field: `${name}.${key}`, value: n[key] ?? null });
      }
    } else if (!sameJson(old, now)) {
      changes.push({ field: name, value: now ?? null });
    }
  }
  return changes;
}

/** The record with one field change applied; a null map entry removes the entry. */
export function applyField(record: Row, field: string, value: Json): Row {
  const { name, key } = splitField(field);
  if (key === null) return { ...record, [name]: value };
  const map = { ...((record[name] ?? {}) as Row) };
  if (value === null) delete map[key];
  else map[key] = value;
  return { ...record, [name]: map };
}
