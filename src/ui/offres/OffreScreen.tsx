import type { Offre } from '../../domain/index.ts';
import { lireOffre, modifierOffre, validerReferentiel } from '../../data/index.ts';
import { useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { useRole } from '../commun/role.ts';
import { ECRANS, lien } from '../app/route.ts';
import { FicheOffre } from './FicheOffre.tsx';
import { MenagesClasses } from './MenagesClasses.tsx';
import { EnChargement } from '../commun/EnChargement.tsx';

// One offer: its sheet, and the caseload's households it suits best, each with its reasons.

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
  if (offre === undefined) return <EnChargement titre={ECRANS.offre.titre}>Chargement de l’offre…</EnChargement>;
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
      <FicheOffre offre={offre} enregistrer={(modif) => modifierOffre(db, offre.id, modif)} />
      <section class="panneau" aria-labelledby="titre-menages-classes">
        <h2 id="titre-menages-classes">Ménages à qui cette offre convient le mieux</h2>
        <p class="aide">Un classement pour aider le choix : il ne décide de rien.</p>
        <MenagesClasses offre={offre} />
      </section>
    </div>
  );
}
