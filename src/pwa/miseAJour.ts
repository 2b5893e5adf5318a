// Updates are offered, never forced (docs/architecture.md §4): the new service worker waits until the
// officer accepts, and the app applies it only at a natural break.
type Ecouteur = (disponible: boolean) => void;

const ecouteurs = new Set<Ecouteur>();
let disponible = false;
let appliquerMiseAJour: ((recharger?: boolean) => Promise<void>) | null = null;

const UNE_HEURE = 60 * 60 * 1000;

/** Loads the registration with workbox's window part: started after the first screen, it is not part of its script. */
export async function demarrerMisesAJour(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const { registerSW } = await import('virtual:pwa-register');
  appliquerMiseAJour = registerSW({
    immediate: true,
    onNeedRefresh() {
      disponible = true;
      ecouteurs.forEach((e) => e(true));
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      const verifier = () => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      };
      setInterval(verifier, UNE_HEURE);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') verifier();
      });
    },
  });
}

export function suivreMiseAJour(ecouteur: Ecouteur): () => void {
  ecouteurs.add(ecouteur);
  ecouteur(disponible);
  return () => ecouteurs.delete(ecouteur);
}

/**
 * Activates the waiting service worker and reloads the page on it. The reload is ours: workbox
 * only reloads for updates it found itself, not for those found by `registration.update()`.
 */
export async function appliquer(): Promise<void> {
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  await appliquerMiseAJour?.(true);
}
