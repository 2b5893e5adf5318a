import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/preact';
import PropositionsScreen from '../../src/ui/propositions/PropositionsScreen.tsx';
import { BaseContext, aujourdhui } from '../../src/ui/commun/contexte.ts';
import {
  RelogementDb,
  ajouterPersonne,
  creerMenage,
  enregistrerReponse,
  offreParReference,
  ouvrirEntretien,
  proposer,
} from '../../src/data/index.ts';
import { TEXTE_LIBRE_NON_REPRODUIT, plusJours, pseudonymeMenage } from '../../src/domain/index.ts';
import { residenceDeTest } from '../data/base.ts';

// Charte §4 step 3: after a signed refusal to share its situation, the household is presented to
// the partners anonymously; the letters addressed to it keep its name.

const bases: RelogementDb[] = [];
afterEach(async () => {
  for (const db of bases.splice(0)) await db.delete();
});

const jour = aujourdhui();

async function menageQuiARefuse() {
  const db = new RelogementDb(`ui-anonyme-${Math.random().toString(36).slice(2)}`);
  bases.push(db);
  const residence = await residenceDeTest(db, plusJours(jour, -200));
  const menage = await creerMenage(
    db,
    {
      residenceId: residence.id,
      nom: 'Famille Benali',
      reference: 'TIL-0007',
      adresse: '3 rue des Tilleuls',
      refusConsentement: { signeLe: plusJours(jour, -150) },
    },
    plusJours(jour, -200),
  );
  await ajouterPersonne(db, menage.id, { prenom: 'Aïcha', nom: 'Benali', lien: 'titulaire', dateNaissance: '1975-03-02', handicap: true });
  const offre = await offreParReference(db, 'LOG-42');
  const r = await proposer(
    db,
    { menageId: menage.id, offreId: offre.id, circuit: 'gtr', partenaires: [], proposeeLe: plusJours(jour, -20) },
    jour,
  );
  if (!r.ok) throw new Error(r.message);
  return { db, menage };
}

const afficher = (db: RelogementDb, id: string, papier: string) =>
  render(
    <BaseContext.Provider value={db}>
      <PropositionsScreen id={id} papier={papier} cible={null} />
    </BaseContext.Provider>,
  );

describe('papers of a household that refused to share its situation', () => {
  it('the CALEOL sheet names neither the household, its reference, its address nor its members', async () => {
    const { db, menage } = await menageQuiARefuse();
    const { container } = afficher(db, menage.id, 'caleol');
    await screen.findByText(pseudonymeMenage(menage));
    expect(container.textContent).not.toMatch(/Benali|Aïcha|TIL-0007|Tilleuls/);
    expect(container.textContent).toContain('Titulaire du bail : handicap ou mobilité réduite');
  });

  it('the comparison is anonymous too, the proposal letter to the household is not', async () => {
    const { db, menage } = await menageQuiARefuse();
    const comparaison = afficher(db, menage.id, 'comparaison');
    await screen.findByText(pseudonymeMenage(menage));
    expect(comparaison.container.textContent).not.toMatch(/Benali|TIL-0007|Tilleuls/);
    comparaison.unmount();
    const courrier = afficher(db, menage.id, 'courrier');
    await screen.findByText('Famille Benali');
    expect(courrier.container.textContent).toContain('3 rue des Tilleuls');
  });
});

describe('free text on the papers of a household that refused to share its situation (issue 14 item 9)', () => {
  it('is not reproduced, since it may name people; the coded answers stay', async () => {
    // Charte §4 step 4: the situation is « évoquée mais de manière anonyme ».
    const { db, menage } = await menageQuiARefuse();
    const e = await ouvrirEntretien(db, menage.id, plusJours(jour, -100));
    await enregistrerReponse(db, e.id, 'souhaits.logementAdapte', { valeur: 'oui' });
    await enregistrerReponse(db, e.id, 'souhaits.precisionsAdaptation', { valeur: 'Douche de plain-pied pour Mme Benali' });

    const caleol = afficher(db, menage.id, 'caleol');
    await screen.findByText(pseudonymeMenage(menage));
    expect(caleol.container.textContent).toContain(`Logement adapté nécessaire : ${TEXTE_LIBRE_NON_REPRODUIT}`);
    expect(caleol.container.textContent).not.toMatch(/Benali/);
  });
});
