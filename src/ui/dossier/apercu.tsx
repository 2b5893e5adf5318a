import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageDossier } from '../../domain/index.ts';
import { lireBlob } from '../../data/index.ts';
import { useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';

// Thumbnails and the full-screen viewer of a piece's pages, read from the device's blobs.

/** An object URL for a stored page, released when the page leaves the screen; null while absent. */
function useUrlPage(hash: string | null): string | null | undefined {
  const db = useBase();
  const blob = useLive(async () => (hash ? lireBlob(db, hash) : null), [db, hash]);
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (blob === undefined) return undefined;
    const u = blob ? URL.createObjectURL(blob) : null;
    setUrl(u);
    return () => {
      if (u) URL.revokeObjectURL(u);
    };
  }, [blob]);
  return url;
}

export function Miniature({ page, libelle, ouvrir }: { page: PageDossier; libelle: string; ouvrir: () => void }) {
  const url = useUrlPage(page.blobHash);
  return (
    <button type="button" class="miniature" onClick={ouvrir} aria-label={`Voir ${libelle}`} data-hash={page.blobHash}>
      {url === null ? (
        <span class="miniature-attente">En attente de réception</span>
      ) : page.mime === 'application/pdf' ? (
        <span class="miniature-pdf">PDF</span>
      ) : url ? (
        <img src={url} alt="" loading="lazy" />
      ) : null}
    </button>
  );
}

/** Full screen, one page at a time; a modal dialog keeps the focus inside and Échap closes it. */
export function Visionneuse({
  pages,
  titre,
  index,
  changer,
  fermer,
}: {
  pages: readonly PageDossier[];
  titre: string;
  index: number;
  changer: (i: number) => void;
  fermer: () => void;
}) {
  const dialogue = useRef<HTMLDialogElement>(null);
  const page = pages[index];
  const url = useUrlPage(page?.blobHash ?? null);
  useEffect(() => {
    const d = dialogue.current;
    if (d && !d.open) d.showModal?.();
  }, []);
  if (!page) return null;
  const libelle = `${titre}, page ${index + 1} sur ${pages.length}`;
  return (
    <dialog ref={dialogue} class="visionneuse" aria-label={libelle} onClose={fermer}>
      <div class="visionneuse-barre">
        <span>{libelle}</span>
        <button type="button" class="bouton" disabled={index === 0} onClick={() => changer(index - 1)}>
          Page précédente
        </button>
        <button type="button" class="bouton" disabled={index === pages.length - 1} onClick={() => changer(index + 1)}>
          Page suivante
        </button>
        <button type="button" class="bouton principal" onClick={fermer}>
          Fermer
        </button>
      </div>
      <div class="visionneuse-page">
        {url === null && (
          <p class="info">Cette page n’est pas encore arrivée sur la tablette : elle sera téléchargée à la prochaine synchronisation.</p>
        )}
        {url && page.mime === 'application/pdf' && (
          <object data={url} type="application/pdf" aria-label={libelle}>
            <a href={url} target="_blank" rel="noreferrer">
              Ouvrir le PDF
            </a>
          </object>
        )}
        {url && page.mime !== 'application/pdf' && <img src={url} alt={libelle} data-hash={page.blobHash} />}
      </div>
    </dialog>
  );
}
