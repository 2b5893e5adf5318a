import { LIBELLES_ALERTE_SIMULATION, formatEuros, formatEvolutionEuros, formatEvolutionPoints, formatTaux } from '../../domain/index.ts';
import type { ResultatSimulation } from '../../domain/index.ts';

// The before/after table of a simulation (charte §7.1), with its alerts, the barème it used and
// the orientation advice. Figures stay unrounded in the engine; only this display rounds them.

export type AplAffichee = { estimee: boolean; explication: string; remarques: string[] } | null;

const surface = (n: number | null) =>
  n === null ? 'non renseignée' : `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(n)} m²`;
const evolutionSurface = (n: number | null) =>
  n === null ? '—' : `${n > 0 ? '+' : ''}${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(n)} m²`;
const dateFr = (iso: string) => iso.split('-').reverse().join('/');
const validite = (debut: string, fin: string | null) =>
  fin ? `du ${dateFr(debut)} au ${dateFr(fin)}` : `à partir du ${dateFr(debut)}, sans date de fin`;

/** Rising costs and falling reste à vivre read as worse: the evolution cell says which way is good. */
const sens = (n: number | null, bonSiPositif: boolean) => (n === null || n === 0 ? '' : n > 0 === bonSiPositif ? 'mieux' : 'moins-bien');

export function TableauAvantApres({
  resultat: r,
  apl,
  surfaces,
}: {
  resultat: ResultatSimulation;
  apl: AplAffichee;
  surfaces: { avant: number | null; apres: number | null };
}) {
  return (
    <div class="resultat-simulation">
      <table class="avant-apres">
        <caption>Avant et après relogement (par mois)</caption>
        <thead>
          <tr>
            <th scope="col">Indicateur</th>
            <th scope="col">Logement actuel</th>
            <th scope="col">Logement proposé</th>
            <th scope="col">Évolution</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Ressources mensuelles</th>
            <td colSpan={3}>{formatEuros(r.ressourcesMensuelles)}</td>
          </tr>
          <tr>
            <th scope="row">Reste à charge</th>
            <td>{formatEuros(r.avant.resteACharge)}</td>
            <td>{formatEuros(r.apres.resteACharge)}</td>
            <td class={sens(r.evolution.resteACharge, false)}>{formatEvolutionEuros(r.evolution.resteACharge)}</td>
          </tr>
          <tr>
            <th scope="row">Taux d’effort</th>
            <td>{formatTaux(r.avant.tauxEffort)}</td>
            <td>{formatTaux(r.apres.tauxEffort)}</td>
            <td class={sens(r.evolution.tauxEffort, false)}>{formatEvolutionPoints(r.evolution.tauxEffort)}</td>
          </tr>
          <tr>
            <th scope="row">Reste à vivre (par jour et par personne)</th>
            <td>{formatEuros(r.avant.resteAVivre)}</td>
            <td>{formatEuros(r.apres.resteAVivre)}</td>
            <td class={sens(r.evolution.resteAVivre, true)}>{formatEvolutionEuros(r.evolution.resteAVivre)}</td>
          </tr>
          <tr>
            <th scope="row">Surface</th>
            <td>{surface(surfaces.avant)}</td>
            <td>{surface(surfaces.apres)}</td>
            <td class={sens(r.evolution.surface, true)}>{evolutionSurface(r.evolution.surface)}</td>
          </tr>
        </tbody>
      </table>
      <p class="aide">
        Dépenses incompressibles retenues : {formatEuros(r.depensesIncompressibles)} par mois. Reste à vivre divisé par{' '}
        {r.detail.diviseurResteAVivre} (personnes × jours).
      </p>
      {apl?.estimee && (
        <p class="apl-estimee">
          APL après relogement {apl.explication}.{apl.remarques.map((m) => ` ${m}`).join('')}
        </p>
      )}
      <h3>Alertes</h3>
      {r.alertes.length === 0 ? (
        <p class="sans-alerte">Aucune alerte.</p>
      ) : (
        <ul class="alertes-simulation" aria-label="Alertes de la simulation">
          {r.alertes.map((a) => (
            <li key={a} class={`alerte-simulation ${a === 'SOUS_OCCUPATION' ? 'attention' : 'grave'}`}>
              {LIBELLES_ALERTE_SIMULATION[a]}
            </li>
          ))}
        </ul>
      )}
      {r.avertissements.map((a) => (
        <p key={a.code} class="erreur" role="alert">
          {a.message}
        </p>
      ))}
      <p class="bareme-utilise">
        Barème FSL : {r.bareme.territoire}, {validite(r.bareme.debut, r.bareme.fin)} — source : {r.bareme.source}. Occupation :{' '}
        {r.occupation.apres.detail}
      </p>
      <section class="avis-orientation" aria-label="Avis d’orientation">
        <h3>Grille d’orientation (avis, pas une décision)</h3>
        <ul>
          {r.orientation.criteres.map((c) => (
            <li key={c.libelle}>
              {c.rempli === null ? '◻ à vérifier' : c.rempli ? '✔ rempli' : '✘ non rempli'} — {c.libelle}
            </li>
          ))}
        </ul>
        <p>{r.orientation.avis}</p>
      </section>
    </div>
  );
}
