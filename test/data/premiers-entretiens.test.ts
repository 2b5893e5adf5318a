import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { agendaDesMenages, ajouterPersonne, creerMenage, enregistrerReponse, modifierMenage, ouvrirEntretien, rechercherMenages, terminerEntretien } from '../../src/data/index.ts';
import { reponsesCompletes } from '../domain/fixtures.ts';
import { jourDeLAppareil, nouvelleBase, residenceDeTest } from './base.ts';

// « À faire » and the caseload count the overdue first interviews with one rule: a household
// relocated (by its step or its lease date) has none, nor one whose first interview is done.
const AUJOURDHUI = '2026-05-01';
beforeEach(() => jourDeLAppareil(AUJOURDHUI));

describe('overdue first interviews', () => {
  it('are the same households in « À faire » and in the caseload', async () => {
    const db = nouvelleBase();
    // Opened on 10 January: first interviews due on 10 April, past.
    const residence = await residenceDeTest(db, '2026-01-10');
    const jamaisVu = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali' }, '2026-01-15');
    await creerMenage(db, { residenceId: residence.id, nom: 'Famille Nguyen', statut: 'reloge' }, '2026-01-15');
    const bailSigne = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Roux', statut: 'proposition' }, '2026-01-15');
    await modifierMenage(db, bailSigne.id, { dateRelogement: '2026-04-15' });
    const rencontre = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Lefèvre' }, '2026-01-15');
    const titulaire = await ajouterPersonne(db, rencontre.id, { prenom: 'Hélène', nom: 'Lefèvre', lien: 'titulaire', dateNaissance: '1975-09-30' });
    const avecAccord = await modifierMenage(db, rencontre.id, { consentements: { bailleurs: { accorde: true, date: '2026-02-20' } } });
    const entretien = await ouvrirEntretien(db, rencontre.id, '2026-02-20');
    for (const [cle, r] of Object.entries(reponsesCompletes([titulaire]))) await enregistrerReponse(db, entretien.id, cle, r);
    expect((await terminerEntretien(db, entretien.id, { menage: avecAccord, personnes: [titulaire], aujourdhui: '2026-02-20', datePrecedent: null })).ok).toBe(true);

    const caseload = await rechercherMenages(db, { texte: '', residenceId: null, statut: null, alerte: 'premier_entretien_en_retard' }, AUJOURDHUI);
    const { evenements } = await agendaDesMenages(db, AUJOURDHUI);
    const enRetard = evenements.filter((e) => e.nature === 'premier_entretien' && e.classe === 'en_retard');
    expect(caseload.lignes.map((l) => l.nom)).toEqual(['Famille Benali']);
    expect(caseload.compteurs.premier_entretien_en_retard).toBe(1);
    expect(enRetard.map((e) => e.menageId)).toEqual([jamaisVu.id]);
  });
});
