import { useState } from 'preact/hooks';
import type { Ref } from 'preact';
import { CHIFFRES_MINIMUM, PHRASE_MINIMUM, verifierCode } from '../../domain/index.ts';
import type { GenreCode } from '../../domain/index.ts';
import { attributsSaisie } from './saisie-code.ts';

// The choice of a code, the first one or a new one: its kind, typed twice, checked at the field.

type Erreurs = { code?: string; confirmation?: string };

/** The state of the fields, and `verifier` that shows their messages and says whether the code can be used. */
export function useNouveauCode() {
  const [genre, setGenre] = useState<GenreCode>('chiffres');
  const [code, setCode] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [erreurs, setErreurs] = useState<Erreurs>({});
  const verifier = (): boolean => {
    const erreurCode = verifierCode(code, genre);
    const erreurConfirmation = !erreurCode && confirmation !== code ? 'Les deux saisies ne sont pas identiques.' : undefined;
    setErreurs({ code: erreurCode ?? undefined, confirmation: erreurConfirmation });
    return !erreurCode && !erreurConfirmation;
  };
  return { genre, setGenre, code, setCode, confirmation, setConfirmation, erreurs, verifier };
}

/** One masked field of a code, with its message. */
export function ChampCode(props: {
  id: string;
  libelle: string;
  genre: GenreCode;
  valeur: string;
  erreur: string | undefined;
  onSaisie: (v: string) => void;
  champ?: Ref<HTMLInputElement>;
}) {
  return (
    <div class="champ">
      <label for={props.id}>{props.libelle}</label>
      <input
        ref={props.champ}
        id={props.id}
        type="password"
        {...attributsSaisie(props.genre)}
        value={props.valeur}
        aria-invalid={props.erreur ? true : undefined}
        aria-describedby={props.erreur ? `${props.id}-erreur` : undefined}
        onInput={(e) => props.onSaisie(e.currentTarget.value)}
      />
      {props.erreur && (
        <p id={`${props.id}-erreur`} class="erreur" role="alert">
          {props.erreur}
        </p>
      )}
    </div>
  );
}

/** The kind of secret, the new code and its confirmation. */
export function ChampsNouveauCode({ etat, champ }: { etat: ReturnType<typeof useNouveauCode>; champ?: Ref<HTMLInputElement> }) {
  const { genre } = etat;
  return (
    <>
      <fieldset class="champ">
        <legend>Type de secret</legend>
        <div class="options">
          <label class="option">
            <input type="radio" name="genre-code" checked={genre === 'chiffres'} onChange={() => etat.setGenre('chiffres')} /> Code chiffré
            ({CHIFFRES_MINIMUM} chiffres au moins)
          </label>
          <label class="option">
            <input type="radio" name="genre-code" checked={genre === 'phrase'} onChange={() => etat.setGenre('phrase')} /> Phrase de passe (
            {PHRASE_MINIMUM} caractères au moins)
          </label>
        </div>
      </fieldset>
      <ChampCode
        id="verrou-nouveau"
        libelle={genre === 'chiffres' ? 'Nouveau code' : 'Nouvelle phrase de passe'}
        genre={genre}
        valeur={etat.code}
        erreur={etat.erreurs.code}
        onSaisie={etat.setCode}
        champ={champ}
      />
      <ChampCode
        id="verrou-confirmation"
        libelle={genre === 'chiffres' ? 'Confirmez le code' : 'Confirmez la phrase de passe'}
        genre={genre}
        valeur={etat.confirmation}
        erreur={etat.erreurs.confirmation}
        onSaisie={etat.setConfirmation}
      />
    </>
  );
}
