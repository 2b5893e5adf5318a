import { blobsAEnvoyer, blobsManquants, enregistrerBlobRecu, lireFichiersSurReseauNonMesure, marquerBlobEnvoye } from '../data/index.ts';
import type { RelogementDb } from '../data/index.ts';
import { ErreurSync } from './api.ts';
import type { ApiSync } from './api.ts';

// Photos and scans move apart from the records (docs/donnees.md §2): pages made here are uploaded
// before the changes naming them are pushed, so another device never waits for them; pages made
// elsewhere are downloaded after the pull, in the background. Each blob is whole or absent: an
// interrupted transfer starts again at the next cycle, and the server refuses a blob whose
// content does not match its SHA-256, so a corrupted upload stays 'local' and is sent again.

export type ProgresFichiers = { sens: 'envoi' | 'reception'; faits: number; total: number };

type Connexion = { saveData?: boolean; type?: string; effectiveType?: string };

/** False only when the browser says the connection is metered (data saver, or a cellular link). */
export function connexionNonMesuree(nav: { connection?: Connexion } = navigator as { connection?: Connexion }): boolean {
  const c = nav.connection;
  if (!c) return true;
  return !c.saveData && c.type !== 'cellular';
}

export class TransfertFichiers {
  private reception: Promise<void> | null = null;

  constructor(
    private readonly db: RelogementDb,
    private readonly api: ApiSync,
    private readonly progres: (p: ProgresFichiers | null) => void,
  ) {}

  private async autorise(): Promise<boolean> {
    return !(await lireFichiersSurReseauNonMesure(this.db)) || connexionNonMesuree();
  }

  /**
   * Uploads every local page the server lacks; a refused one stays local and is tried again next
   * cycle. A server fault stops the cycle: the server refuses a change naming a page it has not
   * received, so the changes wait for their pages.
   */
  async envoyer(): Promise<void> {
    if (!(await this.autorise())) return;
    const enAttente = await blobsAEnvoyer(this.db);
    for (const [i, b] of enAttente.entries()) {
      this.progres({ sens: 'envoi', faits: i, total: enAttente.length });
      if ((await this.api.fichier('HEAD', b.hash)).ok) {
        await marquerBlobEnvoye(this.db, b.hash);
        continue;
      }
      const envoi = await this.api.fichier('PUT', b.hash, { corps: b.blob, type: b.mime });
      if (envoi.status >= 500)
        throw new ErreurSync('serveur', 'Le serveur n’a pas pu enregistrer une photo : nouvel essai automatique dans quelques instants.');
      if (envoi.ok) await marquerBlobEnvoye(this.db, b.hash);
    }
    this.progres(null);
  }

  /** Starts downloading the pages named by pulled pieces; one download at a time, in the background. */
  recevoirEnFond(): Promise<void> {
    this.reception ??= this.recevoir()
      .catch(() => undefined)
      .finally(() => {
        this.reception = null;
        this.progres(null);
      });
    return this.reception;
  }

  private async recevoir(): Promise<void> {
    if (!(await this.autorise())) return;
    const manquants = await blobsManquants(this.db);
    for (const [i, { hash }] of manquants.entries()) {
      this.progres({ sens: 'reception', faits: i, total: manquants.length });
      const reponse = await this.api.fichier('GET', hash);
      // Not on the server yet (its author has not synced) or not visible: tried again next cycle.
      if (!reponse.ok) continue;
      await enregistrerBlobRecu(this.db, hash, await reponse.blob());
    }
  }
}
