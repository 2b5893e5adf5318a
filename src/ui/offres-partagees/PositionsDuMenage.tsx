import { LIBELLES_DECISION, LIBELLES_STATUT_POSITION } from '../../domain/index.ts';
import { lireOffrePartagee, positionsDuMenage, retirerPositionnement } from '../../data/index.ts';
import { useBase } from '../commun/contexte.ts';
import { dateLongue } from '../commun/dates.ts';
import { useLive } from '../commun/useLive.ts';
import { lien } from '../app/route.ts';

// On a household's page: the pooled offers it is positioned on and where each stands, with the
// server's reason when it overturned a designation (that change is also among « Modifications
// refusées »).

export function PositionsDuMenage({ menageId }: { menageId: string }) {
  const db = useBase();
  const lignes = useLive(async () => {
    const positions = await positionsDuMenage(db, menageId);
    return Promise.all(positions.map(async (p) => ({ p, offre: await lireOffrePartagee(db, p.offreId) })));
  }, [db, menageId]);
  if (!lignes || lignes.length === 0) return null;
  return (
    <section aria-labelledby="titre-positions" class="panneau">
      <h2 id="titre-positions">Offres du territoire où le ménage est positionné</h2>
      <ul class="historique">
        {lignes.map(({ p, offre }) => (
          <li key={p.id}>
            <a href={lien.offrePartagee(p.offreId)}>
              {offre
                ? [offre.typologie, offre.adresse, offre.commune].filter(Boolean).join(', ') || 'Logement sans adresse'
                : 'Offre non reçue'}
            </a>{' '}
            — {LIBELLES_STATUT_POSITION[p.statut]}
            {p.statut === 'designe' && p.rang !== null ? ` (rang ${p.rang})` : ''} depuis le {dateLongue(p.designeLe ?? p.positionneLe)}
            {p.decision && ` — décision du bailleur : ${LIBELLES_DECISION[p.decision.decision]} (${p.decision.motif})`}
            {p.refusServeur !== '' && p.statut !== 'designe' && (
              <p class="erreur" role="note">
                Refusé par le serveur : {p.refusServeur}
              </p>
            )}
            {p.statut !== 'retire' && (
              <button type="button" class="bouton petit" onClick={() => void retirerPositionnement(db, p.id)}>
                Retirer le positionnement
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
