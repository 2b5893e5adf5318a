import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  agendaDesMenages,
  ajouterPersonne,
  creerMenage,
  enregistrerMontant,
  enregistrerRelogement,
  lireMenage,
  lireVisite,
  modifierVisite,
  ouvrirEnquete,
  ouvrirVisite,
  planifier,
  rechercherMenages,
  suiviDuMenage,
} from '../../../src/data/index.ts';
import type { RelogementDb } from '../../../src/data/index.ts';
import { jourDeLAppareil, nouvelleBase, residenceDeTest } from '../base.ts';

const AUJOURDHUI = '2026-05-14';
beforeEach(() => jourDeLAppareil(AUJOURDHUI));

async function menage(db: RelogementDb, nom = 'Famille Benali') {
  const residence = await residenceDeTest(db, '2025-01-10');
  const m = await creerMenage(db, { residenceId: residence.id, nom, statut: 'proposition' }, '2025-01-15');
  await ajouterPersonne(db, m.id, { prenom: 'Aïcha', nom: 'Benali', lien: 'titulaire', dateNaissance: '1980-05-12' });
  return m;
}

describe('the relocation and its follow-up', () => {
  it('recording the lease signature marks the household relocated and schedules three visits and the survey', async () => {
    const db = nouvelleBase();
    const m = await menage(db);
    await enregistrerRelogement(db, m.id, '2025-12-31', AUJOURDHUI);
    expect((await lireMenage(db, m.id))?.statut).toBe('reloge');
    const suivi = await suiviDuMenage(db, m.id);
    expect(suivi.echeancesVisites.map((e) => e.echeance)).toEqual(['2026-02-28', '2026-04-30', '2026-06-30']);
    expect(suivi.echeanceEnquete).toBe('2026-06-30');
    const { evenements } = await agendaDesMenages(db, AUJOURDHUI);
    const suiviApres = evenements.filter((e) => e.nature === 'visite_courtoisie' || e.nature === 'enquete_satisfaction');
    expect(suiviApres.map((e) => [e.libelle, e.jour, e.classe])).toEqual([
      ['Visite de courtoisie n° 1', '2026-02-28', 'en_retard'],
      ['Visite de courtoisie n° 2', '2026-04-30', 'en_retard'],
      ['Visite de courtoisie n° 3', '2026-06-30', 'plus_tard'],
      ['Enquête de satisfaction', '2026-06-30', 'plus_tard'],
    ]);
    // Relocated: the clocks before the move stop.
    expect(evenements.some((e) => e.nature === 'contact' || e.nature === 'premier_entretien')).toBe(false);
  });

  it('moving the relocation date moves the visits not yet held and keeps the held ones', async () => {
    const db = nouvelleBase();
    const m = await menage(db);
    await enregistrerRelogement(db, m.id, '2025-10-01', AUJOURDHUI);
    const premiere = await ouvrirVisite(db, m.id, 1);
    const deuxieme = await ouvrirVisite(db, m.id, 2);
    const enquete = await ouvrirEnquete(db, m.id);
    expect([premiere.datePrevue, deuxieme.datePrevue, enquete.datePrevue]).toEqual(['2025-12-01', '2026-02-01', '2026-04-01']);
    await modifierVisite(db, premiere.id, (v) => ({ ...v, issue: 'realisee', date: '2025-12-03' }));
    await enregistrerRelogement(db, m.id, '2025-11-15', AUJOURDHUI);
    expect((await lireVisite(db, premiere.id))?.datePrevue).toBe('2025-12-01');
    expect((await lireVisite(db, deuxieme.id))?.datePrevue).toBe('2026-03-15');
    expect((await ouvrirEnquete(db, m.id)).datePrevue).toBe('2026-05-15');
  });

  it('a visit planned before the move is refused with a French message; a valid plan is saved', async () => {
    const db = nouvelleBase();
    const m = await menage(db);
    await enregistrerRelogement(db, m.id, '2026-03-01', AUJOURDHUI);
    const { evenements } = await agendaDesMenages(db, AUJOURDHUI);
    const visite = evenements.find((e) => e.nature === 'visite_courtoisie');
    if (!visite || visite.nature !== 'visite_courtoisie') throw new Error('visite absente');
    const erreurs = await planifier(db, { ...visite, nature: 'visite_courtoisie' }, '2026-02-01', '10:00', AUJOURDHUI);
    expect(erreurs[0]?.message).toMatch(/ne peut pas précéder le relogement/);
    expect(await planifier(db, { ...visite, nature: 'visite_courtoisie' }, '2026-05-20', '14:30', AUJOURDHUI)).toEqual([]);
    const apres = (await agendaDesMenages(db, AUJOURDHUI)).evenements.find((e) => e.cle === visite.cle);
    expect(apres?.rendezVous).toEqual({ date: '2026-05-20', heure: '14:30' });
  });
});

describe('the budget after the move and the vigilance flag', () => {
  it('recomputes the figures with the simulation engine and flags a reste à vivre under 6.50 €', async () => {
    const db = nouvelleBase();
    const m = await menage(db);
    await enregistrerRelogement(db, m.id, '2026-01-10', AUJOURDHUI);
    const v = await ouvrirVisite(db, m.id, 1);
    await enregistrerMontant(db, v.id, 'nouveauLoyer', 450, AUJOURDHUI);
    await enregistrerMontant(db, v.id, 'charges', 60, AUJOURDHUI);
    expect((await lireVisite(db, v.id))?.grille.budget.apres).toBeNull();
    await enregistrerMontant(db, v.id, 'apl', 200, AUJOURDHUI);
    await enregistrerMontant(db, v.id, 'ressources', 600, AUJOURDHUI);
    const apres = (await lireVisite(db, v.id))?.grille.budget.apres;
    expect(apres?.resteACharge).toBeGreaterThan(310);
    expect(apres?.resteAVivre).toBeLessThan(6.5);
    const vigilance = async () =>
      (await rechercherMenages(db, { texte: '', residenceId: null, statut: null, alerte: null }, AUJOURDHUI)).lignes.find(
        (l) => l.id === m.id,
      )?.vigilance;
    expect(await vigilance()).toEqual(['RESTE_A_VIVRE_SOUS_SEUIL']);
    await enregistrerMontant(db, v.id, 'ressources', 2500, AUJOURDHUI);
    expect(await vigilance()).toEqual([]);
  });
});
