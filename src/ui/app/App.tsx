import { lazy, Suspense } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import type { RelogementDb } from '../../data/index.ts';
import type { MoteurSync } from '../../sync/client/index.ts';
import { BaseContext, MoteurContext } from '../commun/contexte.ts';
import { EtatSynchro } from '../synchro/EtatSynchro.tsx';
import { Caseload } from '../menages/Caseload.tsx';
import { EcranVerrou } from '../verrou/EcranVerrou.tsx';
import { useVerrouillageInactif } from '../verrou/verrouillage.ts';
import { BanniereMiseAJour } from './BanniereMiseAJour.tsx';
import { changerEspace, enDemonstration } from './espace.ts';
import { lien, useRoute } from './route.ts';

// The caseload is the first screen and ships in the entry chunk; the rest loads on demand.
const MenageScreen = lazy(() => import('../menage/MenageScreen.tsx'));
const EntretienScreen = lazy(() => import('../entretien/EntretienScreen.tsx'));
const PropositionsScreen = lazy(() => import('../propositions/PropositionsScreen.tsx'));
const OffresScreen = lazy(() => import('../offres/OffresScreen.tsx'));
const OffreScreen = lazy(() => import('../offres/OffreScreen.tsx'));
const SimulationScreen = lazy(() => import('../simulation/SimulationScreen.tsx'));
const BaremesScreen = lazy(() => import('../baremes/BaremesScreen.tsx'));
const ParametresScreen = lazy(() => import('../parametres/ParametresScreen.tsx'));
const AgendaScreen = lazy(() => import('../agenda/AgendaScreen.tsx'));
const VisiteScreen = lazy(() => import('../suivi/VisiteScreen.tsx'));
const EnqueteScreen = lazy(() => import('../suivi/EnqueteScreen.tsx'));
const Connexion = lazy(() => import('../synchro/Connexion.tsx'));
const DossierScreen = lazy(() => import('../dossier/DossierScreen.tsx'));
const RefuseesScreen = lazy(() => import('../synchro/RefuseesScreen.tsx'));
const AccessibiliteScreen = lazy(() => import('../accessibilite/AccessibiliteScreen.tsx'));

const TITRES = { menages: 'Mes ménages', menage: 'Ménage', entretien: 'Entretien', offres: 'Offres', offre: 'Offre', simulation: 'Simulation', baremes: 'Barèmes FSL', propositions: 'Propositions', parametres: 'Paramètres', agenda: 'À faire', visite: 'Visite de courtoisie', enquete: 'Enquête de satisfaction', dossier: 'Dossier administratif', connexion: 'Connexion', refusees: 'Modifications refusées', accessibilite: 'Accessibilité' } as const;

/** In place of the sync status in the demo space: its data stays on this device. */
function Demonstration() {
  return (
    <div class="synchro" role="status">
      <span class="pastille synchro-attention">Démonstration : données fictives, jamais envoyées</span>
      <button type="button" class="bouton petit" onClick={() => changerEspace(false)}>Quitter la démonstration</button>
    </div>
  );
}

// The routes live in the hash: following « #contenu » would leave the screen for the caseload.
const allerAuContenu = (e: Event) => {
  e.preventDefault();
  document.getElementById('contenu')?.focus();
};

/**
 * The lock screen in place of the whole app while the data key is not in memory (an encrypted
 * database: not the demo space's). Locking unmounts the screens, so nothing decrypted stays on
 * screen; the route is kept, and the officer comes back where she was.
 */
export function App({ db, moteur }: { db: RelogementDb; moteur: MoteurSync | null }) {
  const coffre = db.coffre;
  const [ouvert, setOuvert] = useState(!coffre || coffre.ouvert);
  // Only the lock is followed here: unlocking shows the app once the lock screen is done (the data sealed).
  useEffect(() => coffre?.ecouter(() => coffre.ouvert || setOuvert(false)), [coffre]);
  useVerrouillageInactif(coffre && ouvert ? db : null);
  if (!ouvert) return <EcranVerrou db={db} onOuvert={() => setOuvert(true)} />;
  return <Application db={db} moteur={moteur} />;
}

function Application({ db, moteur }: { db: RelogementDb; moteur: MoteurSync | null }) {
  const route = useRoute();
  useEffect(() => {
    document.title = `${TITRES[route.ecran]} — Relogement`;
  }, [route.ecran]);
  return (
    <BaseContext.Provider value={db}>
      <MoteurContext.Provider value={moteur}>
      <a class="evitement" href="#contenu" onClick={allerAuContenu}>Aller au contenu</a>
      <header class="entete">
        <nav aria-label="Navigation principale">
          <a href={lien.menages()} aria-current={route.ecran === 'menages' ? 'page' : undefined}>Mes ménages</a>
          <a href={lien.agenda()} aria-current={route.ecran === 'agenda' ? 'page' : undefined}>À faire</a>
          <a href={lien.offres()} aria-current={route.ecran === 'offres' || route.ecran === 'offre' ? 'page' : undefined}>Offres</a>
          <a href={lien.parametres()} aria-current={route.ecran === 'parametres' ? 'page' : undefined}>Paramètres</a>
        </nav>
        <div class="etats">
          {enDemonstration() ? <Demonstration /> : <EtatSynchro />}
        </div>
      </header>
      <BanniereMiseAJour route={route} />
      <main id="contenu" tabIndex={-1}>
        <Suspense fallback={<p class="chargement">Chargement…</p>}>
          {route.ecran === 'menages' && <Caseload />}
          {route.ecran === 'menage' && <MenageScreen key={route.id} id={route.id} />}
          {route.ecran === 'entretien' && <EntretienScreen key={route.id} id={route.id} section={route.section} champ={route.champ} />}
          {route.ecran === 'propositions' && <PropositionsScreen key={route.id} id={route.id} papier={route.papier} cible={route.cible} />}
          {route.ecran === 'offres' && <OffresScreen />}
          {route.ecran === 'offre' && <OffreScreen key={route.id} id={route.id} />}
          {route.ecran === 'simulation' && <SimulationScreen key={`${route.id}/${route.offreId ?? ''}`} menageId={route.id} offreId={route.offreId} />}
          {route.ecran === 'baremes' && <BaremesScreen />}
          {route.ecran === 'parametres' && <ParametresScreen />}
          {route.ecran === 'agenda' && <AgendaScreen />}
          {route.ecran === 'visite' && <VisiteScreen key={route.id} id={route.id} />}
          {route.ecran === 'enquete' && <EnqueteScreen key={route.id} id={route.id} />}
          {route.ecran === 'dossier' && <DossierScreen key={route.id} id={route.id} />}
          {route.ecran === 'connexion' && <Connexion />}
          {route.ecran === 'refusees' && <RefuseesScreen />}
          {route.ecran === 'accessibilite' && <AccessibiliteScreen />}
        </Suspense>
      </main>
      </MoteurContext.Provider>
    </BaseContext.Provider>
  );
}
