import { MAX_REPAIR_BUCKETS, PROTOCOL_VERSION, divergentBuckets, isRepairableBucket } from '../sync/index.ts';
import type { PullResponse } from '../sync/index.ts';
import {
  accesANoter,
  accesNotes,
  effacerDonneesAppareil,
  acquittementEnvoye,
  acquittementsAEnvoyer,
  acquitter,
  appliquerInstantane,
  preparerInstantane,
  appliquerPage,
  RelaisInstantane,
  appliquerSeaux,
  commencerReparation,
  commencerReparationSeaux,
  demanderRetelechargement,
  empreinteDue,
  empreinteLocale,
  noterEmpreinteComparee,
  retelechargementDemande,
  terminerReparation,
  rafraichirResumesRecus,
  effacerEchecs,
  enregistrerEquipe,
  enregistrerOrganisationsTerritoire,
  etatStockage,
  lireEchecs,
  noterEchec,
  enregistrerConflits,
  enregistrerSession,
  identifiantAppareil,
  lireCheckpoint,
  lireInstantane,
  lireSession,
  liveQuery,
  lotAEnvoyer,
  mettreDeCote,
  nombreEnAttente,
  nombreRefusees,
  suivreRattachements,
} from '../data/index.ts';
import type { PageInstantane, RelogementDb, Reparation } from '../data/index.ts';
import { apiDeLAppareil, EffacementDemande, ErreurSync } from './api.ts';
import type { ApiSync } from './api.ts';
import { TransfertFichiers } from './blobs.ts';
import type { ProgresFichiers } from './blobs.ts';

// The client sync engine (docs/sync.md, « Le moteur de la tablette »): push the whole outbox oldest first, then pull until up to
// date. One tab runs it (Web Locks); it runs at start, when the network returns, a few seconds after
// a local change, every few minutes, and on demand; failures back off exponentially up to 5 min.

export type EtatSync = {
  /**
   * `hors_ligne`: the server could not be reached; not a failure, the work waits on the device.
   * `effacee`: the server said the tablet was declared lost or its user gone; all is erased.
   */
  phase: 'inactif' | 'en_cours' | 'hors_ligne' | 'erreur' | 'connexion_requise' | 'mise_a_jour_requise' | 'effacee';
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
  /** Everything is being downloaded again (« Tout retélécharger », or this device found out it drifted). */
  retelechargement?: boolean;
};

/** What one sync cycle did, for its report. */
type Releve = { debut: number; envoyes: number; recus: number; decalageHorloge: number };

const APRES_MODIFICATION_MS = 3_000;
const PERIODE_MS = 3 * 60_000;
const ATTENTE_MAX_MS = 5 * 60_000;

export class MoteurSync {
  private etat: EtatSync = {
    phase: 'inactif',
    derniereSynchro: null,
    enAttente: 0,
    refusees: 0,
    message: null,
    recus: null,
    avancement: null,
    fichiers: null,
  };
  private readonly ecouteurs = new Set<(e: EtatSync) => void>();
  private minuteur: ReturnType<typeof setTimeout> | null = null;
  private echecs = 0;
  private enCours: Promise<void> | null = null;
  private suivant: Promise<void> | null = null;
  private tailleLot: number | undefined;
  /**
   * The last comparison found a divergence and repaired it. If the next one still finds one, the
   * repair does not cure it (a fault of this version): no repair after repair every day.
   */
  private vientDeReparer = false;
  /** The rows of a snapshot started in this cycle, for the summaries made after the pull (`RelaisInstantane`). */
  private relais: RelaisInstantane | null = null;
  readonly api: ApiSync;
  private readonly fichiers: TransfertFichiers;

  constructor(
    private readonly db: RelogementDb,
    base = '',
  ) {
    this.api = apiDeLAppareil(db, base, async () => (await lireSession(db))?.token ?? null);
    this.fichiers = new TransfertFichiers(db, this.api, (fichiers) => this.publier({ fichiers }));
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
    // A pull cut off when the app was closed: its households' summaries were still to make. They
    // stay listed in storage until made, so a failure here is retried by the next sync.
    rafraichirResumesRecus(this.db).catch(() => undefined);
    liveQuery(() => nombreEnAttente(this.db)).subscribe((n) => {
      const augmente = n > this.etat.enAttente;
      this.publier({ enAttente: n });
      if (augmente) this.planifier(APRES_MODIFICATION_MS);
    });
    liveQuery(() => nombreRefusees(this.db)).subscribe((refusees) => this.publier({ refusees }));
    const diriger = () => {
      this.db.coffre?.ecouter(() => void (this.db.coffre?.ouvert && this.synchroniser()));
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

  /**
   * One full cycle. A call made while a cycle runs gets the one cycle that follows it: the running
   * one may have read the device before the call's reason existed (a session just opened, a
   * change just written), and calls made meanwhile share that next cycle.
   */
  synchroniser(): Promise<void> {
    if (this.enCours) {
      this.suivant ??= this.enCours.then(() => {
        this.suivant = null;
        return this.synchroniser();
      });
      return this.suivant;
    }
    this.enCours = this.cycle().finally(() => {
      this.enCours = null;
    });
    return this.enCours;
  }

  /** Never rejects: every failure, the device's storage included, is shown through the state. */
  private async cycle(): Promise<void> {
    // Locked, the app can read neither the session nor the data (docs/chiffrement.md): the cycle waits for the code.
    if (this.db.coffre && !this.db.coffre.ouvert) return;
    const releve: Releve = { debut: Date.now(), envoyes: 0, recus: 0, decalageHorloge: 0 };
    this.relais = null;
    try {
      if (!(await lireSession(this.db))) {
        this.publier({
          phase: 'connexion_requise',
          message: 'Connectez-vous pour synchroniser. Tout ce que vous saisissez est enregistré sur la tablette.',
        });
        return;
      }
      this.publier({ phase: 'en_cours', message: null });
      // Pages first, so the changes naming them never reach another device before them.
      await this.fichiers.envoyer();
      await this.pousserTout(releve);
      await this.envoyerAcquittements();
      await this.envoyerJournal();
      // Asked while the pull runs, kept only once it is over: a failed sync writes nothing of them.
      const [equipe, organisations] = [this.api.utilisateurs(), this.api.organisationsDuTerritoire()];
      equipe.catch(() => undefined);
      organisations.catch(() => undefined);
      await this.tirerEtVerifier(releve);
      // Kept for offline use: the référent and binôme choices of the household screen.
      await enregistrerEquipe(this.db, (await equipe).users);
      await enregistrerOrganisationsTerritoire(this.db, (await organisations).organisations);
      await suivreRattachements(this.db);
      await rafraichirResumesRecus(this.db, this.relais);
      this.relais = null;
      void this.fichiers.recevoirEnFond();
      await this.rapporter(releve);
      this.echecs = 0;
      this.publier({ phase: 'inactif', derniereSynchro: new Date().toISOString(), recus: null, avancement: null, message: null });
    } catch (e) {
      this.lacherRelais();
      if (e instanceof EffacementDemande) return this.effacer(e);
      this.echouer(e instanceof ErreurSync ? e : new ErreurSync('serveur', e instanceof Error ? e.message : String(e)));
    }
  }

  /** After a failed cycle, the summaries the relay makes ahead would be of no use: the pass from storage makes them. */
  private lacherRelais(): void {
    this.relais?.abandonner();
    this.relais = null;
  }

  /** The tablet was declared lost or its user gone: everything goes, and the screen says why. */
  private async effacer(e: EffacementDemande): Promise<void> {
    await effacerDonneesAppareil(this.db, { motif: e.motif, message: e.message });
    this.publier({
      phase: 'effacee',
      message: e.message,
      enAttente: 0,
      refusees: 0,
      derniereSynchro: null,
      recus: null,
      avancement: null,
      fichiers: null,
    });
  }

  /**
   * « Se déconnecter »: the session ends on the server, then on the device; with `oublier`, the
   * device forgets all its data too. Offline, the session still ends on the device: the server
   * ends it at its idle expiry.
   */
  async deconnecter(oublier: boolean): Promise<{ serveurPrevenu: boolean }> {
    let serveurPrevenu = true;
    try {
      await this.api.deconnexion();
    } catch (e) {
      // Already ended on the server (expired, revoked): that is what was asked.
      serveurPrevenu = e instanceof ErreurSync && e.genre === 'connexion';
      if (e instanceof EffacementDemande) oublier = true;
    }
    if (oublier)
      await effacerDonneesAppareil(this.db, {
        motif: 'deconnexion',
        message: 'Vous vous êtes déconnecté et avez demandé d’oublier les données de cette tablette : elles ont été effacées.',
      });
    else await enregistrerSession(this.db, null);
    this.publier({ phase: 'connexion_requise', message: null, ...(oublier ? { enAttente: 0, refusees: 0, derniereSynchro: null } : {}) });
    return { serveurPrevenu };
  }

  /**
   * Tells the server how this sync went, with the failures since the last success (docs/sync.md,
   * « Suivi des tablettes »). Best effort: a report that does not get through is replaced by the next one.
   */
  private async rapporter(releve: Releve): Promise<void> {
    try {
      const [echecs, enAttente, refusees, stockage, deviceId] = await Promise.all([
        lireEchecs(this.db),
        nombreEnAttente(this.db),
        nombreRefusees(this.db),
        etatStockage(),
        identifiantAppareil(this.db),
      ]);
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
    // Best effort, like the report they feed: a failure to count is not worth a second message.
    noterEchec(this.db, e.genre).catch(() => undefined);
    // The pages stored before the failure show in the caseload without waiting for the next sync
    // (or with it, if this fails: the households to summarise stay listed in storage).
    rafraichirResumesRecus(this.db).catch(() => undefined);
    this.publier({ retelechargement: false });
    if (e.genre === 'connexion') {
      // A session left behind by a failed write is refused again (401) by the next sync.
      Promise.resolve(enregistrerSession(this.db, null)).catch(() => undefined);
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

  /** Prints and exports made on this device, for the server's access log. */
  private async envoyerJournal(): Promise<void> {
    const evenements = await accesANoter(this.db);
    if (evenements.length === 0) return;
    await this.api.journaliser({ deviceId: await identifiantAppareil(this.db), events: evenements.slice(0, 500) });
    await accesNotes(this.db, evenements.slice(0, 500));
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
   * Pulls until up to date, and once a day tells whether this device drifted from the server
   * (docs/sync.md, « Empreintes et réparation »): the server's digest is asked before the pull, so
   * that once the pull is over the device holds what the digest describes, unless someone wrote
   * in between (then the next sync compares). A divergence starts a repair at once.
   */
  private async tirerEtVerifier(releve: Releve): Promise<void> {
    if (await retelechargementDemande(this.db)) return this.retelecharger(releve);
    // What a snapshot just stored is the server's copy: comparing it would only cost a read of every row.
    if ((await lireCheckpoint(this.db)) === 0) {
      await this.tirerTout(releve);
      await noterEmpreinteComparee(this.db);
      return;
    }
    const serveur = (await empreinteDue(this.db)) ? await this.empreinteServeur() : null;
    await this.tirerTout(releve);
    if (!serveur) return;
    const locale = await empreinteLocale(this.db);
    if (locale.checkpoint !== serveur.upto) return;
    const seaux = divergentBuckets(locale.buckets, serveur.buckets, locale.aIgnorer);
    const reparer = seaux.length > 0 && !this.vientDeReparer;
    // A bucket holding an unsent change cannot be compared, so its drift cannot be seen: a repair
    // takes it too, as it keeps the unsent changes.
    const aReparer = [...new Set([...seaux, ...locale.aIgnorer])];
    // An interrupted repair leaves the day not compared: the next sync compares and repairs again.
    if (reparer && aReparer.length <= MAX_REPAIR_BUCKETS && aReparer.every(isRepairableBucket)) await this.reparerSeaux(aReparer);
    else if (reparer) {
      await demanderRetelechargement(this.db);
      await this.retelecharger(releve);
    }
    this.vientDeReparer = reparer;
    await noterEmpreinteComparee(this.db);
  }

  /** Downloads again, through the snapshot, only the buckets that differ, keeping the changes still waiting or refused. */
  private async reparerSeaux(seaux: readonly string[]): Promise<void> {
    const reparation = await commencerReparationSeaux(this.db);
    const filtre = new Set(seaux);
    for (let apres = 0; ;) {
      const page = await this.api.instantane(apres, seaux);
      await appliquerSeaux(this.db, page, filtre, reparation);
      if (page.next === null) break;
      apres = page.next;
    }
    await terminerReparation(this.db, reparation, filtre);
  }

  /** Null from a server that has no digests (older than this device). */
  private async empreinteServeur() {
    try {
      return await this.api.empreinte();
    } catch (e) {
      if (e instanceof ErreurSync && e.genre === 'refus') return null;
      throw e;
    }
  }

  /** Downloads everything again, keeping the changes still waiting or refused (`reparation.ts`). */
  private async retelecharger(releve: Releve): Promise<void> {
    const reparation = await commencerReparation(this.db);
    this.publier({ retelechargement: true });
    await this.tirerTout(releve, reparation);
    await terminerReparation(this.db, reparation);
    this.publier({ retelechargement: false });
  }

  /** Asks for « Tout retélécharger » at the next sync, and starts it. */
  async toutRetelecharger(): Promise<void> {
    await demanderRetelechargement(this.db);
    await this.synchroniser();
  }

  /**
   * A new device starts from the server's snapshot (docs/sync.md, « Instantané »), resumed where an
   * interrupted one stopped. Three pages are under way at once: page N+1 is asked for as soon as
   * page N arrives, and page N is prepared while page N-1 is stored, so the server, the network,
   * the main thread and IndexedDB work together; no more than three pages are held in memory. Once
   * the last page is stored, gives the first page of the pull that follows, asked for when it arrived.
   */
  private async instantane(releve: Releve, api: ApiSync): Promise<Promise<PullResponse>> {
    const curseur = await lireInstantane(this.db);
    let debut = curseur?.upto ?? null;
    // Resumed from a cursor, the snapshot stored some rows in an earlier cycle: the summaries read them from storage.
    this.relais = curseur === null ? new RelaisInstantane() : null;
    let suivante = api.instantane(curseur?.next ?? 0);
    let stockee: Promise<void> = Promise.resolve();
    // A page's failure is reported once the pages before it are stored, as each is stored whole or not at all.
    const apresLesPrecedentes = async <T>(travail: Promise<T>): Promise<T> => {
      try {
        return await travail;
      } catch (e) {
        await stockee;
        throw e;
      }
    };
    for (;;) {
      const page = await apresLesPrecedentes(suivante);
      releve.decalageHorloge = Date.parse(page.serverTime) - Date.now();
      debut ??= page.upto;
      // Asked for before this page is read: the next page, or after the last, the pull's first page.
      const tiree = page.next === null ? api.tirer(debut) : null;
      if (page.next !== null) suivante = api.instantane(page.next);
      (tiree ?? suivante).catch(() => undefined);
      const lue = await apresLesPrecedentes(preparerInstantane(page));
      await stockee;
      stockee = this.stockerInstantane(lue, debut, releve);
      stockee.catch(() => undefined);
      if (tiree) {
        await stockee;
        return tiree;
      }
    }
  }

  /** Stores a snapshot page prepared, and tells how many fields are received. */
  private async stockerInstantane(lue: PageInstantane, debut: number, releve: Releve): Promise<void> {
    const { champs } = await appliquerInstantane(this.db, lue, debut, this.relais);
    releve.recus += champs;
    this.publier({ recus: releve.recus, avancement: null });
  }

  /**
   * Pulls until up to date. The next page is asked for as soon as a page arrives, so the server
   * reads it while this device stores the previous one.
   */
  private async tirerTout(releve: Releve, reparation: Reparation | null = null): Promise<void> {
    // A repair pulls field by field from 0: it keeps what waits and removes what the server no longer sends.
    const api = await this.api.figee();
    const apresInstantane = reparation === null && (await lireCheckpoint(this.db)) === 0 ? await this.instantane(releve, api) : null;
    const debut = await lireCheckpoint(this.db);
    const premiere = debut === 0;
    let suivante = apresInstantane ?? api.tirer(debut);
    for (;;) {
      const page = await suivante;
      releve.decalageHorloge = Date.parse(page.serverTime) - Date.now();
      if (page.hasMore) {
        suivante = api.tirer(page.checkpoint);
        // Its failure is the loop's to report, after this page is stored.
        suivante.catch(() => undefined);
      }
      await appliquerPage(this.db, page, reparation, this.relais);
      releve.recus += page.records.reduce((n, r) => n + Object.keys(r.fields).length, 0);
      if (premiere) this.publier({ recus: releve.recus, avancement: page.upto > 0 ? page.checkpoint / page.upto : 1 });
      if (!page.hasMore) return;
    }
  }
}
