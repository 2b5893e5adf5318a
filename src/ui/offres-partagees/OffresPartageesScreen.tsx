import { useEffect, useState } from 'preact/hooks';
import { LIBELLES_ETAPE_OFFRE, etapeOffre, formatEuros, horlogesOffre } from '../../domain/index.ts';
import type { OffrePartagee, Positionnement } from '../../domain/index.ts';
import { filtrerOffres, listerOffresPartagees, positionsParOffre, publierOffrePartagee } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useProfil } from '../commun/role.ts';
import { useLive } from '../commun/useLive.ts';
import { ECRANS, lien, naviguer } from '../app/route.ts';
import { marquerPremierEcran } from '../app/premier-ecran.ts';
import { droitsOffre } from './droits.ts';

// The pooled offers of the territory (convention AMP art. 10), as synced to this tablet: readable
// offline, searchable, each with the step it is at and its overdue deadlines.

const resume = (o: OffrePartagee) =>
  [
    o.typologie,
    o.surface !== null ? `${new Intl.NumberFormat('fr-FR').format(o.surface)} m²` : null,
    o.loyer !== null ? `loyer ${formatEuros(o.loyer)}` : null,
  ]
    .filter(Boolean)
    .join(' · ');

function Carte({ offre, positions, jour }: { offre: OffrePartagee; positions: readonly Positionnement[]; jour: string }) {
  const retards = horlogesOffre(offre, positions, jour).filter((h) => h.enRetard && h.faiteLe === null);
  return (
    <li>
      <a class="carte" href={lien.offrePartagee(offre.id)}>
        <span class="carte-titre">{[offre.adresse, offre.commune].filter(Boolean).join(', ') || 'Logement sans adresse'}</span>
        <span class="carte-detail">{resume(offre) || 'Fiche à compléter'}</span>
        <span class="carte-detail">
          {offre.bailleur || 'Bailleur non renseigné'} — {LIBELLES_ETAPE_OFFRE[etapeOffre(offre, positions)]}
        </span>
        {retards.map((h) => (
          <span key={h.etape} class="carte-detail erreur">
            En retard : {h.libelle.toLowerCase()}
          </span>
        ))}
      </a>
    </li>
  );
}

export default function OffresPartageesScreen() {
  const db = useBase();
  const jour = aujourdhui();
  const profil = useProfil();
  const donnees = useLive(async () => ({ offres: await listerOffresPartagees(db), positions: await positionsParOffre(db) }), [db]);
  const [texte, setTexte] = useState('');
  // Publishing depends on the user's organisation alone.
  const droits = droitsOffre(profil, null, []);
  const publier = async () => naviguer(lien.offrePartagee((await publierOffrePartagee(db, profil?.organisation.name ?? '', jour)).id));
  const affichees = donnees ? filtrerOffres(donnees.offres, texte) : [];
  // A partner's first screen: the sync engine loads once it shows.
  useEffect(() => {
    if (donnees) marquerPremierEcran();
  }, [donnees]);
  return (
    <div>
      <div class="titre-ligne">
        <h1>{ECRANS.offresPartagees.titre}</h1>
        {droits.publier && (
          <button type="button" class="bouton principal" onClick={() => void publier()}>
            Publier un logement
          </button>
        )}
      </div>
      <p class="aide">Logements mis à disposition par les bailleurs du territoire, tels que reçus à la dernière synchronisation.</p>
      <div class="champ">
        <label for="recherche-offres-partagees">Rechercher (commune, adresse, bailleur, RPLS, typologie)</label>
        <input
          id="recherche-offres-partagees"
          type="search"
          value={texte}
          onInput={(e) => setTexte((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      {donnees && (
        <p class="compteurs" role="status">
          {affichees.length} offre{affichees.length > 1 ? 's' : ''} sur {donnees.offres.length}
        </p>
      )}
      <ul class="liste-menages">
        {affichees.map((o) => (
          <Carte key={o.id} offre={o} positions={donnees?.positions.get(o.id) ?? []} jour={jour} />
        ))}
      </ul>
    </div>
  );
}
