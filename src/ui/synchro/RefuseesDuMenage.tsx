import { nombreRefuseesDuMenage } from '../../data/index.ts';
import { useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { lien } from '../app/route.ts';

/** On a household's page: its changes the server refused, so the officer knows before she relies on them. */
export function RefuseesDuMenage({ menageId }: { menageId: string }) {
  const db = useBase();
  const n = useLive(() => nombreRefuseesDuMenage(db, menageId), [db, menageId]);
  if (!n) return null;
  return (
    <p class="erreur" role="alert">
      {new Intl.NumberFormat('fr-FR').format(n)} modification{n > 1 ? 's' : ''} de ce ménage {n > 1 ? 'ont été refusées' : 'a été refusée'}{' '}
      par le serveur : elle{n > 1 ? 's restent' : ' reste'} sur la tablette. <a href={lien.refusees()}>Voir pourquoi et quoi faire</a>
    </p>
  );
}
