import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ajouterPages,
  ajouterPersonne,
  appliquerPage,
  rafraichirResumesRecus,
  chargerDemo,
  dossierDuMenage,
  creerMenage,
  creerOperation,
  creerResidence,
  enregistrerParametres,
  enregistrerReponse,
  modifierMenage,
  ouvrirEntretien,
  rechercherMenages,
  retirerPersonne,
  terminerEntretien,
} from '../../src/data/index.ts';
import type { FiltreMenages, RelogementDb } from '../../src/data/index.ts';
import { REGLAGES_DOSSIER_PAR_DEFAUT } from '../../src/domain/index.ts';
import { formatHlc } from '../../src/sync/index.ts';
import type { PulledRecord } from '../../src/sync/index.ts';
import { lireResumes } from '../../src/data/index.ts';
import { NOMBRE_PAQUETS, paquetDe } from '../../src/data/paquets-resumes.ts';
import { reponsesCompletes } from '../domain/fixtures.ts';
import { jourDeLAppareil, nouvelleBase } from './base.ts';

const AUJOURDHUI = '2026-05-01';
const tous: FiltreMenages = { texte: '', residenceId: null, statut: null, alerte: null };
const jpeg = (n: number) => new Blob([new Uint8Array([0xff, 0xd8, 0xff, n, n + 1, n + 2])], { type: 'image/jpeg' });

beforeEach(() => jourDeLAppareil(AUJOURDHUI));

/** Two résidences, four households to follow and one removed. */
async function portefeuille(db: RelogementDb) {
  const operation = await creerOperation(db, { nom: 'NPNRU Test', commune: 'Exempleville', territoire: '' });
  const tilleuls = await creerResidence(db, { operationId: operation.id, nom: 'Les Tilleuls', adresse: '', commune: '', bailleur: '', dateOuverture: '2026-01-10' });
  const acacias = await creerResidence(db, { operationId: operation.id, nom: 'Les Acacias', adresse: '', commune: '', bailleur: '', dateOuverture: '2026-03-01' });

  // Never met, nothing since the opening: both alerts.
  const benali = await creerMenage(db, { residenceId: tilleuls.id, nom: 'Famille Benali', reference: 'TIL-0001', adresse: '3 rue des Lilas' }, '2026-01-15');
  await ajouterPersonne(db, benali.id, { prenom: 'Aïcha', nom: 'Benali', lien: 'titulaire', dateNaissance: '1980-05-12' });

  // First interview completed on 20 February: up to date with a 3-month cadence.
  const lefevre = await creerMenage(db, { residenceId: tilleuls.id, nom: 'Famille Lefèvre', reference: 'TIL-0002', adresse: '5 avenue Jean Jaurès', statut: 'entretien' }, '2026-01-15');
  const helene = await ajouterPersonne(db, lefevre.id, { prenom: 'Hélène', nom: 'Lefèvre', lien: 'titulaire', dateNaissance: '1975-09-30' });
  const avecAccord = await modifierMenage(db, lefevre.id, { consentements: { bailleurs: { accorde: true, date: '2026-02-20' } } });
  const entretien = await ouvrirEntretien(db, lefevre.id, '2026-02-20');
  for (const [cle, r] of Object.entries(reponsesCompletes([helene]))) await enregistrerReponse(db, entretien.id, cle, r);
  const fin = await terminerEntretien(db, entretien.id, { menage: avecAccord, personnes: [helene], aujourdhui: '2026-02-20', datePrecedent: null });
  expect(fin.ok).toBe(true);

  // Relocated: never chased.
  const nguyen = await creerMenage(db, { residenceId: acacias.id, nom: 'Famille Nguyen', reference: 'ACA-0001', adresse: '12 rue des Lilas', statut: 'reloge' }, '2026-03-02');

  // Opened on 1 March (first interviews due 1 June) but last contact on 20 January.
  const diallo = await creerMenage(db, { residenceId: acacias.id, nom: 'Famille Diallo', reference: 'ACA-0002', adresse: '14 rue des Lilas', dernierContact: '2026-01-20' }, '2026-03-02');
  await ajouterPersonne(db, diallo.id, { prenom: 'Mamadou', nom: 'Diallo', lien: 'titulaire', dateNaissance: '1970-01-01' });

  const retire = await creerMenage(db, { residenceId: tilleuls.id, nom: 'Famille Retirée', reference: 'TIL-0099' }, '2026-01-15');
  await modifierMenage(db, retire.id, { supprime: true });

  return { tilleuls, acacias, benali, lefevre, nguyen, diallo };
}

const noms = async (db: RelogementDb, filtre: Partial<FiltreMenages>) => (await rechercherMenages(db, { ...tous, ...filtre }, AUJOURDHUI)).lignes.map((l) => l.nom);

describe('rechercherMenages: the caseload', () => {
  it('lists every household followed, by name, with its alerts and counts', async () => {
    const db = nouvelleBase();
    const { benali, lefevre, nguyen, diallo } = await portefeuille(db);
    const r = await rechercherMenages(db, tous, AUJOURDHUI);
    expect(r.lignes.map((l) => [l.id, l.alertes])).toEqual([
      [benali.id, ['premier_entretien_en_retard', 'contact_en_retard']],
      [diallo.id, ['contact_en_retard']],
      [lefevre.id, []],
      [nguyen.id, []],
    ]);
    expect(r).toMatchObject({ total: 4, ensemble: 4, compteurs: { premier_entretien_en_retard: 1, contact_en_retard: 2 } });
    expect(r.lignes.find((l) => l.id === benali.id)).toMatchObject({ occupants: 1, entretienEnCours: false, premierEntretienTermineLe: null });
    expect(r.lignes.find((l) => l.id === lefevre.id)).toMatchObject({ occupants: 1, premierEntretienTermineLe: '2026-02-20', dernierContact: '2026-02-20' });
  });

  it.each([
    ['benali', ['Famille Benali']],
    ['BENALI', ['Famille Benali']],
    ['aicha', ['Famille Benali']],
    ['Aïcha', ['Famille Benali']],
    ['helene', ['Famille Lefèvre']],
    ['lefevre', ['Famille Lefèvre']],
    ['jaures', ['Famille Lefèvre']],
    ['rue des lilas', ['Famille Benali', 'Famille Diallo', 'Famille Nguyen']],
    ['lilas aca', ['Famille Diallo', 'Famille Nguyen']],
    ['til-0002', ['Famille Lefèvre']],
    ['  mamadou  ', ['Famille Diallo']],
    ['retirée', []],
    ['personne', []],
  ])('finds %j by name, address, reference or occupant, accents and case aside', async (texte, attendus) => {
    const db = nouvelleBase();
    await portefeuille(db);
    expect(await noms(db, { texte })).toEqual(attendus);
  });

  it('filters by résidence, status and alert; counts the alerts of what is shown', async () => {
    const db = nouvelleBase();
    const { acacias, tilleuls } = await portefeuille(db);
    expect(await noms(db, { residenceId: acacias.id })).toEqual(['Famille Diallo', 'Famille Nguyen']);
    expect(await noms(db, { statut: 'reloge' })).toEqual(['Famille Nguyen']);
    expect(await noms(db, { alerte: 'contact_en_retard' })).toEqual(['Famille Benali', 'Famille Diallo']);
    expect(await noms(db, { alerte: 'premier_entretien_en_retard' })).toEqual(['Famille Benali']);
    expect(await noms(db, { residenceId: tilleuls.id, texte: 'lilas' })).toEqual(['Famille Benali']);
    const r = await rechercherMenages(db, { ...tous, residenceId: tilleuls.id }, AUJOURDHUI);
    expect(r).toMatchObject({ total: 2, ensemble: 4, compteurs: { premier_entretien_en_retard: 1, contact_en_retard: 1 } });
  });

  it('follows the territory’s contact cadence when it is changed to 2 months', async () => {
    const db = nouvelleBase();
    await portefeuille(db);
    await enregistrerParametres(db, { cadenceContactMois: 2 });
    expect(await noms(db, { alerte: 'contact_en_retard' })).toEqual(['Famille Benali', 'Famille Diallo', 'Famille Lefèvre']);
  });

  it('a contact noted today clears the contact alert', async () => {
    const db = nouvelleBase();
    const { diallo } = await portefeuille(db);
    await modifierMenage(db, diallo.id, { dernierContact: AUJOURDHUI });
    expect(await noms(db, { alerte: 'contact_en_retard' })).toEqual(['Famille Benali']);
  });

  it('finds a household by an occupant added later, and no longer by one removed', async () => {
    const db = nouvelleBase();
    const { nguyen } = await portefeuille(db);
    const p = await ajouterPersonne(db, nguyen.id, { prenom: 'Thị Lan', nom: 'Nguyễn', lien: 'titulaire' });
    expect(await noms(db, { texte: 'thi lan' })).toEqual(['Famille Nguyen']);
    expect(await noms(db, { texte: 'nguyen' })).toEqual(['Famille Nguyen']);
    await modifierMenage(db, nguyen.id, { nom: 'Famille Tran' });
    expect(await noms(db, { texte: 'tran' })).toEqual(['Famille Tran']);
    await retirerPersonne(db, p.id);
    expect(await noms(db, { texte: 'thi lan' })).toEqual([]);
  });
});

const ligneDe = async (db: RelogementDb, id: string) => (await rechercherMenages(db, tous, AUJOURDHUI)).lignes.find((l) => l.id === id);

/** Provides every piece of the household's checklist but `sauf` (kinds), on the device's day. */
async function fournirPieces(db: RelogementDb, menageId: string, sauf: readonly string[] = []) {
  const dossier = await dossierDuMenage(db, menageId, AUJOURDHUI);
  let n = 0;
  for (const l of dossier?.etat.lignes ?? []) {
    if (!sauf.includes(l.kind)) await ajouterPages(db, { menageId, kind: l.kind, personneId: l.personneId }, [{ blob: jpeg(++n), mime: 'image/jpeg' }], new Date().toISOString().slice(0, 10));
  }
}

/** Famille Diallo at the dossier step, every piece provided on 31 October 2025: valid until 30 April 2026 included. */
async function dossierFourniLe31Octobre(db: RelogementDb) {
  const { diallo } = await portefeuille(db);
  await modifierMenage(db, diallo.id, { statut: 'dossier' });
  jourDeLAppareil('2025-10-31');
  await fournirPieces(db, diallo.id);
  return diallo;
}

describe('the figures the caseload reads from the summaries', () => {
  it('shows a dossier missing a piece, with its completeness, until the piece is added', async () => {
    const db = nouvelleBase();
    const { benali, lefevre } = await portefeuille(db);
    await modifierMenage(db, benali.id, { statut: 'dossier' });
    await fournirPieces(db, benali.id, ['identite']);
    const attendue = (await dossierDuMenage(db, benali.id, AUJOURDHUI))?.etat.completude;
    expect(attendue).toBeGreaterThan(0);
    expect(attendue).toBeLessThan(100);
    expect(await ligneDe(db, benali.id)).toMatchObject({ alertes: ['premier_entretien_en_retard', 'contact_en_retard', 'dossier_a_completer'], dossier: { completude: attendue } });
    // Not chased before its dossier step, nor counted, though nothing is provided.
    expect(await ligneDe(db, lefevre.id)).toMatchObject({ alertes: [], dossier: { completude: 0, alerte: true, commence: false } });
    expect(await noms(db, { alerte: 'dossier_a_completer' })).toEqual(['Famille Benali']);

    await fournirPieces(db, benali.id, (await dossierDuMenage(db, benali.id, AUJOURDHUI))?.etat.lignes.filter((l) => l.kind !== 'identite').map((l) => l.kind));
    expect(await ligneDe(db, benali.id)).toMatchObject({ alertes: ['premier_entretien_en_retard', 'contact_en_retard'], dossier: { completude: 100, alerte: false } });
    expect((await rechercherMenages(db, { ...tous, alerte: 'dossier_a_completer' }, AUJOURDHUI)).compteurs.dossier_a_completer).toBe(0);
  });

  it('applies a pulled page carrying part of a household, and lists the household once the rest arrives', async () => {
    const db = nouvelleBase();
    const { tilleuls } = await portefeuille(db);
    const id = '0190a000-0000-7000-8000-00000000c0de';
    type Valeur = PulledRecord['fields'][string][0];
    const champ = (seq: number, field: string, value: Valeur): [string, PulledRecord['fields'][string]] => [field, [value, formatHlc({ millis: Date.now(), counter: seq, node: '0123456789abcdef' }), seq]];
    const page = (checkpoint: number, champs: ReturnType<typeof champ>[]) =>
      appliquerPage(db, { records: [{ table: 'menages', recordId: id, fields: Object.fromEntries(champs) }], conflicts: [], removed: [], checkpoint, hasMore: false, upto: checkpoint, serverTime: new Date().toISOString() }).then(() => rafraichirResumesRecus(db));
    await page(2, [champ(1, 'residenceId', tilleuls.id), champ(2, 'statut', 'dossier')]);
    expect((await rechercherMenages(db, tous, AUJOURDHUI)).ensemble).toBe(4);
    await page(4, [champ(3, 'nom', 'Famille Koné'), champ(4, 'creeLe', '2026-04-01')]);
    expect(await ligneDe(db, id)).toMatchObject({ nom: 'Famille Koné', alertes: ['premier_entretien_en_retard', 'contact_en_retard', 'dossier_a_completer'], dossier: { completude: 0 } });
  });

  it('writes no summary when an interview answer is autosaved, and only the household’s row of summaries when its name changes', async () => {
    const db = nouvelleBase();
    const { benali } = await portefeuille(db);
    const entretien = await ouvrirEntretien(db, benali.id, AUJOURDHUI);
    const versions = async () => new Map((await db.paquetsResumes.toArray()).map((p) => [p.id, p.version]));
    const avant = await versions();
    await enregistrerReponse(db, entretien.id, 'consentement.observations', { valeur: 'Reçus dans le salon.' });
    expect(await versions()).toEqual(avant);
    await modifierMenage(db, benali.id, { nom: 'Famille Ben Ali' });
    const apres = await versions();
    expect([...apres].filter(([n, v]) => avant.get(n) !== v).map(([n]) => n)).toEqual([paquetDe(benali.id)]);
    expect(await noms(db, { texte: 'ali' })).toEqual(['Famille Ben Ali']);
  });

  it('keeps many households in a few rows of summaries, each household in the row its id gives', async () => {
    const db = nouvelleBase();
    const demo = await chargerDemo(db, AUJOURDHUI);
    const paquets = await db.paquetsResumes.toArray();
    expect(paquets.length).toBeLessThanOrEqual(Math.min(NOMBRE_PAQUETS, demo.menages.length));
    for (const p of paquets) for (const r of p.resumes) expect(paquetDe(r.id)).toBe(p.id);
    expect((await lireResumes(db, demo.menages.map((m) => m.id))).every((r) => r !== undefined)).toBe(true);
  });

  it('refreshes in the background the summaries computed for an earlier day', async () => {
    const db = nouvelleBase();
    const diallo = await dossierFourniLe31Octobre(db);
    jourDeLAppareil('2026-04-30');
    await modifierMenage(db, diallo.id, { dernierContact: '2026-04-30' });
    const hier = await rechercherMenages(db, tous, '2026-04-30');
    expect(hier.lignes.find((l) => l.id === diallo.id)).toMatchObject({ calculeLe: '2026-04-30', dossier: { completude: 100, alerte: true } });

    jourDeLAppareil(AUJOURDHUI);
    const attendue = (await dossierDuMenage(db, diallo.id, AUJOURDHUI))?.etat.completude;
    expect(attendue).toBeLessThan(100);
    await vi.waitFor(async () => expect(await ligneDe(db, diallo.id)).toMatchObject({ calculeLe: AUJOURDHUI, dossier: { completude: attendue } }), { timeout: 10_000 });
    expect(await db.paquetsResumes.where('calculeLe').below(AUJOURDHUI).count()).toBe(0);
  });

  it('at the first start of a day, refreshes every summary for the alerts of the new day and leaves the pilotage facts as they are', async () => {
    const db = nouvelleBase();
    const diallo = await dossierFourniLe31Octobre(db);
    jourDeLAppareil('2026-04-30');
    await modifierMenage(db, diallo.id, { dernierContact: '2026-04-30' });
    const hier = (await rechercherMenages(db, tous, '2026-04-30')).lignes.find((l) => l.id === diallo.id);
    expect(hier).toMatchObject({ calculeLe: '2026-04-30', dossier: { completude: 100 } });
    const faits = await db.paquetsFaits.toArray();
    expect(faits.length).toBeGreaterThan(0);

    // The next day the pieces of 31 October are past their six months: the dossier is incomplete
    // again. The facts do not depend on the day: a write to them would fail the refresh.
    jourDeLAppareil(AUJOURDHUI);
    db.panne.table = 'paquetsFaits';
    const lue = await rechercherMenages(db, tous, AUJOURDHUI);
    await vi.waitFor(async () => expect(await db.paquetsResumes.where('calculeLe').below(AUJOURDHUI).count()).toBe(0), { timeout: 10_000 });
    const resumes = (await db.paquetsResumes.toArray()).flatMap((p) => p.resumes);
    expect(resumes.length).toBe(lue.ensemble + 1);
    expect(resumes.every((r) => r.calculeLe === AUJOURDHUI)).toBe(true);
    const attendue = (await dossierDuMenage(db, diallo.id, AUJOURDHUI))?.etat.completude;
    expect(attendue).toBeLessThan(100);
    expect(await ligneDe(db, diallo.id)).toMatchObject({ alertes: ['dossier_a_completer'], dossier: { completude: attendue, alerte: true } });
    expect(await db.paquetsFaits.toArray()).toEqual(faits);
  });

  it('follows a change of the dossier’s settings, recomputed in the background', async () => {
    const db = nouvelleBase();
    const diallo = await dossierFourniLe31Octobre(db);
    jourDeLAppareil(AUJOURDHUI);
    await modifierMenage(db, diallo.id, { dernierContact: AUJOURDHUI });
    expect(await noms(db, { alerte: 'dossier_a_completer' })).toEqual(['Famille Diallo']);
    await enregistrerParametres(db, { dossier: { ...REGLAGES_DOSSIER_PAR_DEFAUT, validiteMois: 12 } });
    await vi.waitFor(async () => expect(await noms(db, { alerte: 'dossier_a_completer' })).toEqual([]), { timeout: 10_000 });
    expect(await ligneDe(db, diallo.id)).toMatchObject({ dossier: { completude: 100, alerte: false } });
  });
});

describe('chargerDemo', () => {
  it('creates one fictitious résidence of 40 households, searchable at once', async () => {
    const db = nouvelleBase();
    const demo = await chargerDemo(db, AUJOURDHUI);
    expect(await db.menages.count()).toBe(40);
    expect(await db.residences.count()).toBe(1);
    expect(await db.personnes.count()).toBe(demo.personnes.length);
    expect(await db.entretiens.count()).toBe(demo.entretiens.length);
    expect((await lireResumes(db, demo.menages.map((m) => m.id))).filter(Boolean)).toHaveLength(40);
    const r = await rechercherMenages(db, tous, AUJOURDHUI);
    expect(r).toMatchObject({ total: 40, ensemble: 40 });
    for (const l of r.lignes) expect(l.occupants).toBe(demo.personnes.filter((p) => p.menageId === l.id).length);
    const outbox = await db.outbox.toArray();
    expect(new Set(outbox.filter((l) => l.table === 'menages').map((l) => l.recordId)).size).toBe(40);
  });
});
