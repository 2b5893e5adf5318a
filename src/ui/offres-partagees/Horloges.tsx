import type { HorlogeOffre } from '../../domain/index.ts';
import { dateLongue } from '../commun/dates.ts';

// Each deadline of an offer's steps (convention AMP art. 10, in working days): its date, when it
// was met, and « En retard » in words, not by colour alone. Silence is shown late, never decided.

export function Horloges({ horloges }: { horloges: readonly HorlogeOffre[] }) {
  if (horloges.length === 0) return <p class="aide">Aucune échéance en cours.</p>;
  return (
    <ul class="horloges">
      {horloges.map((h) => (
        <li key={h.etape} class={h.enRetard ? 'erreur' : undefined}>
          <strong>{h.libelle}</strong> : échéance le {dateLongue(h.echeance.date)}
          {h.faiteLe !== null ? ` — fait le ${dateLongue(h.faiteLe)}` : ' — en attente '}
          {h.enRetard && <span class="badge alerte">En retard</span>}
        </li>
      ))}
    </ul>
  );
}
