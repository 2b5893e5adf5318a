import { useEffect, useState } from 'preact/hooks';

/** Network state is a signal, never a requirement: every screen works without it. */
export function useEnLigne(): boolean {
  const [enLigne, setEnLigne] = useState(() => navigator.onLine);
  useEffect(() => {
    const maj = () => setEnLigne(navigator.onLine);
    window.addEventListener('online', maj);
    window.addEventListener('offline', maj);
    return () => {
      window.removeEventListener('online', maj);
      window.removeEventListener('offline', maj);
    };
  }, []);
  return enLigne;
}

export function IndicateurReseau() {
  const enLigne = useEnLigne();
  return (
    <span class={`pastille ${enLigne ? 'en-ligne' : 'hors-ligne'}`} role="status">
      {enLigne ? 'En ligne' : 'Hors ligne'}
    </span>
  );
}
