import { format, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';
import { QUESTIONS } from '../../domain/index.ts';
import { conflitsDuMenage, marquerConflitVu } from '../../data/index.ts';
import { useBase, useMoteur } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { useState } from 'preact/hooks';

const quand = (iso: string) => format(parseISO(iso), "d MMMM yyyy 'à' HH:mm", { locale: fr });
const LIBELLES: Record<string, string> = {
  nom: 'Nom', prenom: 'Prénom', reference: 'Référence', adresse: 'Adresse', logement: 'Logement', telephone: 'Téléphone', type: 'Situation',
  statut: 'Étape', referent: 'Référent', binome: 'Binôme', dernierContact: 'Dernier contact', refusConsentement: 'Refus de consentement',
  lien: 'Lien avec le titulaire', sexe: 'Sexe', dateNaissance: 'Date de naissance', activite: 'Activité', hebergeDepuis: 'Hébergé(e) depuis',
  handicap: 'Handicap', souhaitDecohabitation: 'Souhait de décohabitation', date: 'Date de l’entretien', supprime: 'Suppression',
};
const libelleChamp = (champ: string) => {
  if (champ.startsWith('reponses.')) return QUESTIONS.get(champ.slice('reponses.'.length))?.libelle ?? 'Réponse à l’entretien';
  if (champ.startsWith('consentements.')) return `Consentement (${champ.slice('consentements.'.length)})`;
  return LIBELLES[champ] ?? champ;
};
const montrer = (v: unknown) => (v === null || v === '' ? '(vide)' : typeof v === 'object' ? JSON.stringify((v as { valeur?: unknown }).valeur ?? v) : String(v));

/** Concurrent edits on this household: the value kept and the one it replaced, until checked. */
export function Conflits({ menageId }: { menageId: string }) {
  const db = useBase();
  const moteur = useMoteur();
  const conflits = useLive(() => conflitsDuMenage(db, menageId), [db, menageId]);
  const [erreur, setErreur] = useState<string | null>(null);
  if (!conflits || conflits.length === 0) return null;
  const vu = async (id: string) => {
    try {
      if (!moteur) return;
      await moteur.api.acquitterConflit(id);
      await marquerConflitVu(db, id);
      setErreur(null);
    } catch (e) {
      setErreur(e instanceof Error ? e.message : 'Impossible de confirmer maintenant.');
    }
  };
  return (
    <section class="panneau conflits" aria-labelledby="titre-conflits">
      <h2 id="titre-conflits">Modifications concurrentes à vérifier</h2>
      <ul>
        {conflits.map((c) => (
          <li key={c.id}>
            <p>
              <strong>{libelleChamp(c.field)}</strong> : modifié aussi par {c.loser.author} le {quand(c.loser.at)}, valeur remplacée : « {montrer(c.loser.value)} ».
              Valeur retenue : « {montrer(c.winner.value)} » ({c.winner.author}, le {quand(c.winner.at)}).
            </p>
            <button type="button" class="bouton petit" disabled={!moteur} onClick={() => void vu(c.id)}>J’ai vérifié</button>
          </li>
        ))}
      </ul>
      {erreur && <p class="erreur" role="alert">{erreur}</p>}
    </section>
  );
}
