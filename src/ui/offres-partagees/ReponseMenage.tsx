import { useState } from 'preact/hooks';
import { LIBELLES_REPONSE_MENAGE, REPONSES_MENAGE, erreurReponseMenage, parseDateIso } from '../../domain/index.ts';
import type { Positionnement } from '../../domain/index.ts';
import { repondreMenage } from '../../data/index.ts';
import { useBase } from '../commun/contexte.ts';
import { useBrouillon } from '../commun/brouillon.ts';
import { dateLongue } from '../commun/dates.ts';

// The household's reply to the dwelling it was designated for, entered by the team that follows
// it: accepted, or refused with its reason. The host landlord and the demolishing landlord read it
// at their next sync (convention AMP art. 10, charte step 11); the server checks the same rules.

export function ReponseDonnee({ position: p }: { position: Positionnement }) {
  if (p.reponseMenage === null) return null;
  return (
    <p>
      Réponse du ménage : <strong>{LIBELLES_REPONSE_MENAGE[p.reponseMenage].toLowerCase()}</strong>
      {p.reponseMenageLe ? ` le ${dateLongue(p.reponseMenageLe)}` : ''}
      {p.reponseMenageMotif.trim() !== '' ? ` — motif : ${p.reponseMenageMotif}` : ''}
    </p>
  );
}

type Champ = 'reponseMenage' | 'reponseMenageLe' | 'reponseMenageMotif';

export function FormulaireReponse({ position, depuis, jour }: { position: Positionnement; depuis: string; jour: string }) {
  const db = useBase();
  const cle = `reponse-${position.id}`;
  const brouillon = useBrouillon(cle, { reponse: '', le: jour, motif: '' }, () => position.menageId);
  const { reponse, le, motif } = brouillon.valeurs;
  const [erreurs, setErreurs] = useState<Partial<Record<Champ, string>>>({});
  const envoyer = async (e: Event) => {
    e.preventDefault();
    const choisie = REPONSES_MENAGE.find((r) => r === reponse) ?? null;
    const date = parseDateIso(le) === null ? null : le;
    const saisie = { reponseMenage: choisie, reponseMenageLe: date, reponseMenageMotif: choisie === 'refusee' ? motif : '' };
    const erreur =
      choisie === null
        ? { champ: 'reponseMenage' as const, message: 'Choisissez la réponse du ménage : acceptée ou refusée.' }
        : date !== null && date < depuis
          ? {
              champ: 'reponseMenageLe' as const,
              message: `La réponse ne peut pas précéder la mise à disposition du logement (${dateLongue(depuis)}).`,
            }
          : erreurReponseMenage(saisie);
    if (erreur) {
      setErreurs({ [erreur.champ]: erreur.message });
      return;
    }
    setErreurs({});
    await repondreMenage(db, position.id, saisie);
    await brouillon.effacer();
  };
  const message = (champ: Champ) =>
    erreurs[champ] && (
      <p id={`${cle}-${champ}-erreur`} class="erreur" role="alert">
        {erreurs[champ]}
      </p>
    );
  return (
    <form class="formulaire-avis" onSubmit={(e) => void envoyer(e)} noValidate>
      <fieldset class={`champ${erreurs.reponseMenage ? ' en-erreur' : ''}`}>
        <legend>Réponse du ménage</legend>
        {REPONSES_MENAGE.map((r) => (
          <label key={r} class="choix">
            <input
              type="radio"
              name={`${cle}-reponse`}
              value={r}
              checked={reponse === r}
              onChange={() => brouillon.changer('reponse', r)}
            />
            {LIBELLES_REPONSE_MENAGE[r]}
          </label>
        ))}
        {message('reponseMenage')}
      </fieldset>
      <div class={`champ${erreurs.reponseMenageLe ? ' en-erreur' : ''}`}>
        <label for={`${cle}-le`}>Réponse donnée le</label>
        <input
          id={`${cle}-le`}
          type="date"
          value={le}
          aria-invalid={erreurs.reponseMenageLe ? true : undefined}
          aria-describedby={erreurs.reponseMenageLe ? `${cle}-reponseMenageLe-erreur` : undefined}
          onInput={(e) => brouillon.changer('le', (e.currentTarget as HTMLInputElement).value)}
        />
        {message('reponseMenageLe')}
      </div>
      <div class={`champ${erreurs.reponseMenageMotif ? ' en-erreur' : ''}`}>
        <label for={`${cle}-motif`}>Motif du refus</label>
        <textarea
          id={`${cle}-motif`}
          rows={2}
          value={motif}
          aria-invalid={erreurs.reponseMenageMotif ? true : undefined}
          aria-describedby={erreurs.reponseMenageMotif ? `${cle}-reponseMenageMotif-erreur` : undefined}
          onInput={(e) => brouillon.changer('motif', (e.currentTarget as HTMLTextAreaElement).value)}
        />
        {message('reponseMenageMotif')}
      </div>
      <button type="submit" class="bouton">
        Enregistrer la réponse
      </button>
    </form>
  );
}
