import { render } from 'preact';
import { RelogementDb } from './data/index.ts';
import { demarrerMisesAJour } from './pwa/index.ts';
import type { MoteurSync } from './sync/client/index.ts';
import { App } from './ui/app/App.tsx';
import { premierEcranAffiche } from './ui/app/premier-ecran.ts';
import { toutEnregistrer } from './ui/commun/autosave.ts';
import './ui/styles.css';

const db = new RelogementDb();
// Another tab opened a newer version of the app: save what is typed here, then reload onto it.
db.on('versionchange', () => {
  void toutEnregistrer().then(() => location.reload());
  return false;
});
const racine = document.getElementById('app') as HTMLElement;
const afficher = (moteur: MoteurSync | null) => render(<App db={db} moteur={moteur} />, racine);

// The sync engine (and every schema it validates with) is not part of the first screen: it loads
// once the caseload shows its results, or after a few seconds on another screen, when idle.
const PREMIER_ECRAN_MAX_MS = 3_000;
const auRepos = (travail: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(travail, { timeout: 1_000 }) : setTimeout(travail, 0));
const chargerMoteur = () =>
  import('./sync/client/index.ts').then(({ MoteurSync }) => {
    const moteur = new MoteurSync(db);
    afficher(moteur);
    moteur.demarrer();
  });

db.open()
  .then(() => {
    afficher(null);
    demarrerMisesAJour();
    void Promise.race([premierEcranAffiche, new Promise((fin) => setTimeout(fin, PREMIER_ECRAN_MAX_MS))]).then(() => auRepos(() => void chargerMoteur()));
  })
  .catch(() => {
    racine.innerHTML = '<p class="erreur" role="alert">Ce navigateur ne permet pas l’enregistrement hors ligne (navigation privée ?). Ouvrez l’application dans une fenêtre normale : rien ne sera saisi sans pouvoir être enregistré.</p>';
  });
