import { lazy, Suspense } from 'preact/compat';
import { useEffect } from 'preact/hooks';
import type { RelogementDb } from '../../data/index.ts';
import { BaseContext } from '../commun/contexte.ts';
import { Caseload } from '../menages/Caseload.tsx';
import { BanniereMiseAJour } from './BanniereMiseAJour.tsx';
import { IndicateurReseau } from './Reseau.tsx';
import { lien, useRoute } from './route.ts';

// The caseload is the first screen and ships in the entry chunk; the rest loads on demand.
const MenageScreen = lazy(() => import('../menage/MenageScreen.tsx'));
const EntretienScreen = lazy(() => import('../entretien/EntretienScreen.tsx'));
const ParametresScreen = lazy(() => import('../parametres/ParametresScreen.tsx'));

const TITRES = { menages: 'Mes ménages', menage: 'Ménage', entretien: 'Entretien', parametres: 'Paramètres' } as const;

export function App({ db }: { db: RelogementDb }) {
  const route = useRoute();
  useEffect(() => {
    document.title = `${TITRES[route.ecran]} — Relogement`;
  }, [route.ecran]);
  return (
    <BaseContext.Provider value={db}>
      <a class="evitement" href="#contenu">Aller au contenu</a>
      <header class="entete">
        <nav aria-label="Navigation principale">
          <a href={lien.menages()} aria-current={route.ecran === 'menages' ? 'page' : undefined}>Mes ménages</a>
          <a href={lien.parametres()} aria-current={route.ecran === 'parametres' ? 'page' : undefined}>Paramètres</a>
        </nav>
        <IndicateurReseau />
      </header>
      <BanniereMiseAJour route={route} />
      <main id="contenu" tabIndex={-1}>
        <Suspense fallback={<p class="chargement">Chargement…</p>}>
          {route.ecran === 'menages' && <Caseload />}
          {route.ecran === 'menage' && <MenageScreen key={route.id} id={route.id} />}
          {route.ecran === 'entretien' && <EntretienScreen key={route.id} id={route.id} section={route.section} />}
          {route.ecran === 'parametres' && <ParametresScreen />}
        </Suspense>
      </main>
    </BaseContext.Provider>
  );
}
