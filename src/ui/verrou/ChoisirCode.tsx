import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { GenreCode } from '../../domain/index.ts';
import { ChampsNouveauCode, useNouveauCode } from './NouveauCode.tsx';
import { useFocusInitial } from './saisie-code.ts';

type ProprietesChoisirCode = {
  titre: string;
  children: ComponentChildren;
  enregistrer: (code: string, genre: GenreCode) => Promise<void>;
  onOuvert: () => void;
};

/** The choice of a code, typed twice; the data is sealed with it before the app opens. */
export function ChoisirCode(props: ProprietesChoisirCode) {
  const etat = useNouveauCode();
  const [general, setGeneral] = useState<string | null>(null);
  const [envoi, setEnvoi] = useState(false);
  const champ = useFocusInitial();

  const valider = async (e: Event) => {
    e.preventDefault();
    if (!etat.verifier()) return;
    setEnvoi(true);
    try {
      await props.enregistrer(etat.code, etat.genre);
      props.onOuvert();
    } catch (err) {
      setGeneral(err instanceof Error ? err.message : 'Le code n’a pas pu être enregistré.');
      setEnvoi(false);
    }
  };

  return (
    <form class="panneau verrou" aria-labelledby="titre-verrou" onSubmit={(e) => void valider(e)} noValidate>
      <h1 id="titre-verrou">{props.titre}</h1>
      {props.children}
      <ChampsNouveauCode etat={etat} champ={champ} />
      {general && (
        <p class="erreur" role="alert">
          {general}
        </p>
      )}
      {envoi && <p role="status">Chiffrement des données de la tablette…</p>}
      <button type="submit" class="bouton principal" disabled={envoi}>
        Enregistrer le code
      </button>
    </form>
  );
}
