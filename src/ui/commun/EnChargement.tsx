import type { ComponentChildren } from 'preact';

/**
 * What shows while something loads, announced politely. A whole screen gives its title (that of the
 * route table, `ECRANS`): it is the page's heading meanwhile, so a screen-reader user landing there
 * hears where they are, and the heading is already the loaded screen's. `children`: what loads,
 * where the loaded heading names it (a household).
 */
export function EnChargement({ titre, children = 'Chargement…' }: { titre?: string; children?: ComponentChildren }) {
  const ligne = (
    <p class="chargement" role="status">
      {children}
    </p>
  );
  if (titre === undefined) return ligne;
  return (
    <>
      <h1>{titre}</h1>
      {ligne}
    </>
  );
}
