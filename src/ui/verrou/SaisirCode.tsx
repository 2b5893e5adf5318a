import { useState } from 'preact/hooks';
import { ESSAIS_AVANT_OUBLI, deverrouiller } from '../../data/index.ts';
import type { EtatCode, RelogementDb } from '../../data/index.ts';
import { attributsSaisie, useFocusInitial } from './saisie-code.ts';

// The code asked at every start and after the idle time; a wrong one is counted, and said.

/** The lock screen's title, also while it loads. */
export const TITRE_VERROU = 'Application verrouillée';

function message(etat: EtatCode): string | null {
  if (etat.oublie) {
    return `Après ${ESSAIS_AVANT_OUBLI} codes erronés, les données de cette tablette ont été effacées. Les modifications qui n’étaient pas encore envoyées restent chiffrées par votre code : saisi ici, il les retrouve, et elles partiront à la prochaine synchronisation, après connexion.`;
  }
  if (etat.essaisRestants >= ESSAIS_AVANT_OUBLI) return null;
  return `Code incorrect. ${etat.essaisRestants > 1 ? `Encore ${etat.essaisRestants} essais` : 'Dernier essai'} avant l’effacement des données de cette tablette.`;
}

export function SaisirCode({ db, etat, onOuvert }: { db: RelogementDb; etat: EtatCode; onOuvert: () => void }) {
  const [code, setCode] = useState('');
  const [envoi, setEnvoi] = useState(false);
  const champ = useFocusInitial();
  const avertissement = message(etat);

  const valider = async (e: Event) => {
    e.preventDefault();
    if (!code) return;
    setEnvoi(true);
    performance.mark('code-saisi');
    const resultat = await deverrouiller(db, code);
    if (resultat.ouvert) return onOuvert();
    setCode('');
    setEnvoi(false);
    champ.current?.focus();
  };

  return (
    <form class="panneau verrou" aria-labelledby="titre-verrou" onSubmit={(e) => void valider(e)} noValidate>
      <h1 id="titre-verrou">{etat.oublie ? 'Données de la tablette effacées' : TITRE_VERROU}</h1>
      {!etat.oublie && (
        <p class="aide">
          Saisissez votre {etat.genre === 'chiffres' ? 'code' : 'phrase de passe'} pour reprendre là où vous en étiez : rien de ce qui a été
          saisi n’est perdu.
        </p>
      )}
      {avertissement && (
        <p id="verrou-avertissement" class="erreur" role="alert">
          {avertissement}
        </p>
      )}
      <div class="champ">
        <label for="verrou-code">{etat.genre === 'chiffres' ? 'Code' : 'Phrase de passe'}</label>
        <input
          ref={champ}
          id="verrou-code"
          type="password"
          {...attributsSaisie(etat.genre)}
          value={code}
          aria-describedby={avertissement ? 'verrou-avertissement' : undefined}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
      </div>
      {envoi && <p role="status">Vérification du code…</p>}
      <button type="submit" class="bouton principal" disabled={envoi}>
        Déverrouiller
      </button>
    </form>
  );
}
