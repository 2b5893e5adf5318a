import { useEffect, useState } from 'preact/hooks';

// Hash routes: they survive a reload offline and need nothing from the server.
export type Route =
  | { ecran: 'menages' }
  | { ecran: 'menage'; id: string }
  | { ecran: 'entretien'; id: string; section: string | null; champ: string | null }
  | { ecran: 'offres' }
  | { ecran: 'offre'; id: string }
  | { ecran: 'simulation'; id: string; offreId: string | null }
  | { ecran: 'baremes' }
  | { ecran: 'parametres' }
  | { ecran: 'agenda' }
  | { ecran: 'visite'; id: string }
  | { ecran: 'enquete'; id: string }
  | { ecran: 'propositions'; id: string; papier: string | null; cible: string | null }
  | { ecran: 'dossier'; id: string }
  | { ecran: 'connexion' }
  | { ecran: 'refusees' }
  | { ecran: 'accessibilite' }
  | { ecran: 'pilotage' };

export function lireRoute(hash: string): Route {
  const [, ecran, id, section] = hash.replace(/^#/, '').split('/');
  if (ecran === 'menage' && id) return { ecran: 'menage', id };
  if (ecran === 'entretien' && id) return { ecran: 'entretien', id, section: section ?? null, champ: hash.split('/')[4] ?? null };
  if (ecran === 'propositions' && id) return { ecran: 'propositions', id, papier: section ?? null, cible: hash.split('/')[4] ?? null };
  if (ecran === 'offres') return { ecran: 'offres' };
  if (ecran === 'offre' && id) return { ecran: 'offre', id };
  if (ecran === 'simulation' && id) return { ecran: 'simulation', id, offreId: section ?? null };
  if (ecran === 'baremes') return { ecran: 'baremes' };
  if (ecran === 'parametres') return { ecran: 'parametres' };
  if (ecran === 'agenda') return { ecran: 'agenda' };
  if (ecran === 'visite' && id) return { ecran: 'visite', id };
  if (ecran === 'enquete' && id) return { ecran: 'enquete', id };
  if (ecran === 'dossier' && id) return { ecran: 'dossier', id };
  if (ecran === 'connexion') return { ecran: 'connexion' };
  if (ecran === 'refusees') return { ecran: 'refusees' };
  if (ecran === 'accessibilite') return { ecran: 'accessibilite' };
  if (ecran === 'pilotage') return { ecran: 'pilotage' };
  return { ecran: 'menages' };
}

export const lien = {
  menages: () => '#/',
  menage: (id: string) => `#/menage/${id}`,
  /** `champ`: the id of the field to focus once the section is shown. */
  entretien: (id: string, section?: string, champ?: string) => `#/entretien/${id}${section ? `/${section}` : ''}${section && champ ? `/${champ}` : ''}`,
  propositions: (menageId: string, papier?: string, cible?: string) => `#/propositions/${menageId}${papier ? `/${papier}` : ''}${cible ? `/${cible}` : ''}`,
  offres: () => '#/offres',
  offre: (id: string) => `#/offre/${id}`,
  simulation: (menageId: string, offreId?: string) => `#/simulation/${menageId}${offreId ? `/${offreId}` : ''}`,
  baremes: () => '#/baremes',
  parametres: () => '#/parametres',
  agenda: () => '#/agenda',
  visite: (id: string) => `#/visite/${id}`,
  enquete: (id: string) => `#/enquete/${id}`,
  dossier: (menageId: string) => `#/dossier/${menageId}`,
  connexion: () => '#/connexion',
  refusees: () => '#/refusees',
  accessibilite: () => '#/accessibilite',
  pilotage: () => '#/pilotage',
};

export function naviguer(hash: string, remplacer = false): void {
  if (remplacer) history.replaceState(null, '', hash);
  else location.hash = hash;
  if (remplacer) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => lireRoute(location.hash));
  useEffect(() => {
    const suivre = () => setRoute(lireRoute(location.hash));
    window.addEventListener('hashchange', suivre);
    return () => window.removeEventListener('hashchange', suivre);
  }, []);
  return route;
}
