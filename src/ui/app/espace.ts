// Demo data lives in a space of its own: another local database, never synced, so fictitious
// households can never reach a real organisation's server. The choice is kept on this device.

const CLE = 'relogement-espace';

export const enDemonstration = (): boolean => localStorage.getItem(CLE) === 'demo';

/** The local database of the space this device is in. */
export const nomBase = (): string => (enDemonstration() ? 'relogement-demo' : 'relogement');

/** Opens the other space: the app starts again on its database (the demo space on its settings, which fill it). */
export function changerEspace(demonstration: boolean): void {
  if (demonstration) localStorage.setItem(CLE, 'demo');
  else localStorage.removeItem(CLE);
  location.replace(`${location.pathname}${demonstration ? '#/parametres' : '#/'}`);
  location.reload();
}
