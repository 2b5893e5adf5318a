import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SYNCED_TABLES, applyField, changeSchema, diffRecord, fieldPathSchema, isSyncedTable } from '../../src/sync/index.ts';
import type { SyncedTable } from '../../src/sync/index.ts';
import { PARTENAIRES } from '../../src/domain/index.ts';

type Row = Record<string, unknown>;

/** The same value with every object's keys in reverse order. */
const clesInversees = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(clesInversees)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, clesInversees(x)]),
        )
      : v;

const ID = '0190a000-0000-7000-8000-000000000001';
const arbUuid = fc.uuid({ version: 7 });
const arbDate = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const arbTexte = fc.string({ maxLength: 20 });
const arbCle = fc.oneof(
  fc.constantFrom('logement.loyer', 'logement.typologie', 'souhaits.typologie', 'mobilite.conditions', 'consentement.paroleMenage'),
  fc.tuple(arbUuid, fc.constantFrom(1, 2, 3), fc.constantFrom('salaire', 'exceptionnel')).map(([p, m, n]) => `ressources.${p}.${m}.${n}`),
);
const arbReponse = fc.record(
  { valeur: fc.oneof(arbTexte, fc.array(fc.constantFrom('T1', 'T2', 'T3', 'eau'), { maxLength: 3 })), nsp: fc.boolean() },
  { requiredKeys: ['valeur'] },
);
// A tombstone, once written, stays a boolean: `supprime` is never removed from a stored record.
const arbSupprime = fc.option(fc.boolean(), { nil: undefined });

const arbEntretien = fc.record({
  id: fc.constant(ID),
  menageId: arbUuid,
  date: arbDate,
  type: fc.constantFrom('premier', 'suivi'),
  statut: fc.constantFrom('brouillon', 'termine'),
  reponses: fc.dictionary(arbCle, arbReponse, { maxKeys: 8 }),
  termineLe: fc.option(arbDate, { nil: null }),
  precedentId: fc.option(arbUuid, { nil: null }),
});

const arbAccord = fc.record({ accorde: fc.boolean(), date: arbDate });
const arbMenage = fc.record({
  id: fc.constant(ID),
  residenceId: arbUuid,
  referentId: fc.option(arbUuid, { nil: null }),
  binomeId: fc.option(arbUuid, { nil: null }),
  reference: arbTexte,
  nom: arbTexte,
  adresse: arbTexte,
  logement: arbTexte,
  telephone: arbTexte,
  type: fc.constantFrom('locataire_social', 'foyer'),
  statut: fc.constantFrom('a_rencontrer', 'entretien', 'reloge'),
  referent: arbTexte,
  binome: arbTexte,
  consentements: fc.dictionary(fc.constantFrom(...PARTENAIRES), arbAccord, { maxKeys: PARTENAIRES.length }),
  refusConsentement: fc.option(fc.record({ signeLe: arbDate }), { nil: null }),
  dernierContact: fc.option(arbDate, { nil: null }),
  creeLe: arbDate,
});

const arbPersonne = fc.record({
  id: fc.constant(ID),
  menageId: arbUuid,
  prenom: arbTexte,
  nom: arbTexte,
  lien: fc.constantFrom('titulaire', 'enfant', 'heberge'),
  sexe: fc.constantFrom('F', 'M', null),
  dateNaissance: fc.oneof(arbDate, fc.constant('')),
  activite: fc.constantFrom('salarie', 'retraite', null),
  hebergeDepuis: fc.oneof(arbDate, fc.constant('')),
  handicap: fc.boolean(),
  souhaitDecohabitation: fc.boolean(),
});

/** Two valid records of one table; the later one may add a tombstone but never drops it. */
function paire(table: SyncedTable, arb: fc.Arbitrary<Row>) {
  return fc.tuple(arb, arb, arbSupprime, arbSupprime).map(([a, b, sa, sb]) => {
    const avant: Row = sa === undefined ? a : { ...a, supprime: sa };
    const apres: Row = sb === undefined && sa === undefined ? b : { ...b, supprime: sb ?? sa };
    return { table, avant: SYNCED_TABLES[table].schema.parse(avant) as Row, apres: SYNCED_TABLES[table].schema.parse(apres) as Row };
  });
}

const appliquer = (record: Row, changes: readonly { field: string; value: unknown }[]) =>
  changes.reduce((r, c) => applyField(r, c.field, c.value), record);

const cas = [
  ['entretiens', arbEntretien],
  ['menages', arbMenage],
  ['personnes', arbPersonne],
] as const;

describe.each(cas)('diffRecord / applyField on %s', (table, arb) => {
  it('applying diffRecord(a, b) to a gives b, a valid record', () => {
    fc.assert(
      fc.property(paire(table, arb), ({ avant, apres }) => {
        const resultat = appliquer(avant, diffRecord(table, avant, apres));
        expect(resultat).toStrictEqual(apres);
        expect(SYNCED_TABLES[table].schema.safeParse(resultat).success).toBe(true);
      }),
    );
  });

  it('the changes are independent: any order gives b', () => {
    fc.assert(
      fc.property(paire(table, arb), fc.func(fc.integer()), ({ avant, apres }, f) => {
        const changes = diffRecord(table, avant, apres);
        const melangees = changes
          .map((c, i) => ({ c, k: f(i) }))
          .sort((x, y) => x.k - y.k)
          .map(({ c }) => c);
        expect(appliquer(avant, melangees)).toStrictEqual(apres);
      }),
    );
  });

  it('equal records have an empty diff', () => {
    fc.assert(
      fc.property(paire(table, arb), ({ avant }) => {
        expect(diffRecord(table, avant, structuredClone(avant))).toEqual([]);
      }),
    );
  });

  it('a record whose object keys come back in another order (as jsonb returns them) has an empty diff', () => {
    fc.assert(
      fc.property(paire(table, arb), ({ avant }) => {
        expect(diffRecord(table, avant, clesInversees(avant) as Row)).toEqual([]);
      }),
    );
  });

  it('a new record is its fields: applied to an empty one and read with the schema, it gives b', () => {
    fc.assert(
      fc.property(paire(table, arb), ({ apres }) => {
        const changes = diffRecord(table, undefined, apres);
        expect(changes.some((c) => c.field === 'id')).toBe(false);
        // An empty map sends no change: the schema's default brings it back on the other side.
        expect(SYNCED_TABLES[table].schema.parse(appliquer({ id: apres.id }, changes))).toStrictEqual(apres);
      }),
    );
  });

  it('every change is a valid change message field and value', () => {
    fc.assert(
      fc.property(paire(table, arb), ({ avant, apres }) => {
        for (const { field, value } of diffRecord(table, avant, apres)) {
          expect(fieldPathSchema.safeParse(field).success).toBe(true);
          expect(changeSchema.shape.value.safeParse(value).success).toBe(true);
        }
      }),
    );
  });
});

describe('map fields are merged entry by entry', () => {
  const base = { id: ID, reponses: { 'logement.loyer': { valeur: '400' }, 'logement.charges': { valeur: '80' } } };

  it('one answer changed is one change, keyed by the answer’s full key', () => {
    expect(diffRecord('entretiens', base, { ...base, reponses: { ...base.reponses, 'logement.loyer': { valeur: '420' } } })).toEqual([
      { field: 'reponses.logement.loyer', value: { valeur: '420' } },
    ]);
  });

  it('a removed answer is sent as null and removed when applied', () => {
    const changes = diffRecord('entretiens', base, { ...base, reponses: { 'logement.charges': { valeur: '80' } } });
    expect(changes).toEqual([{ field: 'reponses.logement.loyer', value: null }]);
    expect(applyField(base, 'reponses.logement.loyer', null)).toEqual({ id: ID, reponses: { 'logement.charges': { valeur: '80' } } });
  });

  it('two devices answering different questions both keep their answer', () => {
    const a = diffRecord('entretiens', base, { ...base, reponses: { ...base.reponses, 'logement.loyer': { valeur: '420' } } });
    const b = diffRecord('entretiens', base, { ...base, reponses: { ...base.reponses, 'souhaits.communes': { valeur: 'Exempleville' } } });
    expect(appliquer(base, [...a, ...b]).reponses).toEqual({
      'logement.loyer': { valeur: '420' },
      'logement.charges': { valeur: '80' },
      'souhaits.communes': { valeur: 'Exempleville' },
    });
  });

  it('consentements are merged partner by partner', () => {
    const m = { id: ID, consentements: { caf: { accorde: true, date: '2026-03-01' } } };
    expect(diffRecord('menages', m, { ...m, consentements: { ...m.consentements, ville: { accorde: true, date: '2026-03-02' } } })).toEqual(
      [{ field: 'consentements.ville', value: { accorde: true, date: '2026-03-02' } }],
    );
  });

  it('a new interview without answers, rebuilt from its changes, is a valid interview', () => {
    const nouveau = {
      id: ID,
      menageId: ID,
      date: '2026-03-15',
      type: 'premier',
      statut: 'brouillon',
      reponses: {},
      termineLe: null,
      precedentId: null,
    };
    const changes = diffRecord('entretiens', undefined, nouveau);
    expect(changes.map((c) => c.field)).not.toContain('reponses');
    expect(SYNCED_TABLES.entretiens.schema.safeParse(appliquer({ id: ID }, changes))).toMatchObject({ success: true, data: nouveau });
  });

  it('applying to a record without the map creates it', () => {
    expect(applyField({ id: ID }, 'reponses.logement.loyer', { valeur: '1' })).toEqual({
      id: ID,
      reponses: { 'logement.loyer': { valeur: '1' } },
    });
  });

  it('applyField never mutates its input', () => {
    const copie = structuredClone(base);
    applyField(base, 'reponses.logement.loyer', null);
    applyField(base, 'date', '2026-01-01');
    expect(base).toEqual(copie);
  });
});

describe('the registry', () => {
  it('knows the synced tables and nothing else', () => {
    expect(isSyncedTable('entretiens')).toBe(true);
    expect(isSyncedTable('outbox')).toBe(false);
    expect(isSyncedTable('toString')).toBe(false);
  });

  it('declares map fields that exist in the schemas', () => {
    for (const [table, def] of Object.entries(SYNCED_TABLES)) {
      for (const champ of def.mapFields) expect(Object.keys(def.schema.shape), `${table}.${champ}`).toContain(champ);
    }
  });
});
