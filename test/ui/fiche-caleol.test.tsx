import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/preact';
import PropositionsScreen from '../../src/ui/propositions/PropositionsScreen.tsx';
import { BaseContext, aujourdhui } from '../../src/ui/commun/contexte.ts';
import {
  RelogementDb,
  ajouterPersonne,
  creerMenage,
  creerPiece,
  enregistrerParametres,
  enregistrerReponse,
  lireParametres,
  modifierPiece,
  ouvrirEntretien,
} from '../../src/data/index.ts';
import { cleRessource, plusJours } from '../../src/domain/index.ts';
import { residenceDeTest } from '../data/base.ts';

// Charte §4 step 9, figure 3: the CALEOL sheet fills in what the app knows.

const bases: RelogementDb[] = [];
afterEach(async () => {
  for (const db of bases.splice(0)) await db.delete();
});

const jour = aujourdhui();

describe('the CALEOL sheet', () => {
  it('gives the demand’s date, the quartile, the last household of the résidence, and no proposal for more than 2 years', async () => {
    const db = new RelogementDb(`ui-caleol-${Math.random().toString(36).slice(2)}`);
    bases.push(db);
    const residence = await residenceDeTest(db, plusJours(jour, -800));
    const m = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali', statut: 'dossier' }, plusJours(jour, -800));
    await creerMenage(db, { residenceId: residence.id, nom: 'Famille Martin', statut: 'reloge' }, plusJours(jour, -800));
    const aicha = await ajouterPersonne(db, m.id, { prenom: 'Aïcha', nom: 'Benali', lien: 'titulaire', dateNaissance: '1975-03-02' });
    const piece = await creerPiece(db, { menageId: m.id, kind: 'numero_unique', personneId: null });
    await modifierPiece(db, piece.id, { dateDocument: '2024-04-10', statut: 'fournie', numero: '059 2404 1234 5A' });
    const e = await ouvrirEntretien(db, m.id, plusJours(jour, -30));
    await enregistrerReponse(db, e.id, cleRessource(aicha.id, 1, 'salaire'), { valeur: '1 000' });
    const parametres = await lireParametres(db);
    await enregistrerParametres(db, { simulation: { ...parametres.simulation, seuilsQuartiles: [10000, 16000, 23000] } });
    const { container } = render(
      <BaseContext.Provider value={db}>
        <PropositionsScreen id={m.id} papier="caleol" cible={null} />
      </BaseContext.Provider>,
    );
    await screen.findByText(/10 avril 2024/);
    // 1 000 € a month for one person: 12 000 € a year per consumption unit, between the 1st and 2nd limits.
    expect(container.textContent).toContain('Quartile de ressources : 2e quartile');
    // Issue 14 item 10: the number typed on the numéro unique piece, rather than a blank.
    expect(container.textContent).toContain('N° unique : 059240412345A');
    expect(container.textContent).toContain('Dernier ménage de sa résidence à reloger');
    expect(container.textContent).toContain('Relogement annoncé il y a plus de 2 ans');
  });

  it('says where to fill what it lacks: the demand’s date and number, the quartiles’ limits (issue 14 item 10)', async () => {
    const db = new RelogementDb(`ui-caleol-${Math.random().toString(36).slice(2)}`);
    bases.push(db);
    const residence = await residenceDeTest(db, plusJours(jour, -100));
    const m = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali', statut: 'dossier' }, plusJours(jour, -100));
    const aicha = await ajouterPersonne(db, m.id, { prenom: 'Aïcha', nom: 'Benali', lien: 'titulaire', dateNaissance: '1975-03-02' });
    const e = await ouvrirEntretien(db, m.id, plusJours(jour, -30));
    await enregistrerReponse(db, e.id, cleRessource(aicha.id, 1, 'salaire'), { valeur: '1 000' });
    const { container } = render(
      <BaseContext.Provider value={db}>
        <PropositionsScreen id={m.id} papier="caleol" cible={null} />
      </BaseContext.Provider>,
    );
    await screen.findByText(/Quartile de ressources/);
    expect(container.textContent).toContain('Quartile de ressources : à renseigner (limites des quartiles dans Paramètres)');
    expect(container.textContent).toContain('à renseigner (date de l’attestation d’enregistrement, au dossier)');
    expect(container.textContent).toContain('N° unique : à renseigner (numéro de l’attestation d’enregistrement, au dossier)');
  });
});
