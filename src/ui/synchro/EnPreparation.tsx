import { useEnLigne } from '../app/Reseau.tsx';

/** The sync status while the engine loads (after the first screen): nothing to report yet but the network. */
export function SynchroEnPreparation() {
  const enLigne = useEnLigne();
  return (
    <div class="synchro" role="status" aria-live="polite">
      <span class="pastille synchro-neutre">{enLigne ? 'Synchronisation en préparation…' : 'Hors ligne'}</span>
    </div>
  );
}
