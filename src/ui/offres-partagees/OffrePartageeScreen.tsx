import { LIBELLES_ETAPE_OFFRE, commeOffre, erreursOffrePartagee, etapeOffre, horlogesOffre, offreOuverte } from '../../domain/index.ts';
import type { OffrePartagee } from '../../domain/index.ts';
import {
  lireOffrePartagee,
  lireOrganisationsTerritoire,
  menagesSuivisParmi,
  modifierOffrePartagee,
  positionsDeLOffre,
} from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { ChampSaisie } from '../commun/champs.tsx';
import { useProfil } from '../commun/role.ts';
import { useLive } from '../commun/useLive.ts';
import { ECRANS, lien } from '../app/route.ts';
import { FicheOffre } from '../offres/FicheOffre.tsx';
import { Candidats } from './Candidats.tsx';
import { bailleurDeLOffre, droitsOffre } from './droits.ts';
import { Positionner } from './Positionner.tsx';
import { Horloges } from './Horloges.tsx';
import { EnChargement } from '../commun/EnChargement.tsx';

// One pooled offer: its step and clocks for every party, the annex 5 sheet, the host landlord's
// dated steps, the candidates, and the team's households it suits, to position them (offline too).

type ChampDate = { cle: keyof OffrePartagee; libelle: string; genre: 'date' | 'multiligne' };

const MISE_A_DISPOSITION: readonly ChampDate[] = [
  { cle: 'dateMiseADisposition', libelle: 'Date de mise à disposition', genre: 'date' },
  { cle: 'datePreavisSortant', libelle: 'Préavis du locataire sortant', genre: 'date' },
];

const ETAPES_BAILLEUR: readonly ChampDate[] = [
  { cle: 'dossiersRecusLe', libelle: 'Dossiers des candidats reçus le', genre: 'date' },
  { cle: 'piecesDemandees', libelle: 'Pièces demandées', genre: 'multiligne' },
  { cle: 'piecesDemandeesLe', libelle: 'Pièces demandées le', genre: 'date' },
  { cle: 'dossiersCompletsLe', libelle: 'Dossiers complets le', genre: 'date' },
  { cle: 'caleolLe', libelle: 'Date de la CALEOL', genre: 'date' },
  { cle: 'visiteLe', libelle: 'Visite le', genre: 'date' },
  { cle: 'emmenagementLe', libelle: 'Emménagement le', genre: 'date' },
  { cle: 'bailSigneLe', libelle: 'Bail signé le', genre: 'date' },
  { cle: 'rendueLe', libelle: 'Rendue faute de candidat le', genre: 'date' },
  { cle: 'retireeLe', libelle: 'Retirée le', genre: 'date' },
  { cle: 'motifRetrait', libelle: 'Motif du retrait', genre: 'multiligne' },
];

/** The team offer's own status and dates the pooled offer holds in its steps instead. */
const HORS_FICHE = ['statut', 'dateDisponibilite', 'dateCaleol', 'dateLimiteDesignation'] as const;

function ChampsOffre({ offre, champs, desactive }: { offre: OffrePartagee; champs: readonly ChampDate[]; desactive: boolean }) {
  const db = useBase();
  const erreurs = new Map(erreursOffrePartagee(offre).map((e) => [e.champ, e.message]));
  return (
    <div class="grille-champs">
      {champs.map((c) => {
        const valeur = offre[c.cle];
        return (
          <ChampSaisie
            key={c.cle}
            id={`offre-partagee-${c.cle}`}
            libelle={c.libelle}
            genre={c.genre}
            desactive={desactive}
            valeur={typeof valeur === 'string' ? valeur : ''}
            erreurExterne={erreurs.get(c.cle) ?? null}
            enregistrer={(t) => {
              if (c.genre === 'multiligne') return modifierOffrePartagee(db, offre.id, { [c.cle]: t });
              if (t === '' && c.cle === 'dateMiseADisposition') return Promise.resolve();
              return modifierOffrePartagee(db, offre.id, { [c.cle]: t || null });
            }}
          />
        );
      })}
    </div>
  );
}

export default function OffrePartageeScreen({ id }: { id: string }) {
  const db = useBase();
  const jour = aujourdhui();
  const profil = useProfil();
  const donnees = useLive(async () => {
    const offre = (await lireOffrePartagee(db, id)) ?? null;
    const positions = await positionsDeLOffre(db, id);
    return {
      offre,
      positions,
      organisations: await lireOrganisationsTerritoire(db),
      menagesDeLEquipe: await menagesSuivisParmi(
        db,
        positions.map((p) => p.menageId),
      ),
    };
  }, [db, id]);
  if (donnees === undefined || profil === undefined)
    return <EnChargement titre={ECRANS.offrePartagee.titre}>Chargement de l’offre…</EnChargement>;
  const { offre, positions, menagesDeLEquipe, organisations } = donnees;
  if (offre === null || offre.supprime)
    return (
      <p class="erreur">
        Cette offre n’est pas sur cette tablette. <a href={lien.offresPartagees()}>Retour aux offres du territoire</a>
      </p>
    );
  const droits = droitsOffre(profil, offre, organisations);
  const ouverte = offreOuverte(offre, positions);
  return (
    <div>
      <p class="retour">
        <a href={lien.offresPartagees()}>← Offres du territoire</a>
      </p>
      <h1>Offre — {[offre.typologie, offre.adresse, offre.commune].filter(Boolean).join(', ') || 'à compléter'}</h1>
      <p class="etape-offre">
        Étape : <strong>{LIBELLES_ETAPE_OFFRE[etapeOffre(offre, positions)]}</strong> — {offre.bailleur || 'bailleur non renseigné'}
      </p>
      <section class="panneau" aria-labelledby="titre-horloges">
        <h2 id="titre-horloges">Échéances (jours ouvrés)</h2>
        <Horloges horloges={horlogesOffre(offre, positions, jour)} />
      </section>
      <fieldset class="fiche">
        <legend>Mise à disposition</legend>
        <ChampsOffre offre={offre} champs={MISE_A_DISPOSITION} desactive={!droits.hote} />
      </fieldset>
      <FicheOffre
        offre={commeOffre(offre)}
        enregistrer={(modif) => modifierOffrePartagee(db, offre.id, modif)}
        sans={HORS_FICHE}
        desactive={!droits.hote}
      />
      <fieldset class="fiche">
        <legend>Suivi par le bailleur</legend>
        <ChampsOffre offre={offre} champs={ETAPES_BAILLEUR} desactive={!droits.hote} />
      </fieldset>
      <section class="panneau" aria-labelledby="titre-candidats">
        <h2 id="titre-candidats">Candidats</h2>
        <Candidats
          offre={offre}
          positions={positions}
          droits={droits}
          profil={profil}
          menagesDeLEquipe={menagesDeLEquipe}
          bailleurOffreId={bailleurDeLOffre(offre, organisations)}
          jour={jour}
        />
      </section>
      {ouverte ? (
        droits.positionner && <Positionner offre={offre} organisations={organisations} jour={jour} />
      ) : (
        <p class="info">Cette offre n’est plus ouverte aux positionnements (retirée, rendue ou attribuée).</p>
      )}
    </div>
  );
}
