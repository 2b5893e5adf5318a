import { besoinInsee, type BesoinInsee } from './insee.ts';
import { NORME_INSEE, type ParametresInsee } from './parametres-normes.ts';
import type { Occupant } from './occupant.ts';

/** A household as the norms see it, prepared once: the count, and the INSEE need when the occupants are known. */
export type Composition = { personnes: number; insee: BesoinInsee | null };

export function preparerComposition(occupants: readonly Occupant[] | number, date: string, p: ParametresInsee = NORME_INSEE): Composition {
  if (typeof occupants === 'number') return { personnes: occupants, insee: null };
  return { personnes: occupants.length, insee: besoinInsee(occupants, date, p) };
}
