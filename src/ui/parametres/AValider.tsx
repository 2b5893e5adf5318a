import { useState } from 'preact/hooks';
import { rattacherResidence, referentielAValider, residences, validerReferentiel } from '../../data/index.ts';
import type { Residence } from '../../domain/index.ts';
import { useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { lien } from '../app/route.ts';

// For encadrants: what chargées proposed from their tablets. A résidence is validated as it is, or
// mapped onto an existing one (a duplicate typed offline): its households move there on every tablet.

function ResidenceProposee({ residence, existantes }: { residence: Residence; existantes: Residence[] }) {
  const db = useBase();
  const [cible, setCible] = useState('');
  const id = `rattacher-${residence.id}`;
  return (
    <li class="a-valider">
      <p>
        <strong>{residence.nom}</strong>
        {[residence.adresse, residence.commune].filter(Boolean).length > 0 &&
          ` — ${[residence.adresse, residence.commune].filter(Boolean).join(', ')}`}
      </p>
      <div class="actions">
        <button type="button" class="bouton" onClick={() => void validerReferentiel(db, 'residences', residence.id)}>
          Valider la résidence
        </button>
        {existantes.length > 0 && (
          <>
            <label for={id}>ou la rattacher à</label>
            <select id={id} value={cible} onChange={(e) => setCible(e.currentTarget.value)}>
              <option value="">Choisir une résidence…</option>
              {existantes.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.nom}
                </option>
              ))}
            </select>
            <button type="button" class="bouton" disabled={!cible} onClick={() => void rattacherResidence(db, residence.id, cible)}>
              Rattacher
            </button>
          </>
        )}
      </div>
    </li>
  );
}

export function AValider() {
  const db = useBase();
  const donnees = useLive(async () => ({ attente: await referentielAValider(db), toutes: await residences(db) }), [db]);
  if (!donnees) return null;
  const { operations, residences: proposees, offres } = donnees.attente;
  const existantes = donnees.toutes.filter((r) => !r.aValider);
  return (
    <section class="panneau" aria-labelledby="titre-a-valider">
      <h2 id="titre-a-valider">Propositions des chargés à valider</h2>
      {operations.length + proposees.length + offres.length === 0 && <p>Aucune proposition en attente.</p>}
      {proposees.length > 0 && (
        <ul class="liste-a-valider" aria-label="Résidences proposées">
          {proposees.map((r) => (
            <ResidenceProposee key={r.id} residence={r} existantes={existantes} />
          ))}
        </ul>
      )}
      {operations.length > 0 && (
        <ul class="liste-a-valider" aria-label="Opérations proposées">
          {operations.map((o) => (
            <li key={o.id} class="a-valider">
              <p>
                <strong>{o.nom}</strong>
                {o.commune && ` — ${o.commune}`} (opération)
              </p>
              <button type="button" class="bouton" onClick={() => void validerReferentiel(db, 'operations', o.id)}>
                Valider l’opération
              </button>
            </li>
          ))}
        </ul>
      )}
      {offres.length > 0 && (
        <p>
          {new Intl.NumberFormat('fr-FR').format(offres.length)} offre{offres.length > 1 ? 's' : ''} de logement saisie
          {offres.length > 1 ? 's' : ''} par des chargés à valider dans les <a href={lien.offres()}>offres</a>.
        </p>
      )}
    </section>
  );
}
