import { CIRCUITS, GROUPES_THEMATIQUES, LIBELLES_CIRCUIT, LIBELLES_GROUPE_THEMATIQUE, simuler, type Circuit } from '../../domain/index.ts';
import { orienterMenage, type DossierPropositions } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useFormulaireBrouillon } from '../commun/brouillon.ts';
import { Champ, casesCochees } from './ChampsEtape.tsx';
import { le } from './format.ts';

// Orientation (charte §4 step 6): GTR, GTRM or the circuit dématérialisé, and thematic groups.
// The charter's grid is shown as advice, from the latest saved simulation; the partners decide.

function Grille({ dossier }: { dossier: DossierPropositions }) {
  const s = dossier.simulation;
  if (!s) return <p class="aide">Enregistrez une simulation sur ce ménage pour voir la grille d’orientation de la charte.</p>;
  const avis = simuler(s.entree, { bareme: s.bareme, reglages: s.reglages }).orientation;
  return (
    <div class="grille-orientation info">
      <h3>Grille d’orientation (conseil)</h3>
      <p class="aide">
        D’après la simulation « {s.libelle || 'sans titre'} » du {le(s.creeLe)}.
      </p>
      <ul>
        {avis.criteres.map((c) => (
          <li key={c.libelle}>
            {c.rempli === null ? 'À vérifier' : c.rempli ? 'Rempli' : 'Non rempli'} : {c.libelle}
          </li>
        ))}
      </ul>
      <p>{avis.avis}</p>
    </div>
  );
}

function NouvelleOrientation({ dossier }: { dossier: DossierPropositions }) {
  const db = useBase();
  const courante = dossier.orientations.at(-1);
  const menageId = dossier.menage.id;
  const {
    valeurs: v,
    changer,
    message,
    envoyer,
  } = useFormulaireBrouillon(
    `orientation:${menageId}`,
    { circuit: courante?.circuit ?? '', date: aujourdhui(), decidePar: '', commentaire: '', groupes: (courante?.groupes ?? []).join(',') },
    () => menageId,
    {
      verifier: (x) => (x.circuit ? null : 'Choisissez le circuit : GTR, GTRM ou circuit dématérialisé.'),
      enregistrer: (x) =>
        orienterMenage(
          db,
          {
            menageId,
            circuit: x.circuit as Circuit,
            groupes: casesCochees(x.groupes) as (typeof GROUPES_THEMATIQUES)[number][],
            date: x.date,
            decidePar: x.decidePar,
            commentaire: x.commentaire,
          },
          aujourdhui(),
        ),
      apres: (x) => ({ ...x, decidePar: '', commentaire: '' }),
      echec: 'L’orientation n’a pas pu être enregistrée ; la saisie reste affichée, réessayez.',
    },
  );
  const maj = (cle: keyof typeof v) => (x: string) => changer(cle, x);
  return (
    <form onSubmit={(e) => void envoyer(e)} aria-labelledby="titre-nouvelle-orientation" class="ne-pas-imprimer">
      <h3 id="titre-nouvelle-orientation">{courante ? 'Changer l’orientation' : 'Orienter le ménage'}</h3>
      <div class="grille-champs">
        <Champ
          id="or-circuit"
          def={{
            cle: 'circuit',
            libelle: 'Circuit',
            genre: 'choix',
            options: CIRCUITS.map((c) => ({ valeur: c, libelle: LIBELLES_CIRCUIT[c] })),
          }}
          valeur={v.circuit}
          changer={maj('circuit')}
        />
        <Champ
          id="or-date"
          def={{ cle: 'date', libelle: 'Date de la décision d’orientation', genre: 'date' }}
          valeur={v.date}
          changer={maj('date')}
        />
        <Champ
          id="or-decide"
          def={{ cle: 'decidePar', libelle: 'Décidée par (réunion, instance, partenaires)', genre: 'texte' }}
          valeur={v.decidePar}
          changer={maj('decidePar')}
        />
        <Champ
          id="or-commentaire"
          def={{ cle: 'commentaire', libelle: 'Commentaire sur l’orientation', genre: 'multiligne' }}
          valeur={v.commentaire}
          changer={maj('commentaire')}
        />
      </div>
      <Champ
        id="or-groupes"
        def={{
          cle: 'groupes',
          libelle: 'Groupes thématiques',
          genre: 'cases',
          options: GROUPES_THEMATIQUES.map((g) => ({ valeur: g, libelle: LIBELLES_GROUPE_THEMATIQUE[g] })),
        }}
        valeur={v.groupes}
        changer={maj('groupes')}
      />
      {message && (
        <p class="erreur" role="alert">
          {message}
        </p>
      )}
      <button type="submit" class="bouton principal">
        Enregistrer l’orientation
      </button>
    </form>
  );
}

export function Orientation({ dossier }: { dossier: DossierPropositions }) {
  const historique = [...dossier.orientations].reverse();
  const groupes = (g: readonly string[]) =>
    g.length
      ? g.map((x) => LIBELLES_GROUPE_THEMATIQUE[x as keyof typeof LIBELLES_GROUPE_THEMATIQUE]).join(', ')
      : 'aucun groupe thématique';
  return (
    <section class="panneau" aria-labelledby="titre-orientation">
      <h2 id="titre-orientation">Orientation</h2>
      {historique.length === 0 ? (
        <p>Le ménage n’est pas encore orienté.</p>
      ) : (
        <ol class="historique" reversed>
          {historique.map((o, i) => (
            <li key={o.id}>
              {i === 0 ? <strong>Orientation actuelle : </strong> : null}
              {LIBELLES_CIRCUIT[o.circuit]} le {le(o.date)}, décidée par {o.decidePar} · {groupes(o.groupes)}
              {o.commentaire ? ` · ${o.commentaire}` : ''}
            </li>
          ))}
        </ol>
      )}
      <Grille dossier={dossier} />
      <NouvelleOrientation dossier={dossier} />
    </section>
  );
}
