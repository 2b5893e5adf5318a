import { format, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';
import { conflitsDuMenage, marquerConflitVu } from '../../data/index.ts';
import { useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { libelleChamp } from './libelles-champs.ts';

const quand = (iso: string) => format(parseISO(iso), "d MMMM yyyy 'à' HH:mm", { locale: fr });
const montrer = (v: unknown) =>
  v === null || v === '' ? '(vide)' : typeof v === 'object' ? JSON.stringify((v as { valeur?: unknown }).valeur ?? v) : String(v);

/** Concurrent edits on this household: the value kept and the one it replaced, until checked. */
export function Conflits({ menageId }: { menageId: string }) {
  const db = useBase();
  const conflits = useLive(() => conflitsDuMenage(db, menageId), [db, menageId]);
  if (!conflits || conflits.length === 0) return null;
  return (
    <section class="panneau conflits" aria-labelledby="titre-conflits">
      <h2 id="titre-conflits">Modifications concurrentes à vérifier</h2>
      <ul>
        {conflits.map((c) => (
          <li key={c.id}>
            <p>
              <strong>{libelleChamp(c.field)}</strong> : modifié aussi par {c.loser.author} le {quand(c.loser.at)}, valeur remplacée : «{' '}
              {montrer(c.loser.value)} ». Valeur retenue : « {montrer(c.winner.value)} » ({c.winner.author}, le {quand(c.winner.at)}).
            </p>
            <button type="button" class="bouton petit" onClick={() => void marquerConflitVu(db, c.id)}>
              J’ai vérifié
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
