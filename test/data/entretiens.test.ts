import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  ajouterPersonne,
  creerMenage,
  enregistrerReponse,
  entretiensDuMenage,
  lireEntretien,
  lireMenage,
  modifierDateEntretien,
  modifierMenage,
  ouvrirEntretien,
  terminerEntretien,
} from '../../src/data/index.ts';
import { lireResumes } from '../../src/data/index.ts';
import type { RelogementDb } from '../../src/data/index.ts';
import { cleRessource } from '../../src/domain/index.ts';
import type { ContexteEntretien, Menage, Personne } from '../../src/domain/index.ts';
import { reponsesCompletes } from '../domain/fixtures.ts';
import { nouvelleBase, residenceDeTest } from './base.ts';

const AUJOURDHUI = '2026-03-15';

async function unMenage(db: RelogementDb): Promise<{ menage: Menage; titulaire: Personne }> {
  const residence = await residenceDeTest(db, '2026-01-10');
  const menage = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali' }, AUJOURDHUI);
  const titulaire = await ajouterPersonne(db, menage.id, { prenom: 'Aïcha', nom: 'Benali', lien: 'titulaire', dateNaissance: '1980-05-12' });
  const avecAccord = await modifierMenage(db, menage.id, { consentements: { bailleurs: { accorde: true, date: AUJOURDHUI } } });
  return { menage: avecAccord, titulaire };
}

const contexte = (menage: Menage, personnes: Personne[], aujourdhui = AUJOURDHUI): ContexteEntretien => ({ menage, personnes, aujourdhui, datePrecedent: null });

async function remplir(db: RelogementDb, id: string, titulaire: Personne) {
  for (const [cle, r] of Object.entries(reponsesCompletes([titulaire]))) await enregistrerReponse(db, id, cle, r);
}

describe('answers of an interview', () => {
  it('two answers saved at the same time are both kept, each as its own outbox field', async () => {
    const db = nouvelleBase();
    const { menage } = await unMenage(db);
    const e = await ouvrirEntretien(db, menage.id, AUJOURDHUI);
    await Promise.all([
      enregistrerReponse(db, e.id, 'logement.loyer', { valeur: '412,30' }),
      enregistrerReponse(db, e.id, 'logement.charges', { valeur: '95' }),
    ]);
    expect((await lireEntretien(db, e.id))?.reponses).toEqual({ 'logement.loyer': { valeur: '412,30' }, 'logement.charges': { valeur: '95' } });
    const champs = (await db.outbox.where('[table+recordId]').equals(['entretiens', e.id]).toArray()).map((l) => l.field);
    expect(champs).toEqual(expect.arrayContaining(['reponses.logement.loyer', 'reponses.logement.charges']));
  });

  it('keeps a wrong value as typed: a draft never loses a word', async () => {
    const db = nouvelleBase();
    const { menage } = await unMenage(db);
    const e = await ouvrirEntretien(db, menage.id, AUJOURDHUI);
    await enregistrerReponse(db, e.id, 'logement.loyer', { valeur: 'abc' });
    expect((await lireEntretien(db, e.id))?.reponses['logement.loyer']).toEqual({ valeur: 'abc' });
  });

  it('an answer removed is sent as a null field', async () => {
    const db = nouvelleBase();
    const { menage } = await unMenage(db);
    const e = await ouvrirEntretien(db, menage.id, AUJOURDHUI);
    await enregistrerReponse(db, e.id, 'souhaits.communes', { valeur: 'Exempleville' });
    await enregistrerReponse(db, e.id, 'souhaits.communes', null);
    expect((await lireEntretien(db, e.id))?.reponses).toEqual({});
    const lignes = (await db.outbox.toArray()).filter((l) => l.field === 'reponses.souhaits.communes');
    expect(lignes).toEqual([expect.objectContaining({ value: null })]);
  });
});

describe('completing an interview', () => {
  it('is refused while something is left to fix, and nothing is written', async () => {
    const db = nouvelleBase();
    const { menage, titulaire } = await unMenage(db);
    const e = await ouvrirEntretien(db, menage.id, AUJOURDHUI);
    const outbox = await db.outbox.count();
    const r = await terminerEntretien(db, e.id, contexte(menage, [titulaire]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problemes.map((p) => p.champ)).toContain('logement.loyer');
    expect((await lireEntretien(db, e.id))?.statut).toBe('brouillon');
    expect(await db.outbox.count()).toBe(outbox);
  });

  it('a completed interview cannot be modified any more', async () => {
    const db = nouvelleBase();
    const { menage, titulaire } = await unMenage(db);
    const e = await ouvrirEntretien(db, menage.id, AUJOURDHUI);
    await remplir(db, e.id, titulaire);
    const r = await terminerEntretien(db, e.id, contexte(menage, [titulaire]));
    expect(r).toMatchObject({ ok: true, entretien: { statut: 'termine', termineLe: AUJOURDHUI } });
    const avant = await lireEntretien(db, e.id);
    const outbox = await db.outbox.toArray();
    await expect(enregistrerReponse(db, e.id, 'logement.loyer', { valeur: '500' })).rejects.toThrow('Cet entretien est terminé : il ne peut plus être modifié.');
    await expect(modifierDateEntretien(db, e.id, '2026-03-01')).rejects.toThrow('Cet entretien est terminé');
    await expect(terminerEntretien(db, e.id, contexte(menage, [titulaire]))).rejects.toThrow('Cet entretien est terminé');
    expect(await lireEntretien(db, e.id)).toEqual(avant);
    expect(await db.outbox.toArray()).toEqual(outbox);
  });

  it('updates the caseload summary: first interview done, no draft in progress', async () => {
    const db = nouvelleBase();
    const { menage, titulaire } = await unMenage(db);
    const e = await ouvrirEntretien(db, menage.id, AUJOURDHUI);
    expect((await lireResumes(db, [menage.id]))[0]).toMatchObject({ entretienEnCours: true, premierEntretienTermineLe: null });
    await remplir(db, e.id, titulaire);
    await terminerEntretien(db, e.id, contexte(menage, [titulaire]));
    expect((await lireResumes(db, [menage.id]))[0]).toMatchObject({ entretienEnCours: false, premierEntretienTermineLe: e.date, dernierContact: e.date });
  });
});

describe('the household after its interview', () => {
  it('a completed first interview moves the household to the interviews step and records the contact', async () => {
    const db = nouvelleBase();
    const { menage, titulaire } = await unMenage(db);
    const e = await ouvrirEntretien(db, menage.id, AUJOURDHUI);
    await remplir(db, e.id, titulaire);
    await modifierDateEntretien(db, e.id, '2026-03-12');
    await terminerEntretien(db, e.id, contexte(menage, [titulaire]));
    expect(await lireMenage(db, menage.id)).toMatchObject({ statut: 'entretien', dernierContact: '2026-03-12' });
  });

  it('a household further along keeps its step, and a later contact already noted is kept', async () => {
    const db = nouvelleBase();
    const { menage, titulaire } = await unMenage(db);
    await modifierMenage(db, menage.id, { statut: 'dossier', dernierContact: '2026-03-14' });
    const e = await ouvrirEntretien(db, menage.id, AUJOURDHUI);
    await remplir(db, e.id, titulaire);
    await modifierDateEntretien(db, e.id, '2026-03-12');
    await terminerEntretien(db, e.id, contexte(menage, [titulaire]));
    expect(await lireMenage(db, menage.id)).toMatchObject({ statut: 'dossier', dernierContact: '2026-03-14' });
  });
});

describe('ouvrirEntretien', () => {
  it('starts the first interview, dated today, then resumes the same draft', async () => {
    const db = nouvelleBase();
    const { menage } = await unMenage(db);
    const premier = await ouvrirEntretien(db, menage.id, AUJOURDHUI);
    expect(premier).toMatchObject({ menageId: menage.id, type: 'premier', statut: 'brouillon', date: AUJOURDHUI, reponses: {}, precedentId: null });
    await enregistrerReponse(db, premier.id, 'logement.loyer', { valeur: '400' });
    const repris = await ouvrirEntretien(db, menage.id, '2026-03-16');
    expect(repris.id).toBe(premier.id);
    expect(repris.reponses).toEqual({ 'logement.loyer': { valeur: '400' } });
    expect(await entretiensDuMenage(db, menage.id)).toHaveLength(1);
  });

  it('after a completed interview, starts a follow-up from its answers', async () => {
    const db = nouvelleBase();
    const { menage, titulaire } = await unMenage(db);
    const premier = await ouvrirEntretien(db, menage.id, '2026-03-01');
    await remplir(db, premier.id, titulaire);
    await terminerEntretien(db, premier.id, contexte(menage, [titulaire]));
    const suite = await ouvrirEntretien(db, menage.id, '2026-06-01');
    expect(suite).toMatchObject({ type: 'suivi', statut: 'brouillon', date: '2026-06-01', precedentId: premier.id });
    expect(suite.id).not.toBe(premier.id);
    expect(suite.reponses).toEqual((await lireEntretien(db, premier.id))?.reponses);
    expect(suite.reponses[cleRessource(titulaire.id, 1, 'salaire')]).toEqual({ valeur: '1 500' });
    // Editing the follow-up leaves the completed interview untouched.
    await enregistrerReponse(db, suite.id, 'logement.loyer', { valeur: '430' });
    expect((await lireEntretien(db, premier.id))?.reponses['logement.loyer']).toEqual({ valeur: '412,30' });
    expect((await entretiensDuMenage(db, menage.id)).map((e) => e.id)).toEqual([suite.id, premier.id]);
    expect(await ouvrirEntretien(db, menage.id, '2026-06-02')).toMatchObject({ id: suite.id });
  });

  it('a follow-up starts from the latest completed interview', async () => {
    const db = nouvelleBase();
    const { menage, titulaire } = await unMenage(db);
    const ctx = contexte(menage, [titulaire], '2026-09-01');
    const premier = await ouvrirEntretien(db, menage.id, '2026-03-01');
    await remplir(db, premier.id, titulaire);
    await terminerEntretien(db, premier.id, ctx);
    const deuxieme = await ouvrirEntretien(db, menage.id, '2026-06-01');
    await enregistrerReponse(db, deuxieme.id, 'logement.loyer', { valeur: '450' });
    await terminerEntretien(db, deuxieme.id, { ...ctx, datePrecedent: premier.date });
    const troisieme = await ouvrirEntretien(db, menage.id, '2026-09-01');
    expect(troisieme.precedentId).toBe(deuxieme.id);
    expect(troisieme.reponses['logement.loyer']).toEqual({ valeur: '450' });
  });
});
