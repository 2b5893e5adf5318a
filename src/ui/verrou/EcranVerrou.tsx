import { useEffect, useRef, useState } from 'preact/hooks';
import { CHIFFRES_MINIMUM, PHRASE_MINIMUM, verifierCode } from '../../domain/index.ts';
import type { GenreCode } from '../../domain/index.ts';
import { ESSAIS_AVANT_OUBLI, choisirCode, deverrouiller, etatCode } from '../../data/index.ts';
import type { EtatCode, RelogementDb } from '../../data/index.ts';
import { useLive } from '../commun/useLive.ts';

// The lock screen (docs/chiffrement.md): at the first start the officer chooses her code; then it
// is asked at every start and after the idle time. The field opens the numeric keypad for a code.

const attributsSaisie = (genre: GenreCode) => ({
  inputMode: genre === 'chiffres' ? ('numeric' as const) : ('text' as const),
  autoComplete: 'off',
});

function useFocusInitial() {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function ChoisirCode({ db, onOuvert }: { db: RelogementDb; onOuvert: () => void }) {
  const [genre, setGenre] = useState<GenreCode>('chiffres');
  const [code, setCode] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [erreurs, setErreurs] = useState<{ code?: string; confirmation?: string; general?: string }>({});
  const [envoi, setEnvoi] = useState(false);
  const champ = useFocusInitial();

  const valider = async (e: Event) => {
    e.preventDefault();
    const erreurCode = verifierCode(code, genre);
    const erreurConfirmation = !erreurCode && confirmation !== code ? 'Les deux saisies ne sont pas identiques.' : undefined;
    setErreurs({ code: erreurCode ?? undefined, confirmation: erreurConfirmation });
    if (erreurCode || erreurConfirmation) return;
    setEnvoi(true);
    try {
      await choisirCode(db, code, genre);
      onOuvert();
    } catch (err) {
      setErreurs({ general: err instanceof Error ? err.message : 'Le code n’a pas pu être enregistré.' });
      setEnvoi(false);
    }
  };

  return (
    <form class="panneau verrou" aria-labelledby="titre-verrou" onSubmit={(e) => void valider(e)} noValidate>
      <h1 id="titre-verrou">Choisissez votre code</h1>
      <p class="aide">
        Les données des ménages sont chiffrées sur cette tablette. Ce code les déverrouille à chaque démarrage et après une période
        d’inactivité. Ne le notez pas sur la tablette : sans lui, les données ne peuvent pas être lues. Après {ESSAIS_AVANT_OUBLI} codes
        erronés, la tablette efface ses données.
      </p>
      <fieldset class="champ">
        <legend>Type de secret</legend>
        <div class="options">
          <label class="option">
            <input type="radio" name="genre-code" checked={genre === 'chiffres'} onChange={() => setGenre('chiffres')} /> Code chiffré (
            {CHIFFRES_MINIMUM} chiffres au moins)
          </label>
          <label class="option">
            <input type="radio" name="genre-code" checked={genre === 'phrase'} onChange={() => setGenre('phrase')} /> Phrase de passe (
            {PHRASE_MINIMUM} caractères au moins)
          </label>
        </div>
      </fieldset>
      <div class="champ">
        <label for="verrou-nouveau">{genre === 'chiffres' ? 'Nouveau code' : 'Nouvelle phrase de passe'}</label>
        <input
          ref={champ}
          id="verrou-nouveau"
          type="password"
          {...attributsSaisie(genre)}
          value={code}
          aria-invalid={erreurs.code ? true : undefined}
          aria-describedby={erreurs.code ? 'verrou-nouveau-erreur' : undefined}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
        {erreurs.code && (
          <p id="verrou-nouveau-erreur" class="erreur" role="alert">
            {erreurs.code}
          </p>
        )}
      </div>
      <div class="champ">
        <label for="verrou-confirmation">{genre === 'chiffres' ? 'Confirmez le code' : 'Confirmez la phrase de passe'}</label>
        <input
          id="verrou-confirmation"
          type="password"
          {...attributsSaisie(genre)}
          value={confirmation}
          aria-invalid={erreurs.confirmation ? true : undefined}
          aria-describedby={erreurs.confirmation ? 'verrou-confirmation-erreur' : undefined}
          onInput={(e) => setConfirmation(e.currentTarget.value)}
        />
        {erreurs.confirmation && (
          <p id="verrou-confirmation-erreur" class="erreur" role="alert">
            {erreurs.confirmation}
          </p>
        )}
      </div>
      {erreurs.general && (
        <p class="erreur" role="alert">
          {erreurs.general}
        </p>
      )}
      {envoi && <p role="status">Chiffrement des données de la tablette…</p>}
      <button type="submit" class="bouton principal" disabled={envoi}>
        Enregistrer le code
      </button>
    </form>
  );
}

function message(etat: EtatCode): string | null {
  if (etat.oublie) {
    return `Après ${ESSAIS_AVANT_OUBLI} codes erronés, les données de cette tablette ont été effacées. Les modifications qui n’étaient pas encore envoyées restent chiffrées : le bon code les retrouve, et elles partiront à la prochaine synchronisation, après connexion.`;
  }
  if (etat.essaisRestants >= ESSAIS_AVANT_OUBLI) return null;
  return `Code incorrect. ${etat.essaisRestants > 1 ? `Encore ${etat.essaisRestants} essais` : 'Dernier essai'} avant l’effacement des données de cette tablette.`;
}

function SaisirCode({ db, etat, onOuvert }: { db: RelogementDb; etat: EtatCode; onOuvert: () => void }) {
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
      <h1 id="titre-verrou">Application verrouillée</h1>
      <p class="aide">
        Saisissez votre {etat.genre === 'chiffres' ? 'code' : 'phrase de passe'} pour reprendre là où vous en étiez : rien de ce qui a été
        saisi n’est perdu.
      </p>
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
      {avertissement && (
        <p id="verrou-avertissement" class="erreur" role="alert">
          {avertissement}
        </p>
      )}
      {envoi && <p role="status">Vérification du code…</p>}
      <button type="submit" class="bouton principal" disabled={envoi}>
        Déverrouiller
      </button>
    </form>
  );
}

/** The lock screen: chooses the first code, or asks for it. */
export function EcranVerrou({ db, onOuvert }: { db: RelogementDb; onOuvert: () => void }) {
  const etat = useLive(() => etatCode(db), [db]);
  useEffect(() => {
    document.title = 'Application verrouillée — Relogement';
  }, []);
  if (etat === undefined) return <p class="chargement">Chargement…</p>;
  return (
    <main id="contenu" class="ecran-verrou">
      {etat === null ? <ChoisirCode db={db} onOuvert={onOuvert} /> : <SaisirCode db={db} etat={etat} onOuvert={onOuvert} />}
    </main>
  );
}
