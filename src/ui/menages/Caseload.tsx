import { useEffect, useMemo, useState } from 'preact/hooks';
import { LIBELLES_STATUT, STATUTS_MENAGE, LIBELLES_ALERTE, CODES_ALERTE } from '../../domain/index.ts';
import type { CodeAlerte, StatutMenage } from '../../domain/index.ts';
import { filtrerMenages, lireMenagesDuJour, residences } from '../../data/index.ts';
import type { FiltreMenages, LigneMenage, ResultatRecherche } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { differe } from '../commun/differe.tsx';
import { useLive } from '../commun/useLive.ts';
import { apresLImage } from '../commun/apres-affichage.ts';
import { ECRANS, lien } from '../app/route.ts';
import { marquerPremierEcran } from '../app/premier-ecran.ts';
import { BadgeVigilance } from '../suivi/Vigilance.tsx';
// The creation form writes through the validating write path: it loads on demand.
const NouveauMenage = differe(() => import('./NouveauMenage.tsx'));

const nombre = new Intl.NumberFormat('fr-FR');
const pluriel = (n: number, un: string, plusieurs: string) => `${nombre.format(n)} ${n > 1 ? plusieurs : un}`;

/** About two screens of cards: drawn at once, the others after the next paint. */
const CARTES_D_ABORD = 20;

/**
 * The cards of a result, the first screens' worth first: drawing and laying out a hundred cards
 * would hold up the first list and every search's answer, when a dozen fit on the screen. Once
 * drawn whole for a filter, a change of the data keeps them whole: the list does not shrink under
 * a scrolled screen.
 */
function useCartesProgressives(resultat: ResultatRecherche | undefined, filtre: FiltreMenages): LigneMenage[] {
  const [entierPour, setEntierPour] = useState<FiltreMenages>();
  const entier = entierPour === filtre;
  useEffect(() => {
    if (entier || !resultat || resultat.lignes.length <= CARTES_D_ABORD) return;
    // After the frame that shows the first cards.
    return apresLImage(() => setEntierPour(filtre));
  }, [resultat, filtre, entier]);
  if (!resultat) return [];
  return entier ? resultat.lignes : resultat.lignes.slice(0, CARTES_D_ABORD);
}

/** "Mes ménages": search, filters and counts over the officer's caseload. */
export default function Caseload() {
  const db = useBase();
  const [filtre, setFiltre] = useState<FiltreMenages>({ texte: '', residenceId: null, statut: null, alerte: null });
  const [creation, setCreation] = useState(false);
  const listeResidences = useLive(() => residences(db), [db]);
  // Read again when the data changes; a search filters in memory.
  const menages = useLive(() => lireMenagesDuJour(db, aujourdhui()), [db]);
  const resultat = useMemo(() => menages && filtrerMenages(menages, filtre), [menages, filtre]);
  const maj = (m: Partial<FiltreMenages>) => setFiltre((f) => ({ ...f, ...m }));
  const affiche = resultat !== undefined;
  useEffect(() => {
    if (affiche) marquerPremierEcran();
  }, [affiche]);
  const cartes = useCartesProgressives(resultat, filtre);

  return (
    <section aria-labelledby="titre-menages">
      <div class="titre-ligne">
        <h1 id="titre-menages">{ECRANS.menages.titre}</h1>
        <button type="button" class="bouton principal" onClick={() => setCreation(true)}>
          Nouveau ménage
        </button>
      </div>
      {creation && <NouveauMenage residences={listeResidences ?? []} fermer={() => setCreation(false)} />}
      <form class="filtres" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="champ">
          <label for="recherche">Rechercher (nom, adresse, référence)</label>
          <input
            id="recherche"
            type="search"
            value={filtre.texte}
            onInput={(e) => maj({ texte: e.currentTarget.value })}
            autoComplete="off"
          />
        </div>
        <div class="champ">
          <label for="filtre-residence">Résidence</label>
          <select
            id="filtre-residence"
            value={filtre.residenceId ?? ''}
            onChange={(e) => maj({ residenceId: e.currentTarget.value || null })}
          >
            <option value="">Toutes</option>
            {(listeResidences ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.nom}
              </option>
            ))}
          </select>
        </div>
        <div class="champ">
          <label for="filtre-statut">Étape</label>
          <select
            id="filtre-statut"
            value={filtre.statut ?? ''}
            onChange={(e) => maj({ statut: (e.currentTarget.value || null) as StatutMenage | null })}
          >
            <option value="">Toutes</option>
            {STATUTS_MENAGE.map((s) => (
              <option key={s} value={s}>
                {LIBELLES_STATUT[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="champ">
          <label for="filtre-alerte">Alerte</label>
          <select
            id="filtre-alerte"
            value={filtre.alerte ?? ''}
            onChange={(e) => maj({ alerte: (e.currentTarget.value || null) as CodeAlerte | null })}
          >
            <option value="">Toutes</option>
            {CODES_ALERTE.map((a) => (
              <option key={a} value={a}>
                {LIBELLES_ALERTE[a]}
                {resultat ? ` (${nombre.format(resultat.compteurs[a])})` : ''}
              </option>
            ))}
          </select>
        </div>
      </form>
      {resultat && (
        <p class="compteurs" role="status" aria-live="polite">
          {pluriel(resultat.total, 'ménage affiché', 'ménages affichés')} sur {nombre.format(resultat.ensemble)}
          {CODES_ALERTE.filter((a) => resultat.compteurs[a] > 0).map(
            (a) => ` · ${LIBELLES_ALERTE[a]} : ${nombre.format(resultat.compteurs[a])}`,
          )}
        </p>
      )}
      {menages && !menages.aJour && (
        <p class="aide" role="status">
          Alertes de dossier et échéances en cours de mise à jour pour aujourd’hui : celles affichées peuvent dater d’un jour précédent.
        </p>
      )}
      {resultat && resultat.ensemble === 0 && (
        <p class="vide">
          Aucun ménage pour l’instant. Créez-en un, ou découvrez l’application dans l’espace de démonstration (
          <a href={lien.parametres()}>paramètres</a>).
        </p>
      )}
      <ul class="liste-menages">
        {cartes.map((m) => (
          <li key={m.id}>
            <a class="carte" href={lien.menage(m.id)}>
              <span class="carte-titre">{m.nom || 'Ménage sans nom'}</span>
              <span class="carte-detail">{[m.reference, m.adresse].filter(Boolean).join(' · ')}</span>
              <span class="carte-detail">
                {LIBELLES_STATUT[m.statut]} · {pluriel(m.occupants, 'occupant', 'occupants')}
                {m.dossier && m.statut !== 'a_rencontrer' ? ` · dossier complet à ${m.dossier.completude} %` : ''}
              </span>
              {m.alertes.map((a) => (
                <span key={a} class="badge alerte">
                  {LIBELLES_ALERTE[a]}
                </span>
              ))}
              {m.delais.map((d) => (
                <span key={d.libelle} class={`badge ${d.etat === 'en_retard' ? 'alerte' : 'info'}`}>
                  {d.etat === 'en_retard' ? 'Délai dépassé' : 'Échéance proche'} : {d.libelle}
                </span>
              ))}
              <BadgeVigilance codes={m.vigilance} />
            </a>
          </li>
        ))}
      </ul>
      {resultat && resultat.total > resultat.lignes.length && (
        <p class="aide">Seuls les {nombre.format(resultat.lignes.length)} premiers sont affichés : précisez la recherche.</p>
      )}
    </section>
  );
}
