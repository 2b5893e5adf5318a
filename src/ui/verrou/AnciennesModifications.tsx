import { useState } from 'preact/hooks';
import { format, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';
import { abandonnerAnciennesModifications, anciennesModifications, recupererAnciennesModifications } from '../../data/index.ts';
import type { AnciennesModifications as Gardees, RelogementDb } from '../../data/index.ts';
import { useLive } from '../commun/useLive.ts';
import { ChampCode } from './NouveauCode.tsx';

/** One set of changes kept under a former code: typed right, it comes back to the outbox. */
function Gardee({ db, gardees, onFini }: { db: RelogementDb; gardees: Gardees; onFini: () => void }) {
  const [code, setCode] = useState('');
  const [erreur, setErreur] = useState<string | undefined>();
  const [envoi, setEnvoi] = useState(false);
  const [abandon, setAbandon] = useState(false);
  const id = `ancien-${gardees.base}`;

  const valider = async (e: Event) => {
    e.preventDefault();
    if (!code) return setErreur('Saisissez l’ancien code.');
    setEnvoi(true);
    const r = await recupererAnciennesModifications(db, gardees.base, code);
    setEnvoi(false);
    setCode('');
    if (r.ouvert || r.oublie) return onFini();
    setErreur(
      `Ce n’est pas l’ancien code. Encore ${r.essaisRestants} essai${r.essaisRestants > 1 ? 's' : ''} avant l’effacement définitif de ces modifications.`,
    );
  };

  return (
    <form aria-labelledby={`${id}-titre`} onSubmit={(e) => void valider(e)} noValidate>
      <h3 id={`${id}-titre`}>
        Modifications gardées sous l’ancien code
        {gardees.gardeesLe ? ` depuis le ${format(parseISO(gardees.gardeesLe), 'd MMMM yyyy', { locale: fr })}` : ''}
      </h3>
      <p class="aide">
        {gardees.modifications} modification{gardees.modifications > 1 ? 's' : ''} et {gardees.fichiers} photo
        {gardees.fichiers > 1 ? 's' : ''} non envoyées avant l’effacement de la tablette. Elles restent chiffrées par l’ancien code : saisi
        ici, il les remet dans les envois de la tablette ; sans lui, elles ne peuvent pas être lues.
      </p>
      <ChampCode
        id={id}
        libelle={gardees.genre === 'chiffres' ? 'Ancien code' : 'Ancienne phrase de passe'}
        genre={gardees.genre}
        valeur={code}
        erreur={erreur}
        onSaisie={setCode}
      />
      {envoi && <p role="status">Vérification du code…</p>}
      <div class="actions">
        <button type="submit" class="bouton" disabled={envoi}>
          Retrouver ces modifications
        </button>
        {abandon ? (
          <button type="button" class="bouton danger" onClick={() => void abandonnerAnciennesModifications(db, gardees.base).then(onFini)}>
            Confirmer : les effacer définitivement
          </button>
        ) : (
          <button type="button" class="bouton" onClick={() => setAbandon(true)}>
            Y renoncer
          </button>
        )}
      </div>
    </form>
  );
}

/** Paramètres: the changes kept under former codes of this device, if any. */
export function AnciennesModifications({ db }: { db: RelogementDb }) {
  const [version, setVersion] = useState(0);
  const liste = useLive(() => anciennesModifications(db), [db, version]);
  if (!liste?.length) return null;
  return (
    <>
      {liste.map((g) => (
        <Gardee key={g.base} db={db} gardees={g} onFini={() => setVersion((v) => v + 1)} />
      ))}
    </>
  );
}
