import { useState } from 'preact/hooks';
import { delaiVerrou, enregistrerDelaiVerrou, etatCode } from '../../data/index.ts';
import { useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { AnciennesModifications } from './AnciennesModifications.tsx';
import { ChangerCode } from './ChangerCode.tsx';
import { verrouillerApresEnregistrement } from './verrouillage.ts';

const DELAIS_MINUTES = [1, 2, 5, 10, 15, 30] as const;

/** Paramètres: the idle time before the app locks itself, on this device, and locking at once. */
export function ReglageVerrou() {
  const db = useBase();
  const minutes = useLive(() => delaiVerrou(db), [db]);
  const code = useLive(() => etatCode(db), [db]);
  const [refus, setRefus] = useState(false);
  if (minutes === undefined) return null;
  return (
    <section class="panneau" aria-labelledby="titre-verrouillage">
      <h2 id="titre-verrouillage">Verrouillage de la tablette</h2>
      <p class="aide">
        Les données des ménages sont chiffrées sur cette tablette. L’application se verrouille à chaque démarrage et après une période sans
        activité ; ce qui est en cours de saisie est enregistré avant.
      </p>
      <div class="champ">
        <label for="delai-verrou">Verrouiller après une inactivité de</label>
        <select id="delai-verrou" value={String(minutes)} onChange={(e) => void enregistrerDelaiVerrou(db, Number(e.currentTarget.value))}>
          {DELAIS_MINUTES.map((m) => (
            <option key={m} value={m}>
              {m === 1 ? '1 minute' : `${m} minutes`}
            </option>
          ))}
        </select>
      </div>
      <button type="button" class="bouton" onClick={() => void verrouillerApresEnregistrement(db).then((fait) => setRefus(!fait))}>
        Verrouiller maintenant
      </button>
      {refus && (
        <p class="erreur" role="alert">
          Une saisie n’a pas pu être enregistrée : l’application reste ouverte pour ne pas la perdre.
        </p>
      )}
      {code && <ChangerCode db={db} genreActuel={code.genre} />}
      <AnciennesModifications db={db} />
    </section>
  );
}
