import { render } from 'preact';
import { RelogementDb } from './data/index.ts';
import { demarrerMisesAJour } from './pwa/index.ts';
import { MoteurSync } from './sync/client/index.ts';
import { App } from './ui/app/App.tsx';
import { toutEnregistrer } from './ui/commun/autosave.ts';
import './ui/styles.css';

const db = new RelogementDb();
// Another tab opened a newer version of the app: save what is typed here, then reload onto it.
db.on('versionchange', () => {
  void toutEnregistrer().then(() => location.reload());
  return false;
});
const racine = document.getElementById('app') as HTMLElement;

db.open()
  .then(() => {
    const moteur = new MoteurSync(db);
    render(<App db={db} moteur={moteur} />, racine);
    moteur.demarrer();
    demarrerMisesAJour();
  })
  .catch(() => {
    racine.innerHTML = '<p class="erreur" role="alert">Ce navigateur ne permet pas l’enregistrement hors ligne (navigation privée ?). Ouvrez l’application dans une fenêtre normale : rien ne sera saisi sans pouvoir être enregistré.</p>';
  });
