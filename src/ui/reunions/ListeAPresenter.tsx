import {
  LIBELLES_CIRCUIT,
  LIBELLES_DECISION_REUNION,
  LIBELLES_MOTIF_PRESENTATION,
  menagesAPresenter,
  orientationCourante,
  presentationMenage,
  type Reunion,
} from '../../domain/index.ts';
import type { EcranReunions } from '../../data/index.ts';
import { aujourdhui } from '../commun/contexte.ts';
import { lien } from '../app/route.ts';
import { le } from '../propositions/format.ts';
import { titreReunion } from './format.ts';

// The list handed to the partners of a meeting (charte §4 step 8), one A4 page or more when
// printed. A household that signed a refusal to share its situation is presented anonymously, as
// on the other papers for partners (charte §4 step 4: « évoquée mais de manière anonyme »).
export function ListeAPresenter({ reunion, donnees }: { reunion: Reunion; donnees: EcranReunions }) {
  const liste = menagesAPresenter(donnees.dossiers, reunion.nature);
  return (
    <div>
      <p class="actions ne-pas-imprimer">
        <a class="bouton" href={lien.reunions(donnees.operation.id)}>
          ← Retour aux réunions
        </a>
        <button type="button" class="bouton principal" onClick={() => window.print()}>
          Imprimer
        </button>
      </p>
      <article class="papier papier-liste-reunion" aria-label="Ménages à présenter">
        <header class="papier-entete">
          <p>{[donnees.territoire.territoire, donnees.operation.nom, le(aujourdhui())].filter(Boolean).join(' · ')}</p>
          <h1>Ménages à présenter — {titreReunion(reunion)}</h1>
          {reunion.lieu && <p>Lieu : {reunion.lieu}</p>}
        </header>
        {liste.length === 0 ? (
          <p>Aucun ménage à présenter.</p>
        ) : (
          <table class="papier-tableau">
            <thead>
              <tr>
                <th scope="col">Ménage</th>
                <th scope="col">Adresse</th>
                <th scope="col">Orientation</th>
                <th scope="col">Pourquoi il est présenté</th>
                <th scope="col">Dernière décision</th>
              </tr>
            </thead>
            <tbody>
              {liste.map(({ dossier: d, motif }) => {
                const p = presentationMenage(d.menage, 'partenaires');
                const o = orientationCourante(d.orientations);
                const derniere = d.decisions
                  .map((x) => ({ x, r: donnees.reunions.find((r) => r.id === x.reunionId) }))
                  .filter((y) => y.r && y.r.date < reunion.date)
                  .sort((a, b) => (a.r?.date ?? '').localeCompare(b.r?.date ?? ''))
                  .at(-1);
                return (
                  <tr key={d.menage.id}>
                    <td>
                      {p.nom}
                      {p.reference ? ` (réf. ${p.reference})` : ''}
                    </td>
                    <td>{p.adresse}</td>
                    <td>{o ? LIBELLES_CIRCUIT[o.circuit] : '—'}</td>
                    <td>{LIBELLES_MOTIF_PRESENTATION[motif]}</td>
                    <td>
                      {derniere?.r
                        ? `${le(derniere.r.date)} : ${LIBELLES_DECISION_REUNION[derniere.x.decision]}${p.anonyme ? '' : derniere.x.detail ? ` — ${derniere.x.detail}` : ''}`
                        : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </article>
    </div>
  );
}
