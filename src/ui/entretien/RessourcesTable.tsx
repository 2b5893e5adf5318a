import {
  MOIS_RESSOURCES,
  NATURES_RESSOURCE,
  cleRessource,
  estMontantImprobable,
  libelleMois,
  nomAffiche,
  ressourcesMensuelles,
  verifierMontantRessource,
} from '../../domain/index.ts';
import type { Entretien, Personne, Reponse } from '../../domain/index.ts';
import { useAutosave } from '../commun/autosave.ts';

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** The id of a resource's field, for links that lead to it. */
export const idRessource = (cle: string) => `r-${cle.replace(/\./g, '-')}`;

function Cellule({
  cle,
  libelle,
  reponse,
  enregistrer,
  lectureSeule,
}: {
  cle: string;
  libelle: string;
  reponse: Reponse | undefined;
  enregistrer: (cle: string, r: Reponse | null) => Promise<unknown>;
  lectureSeule: boolean;
}) {
  const stockee = typeof reponse?.valeur === 'string' ? reponse.valeur : '';
  // Typing saves the amount without its confirmation: a changed amount must be confirmed again.
  const { valeur, changer, relacher, erreur } = useAutosave(stockee, (v) => enregistrer(cle, v.trim() === '' ? null : { valeur: v }));
  const confirme = reponse?.confirme === true && reponse.valeur === valeur;
  const verdict = verifierMontantRessource(valeur, confirme);
  const message = erreur ?? (verdict.ok ? null : verdict.message);
  const id = idRessource(cle);
  const confirmer = async () => {
    await relacher();
    await enregistrer(cle, { valeur, confirme: true });
  };
  return (
    <td>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={valeur}
        aria-label={libelle}
        disabled={lectureSeule}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-erreur` : undefined}
        onInput={(e) => changer(e.currentTarget.value)}
        onBlur={() => void relacher()}
      />
      {message && (
        <p id={`${id}-erreur`} class="erreur" role="alert">
          {message}
        </p>
      )}
      {!lectureSeule && !confirme && estMontantImprobable(valeur) && (
        <button type="button" class="bouton discret" aria-label={`Confirmer ce montant : ${libelle}`} onClick={() => void confirmer()}>
          Confirmer ce montant
        </button>
      )}
    </td>
  );
}

/** Resources by person and month for the last three months (charte §3.4), with the retained average. */
export function RessourcesTable({
  entretien,
  personnes,
  enregistrer,
  lectureSeule,
}: {
  entretien: Entretien;
  personnes: readonly Personne[];
  enregistrer: (cle: string, r: Reponse | null) => Promise<unknown>;
  lectureSeule: boolean;
}) {
  const moyenne = ressourcesMensuelles(
    entretien.reponses,
    personnes.map((p) => p.id),
  );
  return (
    <div class="ressources">
      <p class="aide">
        Montants nets mensuels en euros. Laissez vide ce qui ne concerne pas la personne ; saisissez 0 pour un mois sans ressources. Les
        revenus exceptionnels (primes, bourses) sont notés mais exclus du calcul.
      </p>
      {personnes.length === 0 && <p class="erreur">Ajoutez d’abord les occupants du ménage.</p>}
      {personnes.map((p) => (
        <table key={p.id} class="tableau-ressources">
          <caption>{nomAffiche(p)}</caption>
          <thead>
            <tr>
              <th scope="col">Nature</th>
              {MOIS_RESSOURCES.map((m) => (
                <th scope="col" key={m}>
                  {libelleMois(entretien.date, m)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {NATURES_RESSOURCE.map((n) => (
              <tr key={n.valeur}>
                <th scope="row">{n.libelle}</th>
                {MOIS_RESSOURCES.map((m) => {
                  const cle = cleRessource(p.id, m, n.valeur);
                  return (
                    <Cellule
                      key={cle}
                      cle={cle}
                      libelle={`${n.libelle}, ${libelleMois(entretien.date, m)}, ${nomAffiche(p)}`}
                      reponse={entretien.reponses[cle]}
                      enregistrer={enregistrer}
                      lectureSeule={lectureSeule}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <p class="resultat" role="status">
        Ressources mensuelles retenues : <strong>{moyenne === null ? 'non calculées' : euros.format(moyenne)}</strong>
        {moyenne !== null && ' (moyenne des mois renseignés, hors revenus exceptionnels et montants improbables non confirmés)'}
      </p>
    </div>
  );
}
