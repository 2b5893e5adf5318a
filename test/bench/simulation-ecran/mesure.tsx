import { render } from 'preact';
import { BAREME_EXEMPLE, REGLAGES_SIMULATION_PAR_DEFAUT, offreSchema } from '../../../src/domain/index.ts';
import { PanneauSimulation, type DonneesPanneau } from '../../../src/ui/simulation/PanneauSimulation.tsx';
import '../../../src/ui/styles.css';

// The simulation panel as the app shows it, with a household and one offer; the APL after is
// left empty so each keystroke also runs the APL estimate, as on the tablet.
const offre = offreSchema.parse({
  id: '0190a5c0-0000-7000-8000-000000000042',
  statut: 'disponible',
  adresse: '40 boulevard de l’Union',
  commune: 'Roubaix',
  typologie: 'T3',
  surface: 65,
  loyer: 400,
  charges: 100,
  eauComprise: true,
  dontEau: 20,
  zoneApl: 2,
  financement: 'PLUS',
});
const donnees: DonneesPanneau = {
  date: '2026-11-10',
  menage: {
    occupants: 3,
    ressourcesMensuelles: [1500, 1620, 1480],
    depenses: { impots: 12, pensionAlimentaire: 0, mutuelle: 40, pretCaf: 0, planBanqueDeFrance: 0, planApurementBailleur: 0 },
    criteresMenage: { typologieEtLocalisationExistent: null, aucunFreinALever: null },
  },
  manques: [],
  avant: { loyer: '380', chargesGenerales: '60', eau: '25', eauChaude: '', chauffage: '', apl: '150', surface: '60', pieces: '3' },
  notesAvant: [],
  reponses: {},
  personnes: [],
  offres: [offre],
  contexte: { bareme: BAREME_EXEMPLE, reglages: REGLAGES_SIMULATION_PAR_DEFAUT },
};
render(<PanneauSimulation donnees={donnees} offreInitiale={offre.id} />, document.getElementById('app') as HTMLElement);

/** Keystroke to updated table: a new rent typed, until the reste à charge cell has changed. */
async function mesurer(n: number): Promise<number[]> {
  const champ = document.getElementById('apres-loyer') as HTMLInputElement;
  const table = () => document.querySelector('.avant-apres tbody') as HTMLElement;
  const durees: number[] = [];
  for (let i = 0; i < n; i++) {
    const avant = table().textContent;
    const fait = new Promise<void>((resolve) => {
      const obs = new MutationObserver(() => {
        if (table().textContent !== avant) {
          obs.disconnect();
          resolve();
        }
      });
      obs.observe(document.querySelector('.panneau-simulation') as HTMLElement, { subtree: true, childList: true, characterData: true });
    });
    const t0 = performance.now();
    champ.value = String(400 + ((i % 50) + 1));
    champ.dispatchEvent(new Event('input', { bubbles: true }));
    await fait;
    durees.push(performance.now() - t0);
    await new Promise((r) => requestAnimationFrame(() => r(null)));
  }
  return durees;
}
(window as unknown as { mesurer: typeof mesurer }).mesurer = mesurer;
