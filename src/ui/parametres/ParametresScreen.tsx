import { lazy, Suspense } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import {
  LECTURES_QUARANTE_HUIT_HEURES,
  LIBELLES_LECTURE_HEURES,
  LIBELLES_NORME,
  NORMES_OCCUPATION,
  lireSeuilsQuartiles,
  parametresSchema,
} from '../../domain/index.ts';
import type { LectureHeures } from '../../domain/index.ts';
import type { ReglagesTerritoire } from '../../domain/index.ts';
import { chargerDemo, demanderPersistance, enregistrerParametres, etatStockage, lireParametres, residences } from '../../data/index.ts';
import type { EtatStockage } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { ChampSaisie } from '../commun/champs.tsx';
import { NouvelleResidence } from './NouvelleResidence.tsx';
import { AValider } from './AValider.tsx';
import { DatesPcdid } from './DatesPcdid.tsx';
import { ReglageVerrou } from '../verrou/ReglageVerrou.tsx';
import { ECRANS, lien } from '../app/route.ts';
import { changerEspace, enDemonstration } from '../app/espace.ts';
import { useRole } from '../commun/role.ts';
import { proposesReferenceData } from '../../sync/index.ts';
import { EnChargement } from '../commun/EnChargement.tsx';
// The tablets' sync reports need the network and concern encadrants only: loaded on demand.
const Appareils = lazy(() => import('../synchro/Appareils.tsx'));
const Deconnexion = lazy(() => import('../synchro/Deconnexion.tsx'));
const Retelecharger = lazy(() => import('../synchro/Retelecharger.tsx'));

const octets = (n: number) =>
  new Intl.NumberFormat('fr-FR', { style: 'unit', unit: n > 1e9 ? 'gigabyte' : 'megabyte', maximumFractionDigits: 1 }).format(
    n > 1e9 ? n / 1e9 : n / 1e6,
  );
const SEUIL_ALERTE_STOCKAGE = 0.8;

function Stockage() {
  const [etat, setEtat] = useState<EtatStockage | null>(null);
  const rafraichir = () => void etatStockage().then(setEtat);
  useEffect(rafraichir, []);
  if (!etat) return <EnChargement>Mesure du stockage…</EnChargement>;
  const part = etat.utilise !== null && etat.quota ? etat.utilise / etat.quota : null;
  return (
    <section class="panneau" aria-labelledby="titre-stockage">
      <h2 id="titre-stockage">Stockage sur la tablette</h2>
      <p>
        Stockage protégé : <strong>{etat.persistant ? 'oui' : 'non'}</strong>
        {!etat.persistant && ' — le navigateur pourrait effacer les données en cas de manque de place.'}
      </p>
      {!etat.persistant && (
        <button type="button" class="bouton" onClick={() => void demanderPersistance().then(rafraichir)}>
          Protéger les données
        </button>
      )}
      {etat.utilise !== null && etat.quota !== null && (
        <p>
          Espace utilisé : {octets(etat.utilise)} sur {octets(etat.quota)} disponibles (
          {new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 }).format(part ?? 0)}).
        </p>
      )}
      {part !== null && part > SEUIL_ALERTE_STOCKAGE && (
        <p class="erreur" role="alert">
          L’espace de stockage est presque plein : synchronisez puis libérez de l’espace.
        </p>
      )}
    </section>
  );
}

function Delai({
  champ,
  libelle,
  parametres,
}: {
  champ: 'delaiPremiersEntretiensMois' | 'cadenceContactMois';
  libelle: string;
  parametres: ReglagesTerritoire;
}) {
  const db = useBase();
  const schema = parametresSchema.shape[champ];
  const verifier = (v: string) => {
    const r = schema.safeParse(Number(v.replace(',', '.')));
    return v.trim() !== '' && r.success
      ? { ok: true as const }
      : { ok: false as const, message: r.error?.issues[0]?.message ?? 'Saisissez un nombre de mois.' };
  };
  return (
    <ChampSaisie
      id={`parametre-${champ}`}
      libelle={libelle}
      genre="nombre"
      valeur={String(parametres[champ])}
      verifier={verifier}
      enregistrer={async (v) => {
        if (verifier(v).ok) await enregistrerParametres(db, { [champ]: Number(v) });
      }}
    />
  );
}

/** For the quartile on the CALEOL sheet (charte §4 step 9). */
function SeuilsQuartiles({ parametres }: { parametres: ReglagesTerritoire }) {
  const db = useBase();
  const verifier = (v: string) => {
    const r = lireSeuilsQuartiles(v);
    return r.ok ? { ok: true as const } : r;
  };
  return (
    <ChampSaisie
      id="parametre-quartiles"
      libelle="Seuils des quartiles de ressources (€ par an et par unité de consommation : 1er ; 2e ; 3e)"
      aide="Le seuil du 1er quartile est fixé chaque année par arrêté préfectoral. Exemple : 10 200 ; 16 500 ; 23 000."
      valeur={parametres.simulation.seuilsQuartiles?.join(' ; ') ?? ''}
      verifier={verifier}
      enregistrer={async (v) => {
        const r = lireSeuilsQuartiles(v);
        if (r.ok) await enregistrerParametres(db, { simulation: { ...parametres.simulation, seuilsQuartiles: r.valeur } });
      }}
    />
  );
}

/** AMP art. 10: how the platform's « 48 h » to designate candidates are counted. */
function LectureQuaranteHuitHeures({ parametres }: { parametres: ReglagesTerritoire }) {
  const db = useBase();
  const delai = parametres.plateforme.designationApresIdentification;
  return (
    <div class="champ">
      <label for="parametre-48h">Plateforme de relogement : lecture des « 48 h » de désignation (convention AMP, art. 10)</label>
      <select
        id="parametre-48h"
        value={delai.unite}
        onChange={(e) =>
          void enregistrerParametres(db, {
            plateforme: {
              ...parametres.plateforme,
              designationApresIdentification: { ...delai, unite: e.currentTarget.value as LectureHeures },
            },
          })
        }
      >
        {LECTURES_QUARANTE_HUIT_HEURES.map((l) => (
          <option key={l} value={l}>
            {LIBELLES_LECTURE_HEURES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function ParametresScreen() {
  const db = useBase();
  const parametres = useLive(() => lireParametres(db), [db]);
  const role = useRole();
  const lectureSeule = proposesReferenceData(role);
  const encadre = role === 'encadrant' || role === 'administrateur';
  const [demo, setDemo] = useState<string | null>(null);
  const creerDemo = async () => {
    setDemo('Création en cours…');
    try {
      const d = await chargerDemo(db, aujourdhui());
      setDemo(`« ${d.residence.nom} » créée avec ${d.menages.length} ménages fictifs.`);
    } catch (e) {
      setDemo(`La démonstration n’a pas pu être créée : ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  // The demo space, opened for the first time, gets its fictitious résidence at once.
  const residencesDuLieu = useLive(() => residences(db), [db]);
  const aRemplir = enDemonstration() && residencesDuLieu?.length === 0 && demo === null;
  useEffect(() => {
    if (aRemplir) void creerDemo();
  }, [aRemplir]);
  return (
    <div>
      <h1>{ECRANS.parametres.titre}</h1>
      {parametres && (
        <section class="panneau" aria-labelledby="titre-territoire">
          <h2 id="titre-territoire">Règles du territoire</h2>
          {lectureSeule && (
            <p class="aide" role="note">
              Ces règles sont fixées par les encadrants : vous les consultez ici.
            </p>
          )}
          <fieldset class="sans-cadre" disabled={lectureSeule}>
            <legend class="invisible">Règles du territoire</legend>
            <div class="champ">
              <label for="parametre-norme">Norme d’occupation</label>
              <select
                id="parametre-norme"
                value={parametres.simulation.normeOccupation}
                onChange={(e) =>
                  void enregistrerParametres(db, {
                    simulation: {
                      ...parametres.simulation,
                      normeOccupation: e.currentTarget.value as ReglagesTerritoire['simulation']['normeOccupation'],
                    },
                  })
                }
              >
                {NORMES_OCCUPATION.map((n) => (
                  <option key={n} value={n}>
                    {LIBELLES_NORME[n]}
                  </option>
                ))}
              </select>
            </div>
            <div class="grille-champs">
              <Delai
                champ="delaiPremiersEntretiensMois"
                libelle="Délai des premiers entretiens après l’ouverture (mois)"
                parametres={parametres}
              />
              <Delai champ="cadenceContactMois" libelle="Contact avec chaque ménage au moins tous les (mois)" parametres={parametres} />
            </div>
            <SeuilsQuartiles parametres={parametres} />
            <LectureQuaranteHuitHeures parametres={parametres} />
          </fieldset>
        </section>
      )}
      <p>
        <a class="bouton" href={lien.baremes()}>
          Seuils de la simulation et barèmes FSL
        </a>
      </p>
      {encadre && <AValider />}
      <NouvelleResidence />
      <DatesPcdid />
      <Stockage />
      {!enDemonstration() && (
        <Suspense fallback={<EnChargement />}>
          <Deconnexion />
          <Retelecharger />
        </Suspense>
      )}
      {db.coffre && <ReglageVerrou />}
      {encadre && !enDemonstration() && (
        <Suspense fallback={<EnChargement />}>
          <Appareils />
        </Suspense>
      )}
      <section class="panneau" aria-labelledby="titre-demo">
        <h2 id="titre-demo">Démonstration</h2>
        {enDemonstration() ? (
          <>
            <p>
              Vous êtes dans l’espace de démonstration : ce qui est saisi ici reste sur cette tablette et n’est jamais envoyé au serveur.
            </p>
            <div class="actions">
              <button type="button" class="bouton" onClick={() => void creerDemo()}>
                Créer une résidence fictive de 40 ménages
              </button>
              <button type="button" class="bouton" onClick={() => changerEspace(false)}>
                Quitter la démonstration
              </button>
            </div>
            {demo && <p role="status">{demo}</p>}
          </>
        ) : (
          <>
            <p>
              Pour découvrir l’application ou former un collègue : un espace séparé, avec une résidence fictive de 40 ménages aux
              compositions, ressources et besoins variés. Ses données restent sur cette tablette et ne sont jamais envoyées ; vos ménages
              réels n’y apparaissent pas.
            </p>
            <button type="button" class="bouton" onClick={() => changerEspace(true)}>
              Ouvrir l’espace de démonstration
            </button>
          </>
        )}
      </section>
      <p>
        <a class="bouton" href={lien.accessibilite()}>
          Accessibilité
        </a>
      </p>
    </div>
  );
}
