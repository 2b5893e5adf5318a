import { LIBELLES_NATURE_REUNION, type Reunion } from '../../domain/index.ts';
import { le } from '../propositions/format.ts';

export const heureLisible = (h: string | null) => (h ? ` à ${h.replace(':', ' h ')}` : '');
export const titreReunion = (r: Pick<Reunion, 'nature' | 'date' | 'heure'>) =>
  `${LIBELLES_NATURE_REUNION[r.nature]} du ${le(r.date)}${heureLisible(r.heure)}`;
