import { useEffect, useState } from 'preact/hooks';

/**
 * False until the frame where `pret` first held has been drawn, then true: a screen shows what the
 * user came for in that frame and draws the rest (long tables, charts) just after.
 */
export function useApresAffichage(pret: boolean): boolean {
  const [apres, setApres] = useState(false);
  useEffect(() => {
    if (!pret || apres) return;
    let tache: ReturnType<typeof setTimeout> | undefined;
    // The frame's callback runs before it is drawn; a task queued from it runs after.
    const image = requestAnimationFrame(() => (tache = setTimeout(() => setApres(true), 0)));
    return () => {
      cancelAnimationFrame(image);
      clearTimeout(tache);
    };
  }, [pret, apres]);
  return apres;
}
