import { useState } from 'preact/hooks';
import { abandonnerRefusees, exporterRefusees, listerRefusees, reessayerRefusees } from '../../data/index.ts';
import type { ChangeRefusee } from '../../data/index.ts';
import { useBase, useMoteur } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { ECRANS, lien } from '../app/route.ts';
import { telecharger } from '../agenda/telecharger.ts';
import { libelleChamp } from './libelles-champs.ts';
import { EnChargement } from '../commun/EnChargement.tsx';

// The changes the server refused, per household, with the reason and what to do. Nothing here is
// lost until the officer drops it by an explicit, confirmed choice.

const TABLES: Record<string, string> = {
  menages: 'Ménage',
  personnes: 'Occupant',
  entretiens: 'Entretien',
  operations: 'Opération',
  residences: 'Résidence',
  parametres: 'Règles du territoire',
  offres: 'Offre de logement',
  baremes: 'Barème FSL',
  simulations: 'Simulation',
  visites: 'Visite de courtoisie',
  enquetes: 'Enquête de satisfaction',
  orientations: 'Orientation',
  propositions: 'Proposition',
  mediations: 'Médiation',
  pieces: 'Pièce du dossier',
  demenagements: 'Déménagement',
  plansRelogement: 'Plan de relogement',
  bilansAnnuels: 'Bilan annuel (objectifs, flux, attributions)',
};

/** What the officer can do about a refusal, from the server's reason. */
export function queFaire(erreur: string): string {
  if (/accès refusé/i.test(erreur)) {
    return 'Le serveur ne vous reconnaît pas comme référente ou binôme de ce ménage, ou ne connaît pas sa résidence. Demandez à votre encadrant de vous l’attribuer (ou de valider la résidence), puis réessayez.';
  }
  if (/encadrant/i.test(erreur))
    return 'Seul un encadrant peut faire ce changement : transmettez-le lui (exportez-le si besoin), puis abandonnez-le ici.';
  if (/horloge/i.test(erreur)) return 'L’heure de la tablette est fausse : réglez la date et l’heure de la tablette, puis réessayez.';
  if (/invalide/i.test(erreur))
    return 'La valeur saisie a été refusée : corrigez-la dans la fiche (une nouvelle modification partira), puis abandonnez celle-ci.';
  return 'Réessayez ; si le refus persiste, exportez ces modifications et transmettez-les à votre encadrant.';
}

const apercu = (valeur: unknown): string => {
  const texte = typeof valeur === 'string' ? valeur : JSON.stringify(valeur);
  return texte.length > 80 ? `${texte.slice(0, 79)}…` : texte;
};

const nombre = (n: number) => `${new Intl.NumberFormat('fr-FR').format(n)} modification${n > 1 ? 's' : ''}`;

function Groupe({ titre, changes, surReessai }: { titre: preact.ComponentChildren; changes: ChangeRefusee[]; surReessai: () => void }) {
  const db = useBase();
  const [confirmer, setConfirmer] = useState(false);
  const ids = changes.map((c) => c.changeId);
  const raisons = [...new Set(changes.map((c) => c.erreur))];
  return (
    <section class="panneau">
      <h2>{titre}</h2>
      {raisons.map((r) => (
        <div key={r} class="refus">
          <p>
            <strong>Motif : </strong>
            {r}
          </p>
          <p>
            <strong>Que faire : </strong>
            {queFaire(r)}
          </p>
        </div>
      ))}
      <details>
        <summary>
          {nombre(changes.length)} refusée{changes.length > 1 ? 's' : ''}
        </summary>
        <ul class="liste-refusees">
          {changes.map((c) => (
            <li key={c.changeId}>
              {TABLES[c.table] ?? c.table} · {libelleChamp(c.field)} : {apercu(c.value)}
            </li>
          ))}
        </ul>
      </details>
      <div class="actions">
        <button type="button" class="bouton" onClick={() => void reessayerRefusees(db, ids).then(surReessai)}>
          Réessayer
        </button>
        {confirmer ? (
          <>
            <button type="button" class="bouton danger" onClick={() => void abandonnerRefusees(db, ids)}>
              Confirmer l’abandon de {nombre(changes.length)}
            </button>
            <button type="button" class="bouton" onClick={() => setConfirmer(false)}>
              Garder
            </button>
          </>
        ) : (
          <button type="button" class="bouton" onClick={() => setConfirmer(true)}>
            Abandonner…
          </button>
        )}
      </div>
      {confirmer && (
        <p class="erreur" role="alert">
          Abandonnées, ces modifications ne seront jamais envoyées au serveur ; ce que la tablette affiche ne change pas. Exportez-les
          d’abord si vous avez un doute.
        </p>
      )}
    </section>
  );
}

export default function RefuseesScreen() {
  const db = useBase();
  const moteur = useMoteur();
  const groupes = useLive(() => listerRefusees(db), [db]);
  const synchroniser = () => void moteur?.synchroniser();
  const exporter = async () =>
    telecharger(`modifications-refusees-${new Date().toISOString().slice(0, 10)}.json`, await exporterRefusees(db), 'application/json');
  if (!groupes) return <EnChargement titre={ECRANS.refusees.titre} />;
  const toutes = groupes.flatMap((g) => g.changes.map((c) => c.changeId));
  return (
    <div>
      <h1>{ECRANS.refusees.titre}</h1>
      {groupes.length === 0 ? (
        <p>Aucune modification refusée : tout ce qui a été envoyé a été accepté par le serveur.</p>
      ) : (
        <>
          <p>
            Le serveur a refusé ces modifications. Elles restent enregistrées sur la tablette et ne sont pas perdues : corrigez la cause
            indiquée, puis réessayez. Vous pouvez aussi les exporter, ou les abandonner si vous en êtes sûr.
          </p>
          <div class="actions">
            <button type="button" class="bouton principal" onClick={() => void reessayerRefusees(db, toutes).then(synchroniser)}>
              Tout réessayer
            </button>
            <button type="button" class="bouton" onClick={() => void exporter()}>
              Exporter (.json)
            </button>
          </div>
          {groupes.map((g) => (
            <Groupe
              key={g.menageId ?? 'referentiel'}
              titre={
                g.menageId === null ? (
                  'Données de référence'
                ) : g.nom ? (
                  <a href={lien.menage(g.menageId)}>{g.nom}</a>
                ) : (
                  'Ménage absent de cette tablette'
                )
              }
              changes={g.changes}
              surReessai={synchroniser}
            />
          ))}
        </>
      )}
    </div>
  );
}
