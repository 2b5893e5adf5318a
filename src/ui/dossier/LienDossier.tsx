import { dossierDuMenage } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { lien } from '../app/route.ts';

/** The household screen's way to its dossier, with the completeness and what needs doing. */
export function LienDossier({ menageId }: { menageId: string }) {
  const db = useBase();
  const d = useLive(() => dossierDuMenage(db, menageId, aujourdhui()), [db, menageId]);
  const etat = d?.etat;
  return (
    <p>
      <a class="bouton principal" href={lien.dossier(menageId)}>
        Dossier administratif{etat ? ` — complet à ${etat.completude} %` : ''}
      </a>
      {etat && (etat.manquantes.length > 0 || etat.aRenouveler.length > 0) && (
        <span class="aide">
          {' '}
          {etat.manquantes.length} pièce(s) manquante(s) ou expirée(s), {etat.aRenouveler.length} à renouveler bientôt.
        </span>
      )}
    </p>
  );
}
