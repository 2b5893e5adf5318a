import { useState } from 'preact/hooks';
import { DECISIONS, LIBELLES_DECISION, avisSchema } from '../../domain/index.ts';
import type { Avis } from '../../domain/index.ts';
import { useBrouillon } from '../commun/brouillon.ts';
import { dateLongue } from '../commun/dates.ts';

// An opinion or a decision on a candidate: favourable or not, always with its reason (charte
// §5.5 C; convention AMP art. 10 for the host landlord's reasoned decision). What is typed is a
// draft on the device (`useBrouillon`): kept through a reload and when refused, with the message at the field.

export function AvisDonne({ avis }: { avis: Avis }) {
  return (
    <p>
      <strong>{LIBELLES_DECISION[avis.decision]}</strong> — {avis.par}, le {dateLongue(avis.le)} : {avis.motif}
    </p>
  );
}

export function FormulaireAvis({
  id,
  menageId,
  titre,
  par,
  jour,
  enregistrer,
}: {
  /** Also the draft's key: one draft per form and candidate. */
  id: string;
  menageId: string;
  titre: string;
  par: string;
  jour: string;
  enregistrer: (avis: Avis) => Promise<unknown>;
}) {
  const brouillon = useBrouillon(id, { decision: '', motif: '' }, () => menageId);
  const { decision, motif } = brouillon.valeurs;
  const [erreurs, setErreurs] = useState<Record<string, string>>({});
  const envoyer = async (e: Event) => {
    e.preventDefault();
    const lu = avisSchema.safeParse({ decision, motif, le: jour, par });
    if (!lu.success) {
      setErreurs(Object.fromEntries(lu.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErreurs({});
    await enregistrer(lu.data);
    await brouillon.effacer();
  };
  return (
    <form class="formulaire-avis" onSubmit={(e) => void envoyer(e)} noValidate>
      <fieldset class={`champ${erreurs.decision ? ' en-erreur' : ''}`}>
        <legend>{titre}</legend>
        {DECISIONS.map((d) => (
          <label key={d} class="choix">
            <input
              type="radio"
              name={`${id}-decision`}
              value={d}
              checked={decision === d}
              onChange={() => brouillon.changer('decision', d)}
            />
            {LIBELLES_DECISION[d]}
          </label>
        ))}
        {erreurs.decision && (
          <p class="erreur" role="alert">
            {erreurs.decision}
          </p>
        )}
      </fieldset>
      <div class={`champ${erreurs.motif ? ' en-erreur' : ''}`}>
        <label for={`${id}-motif`}>Motif</label>
        <textarea
          id={`${id}-motif`}
          rows={2}
          value={motif}
          aria-invalid={erreurs.motif ? true : undefined}
          aria-describedby={erreurs.motif ? `${id}-motif-erreur` : undefined}
          onInput={(e) => brouillon.changer('motif', (e.currentTarget as HTMLTextAreaElement).value)}
        />
        {erreurs.motif && (
          <p id={`${id}-motif-erreur`} class="erreur" role="alert">
            {erreurs.motif}
          </p>
        )}
      </div>
      <button type="submit" class="bouton">
        Enregistrer
      </button>
    </form>
  );
}
