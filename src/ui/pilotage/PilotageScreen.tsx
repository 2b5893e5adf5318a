import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  chargeParReferent,
  enteteRapport,
  tableauCharge,
  tableauDesChiffres,
  type Chiffre,
  type FiltresPilotage,
  type RapportPilotage,
} from '../../domain/index.ts';
import { lireEcranPilotage, nomsDesMenages, type SourcePilotage } from '../../data/index.ts';
import { SANS_RAPPORT_PILOTAGE } from '../../sync/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { useApresAffichage } from '../commun/apres-affichage.ts';
import { ECRANS, lien } from '../app/route.ts';
import { Barres } from './Graphique.tsx';
import { BilanAnnuel } from './BilanAnnuel.tsx';
import { EditeurPlan } from './EditeurPlan.tsx';
import { PilotageServeur } from './PilotageServeur.tsx';
import { rapportDe } from './preparation.ts';
import {
  CODES_BILAN,
  CorpsRapport,
  EnteteRapport,
  Exports,
  FormulaireFiltres,
  choixDesDonnees,
  nomsDesFiltres,
  useFiltresPilotage,
} from './Rapport.tsx';
import './pilotage.css';
import { EnChargement } from '../commun/EnChargement.tsx';

// « Pilotage »: the steering figures with their objectives, charts and CSV exports, and the
// quarterly report printed from the same screen (A4 landscape, one page per section): over what
// this tablet holds (the chargée's caseload, or the organisation for an encadrant), offline; or,
// for the métropole, the State and a landlord's partner account, as the server computes them
// (PilotageServeur.tsx).

/**
 * User Timing marks on the way from the tap to the figures, which the tablet's bench reads
 * (test/bench/pilotage-navigateur.ts): the screen's module loaded, the source read, the figures computed.
 */
const marquer = (etape: 'ecran' | 'calcul' | 'calcule') => void performance.mark(`pilotage:${etape}`);

function Menages({ c }: { c: Chiffre }) {
  const db = useBase();
  const noms = useLive(() => nomsDesMenages(db, c.menageIds), [db, c.menageIds]);
  if (!noms) return null;
  return (
    <section class="panneau" aria-labelledby="titre-menages-chiffre">
      <h2 id="titre-menages-chiffre">Ménages derrière « {c.libelle} »</h2>
      <ul>
        {c.menageIds.map((id) => (
          <li key={id}>
            <a href={lien.menage(id)}>{noms.get(id) ?? 'Ménage'}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The report of these filters, marked for the bench; computed at idle already for the opening filters (preparation.ts). */
function rapportMarque(source: SourcePilotage, filtres: FiltresPilotage): RapportPilotage {
  marquer('calcul');
  const rapport = rapportDe(source, filtres);
  marquer('calcule');
  return rapport;
}

/** « Pilotage » over what this tablet holds: the chargée's caseload, or the encadrant's organisation. */
function PilotageTablette({ source }: { source: SourcePilotage }) {
  const jour = aujourdhui();
  const etat = useFiltresPilotage(jour);
  const { criteres, periode, erreurPeriode, filtres } = etat;
  const [detail, setDetail] = useState<string | null>(null);
  const rapport = useMemo(
    () => (source.calculEnCours || erreurPeriode !== null ? null : rapportMarque(source, filtres)),
    [source, erreurPeriode, JSON.stringify(filtres)],
  );
  const choix = useMemo(() => choixDesDonnees(source.donnees), [source]);
  // The figures are what the tap is for: drawn first, the charts and tables in the next frame.
  const suite = useApresAffichage(rapport !== null);
  const titre = `${ECRANS.pilotage.titre} ${source.portefeuille ? 'de mon portefeuille' : 'de l’organisation'}`;
  // Figures over part of the caseload are never shown as if whole.
  if (source.calculEnCours)
    return (
      <EnChargement titre={titre}>
        Calcul des chiffres en cours : {source.calculEnCours.faits.toLocaleString('fr-FR')} ménages prêts sur{' '}
        {source.calculEnCours.total.toLocaleString('fr-FR')}…
      </EnChargement>
    );
  const contexte = enteteRapport(filtres, jour, nomsDesFiltres(choix, criteres));
  const charge =
    source.portefeuille || !suite
      ? null
      : tableauCharge(
          chargeParReferent(source.donnees.menages, source.noms, source.reglages.menagesParCharge),
          source.reglages.menagesParCharge,
        );
  const ouvert = rapport?.chiffres.find((c) => c.code === detail) ?? null;
  const annee = Number(periode.fin.slice(0, 4));
  return (
    <div class="pilotage">
      <h1>{titre}</h1>
      <FormulaireFiltres etat={etat} choix={choix} imprimable={rapport !== null} />
      <EnteteRapport contexte={contexte} />
      {rapport && (
        <>
          <CorpsRapport
            rapport={rapport}
            detail={{ ouvert: detail, basculer: (code) => setDetail(detail === code ? null : code) }}
            menages={ouvert && <Menages c={ouvert} />}
            suite={suite}
          />
          {suite && criteres.operationId && (
            <EditeurPlan
              key={criteres.operationId}
              operationId={criteres.operationId}
              plan={source.donnees.plansRelogement.find((p) => p.operationId === criteres.operationId && !p.supprime)}
              donnees={source.donnees}
              jour={jour}
              modifiable={!source.portefeuille}
            />
          )}
          {suite && (
            <BilanAnnuel
              annee={annee}
              tableaux={rapport.tableaux.filter((t) => CODES_BILAN.has(t.code))}
              bilan={source.donnees.bilansAnnuels.find((b) => !b.supprime && b.annee === annee)}
              droits={source.droitsBilan}
              organisation={source.organisation}
              bailleurs={source.bailleurs}
              jour={jour}
            />
          )}
          {suite && charge && (
            <section class="section-rapport" aria-labelledby="titre-charge">
              <h2 id="titre-charge">Charge des chargés de relogement</h2>
              <Barres
                tableau={{ ...charge, colonnes: charge.colonnes.slice(0, 2), lignes: charge.lignes.map((l) => l.slice(0, 2)) }}
                cible={{ valeur: source.reglages.menagesParCharge, libelle: `plafond ${source.reglages.menagesParCharge}` }}
              />
            </section>
          )}
          {suite && (
            <Exports
              tableaux={[tableauDesChiffres(rapport), ...rapport.tableaux, ...(charge ? [charge] : [])]}
              contexte={contexte}
              periode={periode}
            />
          )}
        </>
      )}
    </div>
  );
}

/**
 * The métropole's, the State's and a landlord partner's figures come from the server (their devices
 * hold no household, `sourcePilotage`); everyone else's from this tablet.
 */
export default function PilotageScreen() {
  const db = useBase();
  const ecran = useLive(() => lireEcranPilotage(db), [db]);
  useEffect(() => marquer('ecran'), []);
  if (ecran === undefined) return <EnChargement titre={ECRANS.pilotage.titre}>Chargement des chiffres…</EnChargement>;
  if (ecran.origine === 'tablette') return <PilotageTablette source={ecran.source} />;
  if (ecran.origine === null)
    return (
      <div class="pilotage">
        <h1>{ECRANS.pilotage.titre}</h1>
        <p>{SANS_RAPPORT_PILOTAGE}</p>
      </div>
    );
  return <PilotageServeur territoire={ecran.origine === 'territoire'} />;
}
