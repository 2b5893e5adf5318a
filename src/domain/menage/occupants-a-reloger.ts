import type { DroitHeberge } from './hebergement.ts';
import type { Menage } from './menage.ts';
import type { Personne } from './personne.ts';

/**
 * The occupants relocated together. An adult who got a file of their own (décohabitation) stays on
 * the household's état d'occupation until they move (charte §2.2 A), but is relocated apart: their
 * person and resources no longer count in the origin household's simulation, occupancy or
 * matching, or they would be counted in two files.
 * `issus` are the files opened from this household (those naming a `personneOrigineId`).
 *
 * A hosted person has a right to relocation only when present at least 8 months at the PCDID
 * (charte §2.2 A): one who is known not to be (`droits`, from `droitsDesHebergesALaPcdid`) is not
 * relocated with the household either, so does not count in its composition, resources, occupancy
 * or matching. One whose dates are not yet known still counts, as the screen asks for them.
 */
export function occupantsAReloger(
  personnes: readonly Personne[],
  issus: readonly Pick<Menage, 'personneOrigineId' | 'supprime'>[],
  droits: ReadonlyMap<string, Pick<DroitHeberge, 'compte'>> = new Map(),
): Personne[] {
  const partis = new Set(issus.filter((m) => !m.supprime).map((m) => m.personneOrigineId));
  return personnes.filter((p) => !p.supprime && !partis.has(p.id) && !(p.lien === 'heberge' && droits.get(p.id)?.compte === false));
}
