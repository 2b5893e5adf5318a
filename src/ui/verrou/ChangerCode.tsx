import { useState } from 'preact/hooks';
import { ESSAIS_AVANT_OUBLI, changerCode } from '../../data/index.ts';
import type { RelogementDb } from '../../data/index.ts';
import { ChampCode, ChampsNouveauCode, useNouveauCode } from './NouveauCode.tsx';

/**
 * Paramètres: the current code, then a new one twice. Only the wrapping of the data key changes
 * (docs/chiffrement.md); a wrong current code counts as a wrong try at the lock screen.
 */
export function ChangerCode({ db, genreActuel }: { db: RelogementDb; genreActuel: 'chiffres' | 'phrase' }) {
  const nouveau = useNouveauCode();
  const [actuel, setActuel] = useState('');
  const [erreurActuel, setErreurActuel] = useState<string | undefined>();
  const [fait, setFait] = useState(false);
  const [envoi, setEnvoi] = useState(false);

  const valider = async (e: Event) => {
    e.preventDefault();
    setFait(false);
    const manque = actuel
      ? undefined
      : `Saisissez votre ${genreActuel === 'chiffres' ? 'code' : 'phrase de passe'} actuel${genreActuel === 'chiffres' ? '' : 'le'}.`;
    setErreurActuel(manque);
    if (!nouveau.verifier() || manque) return;
    setEnvoi(true);
    const resultat = await changerCode(db, actuel, nouveau.code, nouveau.genre);
    setEnvoi(false);
    setActuel('');
    if (resultat.ouvert) {
      nouveau.setCode('');
      nouveau.setConfirmation('');
      setFait(true);
      return;
    }
    setErreurActuel(
      `Code actuel incorrect. ${resultat.essaisRestants > 1 ? `Encore ${resultat.essaisRestants} essais` : 'Dernier essai'} avant l’effacement des données de cette tablette (${ESSAIS_AVANT_OUBLI} au total).`,
    );
  };

  return (
    <form aria-labelledby="titre-changer-code" onSubmit={(e) => void valider(e)} noValidate>
      <h3 id="titre-changer-code">Changer de code</h3>
      <ChampCode
        id="code-actuel"
        libelle={genreActuel === 'chiffres' ? 'Code actuel' : 'Phrase de passe actuelle'}
        genre={genreActuel}
        valeur={actuel}
        erreur={erreurActuel}
        onSaisie={setActuel}
      />
      <ChampsNouveauCode etat={nouveau} />
      {envoi && <p role="status">Vérification du code…</p>}
      {fait && <p role="status">Code changé : utilisez le nouveau au prochain déverrouillage.</p>}
      <button type="submit" class="bouton" disabled={envoi}>
        Changer de code
      </button>
    </form>
  );
}
