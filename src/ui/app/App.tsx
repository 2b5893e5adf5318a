import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { liveQuery, lireSession, type RelogementDb } from '../../data/index.ts';
import { sourcePilotage } from '../../sync/index.ts';
import type { MoteurSync } from '../../sync-client/index.ts';
import { BaseContext, MoteurContext } from '../commun/contexte.ts';
import { differe } from '../commun/differe.tsx';
import { EnChargement } from '../commun/EnChargement.tsx';
import { SynchroEnPreparation } from '../synchro/EnPreparation.tsx';
import { EcranVerrou } from '../verrou/EcranVerrou.tsx';
import { changerEspace, enDemonstration } from './espace.ts';
import { apresPremierEcran } from './premier-ecran.ts';
import { ECRANS, lien, lireRoute, parametres, titre, useRoute, type NomEcran, type Route } from './route.ts';

// Every screen loads on demand, from its entry in the route table, its title shown meanwhile.
const VUES = Object.fromEntries(
  (Object.keys(ECRANS) as NomEcran[]).map((nom) => [
    nom,
    differe(ECRANS[nom].vue as () => Promise<{ default: ComponentType<Record<string, string | null>> }>, () => (
      <EnChargement titre={ECRANS[nom].titre} />
    )),
  ]),
);

// The sync status comes with the engine, which loads after the first screen.
const EtatSynchro = differe<object>(
  () => import('../synchro/EtatSynchro.tsx').then((m) => ({ default: m.EtatSynchro })),
  SynchroEnPreparation,
);

// The update banner comes with the update check, once the first screen is shown: nothing to show before.
const BanniereMiseAJour = differe<{ route: Route }>(
  () => apresPremierEcran.then(() => import('./BanniereMiseAJour.tsx')).then((m) => ({ default: m.BanniereMiseAJour })),
  () => <></>,
);

// The idle lock counts from the first screen shown: its minutes start a moment later, its script is not on the way to the caseload.
const VerrouillageInactif = differe<{ db: RelogementDb }>(
  () => apresPremierEcran.then(() => import('../verrou/verrouillage.ts')).then((m) => ({ default: m.VerrouillageInactif })),
  () => <></>,
);

/** Loads a screen's module ahead of its first opening (when idle, for a heavy screen). */
export const prechargerEcran = (nom: NomEcran): Promise<void> => VUES[nom]!.precharger();

function Ecran({ route }: { route: Route }) {
  const Vue = VUES[route.ecran]!;
  const { props, cle } = parametres(route);
  return <Vue key={cle} {...props} />;
}

/** In place of the sync status in the demo space: its data stays on this device. */
function Demonstration() {
  return (
    <div class="synchro" role="status">
      <span class="pastille synchro-attention">Démonstration : données fictives, jamais envoyées</span>
      <button type="button" class="bouton petit" onClick={() => changerEspace(false)}>
        Quitter la démonstration
      </button>
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
  // While the code is typed: the screen to show once unlocked is fetched and evaluated.
  useEffect(() => {
    if (!ouvert) void ECRANS[lireRoute(location.hash).ecran].vue().catch(() => undefined);
  }, [ouvert]);
  if (!ouvert) return <EcranVerrou db={db} moteur={moteur} onOuvert={() => setOuvert(true)} />;
  return (
    <>
      {coffre && <VerrouillageInactif db={db} />}
      <Application db={db} moteur={moteur} />
    </>
  );
}

/**
 * A partner's account follows no household: its home is the territory's offers, and its menu only
 * what it may use (« Pilotage » for the métropole, the State and a landlord: the server's report).
 */
function useRouteDuCompte(db: RelogementDb): { route: Route; partenaire: boolean; pilotage: boolean } {
  const route = useRoute();
  const [compte, setCompte] = useState({ partenaire: false, pilotage: true });
  useEffect(() => {
    const abonnement = liveQuery(() => lireSession(db)).subscribe({
      next: (s) =>
        setCompte({
          partenaire: s?.user.role === 'partenaire',
          pilotage: !s || sourcePilotage(s.user.role, s.user.organisation.kind) !== null,
        }),
    });
    return () => abonnement.unsubscribe();
  }, [db]);
  return { route: compte.partenaire && route.ecran === 'menages' ? { ecran: 'offresPartagees' } : route, ...compte };
}

function Application({ db, moteur }: { db: RelogementDb; moteur: MoteurSync | null }) {
  const { route, partenaire, pilotage } = useRouteDuCompte(db);
  useEffect(() => {
    document.title = `${titre(route)} — Relogement`;
  }, [route]);
  return (
    <BaseContext.Provider value={db}>
      <MoteurContext.Provider value={moteur}>
        <a class="evitement" href="#contenu" onClick={allerAuContenu}>
          Aller au contenu
        </a>
        <header class="entete">
          <nav aria-label="Navigation principale">
            {!partenaire && (
              <>
                <a href={lien.menages()} aria-current={route.ecran === 'menages' ? 'page' : undefined}>
                  Mes ménages
                </a>
                <a href={lien.agenda()} aria-current={route.ecran === 'agenda' ? 'page' : undefined}>
                  À faire
                </a>
                <a href={lien.offres()} aria-current={route.ecran === 'offres' || route.ecran === 'offre' ? 'page' : undefined}>
                  Offres
                </a>
              </>
            )}
            <a
              href={lien.offresPartagees()}
              aria-current={route.ecran === 'offresPartagees' || route.ecran === 'offrePartagee' ? 'page' : undefined}
            >
              Offres du territoire
            </a>
            {pilotage && (
              <a href={lien.pilotage()} aria-current={route.ecran === 'pilotage' ? 'page' : undefined}>
                Pilotage
              </a>
            )}
            <a href={lien.parametres()} aria-current={route.ecran === 'parametres' ? 'page' : undefined}>
              Paramètres
            </a>
          </nav>
          <div class="etats">{enDemonstration() ? <Demonstration /> : moteur ? <EtatSynchro /> : <SynchroEnPreparation />}</div>
        </header>
        <BanniereMiseAJour route={route} />
        <main id="contenu" tabIndex={-1}>
          <Ecran route={route} />
        </main>
      </MoteurContext.Provider>
    </BaseContext.Provider>
  );
}
