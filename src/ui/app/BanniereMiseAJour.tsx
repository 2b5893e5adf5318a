import { useEffect, useState } from 'preact/hooks';
import { appliquer, suivreMiseAJour } from '../../pwa/index.ts';
import { toutEnregistrer } from '../commun/autosave.ts';
import type { Route } from './route.ts';

/**
 * "Nouvelle version disponible": applied at once from a list, but never inside an interview or a
 * household form; there it waits for the return to the caseload (PROXX's natural break).
 */
export function BanniereMiseAJour({ route }: { route: Route }) {
  const [disponible, setDisponible] = useState(false);
  const [acceptee, setAcceptee] = useState(false);
  useEffect(() => suivreMiseAJour(setDisponible), []);

  const pauseNaturelle = route.ecran === 'menages' || route.ecran === 'parametres';
  useEffect(() => {
    if (acceptee && pauseNaturelle) void toutEnregistrer().then(appliquer);
  }, [acceptee, pauseNaturelle]);

  if (!disponible) return null;
  return (
    <div class="banniere" role="status">
      <strong>Nouvelle version disponible.</strong>{' '}
      {acceptee && !pauseNaturelle ? (
        <span>Elle sera installée à votre retour à la liste des ménages ; votre saisie est enregistrée.</span>
      ) : (
        <button type="button" class="bouton" onClick={() => setAcceptee(true)}>
          Mettre à jour
        </button>
      )}
    </div>
  );
}
