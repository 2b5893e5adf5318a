import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { EnChargement } from './EnChargement.tsx';

const chargementParDefaut = () => <EnChargement />;

/**
 * A component whose module loads at its first use, or earlier through `precharger`, with `attente`
 * shown meanwhile. The first screen's pieces use it in place of preact/compat's lazy and Suspense,
 * which would weigh 1.5 KB gzip of its script. A module that fails to load (offline after an
 * update) is tried again at the next use; `attente` stays on screen meanwhile.
 */
export function differe<P extends object>(
  charger: () => Promise<{ default: ComponentType<P> }>,
  attente: () => JSX.Element = chargementParDefaut,
): ComponentType<P> & { precharger: () => Promise<void> } {
  let Vue: ComponentType<P> | null = null;
  let chargement: Promise<void> | null = null;
  const charge = () =>
    (chargement ??= charger().then(
      (m) => void (Vue = m.default),
      (e: unknown) => {
        chargement = null;
        throw e;
      },
    ));
  function Differe(props: P) {
    const [, setPret] = useState(Vue !== null);
    useEffect(() => {
      if (Vue) return;
      let monte = true;
      charge().then(
        () => monte && setPret(true),
        (e: unknown) => console.error(e),
      );
      return () => void (monte = false);
    }, []);
    return Vue ? <Vue {...props} /> : attente();
  }
  // Loaded beforehand, the component shows at once at its first use.
  return Object.assign(Differe, { precharger: charge });
}
