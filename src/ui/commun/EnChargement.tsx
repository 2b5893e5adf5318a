import type { ComponentChildren } from 'preact';
import { ECRANS, type NomEcran } from '../app/route.ts';

/**
 * What shows while something loads, announced politely. A whole screen (`ecran`, or the lock
 * screen's `titre`) keeps its title as the page's heading meanwhile: a screen reader landing there
 * hears where it is, and the heading is already the loaded screen's. Its text says what loads
 * (`children` in place of the screen's own).
 */
export function EnChargement({ ecran, titre, children }: { ecran?: NomEcran; titre?: string; children?: ComponentChildren }) {
  const entree = ecran && ECRANS[ecran];
  const entete = entree?.titre ?? titre;
  const ligne = (
    <p class="chargement" role="status">
      {children ?? entree?.chargement ?? 'Chargement…'}
    </p>
  );
  if (entete === undefined) return ligne;
  return (
    <>
      <h1>{entete}</h1>
      {ligne}
    </>
  );
}
