import { useState } from 'preact/hooks';
import { verifierMediation, type Mediation as MediationRecord } from '../../domain/index.ts';
import { modifierMediation, ouvrirMediation, type DossierPropositions } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { ChampSaisie } from '../commun/champs.tsx';
import { lien } from '../app/route.ts';
import { le } from './format.ts';

// The mediation after the household's 2nd refusal (charte §4 step 11): saved as typed; what it
// still lacks is said here, and the next proposal is refused until it is complete.

const dateValide = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) ? { ok: true as const } : { ok: false as const, message: 'Date attendue au format AAAA-MM-JJ.' };

function FicheMediation({ m }: { m: MediationRecord }) {
  const db = useBase();
  const maj = (modif: Partial<MediationRecord>) => modifierMediation(db, m.id, modif);
  const manques = verifierMediation(m, aujourdhui());
  const base = `mediation-${m.id}`;
  return (
    <div class="fiche">
      <h3>Médiation du {le(m.date)}</h3>
      <div class="grille-champs">
        <ChampSaisie
          id={`${base}-date`}
          libelle="Date de la médiation"
          genre="date"
          valeur={m.date}
          verifier={dateValide}
          enregistrer={(v) => maj({ date: v })}
        />
        <ChampSaisie
          id={`${base}-presents`}
          libelle="Personnes présentes (une par ligne)"
          genre="multiligne"
          valeur={m.presents.join('\n')}
          enregistrer={(v) => maj({ presents: v.split('\n') })}
        />
        <ChampSaisie
          id={`${base}-produit`}
          libelle="Produit défini pour la troisième proposition"
          genre="multiligne"
          valeur={m.produitDefini}
          enregistrer={(v) => maj({ produitDefini: v })}
        />
        <ChampSaisie
          id={`${base}-courrier`}
          libelle="Courrier post-médiation envoyé le"
          genre="date"
          valeur={m.courrierPostMediationLe ?? ''}
          enregistrer={(v) => maj({ courrierPostMediationLe: v || null })}
        />
      </div>
      {manques.length > 0 ? (
        <ul class="erreur">
          {manques.map((e) => (
            <li key={e.champ}>{e.message}</li>
          ))}
        </ul>
      ) : (
        <p class="succes">Médiation complète : la proposition suivante peut être faite.</p>
      )}
      <p class="actions">
        <a class="bouton" href={lien.propositions(m.menageId, 'mediation', m.id)}>
          Courrier post-médiation
        </a>
      </p>
    </div>
  );
}

export function Mediations({ dossier, requise }: { dossier: DossierPropositions; requise: boolean }) {
  const db = useBase();
  const [erreur, setErreur] = useState<string | null>(null);
  if (!requise && dossier.mediations.length === 0) return null;
  const ouvrir = () =>
    ouvrirMediation(db, dossier.menage.id, aujourdhui()).then(
      () => setErreur(null),
      () => setErreur('La médiation n’a pas pu être créée ; réessayez.'),
    );
  return (
    <section class="panneau mediation" aria-labelledby="titre-mediation">
      <h2 id="titre-mediation">Médiation</h2>
      {requise && (
        <p class="info">
          Après le deuxième refus du ménage, une médiation (élu de la ville et bailleur) définit la troisième proposition, qui sera
          opposable.
        </p>
      )}
      {dossier.mediations.map((m) => (
        <FicheMediation key={m.id} m={m} />
      ))}
      {erreur && (
        <p class="erreur" role="alert">
          {erreur}
        </p>
      )}
      <button type="button" class="bouton" onClick={() => void ouvrir()}>
        Enregistrer une médiation
      </button>
    </section>
  );
}
