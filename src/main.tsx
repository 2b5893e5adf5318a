import { render } from 'preact';
import { RelogementDb, VERSIONS } from './data/index.ts';
import type { MoteurSync } from './sync-client/index.ts';
import { App, prechargerEcran } from './ui/app/App.tsx';
import { enDemonstration, nomBase } from './ui/app/espace.ts';
import { apresPremierEcran } from './ui/app/premier-ecran.ts';
import './ui/styles.css';

// The officer's data is encrypted at rest (docs/chiffrement.md); the demo space's fictitious households are not.
const db = new RelogementDb(nomBase(), VERSIONS, { chiffree: !enDemonstration() });
// Another tab opened a newer version of the app: save what is typed here, then reload onto it.
db.on('versionchange', () => {
  // The screens that keep drafts load this module with them: loaded here, it finds theirs.
  void import('./ui/commun/autosave.ts').then((m) => m.toutEnregistrer()).then(() => location.reload());
  return false;
});
const racine = document.getElementById('app') as HTMLElement;
const afficher = (moteur: MoteurSync | null) => render(<App db={db} moteur={moteur} />, racine);

// The sync engine (and every schema it validates with) and the update check are not part of the
// first screen: they load a moment after the caseload shows its results (or after a few seconds on
// another screen), when idle, so that evaluating them does not hold up the officer's first search.
const APRES_PREMIER_ECRAN_MS = 2_000;
const auRepos = (travail: () => void) =>
  'requestIdleCallback' in window ? requestIdleCallback(travail, { timeout: 1_000 }) : setTimeout(travail, 0);
const chargerMoteur = () =>
  import('./sync-client/index.ts').then(({ MoteurSync }) => {
    const moteur = new MoteurSync(db);
    afficher(moteur);
    moteur.demarrer();
  });

db.open()
  .then(() => {
    // Preact renders beside what the container holds: the loading message would stay under every screen.
    racine.replaceChildren();
    afficher(null);
    void apresPremierEcran.then(() =>
      setTimeout(
        () =>
          auRepos(() => {
            import('./pwa/index.ts').then((pwa) => pwa.demarrerMisesAJour()).catch(() => undefined);
            // The demo space never syncs: its households are fictitious.
            // Unloadable (offline after an update), the app works on without syncing until the next start.
            if (!enDemonstration()) chargerMoteur().catch(() => undefined);
            // The tap on « Pilotage » is the one with the most to load (the report's domain, charts and schemas): its
            // module fetched and evaluated now, the tap waits only for the figures. Unloadable, it loads at the tap.
            // Then its figures, prepared at idle and after each change, so that the tap only draws them.
            prechargerEcran('pilotage')
              .then(() => import('./ui/pilotage/preparation.ts'))
              .then((m) => m.preparerPilotageAuRepos(db))
              .catch(() => undefined);
          }),
        APRES_PREMIER_ECRAN_MS,
      ),
    );
  })
  .catch(() => {
    racine.innerHTML =
      '<p class="erreur" role="alert">Ce navigateur ne permet pas l’enregistrement hors ligne (navigation privée ?). Ouvrez l’application dans une fenêtre normale : rien ne sera saisi sans pouvoir être enregistré.</p>';
  });
