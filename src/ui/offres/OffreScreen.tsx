import { classerMenagesPourOffre, verifierOffre } from '../../domain/index.ts';
import type { Offre } from '../../domain/index.ts';
import { contexteSimulation, lireOffre, profilsDuPortefeuille, validerReferentiel } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { useRole } from '../commun/role.ts';
import { lien } from '../app/route.ts';
import { FicheOffre } from './FicheOffre.tsx';

// One offer: its sheet, and the caseload's households it suits best, each with its reasons.

function MenagesClasses({ offre }: { offre: Offre }) {
  const db = useBase();
  const date = aujourdhui();
  const donnees = useLive(
    async () => ({ portefeuille: await profilsDuPortefeuille(db), contexte: await contexteSimulation(db, date) }),
    [db, date],
  );
  if (!donnees) return <p class="chargement">Classement…</p>;
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
              <a href={lien.simulation(a.menageId, offre.id)}>{portefeuille.noms.get(a.menageId)}</a> — adéquation {Math.round(a.score)} /
              100{a.compatible ? '' : ' (besoin non satisfait)'}
              <ul class="raisons">
                {a.raisons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** An offer a chargée typed awaits an encadrant's validation; the encadrant validates it here. */
function AValiderOffre({ offre }: { offre: Offre }) {
  const db = useBase();
  const role = useRole();
  if (!offre.aValider) return null;
  const encadre = role === 'encadrant' || role === 'administrateur';
  return (
    <p class="info" role="note">
      Offre saisie par une chargée, à valider par un encadrant.{' '}
      {encadre && (
        <button type="button" class="bouton" onClick={() => void validerReferentiel(db, 'offres', offre.id)}>
          Valider l’offre
        </button>
      )}
    </p>
  );
}

export default function OffreScreen({ id }: { id: string }) {
  const db = useBase();
  const offre = useLive(async () => (await lireOffre(db, id)) ?? null, [db, id]);
  if (offre === undefined) return <p class="chargement">Chargement…</p>;
  if (offre === null || offre.supprime)
    return (
      <p class="erreur">
        Cette offre n’existe pas sur cette tablette. <a href={lien.offres()}>Retour aux offres</a>
      </p>
    );
  return (
    <div>
      <p class="retour">
        <a href={lien.offres()}>← Offres</a>
      </p>
      <h1>Offre — {[offre.typologie, offre.adresse, offre.commune].filter(Boolean).join(', ') || 'à compléter'}</h1>
      <AValiderOffre offre={offre} />
      <FicheOffre offre={offre} />
      <section class="panneau" aria-labelledby="titre-menages-classes">
        <h2 id="titre-menages-classes">Ménages à qui cette offre convient le mieux</h2>
        <p class="aide">Un classement pour aider le choix : il ne décide de rien.</p>
        <MenagesClasses offre={offre} />
      </section>
    </div>
  );
}
