import { useState } from 'preact/hooks';
import { commeOffre } from '../../domain/index.ts';
import type { OffrePartagee } from '../../domain/index.ts';
import { bailleurOrigineParDefaut, lireMenage, positionnerMenage, rechercherMenages } from '../../data/index.ts';
import type { TerritoryOrganisation } from '../../sync/index.ts';
import { useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { lien } from '../app/route.ts';
import { MenagesClasses } from '../offres/MenagesClasses.tsx';
import { EnChargement } from '../commun/EnChargement.tsx';

// A team positions one of its households on a pooled offer, offline too (convention AMP art. 10):
// from the households the dwelling suits, or, when the matching cannot rank a household (its
// interview not complete yet), from a search in the caseload with the warning that the fit was
// not checked. Either way the team names the demolishing landlord, who gets a copy of the
// proposal and the household's reply (charte step 11).

type Choix = { menageId: string; horsClassement: boolean };

export const AVERTISSEMENT_HORS_CLASSEMENT =
  'L’adéquation de ce logement au ménage n’a pas pu être vérifiée : il n’est pas classé (entretien incomplet : ressources, loyer ou besoins manquants). Vérifiez avec le ménage la taille, le loyer et ses besoins avant de le positionner.';

function ConfirmerPositionnement({
  offre,
  choix,
  organisations,
  jour,
  fini,
}: {
  offre: OffrePartagee;
  choix: Choix;
  organisations: readonly TerritoryOrganisation[];
  jour: string;
  fini: (positionne: boolean) => void;
}) {
  const db = useBase();
  const lu = useLive(
    async () => ({
      nom: (await lireMenage(db, choix.menageId))?.nom ?? '',
      parDefaut: await bailleurOrigineParDefaut(db, choix.menageId, organisations),
    }),
    [db, choix.menageId, organisations],
  );
  const [bailleurChoisi, setBailleurChoisi] = useState<string | null>(null);
  if (lu === undefined) return <EnChargement />;
  const bailleurs = organisations.filter((o) => o.kind === 'bailleur');
  const bailleurId = bailleurChoisi ?? lu.parDefaut ?? '';
  const confirmer = async (e: Event) => {
    e.preventDefault();
    await positionnerMenage(db, offre.id, choix.menageId, jour, bailleurId === '' ? null : bailleurId);
    fini(true);
  };
  return (
    <form class="panneau" aria-label={`Positionner ${lu.nom}`} onSubmit={(e) => void confirmer(e)}>
      <h3>Positionner {lu.nom}</h3>
      {choix.horsClassement && (
        <p class="alerte-vigilance" role="note">
          {AVERTISSEMENT_HORS_CLASSEMENT}
        </p>
      )}
      <div class="champ">
        <label for="bailleur-origine">Bailleur démolisseur (il reçoit une copie de la proposition et de la réponse du ménage)</label>
        <select id="bailleur-origine" value={bailleurId} onChange={(e) => setBailleurChoisi((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">Aucun ou inconnu</option>
          {bailleurs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        {bailleurs.length === 0 && <p class="aide">La liste des bailleurs du territoire arrive avec la prochaine synchronisation.</p>}
      </div>
      <div class="actions">
        <button type="submit" class="bouton principal">
          Confirmer le positionnement
        </button>
        <button type="button" class="bouton" onClick={() => fini(false)}>
          Annuler
        </button>
      </div>
    </form>
  );
}

/** The caseload searched by name, address or reference: a household the matching leaves out can still be positioned. */
function AutreMenage({ jour, choisir }: { jour: string; choisir: (menageId: string) => void }) {
  const db = useBase();
  const [texte, setTexte] = useState('');
  const resultat = useLive(
    async () => (texte.trim() === '' ? null : rechercherMenages(db, { texte, residenceId: null, statut: null, alerte: null }, jour)),
    [db, texte, jour],
  );
  return (
    <div class="autre-menage">
      <div class="champ">
        <label for="recherche-autre-menage">Rechercher un ménage (nom, adresse, référence)</label>
        <input
          id="recherche-autre-menage"
          type="search"
          value={texte}
          onInput={(e) => setTexte((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      {resultat && resultat.total === 0 && <p>Aucun ménage ne correspond.</p>}
      {resultat && (
        <ul class="historique">
          {resultat.lignes.slice(0, 10).map((m) => (
            <li key={m.id}>
              <a href={lien.menage(m.id)}>{m.nom}</a> — {m.adresse || 'adresse non renseignée'}{' '}
              <button type="button" class="bouton petit" onClick={() => choisir(m.id)}>
                Choisir ce ménage
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Positionner({
  offre,
  organisations,
  jour,
}: {
  offre: OffrePartagee;
  organisations: readonly TerritoryOrganisation[];
  jour: string;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const [choix, setChoix] = useState<Choix | null>(null);
  const [recherche, setRecherche] = useState(false);
  const fini = (positionne: boolean) => {
    setChoix(null);
    if (positionne) {
      setRecherche(false);
      setMessage('Ménage positionné : le positionnement part à la prochaine synchronisation.');
    }
  };
  // Shown next to where the household was chosen: above the ranking, or under the search.
  const confirmation = (c: Choix) => (
    <ConfirmerPositionnement key={c.menageId} offre={offre} choix={c} organisations={organisations} jour={jour} fini={fini} />
  );
  return (
    <section class="panneau" aria-labelledby="titre-positionner">
      <h2 id="titre-positionner">Ménages de l’équipe à qui ce logement convient</h2>
      <p class="aide">
        Un classement pour aider le choix : il ne décide de rien. Le serveur marque « opération prioritaire » les ménages des opérations que
        le comité de pilotage du territoire a rendues prioritaires.
      </p>
      {message && <p role="status">{message}</p>}
      {choix && !choix.horsClassement && confirmation(choix)}
      <MenagesClasses
        offre={commeOffre(offre)}
        lienMenage={(id) => lien.menage(id)}
        action={(menageId) => (
          <button type="button" class="bouton" onClick={() => setChoix({ menageId, horsClassement: false })}>
            Positionner ce ménage
          </button>
        )}
      />
      {recherche ? (
        <>
          <AutreMenage jour={jour} choisir={(menageId) => setChoix({ menageId, horsClassement: true })} />
          {choix?.horsClassement && confirmation(choix)}
        </>
      ) : (
        <button type="button" class="bouton" onClick={() => setRecherche(true)}>
          Positionner un autre ménage
        </button>
      )}
    </section>
  );
}
