import { PROTOCOL_VERSION } from '../index.ts';
import { acquittementEnvoye, acquittementsAEnvoyer, acquitter, appliquerPage, rafraichirResumesRecus, effacerEchecs, enregistrerEquipe, etatStockage, lireEchecs, noterEchec, enregistrerConflits, enregistrerSession, identifiantAppareil, lireCheckpoint, lireSession, liveQuery, lotAEnvoyer, mettreDeCote, nombreEnAttente, nombreRefusees, suivreRattachements } from '../../data/index.ts';
import type { RelogementDb } from '../../data/index.ts';
import { ApiSync, ErreurSync } from './api.ts';
import { TransfertFichiers } from './blobs.ts';
import type { ProgresFichiers } from './blobs.ts';

// The client sync engine (LESSONS.md §3): push the whole outbox oldest first, then pull until up to
// date. One tab runs it (Web Locks); it runs at start, when the network returns, a few seconds after
// a local change, every few minutes, and on demand; failures back off exponentially up to 5 min.

export type EtatSync = {
  /** `hors_ligne`: the server could not be reached; not a failure, the work waits on the device. */
  phase: 'inactif' | 'en_cours' | 'hors_ligne' | 'erreur' | 'connexion_requise' | 'mise_a_jour_requise';
  derniereSynchro: string | null;
  enAttente: number;
  /** Changes the server refused, set aside until the officer retries, exports or drops them. */
  refusees: number;
  message: string | null;
  /** During a first sync: how many fields have been received so far. */
  recus: number | null;
  /** During a first sync: the share of the server's history read so far, from 0 to 1. */
  avancement: number | null;
  /** Photos and scans being uploaded or downloaded. */
  fichiers: ProgresFichiers | null;
};

/** What one sync cycle did, for its report. */
type Releve = { debut: number; envoyes: number; recus: number; decalageHorloge: number };

const APRES_MODIFICATION_MS = 3_000;
const PERIODE_MS = 3 * 60_000;
const ATTENTE_MAX_MS = 5 * 60_000;

export class MoteurSync {
  private etat: EtatSync = { phase: 'inactif', derniereSynchro: null, enAttente: 0, refusees: 0, message: null, recus: null, avancement: null, fichiers: null };
  private readonly ecouteurs = new Set<(e: EtatSync) => void>();
  private minuteur: ReturnType<typeof setTimeout> | null = null;
  private echecs = 0;
  private enCours: Promise<void> | null = null;
  private tailleLot: number | undefined;
  readonly api: ApiSync;
  private readonly fichiers: TransfertFichiers;

  constructor(
    private readonly db: RelogementDb,
    base = '',
  ) {
    this.api = new ApiSync(base, async () => (await lireSession(db))?.token ?? null);
    this.fichiers = new TransfertFichiers(db, base, async () => (await lireSession(db))?.token ?? null, (fichiers) => this.publier({ fichiers }));
  }

  suivre(ecouteur: (e: EtatSync) => void): () => void {
    this.ecouteurs.add(ecouteur);
    ecouteur(this.etat);
    return () => this.ecouteurs.delete(ecouteur);
  }

  private publier(modif: Partial<EtatSync>) {
    this.etat = { ...this.etat, ...modif };
    this.ecouteurs.forEach((e) => e(this.etat));
  }

  /** Becomes the tab that syncs once no other tab holds the lock, and stays so until closed. */
  demarrer(): void {
    // A pull cut off when the app was closed: its households' summaries were still to make.
    void rafraichirResumesRecus(this.db);
    liveQuery(() => nombreEnAttente(this.db)).subscribe((n) => {
      const augmente = n > this.etat.enAttente;
      this.publier({ enAttente: n });
      if (augmente) this.planifier(APRES_MODIFICATION_MS);
    });
    liveQuery(() => nombreRefusees(this.db)).subscribe((refusees) => this.publier({ refusees }));
    const diriger = () => {
      window.addEventListener('online', () => void this.synchroniser());
      setInterval(() => void this.synchroniser(), PERIODE_MS);
      void this.synchroniser();
      return new Promise<void>(() => undefined);
    };
    if (navigator.locks) void navigator.locks.request('relogement-synchronisation', diriger);
    else void diriger();
  }

  private planifier(delai: number) {
    if (this.minuteur) clearTimeout(this.minuteur);
    this.minuteur = setTimeout(() => void this.synchroniser(), delai);
  }

  /** One full cycle; concurrent calls share the cycle in progress. */
  synchroniser(): Promise<void> {
    this.enCours ??= this.cycle().finally(() => {
      this.enCours = null;
    });
    return this.enCours;
  }

  private async cycle(): Promise<void> {
    if (!(await lireSession(this.db))) {
      this.publier({ phase: 'connexion_requise', message: 'Connectez-vous pour synchroniser. Tout ce que vous saisissez est enregistré sur la tablette.' });
      return;
    }
    this.publier({ phase: 'en_cours', message: null });
    const releve: Releve = { debut: Date.now(), envoyes: 0, recus: 0, decalageHorloge: 0 };
    try {
      // Pages first, so the changes naming them never reach another device before them.
      await this.fichiers.envoyer();
      await this.pousserTout(releve);
      await this.envoyerAcquittements();
      await this.tirerTout(releve);
      // Kept for offline use: the référent and binôme choices of the household screen.
      await enregistrerEquipe(this.db, (await this.api.utilisateurs()).users);
      await suivreRattachements(this.db);
      await rafraichirResumesRecus(this.db);
      void this.fichiers.recevoirEnFond();
      await this.rapporter(releve);
      this.echecs = 0;
      this.publier({ phase: 'inactif', derniereSynchro: new Date().toISOString(), recus: null, avancement: null, message: null });
    } catch (e) {
      this.echouer(e instanceof ErreurSync ? e : new ErreurSync('serveur', e instanceof Error ? e.message : String(e)));
    }
  }

  /**
   * Tells the server how this sync went, with the failures since the last success (LESSONS.md
   * §15). Best effort: a report that does not get through is replaced by the next one.
   */
  private async rapporter(releve: Releve): Promise<void> {
    try {
      const [echecs, enAttente, refusees, stockage, deviceId] = await Promise.all([lireEchecs(this.db), nombreEnAttente(this.db), nombreRefusees(this.db), etatStockage(), identifiantAppareil(this.db)]);
      await this.api.rapporter({
        protocolVersion: PROTOCOL_VERSION,
        deviceId,
        report: {
          syncedAt: new Date().toISOString(),
          durationMs: Math.max(0, Date.now() - releve.debut),
          pushed: releve.envoyes,
          pulled: releve.recus,
          pending: enAttente,
          refused: refusees,
          failuresSinceLastSuccess: echecs.nombre,
          lastError: echecs.dernier,
          clockOffsetMs: Math.round(releve.decalageHorloge),
          storage: { persisted: stockage.persistant, usage: stockage.utilise, quota: stockage.quota },
        },
      });
      await effacerEchecs(this.db);
    } catch {
      // The sync itself succeeded; the failures stay counted for the next report.
    }
  }

  private echouer(e: ErreurSync) {
    void noterEchec(this.db, e.genre);
    // The pages stored before the failure show in the caseload without waiting for the next sync.
    void rafraichirResumesRecus(this.db);
    if (e.genre === 'connexion') {
      void enregistrerSession(this.db, null);
      this.publier({ phase: 'connexion_requise', message: e.message, recus: null, avancement: null });
      return;
    }
    if (e.genre === 'version') {
      this.publier({ phase: 'mise_a_jour_requise', message: e.message, recus: null, avancement: null });
      return;
    }
    this.echecs++;
    const attente = Math.min(ATTENTE_MAX_MS, 2_000 * 2 ** (this.echecs - 1));
    this.publier({ phase: e.genre === 'reseau' ? 'hors_ligne' : 'erreur', message: e.message, recus: null, avancement: null });
    this.planifier(attente);
  }

  private async pousserTout(releve: Releve): Promise<void> {
    const deviceId = await identifiantAppareil(this.db);
    for (;;) {
      const lot = await lotAEnvoyer(this.db, this.tailleLot);
      if (lot.length === 0) return;
      try {
        const reponse = await this.api.pousser({ protocolVersion: PROTOCOL_VERSION, deviceId, changes: lot });
        // Overruled changes are shown with the server's reason, as refused ones are, before the rest is acknowledged.
        if (reponse.overruled.length > 0) await mettreDeCote(this.db, reponse.overruled);
        await acquitter(this.db, reponse.ackedChangeIds);
        releve.envoyes += reponse.ackedChangeIds.length;
        await enregistrerConflits(this.db, reponse.conflicts);
        this.tailleLot = undefined;
      } catch (e) {
        if (e instanceof ErreurSync && e.genre === 'trop_gros' && lot.length > 1) {
          this.tailleLot = Math.ceil(lot.length / 2);
          continue;
        }
        if (e instanceof ErreurSync && e.genre === 'refus' && e.rejetes.length > 0) {
          await mettreDeCote(this.db, e.rejetes);
          continue;
        }
        throw e;
      }
    }
  }

  /** Conflicts acknowledged on this device while offline. One the server refuses (gone, no longer visible) is dropped. */
  private async envoyerAcquittements(): Promise<void> {
    for (const id of await acquittementsAEnvoyer(this.db)) {
      try {
        await this.api.acquitterConflit(id);
      } catch (e) {
        if (!(e instanceof ErreurSync && e.genre === 'refus')) throw e;
      }
      await acquittementEnvoye(this.db, id);
    }
  }

  /**
   * Pulls until up to date. The next page is asked for as soon as a page arrives, so the server
   * reads it while this device stores the previous one.
   */
  private async tirerTout(releve: Releve): Promise<void> {
    const debut = await lireCheckpoint(this.db);
    const premiere = debut === 0;
    let suivante = this.api.tirer(debut);
    for (;;) {
      const page = await suivante;
      releve.decalageHorloge = Date.parse(page.serverTime) - Date.now();
      if (page.hasMore) {
        suivante = this.api.tirer(page.checkpoint);
        // Its failure is the loop's to report, after this page is stored.
        suivante.catch(() => undefined);
      }
      await appliquerPage(this.db, page);
      releve.recus += page.records.reduce((n, r) => n + Object.keys(r.fields).length, 0);
      if (premiere) this.publier({ recus: releve.recus, avancement: page.upto > 0 ? page.checkpoint / page.upto : 1 });
      if (!page.hasMore) return;
    }
  }
}
