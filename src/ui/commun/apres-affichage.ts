import { useEffect, useState } from 'preact/hooks';

/**
 * Runs `fait` once the next frame has been drawn: a frame's callback runs before it is drawn, a
 * task queued from it runs after. Returns what cancels it.
 */
export function apresLImage(fait: () => void): () => void {
  let tache: ReturnType<typeof setTimeout> | undefined;
  const image = requestAnimationFrame(() => (tache = setTimeout(fait, 0)));
  return () => {
    cancelAnimationFrame(image);
    clearTimeout(tache);
  };
}

/**
 * False until the frame where `pret` first held has been drawn, then true: a screen shows what the
 * user came for in that frame and draws the rest (long tables, charts) just after.
 */
export function useApresAffichage(pret: boolean): boolean {
  const [apres, setApres] = useState(false);
  useEffect(() => (pret && !apres ? apresLImage(() => setApres(true)) : undefined), [pret, apres]);
  return apres;
}
