import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import PropositionsScreen from '../../src/ui/propositions/PropositionsScreen.tsx';
import { BaseContext, aujourdhui } from '../../src/ui/commun/contexte.ts';
import {
  RelogementDb,
  ajouterPersonne,
  creerMenage,
  enregistrerEtape,
  enregistrerSession,
  offreParReference,
  proposer,
} from '../../src/data/index.ts';
import { dateEnLettres, dernierJour, plusJours, type EvenementProposition, type Lien, type Proposition } from '../../src/domain/index.ts';
import { residenceDeTest } from '../data/base.ts';

const bases: RelogementDb[] = [];
afterEach(async () => {
  for (const db of bases.splice(0)) await db.delete();
});

const jour = aujourdhui();
const il_y_a = (n: number) => plusJours(jour, -n);

async function preparer() {
  const db = new RelogementDb(`ui-prop-${Math.random().toString(36).slice(2)}`);
  bases.push(db);
  const residence = await residenceDeTest(db, il_y_a(200));
  const menage = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali' }, il_y_a(200));
  const offre = await offreParReference(db, 'LOG-42');
  const propose = async (n: number) => {
    const r = await proposer(db, { menageId: menage.id, offreId: offre.id, circuit: 'gtr', partenaires: [], proposeeLe: il_y_a(n) }, jour);
    if (!r.ok) throw new Error(r.message);
    return r.valeur;
  };
  const etapes = async (p: Proposition, liste: EvenementProposition[]) => {
    for (const e of liste) {
      const r = await enregistrerEtape(db, p.id, e, jour);
      if (!r.ok) throw new Error(r.message);
    }
  };
  return { db, menage, propose, etapes };
}

const afficher = (db: RelogementDb, id: string) =>
  render(
    <BaseContext.Provider value={db}>
      <PropositionsScreen id={id} papier={null} cible={null} />
    </BaseContext.Provider>,
  );

const refusMenage = (n: number): EvenementProposition[] => [
  { type: 'avis', date: il_y_a(n), partenaire: 'GTR', avis: 'favorable', motif: '' },
  { type: 'caleol', date: il_y_a(n - 1), decision: 'attribution', motif: '' },
  { type: 'visite', date: il_y_a(n - 2), heure: null },
  { type: 'reponse', date: il_y_a(n - 3), decision: 'refus', motif: 'etage', commentaire: '' },
];

describe('the décohabitation offer', () => {
  it('is made only for an adult occupant who wants to leave, never for the leaseholder or their spouse', async () => {
    const { db, menage } = await preparer();
    const occupant = (prenom: string, lien: Lien, dateNaissance: string, souhaitDecohabitation: boolean) =>
      ajouterPersonne(db, menage.id, { prenom, nom: 'Benali', lien, dateNaissance, souhaitDecohabitation });
    await occupant('Aïcha', 'titulaire', '1975-05-12', true);
    await occupant('Karim', 'conjoint', '1973-02-01', true);
    await occupant('Yanis', 'enfant', plusJours(jour, -365 * 25), true);
    await occupant('Sofia', 'enfant', plusJours(jour, -365 * 22), false);
    await occupant('Lina', 'enfant', plusJours(jour, -365 * 12), true);
    afficher(db, menage.id);
    const section = await screen.findByRole('region', { name: 'Décohabitation' });
    expect(
      within(section)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Ouvrir un dossier de relogement pour Yanis Benali']);
  });
});

describe('the papers’ heading', () => {
  const afficherComparaison = (db: RelogementDb, id: string) =>
    render(
      <BaseContext.Provider value={db}>
        <PropositionsScreen id={id} papier="comparaison" cible={null} />
      </BaseContext.Provider>,
    );

  it('names the signed-in user’s organisation', async () => {
    const { db, menage } = await preparer();
    const user = {
      id: '0190a000-0000-7000-8000-000000000001',
      email: 'claire@exemple.fr',
      name: 'Claire',
      role: 'chargé' as const,
      organisation: { id: '0190a000-0000-7000-8000-000000000002', name: 'Habitat du Nord', kind: 'bailleur' as const, territory: null },
    };
    await enregistrerSession(db, { token: 'jeton', expiresAt: '2099-01-01T00:00:00.000Z', user });
    afficherComparaison(db, menage.id);
    const entete = await screen.findByRole('banner');
    expect(entete.querySelector('p')?.textContent).toMatch(/^Habitat du Nord · /);
  });

  it('is neutral when nobody is signed in', async () => {
    const { db, menage } = await preparer();
    afficherComparaison(db, menage.id);
    const entete = await screen.findByRole('banner');
    expect(entete.querySelector('p')?.textContent).toMatch(/^Relogement · /);
  });
});

describe('the household’s answer clock', () => {
  it('runs from the notification of the written offer, before the visit', async () => {
    const { db, menage, propose, etapes } = await preparer();
    const p = await propose(10);
    await etapes(p, [
      { type: 'avis', date: il_y_a(9), partenaire: 'GTR', avis: 'favorable', motif: '' },
      { type: 'caleol', date: il_y_a(8), decision: 'attribution', motif: '' },
      { type: 'offre_notifiee', date: il_y_a(2) },
    ]);
    afficher(db, menage.id);
    const horloge = await screen.findByText(/^Réponse du ménage à l’offre écrite attendue au plus tard le/);
    expect(horloge.querySelector('strong')?.textContent).toBe(dateEnLettres(dernierJour(il_y_a(2), { nombre: 10, unite: 'jours' })));
    expect(screen.getByText(/La visite du logement peut reporter cette échéance\./)).toBeTruthy();
  });
});

describe('the proposal steps', () => {
  it('refuses a visit before the CALEOL decision with the French message, and keeps what was typed', async () => {
    const { db, menage, propose, etapes } = await preparer();
    const p = await propose(20);
    await etapes(p, [{ type: 'avis', date: il_y_a(19), partenaire: 'GTR', avis: 'favorable', motif: '' }]);
    afficher(db, menage.id);
    const date = await screen.findByLabelText('Date de la visite');
    fireEvent.input(date, { target: { value: il_y_a(5) } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la visite' }));
    const formulaire = date.closest('form') as HTMLElement;
    expect(await within(formulaire).findByRole('alert')).toHaveProperty(
      'textContent',
      'Sur ce territoire, la visite suit l’attribution du logement par la CALEOL : enregistrez d’abord sa décision.',
    );
    expect(date).toHaveProperty('value', il_y_a(5));
    expect((await db.propositions.get(p.id))?.visite).toBeNull();
  });

  it('records a step and shows it with its date; a missing choice is said before anything is sent', async () => {
    const { db, menage, propose } = await preparer();
    await propose(20);
    afficher(db, menage.id);
    fireEvent.click(await screen.findByRole('button', { name: 'Enregistrer l’avis de GTR' }));
    expect((await screen.findAllByRole('alert'))[0]?.textContent).toBe('À renseigner : date de l’avis de GTR, sens de l’avis de GTR.');
    fireEvent.input(screen.getByLabelText('Date de l’avis de GTR'), { target: { value: il_y_a(18) } });
    fireEvent.change(screen.getByLabelText('Sens de l’avis de GTR'), { target: { value: 'favorable' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer l’avis de GTR' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Enregistrer l’avis de GTR' })).toBeNull());
    expect(screen.getByText(/^Avis de GTR le/).nextElementSibling?.textContent).toBe('Favorable');
  });

  it('tells a refusal by the CALEOL from one by the household', async () => {
    const { db, menage, propose, etapes } = await preparer();
    await etapes(await propose(60), refusMenage(59));
    await etapes(await propose(40), [
      { type: 'avis', date: il_y_a(39), partenaire: 'GTR', avis: 'favorable', motif: '' },
      { type: 'caleol', date: il_y_a(38), decision: 'refus', motif: 'Dossier incomplet' },
    ]);
    afficher(db, menage.id);
    // The state badge and the refusal badge read as two phrases, not one glued word.
    expect((await screen.findByText(/^Refus du ménage le/)).parentElement?.textContent).toMatch(/^\S.* Refus du ménage le/);
    expect(screen.getByText(/^Refus de la CALEOL le/)).toBeTruthy();
    expect(screen.getByText('Refus de la CALEOL : Dossier incomplet')).toBeTruthy();
    // The CALEOL's refusal does not use up a proposal: the next one is still n° 2.
    expect(screen.getByRole('heading', { name: /Nouvelle proposition \(n° 2\)/ })).toBeTruthy();
  });

  it('asks for the mediation after the second refusal, then marks the third proposal binding', async () => {
    const { db, menage, propose, etapes } = await preparer();
    await etapes(await propose(60), refusMenage(59));
    await etapes(await propose(40), refusMenage(39));
    afficher(db, menage.id);
    expect(await screen.findByRole('heading', { name: 'Médiation' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Nouvelle proposition \(n° 3\)/ }).textContent).toBe(
      'Nouvelle proposition (n° 3) Proposition opposable',
    );
    fireEvent.change(screen.getByLabelText('Logement proposé'), { target: { value: 'reference' } });
    fireEvent.input(await screen.findByLabelText('Référence du logement chez le bailleur'), { target: { value: 'LOG-43' } });
    fireEvent.click(screen.getByRole('button', { name: 'Faire la proposition' }));
    expect((await screen.findByText(/une médiation doit précéder la proposition n° 3/)).getAttribute('role')).toBe('alert');
    expect(screen.getByLabelText('Référence du logement chez le bailleur')).toHaveProperty('value', 'LOG-43');
  });
});
