import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import PropositionsScreen from '../../src/ui/propositions/PropositionsScreen.tsx';
import { BaseContext, aujourdhui } from '../../src/ui/commun/contexte.ts';
import {
  RelogementDb,
  creerMenage,
  demenagementsDuMenage,
  enregistrerEtape,
  lireMenage,
  offreParReference,
  ouvrirDemenagement,
  proposer,
} from '../../src/data/index.ts';
import { dateEnLettres, dernierJour, plusJours, type EvenementProposition } from '../../src/domain/index.ts';
import { residenceDeTest } from '../data/base.ts';

// The move checklist on the proposals screen (charte §3.2, §3.3): one per signed lease, each line
// saved as typed, the deposit settled between landlords, the 8-day clock after the invoice.
const bases: RelogementDb[] = [];
afterEach(async () => {
  for (const db of bases.splice(0)) await db.delete();
});

const jour = aujourdhui();
const il_y_a = (n: number) => plusJours(jour, -n);
const jusquAuBail = (n: number): EvenementProposition[] => [
  { type: 'avis', date: il_y_a(n), partenaire: 'GTR', avis: 'favorable', motif: '' },
  { type: 'caleol', date: il_y_a(n - 1), decision: 'attribution', motif: '' },
  { type: 'visite', date: il_y_a(n - 2), heure: null },
  { type: 'reponse', date: il_y_a(n - 3), decision: 'acceptation', motif: null, commentaire: '' },
  { type: 'bail_signe', date: il_y_a(n - 4) },
];

async function relogeDeuxFois() {
  const db = new RelogementDb(`ui-dem-${Math.random().toString(36).slice(2)}`);
  bases.push(db);
  const residence = await residenceDeTest(db, il_y_a(200));
  const menage = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Carton' }, il_y_a(200));
  const offre = await offreParReference(db, 'LOG-7');
  const ids: string[] = [];
  for (const [n, temporaire] of [
    [100, true],
    [40, false],
  ] as const) {
    const r = await proposer(
      db,
      { menageId: menage.id, offreId: offre.id, circuit: 'gtr', partenaires: [], proposeeLe: il_y_a(n + 1), temporaire },
      jour,
    );
    if (!r.ok) throw new Error(r.message);
    for (const e of jusquAuBail(n)) {
      const x = await enregistrerEtape(db, r.valeur.id, e, jour);
      if (!x.ok) throw new Error(x.message);
    }
    ids.push(r.valeur.id);
  }
  return { db, menage, ids };
}

describe('the moves of a household relocated twice', () => {
  it('keeps the final lease as the relocation date, and offers a checklist per move', async () => {
    const { db, menage } = await relogeDeuxFois();
    expect((await lireMenage(db, menage.id))?.dateRelogement).toBe(il_y_a(36));
    render(
      <BaseContext.Provider value={db}>
        <PropositionsScreen id={menage.id} papier={null} cible={null} />
      </BaseContext.Provider>,
    );
    const section = await screen.findByRole('region', { name: 'Déménagements et frais' });
    expect(
      within(section)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Déménagement vers le logement temporaire', 'Déménagement vers le logement définitif']);
    expect(within(section).getAllByRole('button', { name: 'Ouvrir la liste du déménagement' })).toHaveLength(2);
  });

  it('saves the deposits and an invoice as typed, and says what is owed and by when', async () => {
    const { db, menage, ids } = await relogeDeuxFois();
    await ouvrirDemenagement(db, menage.id, ids[1] ?? '');
    render(
      <BaseContext.Provider value={db}>
        <PropositionsScreen id={menage.id} papier={null} cible={null} />
      </BaseContext.Provider>,
    );
    const definitif = await screen.findByRole('region', { name: 'Déménagement vers le logement définitif' });
    fireEvent.input(within(definitif).getByLabelText('Dépôt de garantie versé au bailleur d’origine (€)'), { target: { value: '410,10' } });
    fireEvent.input(within(definitif).getByLabelText('Dépôt de garantie demandé par le bailleur d’accueil (€)'), {
      target: { value: '320,40' },
    });
    await waitFor(
      () =>
        expect(
          within(definitif)
            .getByText(/rembourse 89,70/)
            .textContent?.replace(/\s/g, ' '),
        ).toBe(
          'Le bailleur d’origine verse 320,40 € au bailleur d’accueil et rembourse 89,70 € au ménage. Le ménage ne verse aucun dépôt de garantie.',
        ),
      { timeout: 5000 },
    );
    fireEvent.input(within(definitif).getByLabelText('Montant de la facture (€) — Changement de carte grise'), { target: { value: '-3' } });
    expect(await within(definitif).findByText('La valeur ne peut pas être négative.', {}, { timeout: 5000 })).toBeTruthy();
    fireEvent.input(within(definitif).getByLabelText('Montant de la facture (€) — Changement de carte grise'), {
      target: { value: '13,76' },
    });
    fireEvent.input(within(definitif).getByLabelText('Facture remise par le ménage le — Changement de carte grise'), {
      target: { value: il_y_a(20) },
    });
    await waitFor(
      async () =>
        expect((await demenagementsDuMenage(db, menage.id))[0]?.postes.carte_grise).toMatchObject({
          montant: 13.76,
          factureRemiseLe: il_y_a(20),
          payeur: 'bailleur_origine',
        }),
      { timeout: 5000 },
    );
    await waitFor(() => expect(within(definitif).getAllByText('Remboursement en retard').length).toBeGreaterThan(0), { timeout: 5000 });
    expect(within(definitif).getByText(/^À rembourser au ménage au plus tard le/).textContent).toContain(
      dateEnLettres(dernierJour(il_y_a(20), { nombre: 8, unite: 'jours' })),
    );
  });
});
