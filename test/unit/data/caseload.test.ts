import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  ajouterPersonne,
  chargerDemo,
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
} from '../../../src/data/index.ts';
import type { FiltreMenages, RelogementDb } from '../../../src/data/index.ts';
import { reponsesCompletes } from '../domain/fixtures.ts';
import { nouvelleBase } from './base.ts';

const AUJOURDHUI = '2026-05-01';
const tous: FiltreMenages = { texte: '', residenceId: null, statut: null, alerte: null };

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

describe('chargerDemo', () => {
  it('creates one fictitious résidence of 40 households, searchable at once', async () => {
    const db = nouvelleBase();
    const demo = await chargerDemo(db, AUJOURDHUI);
    expect(await db.menages.count()).toBe(40);
    expect(await db.residences.count()).toBe(1);
    expect(await db.personnes.count()).toBe(demo.personnes.length);
    expect(await db.entretiens.count()).toBe(demo.entretiens.length);
    expect(await db.resumes.count()).toBe(40);
    const r = await rechercherMenages(db, tous, AUJOURDHUI);
    expect(r).toMatchObject({ total: 40, ensemble: 40 });
    for (const l of r.lignes) expect(l.occupants).toBe(demo.personnes.filter((p) => p.menageId === l.id).length);
    const outbox = await db.outbox.toArray();
    expect(new Set(outbox.filter((l) => l.table === 'menages').map((l) => l.recordId)).size).toBe(40);
  });
});
