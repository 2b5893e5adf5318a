import { useState } from 'preact/hooks';
import { CIRCUITS, LIBELLES_CIRCUIT, type Circuit } from '../../domain/index.ts';
import { offreParReference, proposer, StockagePleinError, type DossierPropositions } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { Champ } from './ChampsEtape.tsx';
import { libelleOffre } from './format.ts';

// A new proposal: an offer from the stored ones or typed by its reference, the circuit of the
// household's orientation. The rank, the mediation rule and the latest simulation of that offer
// are the repository's and the domain's business.
const PAR_REFERENCE = 'reference';

export function NouvelleProposition({ dossier, rang, opposable }: { dossier: DossierPropositions; rang: number; opposable: boolean }) {
  const db = useBase();
  const circuitCourant = dossier.orientations.at(-1)?.circuit ?? 'gtr';
  const [v, setV] = useState<Record<string, string>>({
    offre: '',
    reference: '',
    date: aujourdhui(),
    circuit: circuitCourant,
    partenaires: '',
    nature: 'definitif',
  });
  const [message, setMessage] = useState<string | null>(null);
  const [enCours, setEnCours] = useState(false);
  const maj = (cle: string) => (x: string) => setV((s) => ({ ...s, [cle]: x }));
  const offres = dossier.offres.filter((o) => o.statut === 'disponible' || o.statut === 'brouillon' || o.statut === 'proposee');
  const envoyer = async (e: Event) => {
    e.preventDefault();
    const reference = (v.reference ?? '').trim();
    if (!v.offre || (v.offre === PAR_REFERENCE && !reference))
      return setMessage('Choisissez le logement proposé, ou saisissez sa référence chez le bailleur.');
    setEnCours(true);
    try {
      const offreId = v.offre === PAR_REFERENCE ? (await offreParReference(db, reference)).id : (v.offre ?? '');
      const partenaires = (v.partenaires ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      const r = await proposer(
        db,
        {
          menageId: dossier.menage.id,
          offreId,
          circuit: v.circuit as Circuit,
          partenaires,
          proposeeLe: v.date ?? '',
          temporaire: v.nature === 'temporaire',
        },
        aujourdhui(),
      );
      setMessage(r.ok ? null : r.message);
      if (r.ok) setV((s) => ({ ...s, offre: '', reference: '' }));
    } catch (err) {
      setMessage(
        err instanceof StockagePleinError
          ? err.message
          : 'La proposition n’a pas pu être enregistrée ; la saisie reste affichée, réessayez.',
      );
    } finally {
      setEnCours(false);
    }
  };
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
          valeur={v.offre ?? ''}
          changer={maj('offre')}
        />
        {v.offre === PAR_REFERENCE && (
          <Champ
            id="np-reference"
            def={{ cle: 'reference', libelle: 'Référence du logement chez le bailleur', genre: 'texte' }}
            valeur={v.reference ?? ''}
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
          valeur={v.nature ?? ''}
          changer={maj('nature')}
        />
        <Champ
          id="np-date"
          def={{ cle: 'date', libelle: 'Date de la proposition', genre: 'date' }}
          valeur={v.date ?? ''}
          changer={maj('date')}
        />
        <Champ
          id="np-circuit"
          def={{
            cle: 'circuit',
            libelle: 'Circuit de validation',
            genre: 'choix',
            options: CIRCUITS.map((c) => ({ valeur: c, libelle: LIBELLES_CIRCUIT[c] })),
          }}
          valeur={v.circuit ?? ''}
          changer={maj('circuit')}
        />
        {v.circuit === 'circuit_dematerialise' && (
          <Champ
            id="np-partenaires"
            def={{ cle: 'partenaires', libelle: 'Partenaires appelés à valider (séparés par des virgules)', genre: 'texte' }}
            valeur={v.partenaires ?? ''}
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
