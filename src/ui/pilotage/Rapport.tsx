import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import {
  FINANCEMENTS,
  GENRES_PERIODE,
  LIBELLES_GENRE_PERIODE,
  TYPOLOGIES,
  filtresPilotageSchema,
  periodeContenant,
  tableauVersCsv,
  verifierPeriode,
  type Chiffre,
  type DonneesPilotage,
  type FiltresPilotage,
  type GenrePeriode,
  type Periode,
  type RapportPilotage,
  type Tableau,
} from '../../domain/index.ts';
import type { ChoixPilotage } from '../../sync/index.ts';
import { telecharger } from '../agenda/telecharger.ts';
import { Barres, Jauge, TableauDonnees } from './Graphique.tsx';
import { formatValeur } from './format.ts';

// What the two « Pilotage » screens share, whether the figures are computed on the tablet or
// received from the server: the period and filters, the figures with their definitions, the charts
// each with its table, and the CSV exports.

export type Criteres = Omit<FiltresPilotage, 'periode'>;
export const SANS_FILTRE: Criteres = {
  operationId: null,
  residenceId: null,
  bailleur: null,
  commune: null,
  qpv: null,
  typologie: null,
  financement: null,
};

/** What the screen opens on: the quarter holding `jour`, no other filter (the figures prepared at idle are these). */
export const filtresALOuverture = (jour: string): FiltresPilotage => ({ periode: periodeContenant('trimestre', jour), ...SANS_FILTRE });

const uniques = (xs: readonly string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'fr'));

/** What the filters offer on a tablet: the operations, résidences and dwellings it holds. */
export function choixDesDonnees(d: DonneesPilotage): ChoixPilotage {
  const offres = d.offres.filter((o) => !o.supprime);
  return {
    operations: d.operations.filter((o) => !o.supprime).map((o) => ({ id: o.id, nom: o.nom })),
    residences: d.residences.filter((r) => !r.supprime).map((r) => ({ id: r.id, nom: r.nom, operationId: r.operationId })),
    bailleurs: uniques(offres.map((o) => o.bailleur)),
    communes: uniques(offres.map((o) => o.commune)),
  };
}

/** The period and filters chosen, and the French message of a period whose end is before its start. */
export function useFiltresPilotage(jour: string) {
  const [genre, setGenre] = useState<GenrePeriode>('trimestre');
  const [reference, setReference] = useState(jour);
  const [debut, setDebut] = useState(periodeContenant('trimestre', jour).debut);
  const [fin, setFin] = useState(periodeContenant('trimestre', jour).fin);
  const [criteres, setCriteres] = useState<Criteres>(SANS_FILTRE);
  const periode: Periode = genre === 'personnalisee' ? { debut, fin } : periodeContenant(genre, reference);
  const erreurPeriode = verifierPeriode(periode);
  const filtres: FiltresPilotage = { periode, ...criteres };
  return { genre, setGenre, reference, setReference, debut, setDebut, fin, setFin, criteres, setCriteres, periode, erreurPeriode, filtres };
}
export type EtatFiltres = ReturnType<typeof useFiltresPilotage>;

/** The operation's and résidence's names, for the report's heading. */
export const nomsDesFiltres = (choix: ChoixPilotage, c: Criteres) => ({
  operation: choix.operations.find((o) => o.id === c.operationId)?.nom,
  residence: choix.residences.find((r) => r.id === c.residenceId)?.nom,
});

function Criteres({ choix, criteres, changer }: { choix: ChoixPilotage; criteres: Criteres; changer: (c: Criteres) => void }) {
  const residences = choix.residences.filter((r) => criteres.operationId === null || r.operationId === criteres.operationId);
  const liste = (
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
      {liste(
        'filtre-operation',
        'Opération',
        criteres.operationId,
        choix.operations.map((o) => [o.id, o.nom] as const),
        (v) => changer({ ...criteres, operationId: v, residenceId: null }),
      )}
      {liste(
        'filtre-residence',
        'Résidence',
        criteres.residenceId,
        residences.map((r) => [r.id, r.nom] as const),
        (v) => changer({ ...criteres, residenceId: v }),
      )}
      {liste('filtre-bailleur', 'Bailleur du logement', criteres.bailleur, paires(choix.bailleurs), (v) =>
        changer({ ...criteres, bailleur: v }),
      )}
      {liste('filtre-commune', 'Commune du logement', criteres.commune, paires(choix.communes), (v) =>
        changer({ ...criteres, commune: v }),
      )}
      {liste(
        'filtre-qpv',
        'Quartier',
        criteres.qpv === null ? null : String(criteres.qpv),
        [
          ['true', 'En QPV'],
          ['false', 'Hors QPV'],
        ],
        (v) => changer({ ...criteres, qpv: v === null ? null : v === 'true' }),
      )}
      {liste('filtre-typologie', 'Typologie', criteres.typologie, paires(TYPOLOGIES), (v) =>
        changer({ ...criteres, typologie: filtresPilotageSchema.shape.typologie.parse(v) }),
      )}
      {liste('filtre-financement', 'Financement', criteres.financement, paires(FINANCEMENTS), (v) =>
        changer({ ...criteres, financement: filtresPilotageSchema.shape.financement.parse(v) }),
      )}
    </>
  );
}

/** The period, the filters and the print button; an invalid period is said at its fields. */
export function FormulaireFiltres({ etat, choix, imprimable }: { etat: EtatFiltres; choix: ChoixPilotage; imprimable: boolean }) {
  const { genre, erreurPeriode } = etat;
  const date = (id: string, libelle: string, valeur: string, regler: (v: string) => void) => (
    <div class={`champ${erreurPeriode ? ' en-erreur' : ''}`}>
      <label for={id}>{libelle}</label>
      <input
        id={id}
        type="date"
        value={valeur}
        onInput={(e) => regler(e.currentTarget.value)}
        aria-describedby={erreurPeriode ? 'erreur-periode' : undefined}
        aria-invalid={erreurPeriode ? true : undefined}
      />
    </div>
  );
  return (
    <form class="panneau ne-pas-imprimer" aria-label="Filtres du rapport" onSubmit={(e) => e.preventDefault()}>
      <div class="grille-champs">
        <div class="champ">
          <label for="filtre-genre">Période</label>
          <select id="filtre-genre" value={genre} onChange={(e) => etat.setGenre(e.currentTarget.value as GenrePeriode)}>
            {GENRES_PERIODE.map((g) => (
              <option key={g} value={g}>
                {LIBELLES_GENRE_PERIODE[g]}
              </option>
            ))}
          </select>
        </div>
        {genre === 'personnalisee' ? (
          <>
            {date('filtre-debut', 'Du', etat.debut, etat.setDebut)}
            {date('filtre-fin', 'Au', etat.fin, etat.setFin)}
          </>
        ) : (
          <div class="champ">
            <label for="filtre-reference">
              {genre === 'mois' ? 'Mois contenant le' : genre === 'trimestre' ? 'Trimestre contenant le' : 'Année contenant le'}
            </label>
            <input
              id="filtre-reference"
              type="date"
              value={etat.reference}
              onInput={(e) => e.currentTarget.value && etat.setReference(e.currentTarget.value)}
            />
          </div>
        )}
        <Criteres choix={choix} criteres={etat.criteres} changer={etat.setCriteres} />
      </div>
      {erreurPeriode && (
        <p id="erreur-periode" class="erreur" role="alert">
          {erreurPeriode}
        </p>
      )}
      <div class="actions">
        <button type="button" class="bouton" onClick={() => etat.setCriteres(SANS_FILTRE)}>
          Effacer les filtres
        </button>
        <button type="button" class="bouton principal" disabled={!imprimable} onClick={() => window.print()}>
          Imprimer le rapport trimestriel
        </button>
      </div>
    </form>
  );
}

/** The report's heading: on screen and on every printed page, with the filters used. */
export function EnteteRapport({ contexte }: { contexte: readonly string[] }) {
  return (
    <header class="entete-rapport">
      <p class="titre-impression">Rapport de relogement</p>
      {contexte.map((l) => (
        <p key={l}>{l}</p>
      ))}
    </header>
  );
}

function CarteChiffre({ c, ouvert, basculer }: { c: Chiffre; ouvert: boolean; basculer: (() => void) | null }) {
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
      {basculer && c.menageIds.length > 0 && (
        <button type="button" class="bouton discret" aria-expanded={ouvert} onClick={basculer}>
          {ouvert ? 'Masquer les ménages' : `Voir les ${c.menageIds.length} ménage${c.menageIds.length > 1 ? 's' : ''}`}
        </button>
      )}
    </li>
  );
}

/**
 * The figures, the charts and the distributions of a report. `detail` opens the households behind a
 * figure, for a screen allowed to list them (none for aggregates only); `menages` shows them.
 * Without `suite`, the figures alone (their charts and tables come in a next drawing).
 */
export function CorpsRapport({
  rapport,
  detail = null,
  menages = null,
  suite = true,
}: {
  rapport: RapportPilotage;
  detail?: { ouvert: string | null; basculer: (code: string) => void } | null;
  menages?: ComponentChildren;
  suite?: boolean;
}) {
  const tableau = (code: string) => rapport.tableaux.find((t) => t.code === code);
  const neuf = rapport.chiffres.find((c) => c.code === 'neufRecent');
  const graphiques = ['relogementsParTrimestre', 'realiseContrePrevu'].flatMap((code) => tableau(code) ?? []);
  const rav = tableau('variationRav');
  return (
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
            <CarteChiffre key={c.code} c={c} ouvert={detail?.ouvert === c.code} basculer={detail ? () => detail.basculer(c.code) : null} />
          ))}
        </ul>
        {menages}
      </section>
      {suite && (
        <>
          <section class="section-rapport" aria-labelledby="titre-graphiques">
            <h2 id="titre-graphiques">Relogements et objectifs</h2>
            {graphiques.map((t) => (
              <Barres key={t.code} tableau={t} />
            ))}
            {neuf && neuf.objectif && (
              <Jauge
                titre="Relogements dans le neuf ou récent"
                valeur={neuf.valeur}
                objectif={neuf.objectif.valeur}
                atteint={neuf.atteint}
              />
            )}
            {rav && <Barres tableau={rav} />}
          </section>
          <section class="section-rapport" aria-labelledby="titre-repartitions">
            <h2 id="titre-repartitions">Répartitions</h2>
            {rapport.tableaux
              .filter((t) => t.code.startsWith('repartition-') || t.code === 'propositionsParRang')
              .map((t) => (
                <TableauDonnees key={t.code} tableau={t} />
              ))}
          </section>
        </>
      )}
    </>
  );
}

/** The tables of the yearly review, shown by `BilanAnnuel`. */
export const CODES_BILAN: ReadonlySet<string> = new Set(['objectifsBailleurs', 'fluxReservataires', 'partAttributions']);

/** Every table as a CSV French Excel opens, headed by the report's context. */
export function Exports({ tableaux, contexte, periode }: { tableaux: readonly Tableau[]; contexte: readonly string[]; periode: Periode }) {
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
