import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { RelogementDb, VERSIONS } from '../../src/data/db.ts';
import { CLE_FORMAT_RESUMES, FORMAT_RESUMES } from '../../src/data/resume.ts';
import { cleTri, resumeDe } from '../../src/data/resume-calcul.ts';
import type { ResumeBase } from '../../src/data/resume.ts';
import type { OutboxRow } from '../../src/data/db.ts';
import { lireResumes, modifierMenage, rechercherMenages } from '../../src/data/index.ts';
import { separer } from '../../src/data/meta-champs.ts';
import { CHAMPS_PILOTAGE, genererDemo } from '../../src/domain/index.ts';
import { lireOffresPilotage } from '../../src/data/offres-pilotage.ts';
import { ORGANISATION_A } from '../fixtures/pilotage.ts';
import { formatHlc } from '../../src/sync/index.ts';
import { jourDeLAppareil, nomUnique } from './base.ts';

// docs/donnees.md §3: each version has a test that opens a database filled with the previous
// version's data.
const AUJOURDHUI = '2026-03-15';
const noms: string[] = [];
afterEach(async () => {
  for (const nom of noms.splice(0)) await Dexie.delete(nom);
});

function donnees() {
  let n = 0;
  const nouvelId = () => `0190a000-0000-7000-8000-${(++n).toString(16).padStart(12, '0')}`;
  const demo = genererDemo({ nombre: 12, graine: 7, aujourdhui: AUJOURDHUI, nouvelId });
  const retire = { ...demo.personnes[0]!, id: nouvelId(), prenom: 'Retiré', supprime: true };
  const outbox: OutboxRow[] = demo.menages.map((m, i) => ({
    changeId: nouvelId(),
    table: 'menages',
    recordId: m.id,
    field: 'nom',
    value: m.nom,
    hlc: formatHlc({ millis: Date.UTC(2026, 2, 15, 9, 0, i), counter: 0, node: '0123456789abcdef' }),
    baseSeq: null,
  }));
  return { ...demo, personnes: [...demo.personnes, retire], outbox };
}

/** Inside a transaction of a database of any version: the records every version has, and pending changes. */
async function ajouterDonnees(db: RelogementDb, d: ReturnType<typeof donnees>) {
  await db.operations.add(d.operation);
  await db.residences.add(d.residence);
  await db.menages.bulkAdd(d.menages);
  await db.personnes.bulkAdd(d.personnes);
  await db.entretiens.bulkAdd(d.entretiens);
  await db.outbox.bulkAdd(d.outbox);
}

describe('migration from version 1', () => {
  it('loses no record and builds the v2 caseload summaries', async () => {
    const nom = nomUnique('migration');
    noms.push(nom);
    const d = donnees();

    const v1 = new RelogementDb(nom, VERSIONS.slice(0, 1));
    await v1.transaction('rw', [v1.operations, v1.residences, v1.menages, v1.personnes, v1.entretiens, v1.outbox, v1.meta, v1.reprises], async () => {
      await ajouterDonnees(v1, d);
      await v1.meta.put({ key: 'clock', value: { millis: Date.UTC(2026, 2, 15, 9, 0, 59), counter: 0, node: '0123456789abcdef' } });
      await v1.reprises.put({ entretienId: d.entretiens[0]!.id, section: 'logement', champ: 'q-logement-loyer' });
    });
    expect(v1.verno).toBe(1);
    expect(v1.tables.map((t) => t.name)).not.toContain('resumes');
    v1.close();

    const db = new RelogementDb(nom);
    await db.open();
    try {
      expect(db.verno).toBe(VERSIONS.at(-1)!.numero);
      expect(await db.operations.toArray()).toEqual([d.operation]);
      expect(await db.residences.toArray()).toEqual([d.residence]);
      const parId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
      expect(parId(await db.menages.toArray())).toEqual(parId(d.menages));
      expect(parId(await db.personnes.toArray())).toEqual(parId(d.personnes));
      expect(parId(await db.entretiens.toArray())).toEqual(parId(d.entretiens));
      expect((await db.outbox.orderBy('seq').toArray()).map(({ seq: _seq, ...row }) => row)).toEqual(d.outbox);
      expect(await db.meta.get('clock')).toBeDefined();
      expect(await db.reprises.count()).toBe(1);

      const resumes = (await lireResumes(db, d.menages.map((m) => m.id))).filter((r) => r !== undefined);
      expect(resumes).toHaveLength(d.menages.length);
      for (const m of d.menages) {
        const [r] = await lireResumes(db, [m.id]);
        const personnes = d.personnes.filter((p) => p.menageId === m.id && !p.supprime);
        const entretiens = d.entretiens.filter((e) => e.menageId === m.id);
        expect(r).toMatchObject({ id: m.id, residenceId: m.residenceId, statut: m.statut, nom: m.nom, reference: m.reference, occupants: personnes.length, supprime: false });
        expect(r?.entretienEnCours).toBe(entretiens.some((e) => e.statut === 'brouillon'));
        expect(r?.premierEntretienTermineLe).toBe(entretiens.find((e) => e.statut === 'termine')?.date ?? null);
        for (const p of personnes) expect(r?.texte).toContain(p.prenom.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
      }
      expect(resumes.some((r) => r.texte.includes('retire'))).toBe(false);

      // The caseload works at once on the migrated data.
      expect((await rechercherMenages(db, { texte: '', residenceId: d.residence.id, statut: null, alerte: null }, AUJOURDHUI)).total).toBe(d.menages.length);
    } finally {
      db.close();
    }
  });

  it('an empty version 1 database upgrades to an empty caseload', async () => {
    const nom = nomUnique('migration-vide');
    noms.push(nom);
    const v1 = new RelogementDb(nom, VERSIONS.slice(0, 1));
    await v1.open();
    v1.close();
    const db = new RelogementDb(nom);
    await db.open();
    expect(await db.resumes.count()).toBe(0);
    expect(await db.paquetsResumes.count()).toBe(0);
    db.close();
  });
});

describe('every released version opens on the current one without losing a record', () => {
  it.each(VERSIONS.slice(0, -1).map((v, i) => [v.numero, i + 1] as const))('from version %i', async (_numero, combien) => {
    const nom = nomUnique('migration-suite');
    noms.push(nom);
    const d = donnees();
    const ancienne = new RelogementDb(nom, VERSIONS.slice(0, combien));
    await ancienne.open();
    await ancienne.transaction('rw', ancienne.tables, async () => {
      await ajouterDonnees(ancienne, d);
      if (ancienne.tables.some((t) => t.name === 'resumes')) {
        const base = d.menages.map((m) => resumeDe(m, d.personnes.filter((p) => p.menageId === m.id), d.entretiens.filter((e) => e.menageId === m.id)));
        // From version 6 on, summaries have their sort key and figures, undated until computed.
        const resumes = ancienne.verno >= 6 ? base.map((r) => ({ ...r, cleTri: cleTri(r.nom), dossier: null, vigilance: [], delais: [], calculeLe: '' })) : base;
        await ancienne.table<ResumeBase>('resumes').bulkAdd(resumes);
      }
    });
    ancienne.close();

    const db = new RelogementDb(nom);
    await db.open();
    try {
      expect(db.verno).toBe(VERSIONS.at(-1)!.numero);
      expect(await db.menages.count()).toBe(d.menages.length);
      expect(await db.personnes.count()).toBe(d.personnes.length);
      expect(await db.entretiens.count()).toBe(d.entretiens.length);
      expect(await db.outbox.count()).toBe(d.outbox.length);
      expect((await lireResumes(db, d.menages.map((m) => m.id))).filter((r) => r !== undefined)).toHaveLength(d.menages.length);
      expect((await rechercherMenages(db, { texte: '', residenceId: null, statut: null, alerte: null }, AUJOURDHUI)).ensemble).toBe(d.menages.length);
    } finally {
      db.close();
    }
  });
});

describe('migration from version 5', () => {
  it('gives the summaries their sort key at once, and their dossier and clocks in the background', async () => {
    jourDeLAppareil(AUJOURDHUI);
    const nom = nomUnique('migration-v5');
    noms.push(nom);
    const d = donnees();
    const v5 = new RelogementDb(nom, VERSIONS.filter((v) => v.numero <= 5));
    await v5.transaction('rw', v5.tables, async () => {
      await v5.residences.add(d.residence);
      await v5.menages.bulkAdd(d.menages);
      await v5.personnes.bulkAdd(d.personnes);
      await v5.entretiens.bulkAdd(d.entretiens);
      await v5.table<ResumeBase>('resumes').bulkAdd(d.menages.map((m) => resumeDe(m, d.personnes.filter((p) => p.menageId === m.id), d.entretiens.filter((e) => e.menageId === m.id))));
    });
    v5.close();

    // Opened by today's code, which computes the summaries from today's tables: through version 6's upgrade to the last.
    const db = new RelogementDb(nom);
    await db.open();
    try {
      expect(db.verno).toBe(VERSIONS.at(-1)!.numero);
      expect(await db.meta.get(CLE_FORMAT_RESUMES)).toBeUndefined();
      const tous = { texte: '', residenceId: null, statut: null, alerte: null };
      const parNom = [...d.menages].map((m) => m.nom).sort((a, b) => a.localeCompare(b, 'fr'));
      expect((await rechercherMenages(db, tous, AUJOURDHUI)).lignes.map((l) => l.nom)).toEqual(parNom);
      await vi.waitFor(async () => expect(await db.meta.get(CLE_FORMAT_RESUMES)).toEqual({ key: CLE_FORMAT_RESUMES, value: FORMAT_RESUMES }), { timeout: 10_000 });
      const lignes = (await rechercherMenages(db, tous, AUJOURDHUI)).lignes;
      expect(lignes.map((l) => l.nom)).toEqual(parNom);
      for (const l of lignes) expect(l).toMatchObject({ calculeLe: AUJOURDHUI, dossier: { completude: expect.any(Number) }, vigilance: [], delais: [] });
    } finally {
      db.close();
    }
  });
});
describe('migration to version 7', () => {
  it('moves each field’s sync state into its record’s row, so the next edit still says which version it was made over', async () => {
    const nom = nomUnique('migration-meta');
    noms.push(nom);
    const d = donnees();
    const [menage] = d.menages;
    const entretien = d.entretiens.find((e) => e.menageId === menage!.id)!;
    const hlc = formatHlc({ millis: Date.UTC(2026, 2, 15, 9, 0, 0), counter: 0, node: '0123456789abcdef' });
    const ancienne = new RelogementDb(nom, VERSIONS.filter((v) => v.numero < 7));
    await ancienne.open();
    await ancienne.transaction('rw', ancienne.tables, async () => {
      await ancienne.menages.add(menage!);
      await ancienne.entretiens.add(entretien);
      await ancienne.table('fieldMeta').bulkAdd([
        { key: `menages|${menage!.id}|nom`, hlc, seq: 12 },
        { key: `menages|${menage!.id}|adresse`, hlc, seq: null },
        { key: `entretiens|${entretien.id}|reponses.logement.loyer`, hlc, seq: 40 },
      ]);
    });
    ancienne.close();

    const db = new RelogementDb(nom);
    await db.open();
    try {
      expect(db.tables.map((t) => t.name)).not.toContain('fieldMeta');
      expect(separer(await db.menages.get(menage!.id))).toEqual({ record: menage, meta: { nom: { hlc, seq: 12 }, adresse: { hlc, seq: null } } });
      expect(separer(await db.entretiens.get(entretien.id)).meta).toEqual({ 'reponses.logement.loyer': { hlc, seq: 40 } });
      await modifierMenage(db, menage!.id, { nom: 'Famille renommée' });
      expect(await db.outbox.toArray()).toMatchObject([{ recordId: menage!.id, field: 'nom', value: 'Famille renommée', baseSeq: 12 }]);
    } finally {
      db.close();
    }
  });
});
describe('migration to version 9', () => {
  it('sends again the changes an earlier version set aside without showing them, in their order', async () => {
    const nom = nomUnique('migration-refusees');
    noms.push(nom);
    const d = donnees();
    const ancienne = new RelogementDb(nom, VERSIONS.filter((v) => v.numero < 9));
    await ancienne.open();
    const [premiere, seconde, ...enAttente] = d.outbox;
    await ancienne.transaction('rw', ancienne.tables, async () => {
      await ancienne.outbox.bulkAdd(enAttente);
      // As version 8's engine kept them: outbox rows with their seq, and the server's reason.
      await ancienne.meta.put({ key: 'changesRefusees', value: [{ ...seconde!, seq: 2, erreur: 'Les données de référence…' }, { ...premiere!, seq: 1, erreur: 'Accès refusé.' }] });
    });
    ancienne.close();

    const db = new RelogementDb(nom);
    await db.open();
    try {
      expect(await db.meta.get('changesRefusees')).toBeUndefined();
      expect(await db.refusees.count()).toBe(0);
      expect((await db.outbox.orderBy('seq').toArray()).map(({ seq: _seq, ...row }) => row)).toEqual([...enAttente, premiere, seconde]);
    } finally {
      db.close();
    }
  });
});

describe('migration from version 16', () => {
  it('lists at once the summaries stored one per row, then moves them into the rows of summaries in the background', async () => {
    jourDeLAppareil(AUJOURDHUI);
    const nom = nomUnique('migration-v16');
    noms.push(nom);
    const d = donnees();
    const v16 = new RelogementDb(nom, VERSIONS.filter((v) => v.numero <= 16));
    const resumes = d.menages.map((m) => ({
      ...resumeDe(m, d.personnes.filter((p) => p.menageId === m.id), d.entretiens.filter((e) => e.menageId === m.id)),
      cleTri: cleTri(m.nom),
      dossier: null,
      vigilance: [],
      delais: [],
      calculeLe: AUJOURDHUI,
    }));
    await v16.transaction('rw', v16.tables, async () => {
      await ajouterDonnees(v16, d);
      await v16.table('resumes').bulkAdd(resumes);
      await v16.meta.put({ key: CLE_FORMAT_RESUMES, value: FORMAT_RESUMES });
    });
    v16.close();

    const db = new RelogementDb(nom);
    await db.open();
    try {
      const tous = { texte: '', residenceId: null, statut: null, alerte: null };
      const parNom = [...d.menages].map((m) => m.nom).sort((a, b) => a.localeCompare(b, 'fr'));
      expect((await rechercherMenages(db, tous, AUJOURDHUI)).lignes.map((l) => l.nom)).toEqual(parNom);
      await vi.waitFor(async () => expect(await db.resumes.count()).toBe(0), { timeout: 10_000 });
      expect((await db.paquetsResumes.toArray()).flatMap((p) => p.resumes).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        [...resumes].sort((a, b) => a.id.localeCompare(b.id)),
      );
      expect((await rechercherMenages(db, tous, AUJOURDHUI)).lignes.map((l) => l.nom)).toEqual(parNom);
    } finally {
      db.close();
    }
  });
});

describe('migration to version 21', () => {
  it('keeps the offers; « Pilotage » reads them whole until their rows are built in the background, then from the rows', async () => {
    const nom = nomUnique('migration-v19');
    noms.push(nom);
    const v19 = new RelogementDb(nom, VERSIONS.filter((v) => v.numero <= 19));
    await v19.offres.bulkPut([...ORGANISATION_A.offres]);
    v19.close();

    const db = new RelogementDb(nom);
    await db.open();
    try {
      expect(await db.offres.toArray()).toEqual([...ORGANISATION_A.offres].sort((a, b) => a.id.localeCompare(b.id)));
      expect(await db.offresPilotage.count()).toBe(0);
      const lues = (await lireOffresPilotage(db)).map((o) => o.id).sort();
      expect(lues).toEqual(ORGANISATION_A.offres.map((o) => o.id).sort());
      await vi.waitFor(async () => expect(await db.offresPilotage.count()).toBe(16), { timeout: 10_000 });
      const cles = [...CHAMPS_PILOTAGE.offres];
      const attendues = ORGANISATION_A.offres.map((o) => Object.fromEntries(cles.map((c) => [c, o[c]])));
      const parId = (xs: readonly { id: string }[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
      expect(parId(await lireOffresPilotage(db))).toEqual(parId(attendues as { id: string }[]));
    } finally {
      db.close();
    }
  });
});
