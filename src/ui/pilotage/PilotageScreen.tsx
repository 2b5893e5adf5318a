import { useMemo, useState } from 'preact/hooks';
import {
  FINANCEMENTS,
  GENRES_PERIODE,
  LIBELLES_GENRE_PERIODE,
  TYPOLOGIES,
  calculerPilotage,
  chargeParReferent,
  enteteRapport,
  filtresPilotageSchema,
  periodeContenant,
  tableauCharge,
  tableauDesChiffres,
  tableauVersCsv,
  verifierPeriode,
  type Chiffre,
  type FiltresPilotage,
  type GenrePeriode,
  type Periode,
  type Tableau,
} from '../../domain/index.ts';
import { lireSourcePilotage, nomsDesMenages, type SourcePilotage } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { lien } from '../app/route.ts';
import { telecharger } from '../agenda/telecharger.ts';
import { Barres, Jauge, TableauDonnees } from './Graphique.tsx';
import { BilanAnnuel } from './BilanAnnuel.tsx';
import { EditeurPlan } from './EditeurPlan.tsx';
import { formatValeur } from './format.ts';
import './pilotage.css';

// « Pilotage »: the steering figures over what this tablet holds (the chargée's caseload, or the
// organisation for an encadrant), offline, with their objectives, charts and CSV exports, and the
// quarterly report printed from the same screen (A4 landscape, one page per section).

type Criteres = Omit<FiltresPilotage, 'periode'>;
const CODES_BILAN: ReadonlySet<string> = new Set(['objectifsBailleurs', 'fluxReservataires', 'partAttributions']);
const SANS_FILTRE: Criteres = {
  operationId: null,
  residenceId: null,
  bailleur: null,
  commune: null,
  qpv: null,
  typologie: null,
  financement: null,
};

function periodeChoisie(genre: GenrePeriode, reference: string, debut: string, fin: string): Periode {
  return genre === 'personnalisee' ? { debut, fin } : periodeContenant(genre, reference);
}

const uniques = (xs: readonly string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'fr'));

function Filtres({ source, criteres, changer }: { source: SourcePilotage; criteres: Criteres; changer: (c: Criteres) => void }) {
  const d = source.donnees;
  const operations = d.operations.filter((o) => !o.supprime);
  const residences = d.residences.filter((r) => !r.supprime && (criteres.operationId === null || r.operationId === criteres.operationId));
  const offres = d.offres.filter((o) => !o.supprime);
  const choix = (
    id: string,
    libelle: string,
    valeur: string | null,
    options: readonly (readonly [string, string])[],
    regler: (v: string | null) => void,
  ) => (
    <div class="champ">
      <label for={id}>{libelle}</label>
      <select id={id} value={valeur ?? ''} onChange={(e) => regler(e.currentTarget.value === '' ? null : e.currentTarget.value)}>
        <option value="">Tous</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
  const paires = (xs: readonly string[]) => xs.map((x) => [x, x] as const);
  return (
    <>
      {choix(
        'filtre-operation',
        'Opération',
        criteres.operationId,
        operations.map((o) => [o.id, o.nom] as const),
        (v) => changer({ ...criteres, operationId: v, residenceId: null }),
      )}
      {choix(
        'filtre-residence',
        'Résidence',
        criteres.residenceId,
        residences.map((r) => [r.id, r.nom] as const),
        (v) => changer({ ...criteres, residenceId: v }),
      )}
      {choix('filtre-bailleur', 'Bailleur du logement', criteres.bailleur, paires(uniques(offres.map((o) => o.bailleur))), (v) =>
        changer({ ...criteres, bailleur: v }),
      )}
      {choix('filtre-commune', 'Commune du logement', criteres.commune, paires(uniques(offres.map((o) => o.commune))), (v) =>
        changer({ ...criteres, commune: v }),
      )}
      {choix(
        'filtre-qpv',
        'Quartier',
        criteres.qpv === null ? null : String(criteres.qpv),
        [
          ['true', 'En QPV'],
          ['false', 'Hors QPV'],
        ],
        (v) => changer({ ...criteres, qpv: v === null ? null : v === 'true' }),
      )}
      {choix('filtre-typologie', 'Typologie', criteres.typologie, paires(TYPOLOGIES), (v) =>
        changer({ ...criteres, typologie: filtresPilotageSchema.shape.typologie.parse(v) }),
      )}
      {choix('filtre-financement', 'Financement', criteres.financement, paires(FINANCEMENTS), (v) =>
        changer({ ...criteres, financement: filtresPilotageSchema.shape.financement.parse(v) }),
      )}
    </>
  );
}

function CarteChiffre({ c, ouvert, basculer }: { c: Chiffre; ouvert: boolean; basculer: () => void }) {
  const etat = c.atteint === null ? '' : c.atteint ? ' atteint' : ' non-atteint';
  return (
    <li class={`chiffre${etat}`}>
      <span class="chiffre-libelle">{c.libelle}</span>
      <span class="chiffre-valeur">{formatValeur(c)}</span>
      {c.raison && <span class="aide">Sans valeur : {c.raison}.</span>}
      {c.objectif && (
        <span class="chiffre-objectif">
          Objectif {c.objectif.libelle} : {c.atteint === null ? 'non évaluable' : c.atteint ? 'atteint' : 'non atteint'}
        </span>
      )}
      <span class="aide">
        {c.description} ({c.source})
      </span>
      {c.menageIds.length > 0 && (
        <button type="button" class="bouton discret" aria-expanded={ouvert} onClick={basculer}>
          {ouvert ? 'Masquer les ménages' : `Voir les ${c.menageIds.length} ménage${c.menageIds.length > 1 ? 's' : ''}`}
        </button>
      )}
    </li>
  );
}

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

function Exports({ tableaux, contexte, periode }: { tableaux: Tableau[]; contexte: string[]; periode: Periode }) {
  const exporter = (t: Tableau) =>
    telecharger(`pilotage-${t.code}-${periode.debut}-${periode.fin}.csv`, tableauVersCsv(t, contexte), 'text/csv;charset=utf-8');
  return (
    <section class="panneau ne-pas-imprimer" aria-labelledby="titre-exports">
      <h2 id="titre-exports">Exporter pour Excel (CSV)</h2>
      <ul class="liste-exports">
        {tableaux.map((t) => (
          <li key={t.code}>
            <button type="button" class="bouton" onClick={() => exporter(t)}>
              {t.titre} (CSV)
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function PilotageScreen() {
  const db = useBase();
  const source = useLive(() => lireSourcePilotage(db), [db]);
  const jour = aujourdhui();
  const [genre, setGenre] = useState<GenrePeriode>('trimestre');
  const [reference, setReference] = useState(jour);
  const [debut, setDebut] = useState(periodeContenant('trimestre', jour).debut);
  const [fin, setFin] = useState(periodeContenant('trimestre', jour).fin);
  const [criteres, setCriteres] = useState<Criteres>(SANS_FILTRE);
  const [detail, setDetail] = useState<string | null>(null);
  const periode = periodeChoisie(genre, reference, debut, fin);
  const erreurPeriode = verifierPeriode(periode);
  const filtres: FiltresPilotage = { periode, ...criteres };
  const rapport = useMemo(
    () =>
      source && !source.calculEnCours && erreurPeriode === null
        ? calculerPilotage(source.donnees, filtres, { offresProposeesSeulement: source.portefeuille }, source.reglages)
        : null,
    [source, erreurPeriode, JSON.stringify(filtres)],
  );
  if (!source) return <p class="chargement">Chargement…</p>;
  // Figures over part of the caseload are never shown as if whole.
  if (source.calculEnCours)
    return (
      <p class="chargement" role="status">
        Calcul des chiffres en cours : {source.calculEnCours.faits.toLocaleString('fr-FR')} ménages prêts sur{' '}
        {source.calculEnCours.total.toLocaleString('fr-FR')}…
      </p>
    );
  const noms = {
    operation: source.donnees.operations.find((o) => o.id === criteres.operationId)?.nom,
    residence: source.donnees.residences.find((r) => r.id === criteres.residenceId)?.nom,
  };
  const contexte = enteteRapport(filtres, jour, noms);
  const charge = source.portefeuille
    ? null
    : tableauCharge(
        chargeParReferent(source.donnees.menages, source.noms, source.reglages.menagesParCharge),
        source.reglages.menagesParCharge,
      );
  const tableau = (code: string) => rapport?.tableaux.find((t) => t.code === code);
  const chiffre = (code: string) => rapport?.chiffres.find((c) => c.code === code);
  const neuf = chiffre('neufRecent');
  const ouvert = rapport?.chiffres.find((c) => c.code === detail) ?? null;
  return (
    <div class="pilotage">
      <h1>Pilotage {source.portefeuille ? 'de mon portefeuille' : 'de l’organisation'}</h1>
      <form class="panneau ne-pas-imprimer" aria-label="Filtres du rapport" onSubmit={(e) => e.preventDefault()}>
        <div class="grille-champs">
          <div class="champ">
            <label for="filtre-genre">Période</label>
            <select id="filtre-genre" value={genre} onChange={(e) => setGenre(e.currentTarget.value as GenrePeriode)}>
              {GENRES_PERIODE.map((g) => (
                <option key={g} value={g}>
                  {LIBELLES_GENRE_PERIODE[g]}
                </option>
              ))}
            </select>
          </div>
          {genre === 'personnalisee' ? (
            <>
              <div class={`champ${erreurPeriode ? ' en-erreur' : ''}`}>
                <label for="filtre-debut">Du</label>
                <input
                  id="filtre-debut"
                  type="date"
                  value={debut}
                  onInput={(e) => setDebut(e.currentTarget.value)}
                  aria-describedby={erreurPeriode ? 'erreur-periode' : undefined}
                  aria-invalid={erreurPeriode ? true : undefined}
                />
              </div>
              <div class={`champ${erreurPeriode ? ' en-erreur' : ''}`}>
                <label for="filtre-fin">Au</label>
                <input
                  id="filtre-fin"
                  type="date"
                  value={fin}
                  onInput={(e) => setFin(e.currentTarget.value)}
                  aria-describedby={erreurPeriode ? 'erreur-periode' : undefined}
                  aria-invalid={erreurPeriode ? true : undefined}
                />
              </div>
            </>
          ) : (
            <div class="champ">
              <label for="filtre-reference">
                {genre === 'mois' ? 'Mois contenant le' : genre === 'trimestre' ? 'Trimestre contenant le' : 'Année contenant le'}
              </label>
              <input
                id="filtre-reference"
                type="date"
                value={reference}
                onInput={(e) => e.currentTarget.value && setReference(e.currentTarget.value)}
              />
            </div>
          )}
          <Filtres source={source} criteres={criteres} changer={setCriteres} />
        </div>
        {erreurPeriode && (
          <p id="erreur-periode" class="erreur" role="alert">
            {erreurPeriode}
          </p>
        )}
        <div class="actions">
          <button type="button" class="bouton" onClick={() => setCriteres(SANS_FILTRE)}>
            Effacer les filtres
          </button>
          <button type="button" class="bouton principal" disabled={!rapport} onClick={() => window.print()}>
            Imprimer le rapport trimestriel
          </button>
        </div>
      </form>
      <header class="entete-rapport">
        <p class="titre-impression">Rapport de relogement</p>
        {contexte.map((l) => (
          <p key={l}>{l}</p>
        ))}
      </header>
      {rapport && (
        <>
          {rapport.vide && (
            <p class="vide" role="status">
              Aucun ménage, logement ou relogement ne correspond à ces filtres sur la période.
            </p>
          )}
          <section class="section-rapport" aria-labelledby="titre-chiffres">
            <h2 id="titre-chiffres">Indicateurs</h2>
            <ul class="chiffres" aria-labelledby="titre-chiffres">
              {rapport.chiffres.map((c) => (
                <CarteChiffre key={c.code} c={c} ouvert={detail === c.code} basculer={() => setDetail(detail === c.code ? null : c.code)} />
              ))}
            </ul>
            {ouvert && <Menages c={ouvert} />}
          </section>
          <section class="section-rapport" aria-labelledby="titre-graphiques">
            <h2 id="titre-graphiques">Relogements et objectifs</h2>
            {tableau('relogementsParTrimestre') && <Barres tableau={tableau('relogementsParTrimestre') as Tableau} />}
            {tableau('realiseContrePrevu') && <Barres tableau={tableau('realiseContrePrevu') as Tableau} />}
            {neuf && neuf.objectif && (
              <Jauge
                titre="Relogements dans le neuf ou récent"
                valeur={neuf.valeur}
                objectif={neuf.objectif.valeur}
                atteint={neuf.atteint}
              />
            )}
            {tableau('variationRav') && <Barres tableau={tableau('variationRav') as Tableau} />}
          </section>
          <section class="section-rapport" aria-labelledby="titre-repartitions">
            <h2 id="titre-repartitions">Répartitions</h2>
            {rapport.tableaux
              .filter((t) => t.code.startsWith('repartition-') || t.code === 'propositionsParRang')
              .map((t) => (
                <TableauDonnees key={t.code} tableau={t} />
              ))}
          </section>
          {criteres.operationId && (
            <EditeurPlan
              key={criteres.operationId}
              operationId={criteres.operationId}
              plan={source.donnees.plansRelogement.find((p) => p.operationId === criteres.operationId && !p.supprime)}
              donnees={source.donnees}
              jour={jour}
              modifiable={!source.portefeuille}
            />
          )}
          <BilanAnnuel
            annee={Number(periode.fin.slice(0, 4))}
            tableaux={rapport.tableaux.filter((t) => CODES_BILAN.has(t.code))}
            bilan={source.donnees.bilansAnnuels.find((b) => !b.supprime && b.annee === Number(periode.fin.slice(0, 4)))}
            droits={source.droitsBilan}
            organisation={source.organisation}
            bailleurs={source.bailleurs}
            jour={jour}
          />
          {charge && (
            <section class="section-rapport" aria-labelledby="titre-charge">
              <h2 id="titre-charge">Charge des chargés de relogement</h2>
              <Barres
                tableau={{ ...charge, colonnes: charge.colonnes.slice(0, 2), lignes: charge.lignes.map((l) => l.slice(0, 2)) }}
                cible={{ valeur: source.reglages.menagesParCharge, libelle: `plafond ${source.reglages.menagesParCharge}` }}
              />
            </section>
          )}
          <Exports
            tableaux={[tableauDesChiffres(rapport), ...rapport.tableaux, ...(charge ? [charge] : [])]}
            contexte={contexte}
            periode={periode}
          />
        </>
      )}
    </div>
  );
}
