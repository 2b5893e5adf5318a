import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DigestBuilder, divergentBuckets, fieldHash, md5Hex } from '../../src/sync/index.ts';

// The divergence digest (docs/sync.md, « Empreintes et réparation »): the device's MD5 must be
// PostgreSQL's (`md5()` on UTF-8 text, checked against node:crypto here and against the server in
// test/server/empreinte.test.ts), and a bucket's digest must not depend on the order of reading.

const field = fc.record({
  table: fc.constantFrom('menages', 'personnes', 'entretiens', 'parametres'),
  recordId: fc.uuid(),
  field: fc.constantFrom('nom', 'telephone', 'reponses.logement.loyer', 'consentements.bailleurs', 'supprime'),
  hlc: fc.string({ minLength: 1, maxLength: 40 }),
});

describe('the divergence digest', () => {
  it('hashes any text, accents and astral characters included, as MD5 over its UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(md5Hex(text)).toBe(createHash('md5').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 500 },
    );
  });

  it('folds a bucket to the same digest whatever the order the fields are read in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(field, { selector: (f) => `${f.table}/${f.recordId}/${f.field}`, maxLength: 40 }),
        fc.integer(),
        (fields, seed) => {
          const melange = [...fields].sort((a, b) =>
            (fieldHash(a.table, a.recordId, a.field, a.hlc) ^ BigInt(seed)) <
            (fieldHash(b.table, b.recordId, b.field, b.hlc) ^ BigInt(seed))
              ? -1
              : 1,
          );
          const dans = (liste: typeof fields) => {
            const empreinte = new DigestBuilder();
            for (const f of liste) empreinte.add(f.table, f.recordId, f.field, f.hlc);
            return empreinte.result();
          };
          expect(divergentBuckets(dans(fields), dans(melange))).toEqual([]);
        },
      ),
    );
  });

  it('names the bucket of a field whose clock differs, is missing or is extra, unless told to skip it', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(field, { selector: (f) => `${f.table}/${f.recordId}/${f.field}`, minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.constantFrom('horloge', 'manquant'),
        (fields, n, faute) => {
          const touche = fields[n % fields.length]!;
          const serveur = new DigestBuilder();
          const appareil = new DigestBuilder();
          for (const f of fields) {
            serveur.add(f.table, f.recordId, f.field, f.hlc);
            if (f !== touche) appareil.add(f.table, f.recordId, f.field, f.hlc);
            else if (faute === 'horloge') appareil.add(f.table, f.recordId, f.field, `${f.hlc}!`);
          }
          const seau = `${touche.table}:${touche.recordId.slice(0, 1)}`;
          expect(divergentBuckets(appareil.result(), serveur.result())).toEqual([seau]);
          expect(divergentBuckets(serveur.result(), appareil.result())).toEqual([seau]);
          expect(divergentBuckets(appareil.result(), serveur.result(), new Set([seau]))).toEqual([]);
        },
      ),
    );
  });
});
