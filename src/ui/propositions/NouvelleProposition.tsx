import { CIRCUITS, LIBELLES_CIRCUIT, type Circuit } from '../../domain/index.ts';
import { offreParReference, proposer, type DossierPropositions } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useFormulaireBrouillon } from '../commun/brouillon.ts';
import { Champ } from './ChampsEtape.tsx';
import { libelleOffre } from './format.ts';

// A new proposal: an offer from the stored ones or typed by its reference, the circuit of the
// household's orientation. The rank, the mediation rule and the latest simulation of that offer
// are the repository's and the domain's business.
const PAR_REFERENCE = 'reference';

export function NouvelleProposition({ dossier, rang, opposable }: { dossier: DossierPropositions; rang: number; opposable: boolean }) {
  const db = useBase();
  const circuitCourant = dossier.orientations.at(-1)?.circuit ?? 'gtr';
  const menageId = dossier.menage.id;
  const {
    valeurs: v,
    changer,
    message,
    enCours,
    envoyer,
  } = useFormulaireBrouillon(
    `proposition:${menageId}`,
    { offre: '', reference: '', date: aujourdhui(), circuit: circuitCourant, partenaires: '', nature: 'definitif' },
    () => menageId,
    {
      verifier: (x) =>
        !x.offre || (x.offre === PAR_REFERENCE && !x.reference.trim())
          ? 'Choisissez le logement proposé, ou saisissez sa référence chez le bailleur.'
          : null,
      enregistrer: async (x) =>
        proposer(
          db,
          {
            menageId,
            offreId: x.offre === PAR_REFERENCE ? (await offreParReference(db, x.reference.trim())).id : x.offre,
            circuit: x.circuit as Circuit,
            partenaires: x.partenaires
              .split(',')
              .map((p) => p.trim())
              .filter(Boolean),
            proposeeLe: x.date,
            temporaire: x.nature === 'temporaire',
          },
          aujourdhui(),
        ),
      apres: (x) => ({ ...x, offre: '', reference: '' }),
      echec: 'La proposition n’a pas pu être enregistrée ; la saisie reste affichée, réessayez.',
    },
  );
  const maj = (cle: keyof typeof v) => (x: string) => changer(cle, x);
  const offres = dossier.offres.filter((o) => o.statut === 'disponible' || o.statut === 'brouillon' || o.statut === 'proposee');
  return (
    <form
      class="panneau nouvelle-proposition ne-pas-imprimer"
      onSubmit={(e) => void envoyer(e)}
      aria-labelledby="titre-nouvelle-proposition"
    >
      <h3 id="titre-nouvelle-proposition">
        Nouvelle proposition (n° {rang})
        {opposable && (
          <>
            {' '}
            <span class="badge opposable">Proposition opposable</span>
          </>
        )}
      </h3>
      <div class="grille-champs">
        <Champ
          id="np-offre"
          def={{
            cle: 'offre',
            libelle: 'Logement proposé',
            genre: 'choix',
            options: [
              ...offres.map((o) => ({ valeur: o.id, libelle: libelleOffre(o) })),
              { valeur: PAR_REFERENCE, libelle: 'Autre logement : saisir sa référence' },
            ],
          }}
          valeur={v.offre}
          changer={maj('offre')}
        />
        {v.offre === PAR_REFERENCE && (
          <Champ
            id="np-reference"
            def={{ cle: 'reference', libelle: 'Référence du logement chez le bailleur', genre: 'texte' }}
            valeur={v.reference}
            changer={maj('reference')}
          />
        )}
        <Champ
          id="np-nature"
          def={{
            cle: 'nature',
            libelle: 'Type de relogement',
            genre: 'choix',
            options: [
              { valeur: 'definitif', libelle: 'Logement définitif' },
              { valeur: 'temporaire', libelle: 'Logement temporaire, en attente du définitif' },
            ],
          }}
          valeur={v.nature}
          changer={maj('nature')}
        />
        <Champ id="np-date" def={{ cle: 'date', libelle: 'Date de la proposition', genre: 'date' }} valeur={v.date} changer={maj('date')} />
        <Champ
          id="np-circuit"
          def={{
            cle: 'circuit',
            libelle: 'Circuit de validation',
            genre: 'choix',
            options: CIRCUITS.map((c) => ({ valeur: c, libelle: LIBELLES_CIRCUIT[c] })),
          }}
          valeur={v.circuit}
          changer={maj('circuit')}
        />
        {v.circuit === 'circuit_dematerialise' && (
          <Champ
            id="np-partenaires"
            def={{ cle: 'partenaires', libelle: 'Partenaires appelés à valider (séparés par des virgules)', genre: 'texte' }}
            valeur={v.partenaires}
            changer={maj('partenaires')}
          />
        )}
      </div>
      {v.nature === 'temporaire' && (
        <p class="aide">
          Un logement temporaire ne compte pas parmi les propositions dues au ménage ; son bail et son déménagement sont suivis, et les
          visites de courtoisie attendent le bail du logement définitif.
        </p>
      )}
      <p class="aide">La dernière simulation enregistrée pour ce logement est jointe à la proposition et conservée telle quelle.</p>
      {message && (
        <p class="erreur" role="alert">
          {message}
        </p>
      )}
      <button type="submit" class="bouton principal" disabled={enCours}>
        Faire la proposition
      </button>
    </form>
  );
}
