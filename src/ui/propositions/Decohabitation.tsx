import { useState } from 'preact/hooks';
import { proposerDecohabitation } from '../../domain/index.ts';
import { decohabiter, type DossierPropositions } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { lien, naviguer } from '../app/route.ts';
import { nomPersonne } from './format.ts';

// Décohabitation (docs/domaine.md §1): an adult occupant who wants a home of their own, other than the
// leaseholder and their spouse or partner, gets a file of their own, linked both ways to the
// household they come from.
export function Decohabitation({ dossier }: { dossier: DossierPropositions }) {
  const db = useBase();
  const [message, setMessage] = useState<string | null>(null);
  const jour = aujourdhui();
  const candidats = dossier.personnes.filter(
    (p) => proposerDecohabitation(p, jour) && !dossier.issus.some((m) => m.personneOrigineId === p.id),
  );
  const separer = async (personneId: string) => {
    const r = await decohabiter(db, personneId, jour);
    if (r.ok) naviguer(lien.menage(r.valeur.id));
    else setMessage(r.message);
  };
  if (!dossier.origine && dossier.issus.length === 0 && candidats.length === 0) return null;
  return (
    <section class="panneau" aria-labelledby="titre-decohabitation">
      <h2 id="titre-decohabitation">Décohabitation</h2>
      {dossier.origine && (
        <p>
          Dossier issu de la décohabitation du ménage <a href={lien.menage(dossier.origine.id)}>{dossier.origine.nom}</a> : il est compté à
          part et partage son historique.
        </p>
      )}
      {dossier.issus.length > 0 && (
        <p>
          Dossiers issus de ce ménage :{' '}
          {dossier.issus.map((m, i) => (
            <span key={m.id}>
              {i > 0 && ', '}
              <a href={lien.menage(m.id)}>{m.nom}</a>
            </span>
          ))}
        </p>
      )}
      {candidats.length > 0 && (
        <ul class="options">
          {candidats.map((p) => (
            <li key={p.id}>
              <button type="button" class="bouton" onClick={() => void separer(p.id)}>
                Ouvrir un dossier de relogement pour {nomPersonne(p)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p class="erreur" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
