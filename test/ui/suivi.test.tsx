import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import VisiteScreen from '../../src/ui/suivi/VisiteScreen.tsx';
import { SuiviMenage } from '../../src/ui/suivi/SuiviMenage.tsx';
import Caseload from '../../src/ui/menages/Caseload.tsx';
import { BaseContext, aujourdhui } from '../../src/ui/commun/contexte.ts';
import {
  RelogementDb,
  ajouterPersonne,
  creerMenage,
  enregistrerMontant,
  enregistrerRelogement,
  enregistrerSimulation,
  lireMenage,
  lireVisite,
  ouvrirVisite,
} from '../../src/data/index.ts';
import { BAREME_EXEMPLE, REGLAGES_SIMULATION_PAR_DEFAUT, plusJours, plusMois } from '../../src/domain/index.ts';
import type { Menage, VisiteCourtoisie } from '../../src/domain/index.ts';
import type { ComponentChildren } from 'preact';
import { residenceDeTest } from '../data/base.ts';

const bases: RelogementDb[] = [];
afterEach(async () => {
  for (const db of bases.splice(0)) await db.delete();
});

/** A household relocated two months ago, with its first visit report open. */
async function preparer(): Promise<{ db: RelogementDb; menage: Menage; visite: VisiteCourtoisie }> {
  const db = new RelogementDb(`ui-suivi-${Math.random().toString(36).slice(2)}`);
  bases.push(db);
  const jour = aujourdhui();
  const residence = await residenceDeTest(db, plusMois(jour, -12));
  const cree = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali', statut: 'proposition' }, plusMois(jour, -12));
  await ajouterPersonne(db, cree.id, { prenom: 'Aïcha', nom: 'Benali', lien: 'titulaire', dateNaissance: '1980-05-12' });
  const menage = await enregistrerRelogement(db, cree.id, plusMois(jour, -2), jour);
  const visite = await ouvrirVisite(db, menage.id, 1);
  return { db, menage, visite };
}

const afficher = (db: RelogementDb, enfant: ComponentChildren) => render(<BaseContext.Provider value={db}>{enfant}</BaseContext.Provider>);

/** The message a field announces: the text of the elements its aria-describedby points at. */
function description(champ: HTMLElement): string {
  const ids = champ.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

const saisir = (champ: HTMLElement, texte: string) => {
  fireEvent.input(champ, { target: { value: texte } });
  fireEvent.blur(champ);
};

describe('the visit report', () => {
  it('a visit marked done without a date says so at the date field, and the outcome is kept', async () => {
    const { db, visite } = await preparer();
    afficher(db, <VisiteScreen id={visite.id} />);
    fireEvent.click(await screen.findByLabelText('Réalisée'));
    await waitFor(async () => expect((await lireVisite(db, visite.id))?.issue).toBe('realisee'));
    const date = screen.getByLabelText('Jour de la visite (réalisée ou tentée)');
    await waitFor(() => expect(description(date)).toContain('précisez le jour où elle a eu lieu'));
    saisir(date, aujourdhui());
    await waitFor(async () => expect((await lireVisite(db, visite.id))?.date).toBe(aujourdhui()));
    await waitFor(() => expect(description(screen.getByLabelText('Jour de la visite (réalisée ou tentée)'))).toBe(''));
  });

  it('a visit dated before the move is explained in French at the field and kept', async () => {
    const { db, menage, visite } = await preparer();
    afficher(db, <VisiteScreen id={visite.id} />);
    const avant = plusJours(menage.dateRelogement ?? '', -3);
    saisir(await screen.findByLabelText('Date prévue'), avant);
    await waitFor(async () => expect((await lireVisite(db, visite.id))?.datePrevue).toBe(avant));
    await waitFor(() => expect(description(screen.getByLabelText('Date prévue'))).toMatch(/ne peut pas précéder le relogement/));
    expect(screen.getByLabelText('Date prévue')).toHaveProperty('value', avant);
  });

  it('text typed in an amount stays on screen with a message and is not saved', async () => {
    const { db, visite } = await preparer();
    afficher(db, <VisiteScreen id={visite.id} />);
    const loyer = await screen.findByLabelText('Nouveau loyer mensuel hors charges (€)');
    saisir(loyer, 'abc');
    await screen.findByText('Saisissez un nombre, par exemple 1 234,56.');
    expect(loyer).toHaveProperty('value', 'abc');
    expect((await lireVisite(db, visite.id))?.grille.budget.nouveauLoyer).toBeNull();
  });

  it('the budget recomputes the three figures and raises the vigilance flag under 6.50 € a day', async () => {
    const { db, visite } = await preparer();
    afficher(db, <VisiteScreen id={visite.id} />);
    saisir(await screen.findByLabelText('Nouveau loyer mensuel hors charges (€)'), '450');
    saisir(screen.getByLabelText('Charges mensuelles (€)'), '60');
    saisir(screen.getByLabelText('APL mensuelle (€)'), '200');
    expect(screen.queryByText('Vigilance')).toBeNull();
    saisir(screen.getByLabelText('Ressources mensuelles du ménage (€)'), '600');
    await waitFor(async () => expect((await lireVisite(db, visite.id))?.grille.budget.apres).not.toBeNull());
    const apres = (await lireVisite(db, visite.id))?.grille.budget.apres;
    expect(apres?.resteAVivre).toBeLessThan(6.5);
    await screen.findByText('Reste à vivre après relogement sous le seuil d’alerte');
    expect(screen.getByText('Vigilance').closest('[role="status"]')).not.toBeNull();
    const ligne = screen.getByRole('row', { name: /Reste à vivre/ });
    expect(ligne.textContent).toMatch(/par jour et par personne/);
  });
});

describe('the figures before the move in a visit report', () => {
  it('come from the household’s saved simulation, from the opening of the report', async () => {
    const { db, menage, visite } = await preparer();
    const logement = {
      loyer: 400,
      chargesGenerales: 80,
      eau: null,
      eauChaude: null,
      chauffage: null,
      apl: 150,
      surface: 60,
      pieces: 3,
      surfaceCuisine: null,
    };
    await enregistrerSimulation(db, {
      menageId: menage.id,
      offreId: null,
      creeLe: plusMois(aujourdhui(), -3),
      libelle: 'T3 rue de Lannoy',
      entree: {
        date: plusMois(aujourdhui(), -3),
        occupants: 3,
        ressourcesMensuelles: [1800],
        depenses: { impots: 0, pensionAlimentaire: 0, mutuelle: 0, pretCaf: 0, planBanqueDeFrance: 0, planApurementBailleur: 0 },
        avant: logement,
        apres: { ...logement, loyer: 450 },
        criteresMenage: { typologieEtLocalisationExistent: null, aucunFreinALever: null },
      },
      bareme: BAREME_EXEMPLE,
      reglages: REGLAGES_SIMULATION_PAR_DEFAUT,
    });
    afficher(db, <VisiteScreen id={visite.id} />);
    // Example barème, 3 persons: 400 + 80 + 35 + 24 + 65 − 150 = 454 € before the move.
    const ligne = await screen.findByRole('row', { name: /^Reste à charge/ });
    await waitFor(() => expect(ligne.querySelectorAll('td')[0]?.textContent?.replace(/\s/g, ' ')).toBe('454,00 €'));
    expect(screen.queryByText(/il n’y en a pas/)).toBeNull();
  });
});

describe('the vigilance flag on the caseload and the household', () => {
  it('shows a badge on the caseload row once a visit budget falls under the line, and not before', async () => {
    const { db, visite } = await preparer();
    afficher(db, <Caseload />);
    await screen.findByText('Famille Benali');
    expect(screen.queryByText('Vigilance')).toBeNull();
    for (const [champ, n] of [
      ['nouveauLoyer', 450],
      ['charges', 60],
      ['apl', 200],
      ['ressources', 600],
    ] as const)
      await enregistrerMontant(db, visite.id, champ, n, aujourdhui());
    const badge = await screen.findByText('Vigilance');
    expect(badge.getAttribute('title')).toContain('sous le seuil');
  });

  it('records the relocation date; a date more than a year ahead is explained and kept', async () => {
    const { db, menage } = await preparer();
    afficher(db, <SuiviMenage menage={menage} />);
    const champ = await screen.findByLabelText('Date de relogement (signature du bail)');
    expect(await screen.findAllByRole('button', { name: /Compte rendu de la visite n°/ })).toHaveLength(3);
    const loin = plusMois(aujourdhui(), 14);
    saisir(champ, loin);
    await waitFor(() => expect(description(champ)).toMatch(/plus de 12 mois dans le futur/));
    await waitFor(async () => expect((await lireMenage(db, menage.id))?.dateRelogement).toBe(loin));
    expect(champ).toHaveProperty('value', loin);
  });
});
