import type { ComponentChildren } from 'preact';
import { classerMenagesPourOffre, verifierOffre } from '../../domain/index.ts';
import type { Offre } from '../../domain/index.ts';
import { contexteSimulation, profilsDuPortefeuille } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { lien } from '../app/route.ts';
import { EnChargement } from '../commun/EnChargement.tsx';

// The caseload's households an offer suits best, each with its reasons: a help to choose, never a decision.

export function MenagesClasses({
  offre,
  lienMenage = (menageId) => lien.simulation(menageId, offre.id),
  action,
}: {
  offre: Offre;
  /** Where a household's name leads: its simulation on this offer by default. */
  lienMenage?: (menageId: string) => string;
  /** What may be done for a household from the list (position it on a pooled offer). */
  action?: (menageId: string) => ComponentChildren;
}) {
  const db = useBase();
  const date = aujourdhui();
  const donnees = useLive(
    async () => ({ portefeuille: await profilsDuPortefeuille(db), contexte: await contexteSimulation(db, date) }),
    [db, date],
  );
  if (!donnees) return <EnChargement>Classement…</EnChargement>;
  const { portefeuille, contexte } = donnees;
  if (verifierOffre(offre).length > 0) return <p>Complétez l’offre pour classer les ménages.</p>;
  if (!contexte.bareme) return <p class="erreur">Aucun barème FSL ne couvre la date du jour : faites-le saisir dans les paramètres.</p>;
  const { classement } = classerMenagesPourOffre(
    offre,
    portefeuille.profils,
    { bareme: contexte.bareme, reglages: contexte.reglages, date },
    { limite: 20 },
  );
  return (
    <>
      {portefeuille.incomplets > 0 && (
        <p class="aide">
          {portefeuille.incomplets} ménage(s) non classé(s) : leur entretien ne donne pas encore loyer, charges, APL et ressources.
        </p>
      )}
      {classement.length === 0 ? (
        <p>Aucun ménage à classer.</p>
      ) : (
        <ol class="classement">
          {classement.map((a) => (
            <li key={a.menageId}>
              <a href={lienMenage(a.menageId)}>{portefeuille.noms.get(a.menageId)}</a> — adéquation {Math.round(a.score)} / 100
              {a.compatible ? '' : ' (besoin non satisfait)'}
              <ul class="raisons">
                {a.raisons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              {action?.(a.menageId)}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
