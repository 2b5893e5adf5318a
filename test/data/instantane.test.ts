import { nouvelleBase } from './base.ts';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appliquerInstantane, creerMenage, lireCheckpoint, lireInstantane, modifierMenage } from '../../src/data/index.ts';
import { formatHlc } from '../../src/sync/index.ts';
import type { SnapshotResponse } from '../../src/sync/index.ts';

// A snapshot page on the tablet (docs/sync.md, « Instantané »): records written whole, except those
// with edits waiting for the server, merged field by field so the pending edits stay on top.

const SERVEUR = 'aaaaaaaaaaaaaaaa';
const avant = formatHlc({ millis: Date.UTC(2020, 0, 1), counter: 0, node: SERVEUR });
const apres = formatHlc({ millis: Date.UTC(2099, 0, 1), counter: 2, node: SERVEUR });

const page = (records: SnapshotResponse['records'], next: number | null): SnapshotResponse => ({
  records,
  conflicts: [],
  upto: 42,
  next,
  serverTime: new Date().toISOString(),
});

describe('appliquerInstantane', () => {
  it('keeps a pending edit over an older value, takes a newer one, writes the other records whole, then sets the checkpoint', async () => {
    const db = nouvelleBase();
    const residenceId = randomUUID();
    const local = await creerMenage(db, { residenceId, nom: 'Famille Diallo' }, '2026-03-15');
    const autreId = randomUUID();
    await appliquerInstantane(
      db,
      page([{ table: 'menages', recordId: local.id, hlc: apres, fields: { nom: ['Famille Martin', avant], telephone: ['06 01'] } }], 7),
      40,
    );
    expect(await lireInstantane(db)).toEqual({ upto: 40, next: 7 });
    expect(await lireCheckpoint(db)).toBe(0);
    const fusionne = await db.menages.get(local.id);
    expect(fusionne?.nom).toBe('Famille Diallo');
    expect(fusionne?.telephone).toBe('06 01');

    // 1 count before the record's clock: same device, same day.
    await appliquerInstantane(
      db,
      page([{ table: 'menages', recordId: autreId, hlc: apres, fields: { nom: ['Famille Benali', 1], residenceId: [residenceId] } }], null),
      40,
    );
    const entier = (await db.menages.get(autreId)) as unknown as { nom: string; _sync: Record<string, { hlc: string; seq: number }> };
    expect(entier.nom).toBe('Famille Benali');
    expect(entier._sync.nom).toEqual({ hlc: formatHlc({ millis: Date.UTC(2099, 0, 1), counter: 1, node: SERVEUR }), seq: 42 });
    expect(entier._sync.residenceId).toEqual({ hlc: apres, seq: 42 });
    expect(await lireInstantane(db)).toBeNull();
    expect(await lireCheckpoint(db)).toBe(40);
  });

  it('moves the local clock past the real clocks of a record whose greatest clock is impossible, so a later edit wins over them', async () => {
    const db = nouvelleBase();
    const residenceId = randomUUID();
    const id = randomUUID();
    // Stored before servers checked clocks: it sorts after every real clock (src/sync/hlc.ts, `isRealHlc`).
    const impossible = '9999-99-99T99:99:99.999Z-0000-aaaaaaaaaaaaaaaa';
    await appliquerInstantane(
      db,
      page([{ table: 'menages', recordId: id, hlc: impossible, fields: { nom: ['Famille Benali'], creeLe: ['2026-03-15', avant], telephone: ['06 02', apres], residenceId: [residenceId, avant] } }], null),
      40,
    );
    await modifierMenage(db, id, { telephone: '06 03' });
    const [envoi] = await db.outbox.toArray();
    expect(envoi?.value).toBe('06 03');
    expect(envoi!.hlc > apres).toBe(true);
  });
});
