import { LIBELLES_STATUT_POSITION, MAX_DESIGNES, designationActive, ordreDesignation } from '../../domain/index.ts';
import type { OffrePartagee, Positionnement } from '../../domain/index.ts';
import { deciderCandidat, designerCandidat, donnerAvis, nePasRetenir, retirerPositionnement } from '../../data/index.ts';
import type { Profile } from '../../sync/index.ts';
import { useBase } from '../commun/contexte.ts';
import { dateLongue } from '../commun/dates.ts';
import { lien } from '../app/route.ts';
import type { DroitsOffre } from './droits.ts';
import { AvisDonne, FormulaireAvis } from './FormulaireAvis.tsx';
import { FormulaireReponse, ReponseDonnee } from './ReponseMenage.tsx';

// The candidates of a pooled offer in the order the convention proposes (art. 10), with why; the
// person designating decides. Each shows its sheet (named only where the household's consent
// reached this device), its state, the server's reason when it overturned a designation, the host
// landlord's decision and every partner's opinion, with who and when.

type Props = {
  offre: Pick<OffrePartagee, 'dateMiseADisposition'>;
  positions: readonly Positionnement[];
  droits: DroitsOffre;
  profil: Profile | null | undefined;
  /** Households of this team on this device: its team may withdraw their positions. */
  menagesDeLEquipe: ReadonlySet<string>;
  /** The host landlord's organisation when the tablet knows it: the convention's order puts its households first. */
  bailleurOffreId: string | null;
  jour: string;
};

const parQui = (profil: Profile | null | undefined) => (profil ? `${profil.name} (${profil.organisation.name})` : 'cette tablette');

function Candidat({
  position: p,
  raisons,
  rangLibre,
  ...props
}: Omit<Props, 'positions'> & { position: Positionnement; raisons: string[]; rangLibre: number | null }) {
  const db = useBase();
  const { offre, droits, profil, menagesDeLEquipe, jour } = props;
  const nom = p.ficheNominative?.nom ?? p.ficheAnonyme.pseudonyme;
  const avisAutres = Object.entries(p.avis);
  const orgId = profil?.organisation.id;
  const equipe = menagesDeLEquipe.has(p.menageId);
  return (
    <li class="candidat">
      <h3>
        {equipe ? <a href={lien.menage(p.menageId)}>{nom}</a> : nom} — {LIBELLES_STATUT_POSITION[p.statut]}
        {p.statut === 'designe' && p.rang !== null ? ` (rang ${p.rang}, le ${dateLongue(p.designeLe ?? '')})` : ''}
      </h3>
      <p>
        {p.ficheAnonyme.composition}
        {p.ficheAnonyme.ages.length > 0 ? ` — âges : ${p.ficheAnonyme.ages.join(', ')} ans` : ''} — {p.ficheAnonyme.trancheRessources}
      </p>
      {p.ficheAnonyme.besoins.length > 0 && <p>Besoins : {p.ficheAnonyme.besoins.join(' ; ')}</p>}
      {p.ficheNominative && (
        <p>{[p.ficheNominative.adresse, p.ficheNominative.telephone, p.ficheNominative.reference].filter(Boolean).join(' — ')}</p>
      )}
      <ul class="raisons">
        {raisons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {p.refusServeur !== '' && p.statut !== 'designe' && (
        <p class="erreur" role="note">
          Refusé par le serveur : {p.refusServeur}
        </p>
      )}
      {p.decision ? (
        <div>
          <p>Décision du bailleur après la CALEOL :</p>
          <AvisDonne avis={p.decision} />
        </div>
      ) : (
        p.statut === 'designe' && <p>Décision du bailleur : pas encore donnée.</p>
      )}
      {avisAutres.length > 0 && (
        <div>
          <p>Avis des partenaires :</p>
          {avisAutres.map(([org, a]) => (
            <AvisDonne key={org} avis={a} />
          ))}
        </div>
      )}
      <ReponseDonnee position={p} />
      <div class="actions">
        {droits.designer && p.statut === 'positionne' && (
          <button
            type="button"
            class="bouton"
            disabled={rangLibre === null}
            onClick={() => void designerCandidat(db, p.id, rangLibre ?? 1, jour)}
          >
            {rangLibre === null ? `Déjà ${MAX_DESIGNES} désignés` : `Désigner au rang ${rangLibre}`}
          </button>
        )}
        {droits.designer && (p.statut === 'positionne' || p.statut === 'designe') && !p.decision && (
          <button type="button" class="bouton" onClick={() => void nePasRetenir(db, p.id)}>
            Non retenu
          </button>
        )}
        {equipe && droits.positionner && p.statut !== 'retire' && (
          <button type="button" class="bouton" onClick={() => void retirerPositionnement(db, p.id)}>
            Retirer le positionnement
          </button>
        )}
      </div>
      {equipe && droits.positionner && p.statut === 'designe' && p.reponseMenage === null && (
        <FormulaireReponse position={p} depuis={offre.dateMiseADisposition} jour={jour} />
      )}
      {droits.hote && p.statut === 'designe' && !p.decision && (
        <FormulaireAvis
          id={`decision-${p.id}`}
          menageId={p.menageId}
          titre="Décision après la CALEOL"
          par={parQui(profil)}
          jour={jour}
          enregistrer={(a) => deciderCandidat(db, p.id, a)}
        />
      )}
      {droits.avis && orgId && !p.avis[orgId] && p.statut !== 'retire' && (
        <FormulaireAvis
          id={`avis-${p.id}`}
          menageId={p.menageId}
          titre={`Avis de ${profil?.organisation.name ?? 'votre organisation'}`}
          par={parQui(profil)}
          jour={jour}
          enregistrer={(a) => donnerAvis(db, p.id, orgId, a)}
        />
      )}
    </li>
  );
}

export function Candidats({ positions, ...props }: Props) {
  const ordonnes = ordreDesignation(positions, props.bailleurOffreId ?? '');
  const autres = positions.filter((p) => p.statut === 'non_retenu' || p.statut === 'retire');
  const pris = new Set(positions.filter(designationActive).map((p) => p.rang));
  const rangLibre = [1, 2, 3].find((r) => !pris.has(r)) ?? null;
  if (positions.length === 0) return <p>Aucun ménage positionné pour l’instant.</p>;
  return (
    <ol class="candidats">
      {ordonnes.map(({ position, raisons }) => (
        <Candidat key={position.id} position={position} raisons={raisons} rangLibre={rangLibre} {...props} />
      ))}
      {autres.map((position) => (
        <Candidat key={position.id} position={position} raisons={[]} rangLibre={null} {...props} />
      ))}
    </ol>
  );
}
