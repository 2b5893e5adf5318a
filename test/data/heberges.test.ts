import { describe, expect, it } from 'vitest';
import { nouvelleBase } from './base.ts';
import { ajouterPersonne, creerMenage, creerOperation, creerResidence, droitsDesHeberges, enregistrerReponse, listerOperations, modifierDatePcdid, ouvrirEntretien } from '../../src/data/index.ts';

// Charte §2.2 A: hosted persons count when present at least 8 months at the PCDID of the operation.
describe('the hosted persons of a household at the PCDID of its operation', () => {
  it('are judged on their arrival date and the PCDID recorded on the operation', async () => {
    const db = nouvelleBase();
    const operation = await creerOperation(db, { nom: 'NPNRU Test', commune: 'Exempleville', territoire: '', datePcdid: '2025-09-15' });
    const residence = await creerResidence(db, { operationId: operation.id, nom: 'Les Tilleuls', adresse: '', commune: '', bailleur: '', dateOuverture: '2025-10-01' });
    const m = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali' }, '2025-10-01');
    await ajouterPersonne(db, m.id, { prenom: 'Aïcha', lien: 'titulaire', dateNaissance: '1975-03-02' });
    const tante = await ajouterPersonne(db, m.id, { prenom: 'Fatima', lien: 'heberge', dateNaissance: '1960-01-01', hebergeDepuis: '2024-11-02' });
    const cousin = await ajouterPersonne(db, m.id, { prenom: 'Sami', lien: 'heberge', dateNaissance: '1999-01-01', hebergeDepuis: '2025-03-01' });
    const droits = await droitsDesHeberges(db, m.id);
    expect([...droits.keys()].sort()).toEqual([tante.id, cousin.id].sort());
    expect(droits.get(tante.id)?.compte).toBe(true);
    expect(droits.get(cousin.id)?.compte).toBe(false);
  });

  it('read the yes/no answer of an older interview when the operation has no PCDID', async () => {
    const db = nouvelleBase();
    const operation = await creerOperation(db, { nom: 'NPNRU Test', commune: 'Exempleville', territoire: '' });
    const residence = await creerResidence(db, { operationId: operation.id, nom: 'Les Tilleuls', adresse: '', commune: '', bailleur: '', dateOuverture: '2025-10-01' });
    const m = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali' }, '2025-10-01');
    const tante = await ajouterPersonne(db, m.id, { prenom: 'Fatima', lien: 'heberge', dateNaissance: '1960-01-01', hebergeDepuis: '2024-11-02' });
    const e = await ouvrirEntretien(db, m.id, '2025-10-05');
    await enregistrerReponse(db, e.id, 'occupants.justificatifHebergement', { valeur: 'oui' });
    expect((await droitsDesHeberges(db, m.id)).get(tante.id)?.compte).toBe(true);
  });

  it('follow the PCDID recorded later on the operation', async () => {
    const db = nouvelleBase();
    const operation = await creerOperation(db, { nom: 'NPNRU Test', commune: 'Exempleville', territoire: '' });
    const residence = await creerResidence(db, { operationId: operation.id, nom: 'Les Tilleuls', adresse: '', commune: '', bailleur: '', dateOuverture: '2025-10-01' });
    const m = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali' }, '2025-10-01');
    const cousin = await ajouterPersonne(db, m.id, { prenom: 'Sami', lien: 'heberge', dateNaissance: '1999-01-01', hebergeDepuis: '2025-03-01' });
    expect((await droitsDesHeberges(db, m.id)).get(cousin.id)?.compte).toBeNull();
    await modifierDatePcdid(db, operation.id, '2025-11-01');
    expect(await listerOperations(db)).toMatchObject([{ nom: 'NPNRU Test', datePcdid: '2025-11-01' }]);
    expect((await droitsDesHeberges(db, m.id)).get(cousin.id)?.compte).toBe(true);
  });
});
