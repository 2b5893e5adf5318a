import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { BAREME_EXEMPLE, REGLAGES_SIMULATION_PAR_DEFAUT, logementOffreDe, offreSchema, simuler } from '../../src/domain/index.ts';
import type { EntreeSimulation } from '../../src/domain/index.ts';
import { TableauAvantApres } from '../../src/ui/simulation/TableauAvantApres.tsx';
import { PanneauSimulation, type DonneesPanneau } from '../../src/ui/simulation/PanneauSimulation.tsx';

const ctx = { bareme: BAREME_EXEMPLE, reglages: REGLAGES_SIMULATION_PAR_DEFAUT };
const depenses = { impots: 0, pensionAlimentaire: 0, mutuelle: 0, pretCaf: 0, planBanqueDeFrance: 0, planApurementBailleur: 0 };
const logement = (modif: Partial<EntreeSimulation['avant']>): EntreeSimulation['avant'] => ({
  loyer: 380,
  chargesGenerales: 60,
  eau: null,
  eauChaude: null,
  chauffage: null,
  apl: 150,
  surface: 60,
  pieces: 3,
  surfaceCuisine: null,
  ...modif,
});
const entree = (apres: Partial<EntreeSimulation['avant']>): EntreeSimulation => ({
  date: '2026-11-10',
  occupants: 3,
  ressourcesMensuelles: [1500],
  depenses,
  avant: logement({}),
  apres: logement(apres),
  criteresMenage: { typologieEtLocalisationExistent: null, aucunFreinALever: null },
});

function afficher(e: EntreeSimulation) {
  return render(<TableauAvantApres resultat={simuler(e, ctx)} apl={null} surfaces={{ avant: e.avant.surface, apres: e.apres.surface }} />);
}
const ligne = (nom: string) => within(screen.getByRole('row', { name: new RegExp(`^${nom}`) }));

describe('the before/after table', () => {
  it('shows the rounded figures, the evolution and no alert for a cheaper, larger dwelling', () => {
    // Example barème, 3 persons: water 35, hot water 24, heating 65 on both sides → reste à charge 380 + 60 + 124 − 150 = 414 €.
    afficher(entree({ loyer: 350, surface: 70 }));
    expect(ligne('Reste à charge').getByText('414,00 €')).toBeTruthy();
    expect(ligne('Reste à charge').getByText('384,00 €')).toBeTruthy();
    expect(ligne('Reste à charge').getByText('-30,00 €').className).toBe('mieux');
    expect(ligne('Taux d’effort').getByText('27,6 %')).toBeTruthy();
    expect(ligne('Taux d’effort').getByText('25,6 %')).toBeTruthy();
    expect(ligne('Surface').getByText('+10 m²')).toBeTruthy();
    expect(screen.getByText('Aucune alerte.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/^Barème d’exemple/);
    expect(screen.getByText(/Barème FSL : Exemple \(aucun territoire\), à partir du 01\/01\/2023, sans date de fin — source/)).toBeTruthy();
  });

  it('lists each alert in French, coloured, when the dwelling is dearer and too small', () => {
    afficher(entree({ loyer: 700, surface: 40, pieces: 1, apl: 0 }));
    const alertes = within(screen.getByRole('list', { name: 'Alertes de la simulation' })).getAllByRole('listitem');
    expect(alertes.map((a) => a.textContent)).toEqual([
      'Taux d’effort après relogement au-dessus du seuil d’alerte',
      'Reste à vivre après relogement sous le seuil d’alerte',
      'Le reste à vivre passe sous le seuil d’alerte avec ce relogement',
      'Le reste à charge augmente plus que la surface',
      'Logement proposé suroccupé selon la norme du territoire',
    ]);
    expect(alertes.every((a) => a.classList.contains('grave'))).toBe(true);
    expect(ligne('Reste à charge').getByText('+470,00 €').className).toBe('moins-bien');
    expect(screen.getByText(/Critères non remplis/)).toBeTruthy();
  });

  it('says when there are no resources', () => {
    afficher({ ...entree({}), ressourcesMensuelles: [0] });
    expect(screen.getByText('Ressources nulles : pas de taux d’effort calculable')).toBeTruthy();
    expect(ligne('Taux d’effort').getAllByText('non calculable')).toHaveLength(3);
  });
});

describe('the simulation panel', () => {
  const offre = offreSchema.parse({
    id: '0190a5c0-0000-7000-8000-000000000042',
    statut: 'disponible',
    adresse: '40 boulevard de l’Union',
    commune: 'Roubaix',
    typologie: 'T3',
    surface: 65,
    loyer: 400,
    charges: 100,
    zoneApl: 2,
  });
  const donnees: DonneesPanneau = {
    date: '2026-11-10',
    menage: {
      occupants: 3,
      ressourcesMensuelles: [1500],
      depenses,
      criteresMenage: { typologieEtLocalisationExistent: null, aucunFreinALever: null },
    },
    manques: [],
    avant: { loyer: '380', chargesGenerales: '60', eau: '', eauChaude: '', chauffage: '', apl: '150', surface: '60', pieces: '3' },
    notesAvant: [],
    reponses: {},
    personnes: [],
    offres: [offre],
    contexte: ctx,
  };

  it('recomputes at each keystroke, explains a bad figure at its field, and leaves the offer as it was', () => {
    render(<PanneauSimulation donnees={donnees} offreInitiale={offre.id} />);
    const proposee = within(screen.getByRole('group', { name: 'Logement proposé' }));
    fireEvent.input(proposee.getByLabelText('APL (€)'), { target: { value: '160' } });
    expect(ligne('Reste à charge').getByText('464,00 €')).toBeTruthy();
    fireEvent.input(proposee.getByLabelText('Loyer (€)'), { target: { value: '370' } });
    expect(ligne('Reste à charge').getByText('434,00 €')).toBeTruthy();
    fireEvent.input(proposee.getByLabelText('Loyer (€)'), { target: { value: '37O' } });
    expect(proposee.getByText('« 37O » n’est pas un nombre : tapez par exemple 412,50.')).toBeTruthy();
    expect(proposee.getByLabelText('Loyer (€)')).toHaveProperty('value', '37O');
    expect(offre.loyer).toBe(400);
    expect(logementOffreDe(offre)?.loyer).toBe('400');
  });

  it('prints the amounts the computation used, FSL lump sums included, adding up to the reste à charge', () => {
    render(<PanneauSimulation donnees={donnees} offreInitiale={offre.id} />);
    fireEvent.input(within(screen.getByRole('group', { name: 'Logement proposé' })).getByLabelText('APL (€)'), {
      target: { value: '160' },
    });
    const fiche = within(screen.getByRole('table', { name: /^Chiffres retenus/ }));
    const cellules = (nom: string) => fiche.getByRole('row', { name: new RegExp(`^${nom}`) }).querySelectorAll('td');
    const montants = (nom: string) => [...cellules(nom)].map((td) => td.textContent?.replace(/\s/g, ' '));
    // Example barème, 3 persons: no charge on either receipt, so the lump sums count on both sides.
    expect(montants('Eau froide \\(forfait FSL\\)')).toEqual(['35,00 €', '35,00 €']);
    expect(montants('Eau chaude \\(forfait FSL\\)')).toEqual(['24,00 €', '24,00 €']);
    expect(montants('Chauffage \\(forfait FSL\\)')).toEqual(['65,00 €', '65,00 €']);
    expect(montants('APL déduite')).toEqual(['-150,00 €', '-160,00 €']);
    // 380 + 60 + 35 + 24 + 65 − 150 = 414; 400 + 100 + 35 + 24 + 65 − 160 = 464.
    expect(montants('Total : reste à charge')).toEqual(['414,00 €', '464,00 €']);
  });

  it('estimates the after APL when it is left empty, and says so with its barème month', () => {
    render(<PanneauSimulation donnees={donnees} offreInitiale={offre.id} />);
    const apl = screen.getByText(
      /^APL après relogement estimée : barème .*ressources calibrées sur l’APL actuelle.*Le barème APL connu s’arrête en septembre 2026/,
    );
    expect(apl.textContent?.match(/estimée/g)).toHaveLength(1);
  });
});
