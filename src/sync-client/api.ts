import {
  DEVICE_HEADER,
  PROTOCOL_VERSION,
  devicesResponseSchema,
  digestResponseSchema,
  errorSchema,
  loginResponseSchema,
  pilotageResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  snapshotResponseSchema,
  territoryOrganisationsResponseSchema,
  usersResponseSchema,
} from '../sync/index.ts';
import type {
  AccessReport,
  DevicesResponse,
  DigestResponse,
  PilotageResponse,
  SYNC_ERROR_KINDS,
  PullResponse,
  PushRequest,
  PushResponse,
  SnapshotResponse,
  TelemetryRequest,
  TerritoryOrganisationsResponse,
  UsersResponse,
  WipeReason,
} from '../sync/index.ts';
import { identifiantAppareil } from '../data/index.ts';
import type { RelogementDb, Session } from '../data/index.ts';
import type { FiltresPilotage } from '../domain/index.ts';

// The device's HTTP client of the sync API. Errors are sorted the way the engine reacts to them
// (OpenCRVS; docs/sync.md, « Le moteur de la tablette »): retry later, ask to log in, ask to update, halve the batch, set aside.
export type GenreErreur = (typeof SYNC_ERROR_KINDS)[number];

export class ErreurSync extends Error {
  constructor(
    readonly genre: GenreErreur,
    message: string,
    readonly rejetes: { changeId: string; error: string }[] = [],
  ) {
    super(message);
    this.name = 'ErreurSync';
  }
}

/** The server says this device was declared lost or its user gone: it must erase everything (410). */
export class EffacementDemande extends Error {
  constructor(
    readonly motif: WipeReason,
    message: string,
  ) {
    super(message);
    this.name = 'EffacementDemande';
  }
}

/** Records per snapshot page asked by the device: about 200 households with their occupants and interviews. */
export const ENREGISTREMENTS_PAR_PAGE = 1_000;

const MESSAGES: Record<GenreErreur, string> = {
  reseau: 'Serveur injoignable : les modifications restent sur la tablette et partiront au retour du réseau.',
  serveur: 'Le serveur a rencontré une erreur : nouvel essai automatique dans quelques instants.',
  connexion: 'Session expirée : reconnectez-vous pour synchroniser. Vous pouvez continuer à travailler.',
  version: 'Mise à jour requise : installez la nouvelle version de l’application pour synchroniser. Rien n’est perdu.',
  trop_gros: 'Envoi trop volumineux : il sera découpé.',
  refus: 'Le serveur a refusé certaines modifications.',
};

async function lireErreur(reponse: Response): Promise<ErreurSync | EffacementDemande> {
  const corps = errorSchema.safeParse(await reponse.json().catch(() => null));
  const detail = corps.success ? corps.data.error : null;
  if (reponse.status === 410 && corps.success && corps.data.wipe) return new EffacementDemande(corps.data.wipe.reason, corps.data.error);
  if (reponse.status === 401) return new ErreurSync('connexion', MESSAGES.connexion);
  if (reponse.status === 426) return new ErreurSync('version', MESSAGES.version);
  if (reponse.status === 413) return new ErreurSync('trop_gros', MESSAGES.trop_gros);
  // A full server (507) says what to do; it is retried like any fault of the server.
  if (reponse.status >= 500) return new ErreurSync('serveur', reponse.status === 507 && detail !== null ? detail : MESSAGES.serveur);
  return new ErreurSync('refus', detail ?? MESSAGES.refus, corps.success ? (corps.data.rejected ?? []) : []);
}

export class ApiSync {
  constructor(
    private readonly base: string,
    private readonly jeton: () => Promise<string | null>,
    /** The device's identifier, named on every request (its erasure, the access log). */
    private readonly appareil: () => Promise<string | null> = async () => null,
  ) {}

  /**
   * The same client naming the session and the device as they are now, for a series of requests
   * (a sync's pages): read from storage at each request, they would each wait for the transaction
   * storing the previous page.
   */
  async figee(): Promise<ApiSync> {
    const [jeton, appareil] = await Promise.all([this.jeton(), this.appareil()]);
    return new ApiSync(
      this.base,
      async () => jeton,
      async () => appareil,
    );
  }

  /** Every request names its session and its device: the server's erasure order and access log cover them all. */
  private async envoyer(chemin: string, init: RequestInit, messageReseau = MESSAGES.reseau): Promise<Response> {
    const [jeton, appareil] = await Promise.all([this.jeton(), this.appareil()]);
    try {
      return await fetch(`${this.base}${chemin}`, {
        ...init,
        headers: {
          ...(jeton ? { authorization: `Bearer ${jeton}` } : {}),
          ...(appareil ? { [DEVICE_HEADER]: appareil } : {}),
          ...init.headers,
        },
      });
    } catch {
      throw new ErreurSync('reseau', messageReseau);
    }
  }

  private async requete(chemin: string, init: RequestInit = {}): Promise<Response> {
    const reponse = await this.envoyer(chemin, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
    if (!reponse.ok) throw await lireErreur(reponse);
    return reponse;
  }

  /**
   * A photo or scan, by its hash. The answer is the caller's to read (a file the server lacks, or
   * refuses), except a lost session and an erasure order, raised as for every other request.
   */
  async fichier(methode: 'HEAD' | 'PUT' | 'GET', hash: string, contenu?: { corps: Blob; type: string }): Promise<Response> {
    const reponse = await this.envoyer(
      `/api/blobs/${hash}`,
      { method: methode, ...(contenu ? { headers: { 'content-type': contenu.type }, body: contenu.corps } : {}) },
      'Serveur injoignable : les photos restent sur la tablette et partiront au retour du réseau.',
    );
    // An answer to HEAD has no body to say why the tablet must erase itself: the GET of the same file says it.
    if (reponse.status === 410 && methode === 'HEAD') return this.fichier('GET', hash);
    if (reponse.status === 401 || reponse.status === 410) throw await lireErreur(reponse);
    return reponse;
  }

  private async appeler(chemin: string, init: RequestInit = {}): Promise<unknown> {
    const reponse = await this.requete(chemin, init);
    return reponse.status === 204 ? null : reponse.json();
  }

  async connexion(email: string, motDePasse: string): Promise<Session> {
    const r = loginResponseSchema.parse(
      await this.appeler('/api/login', { method: 'POST', body: JSON.stringify({ email, password: motDePasse }) }),
    );
    return { token: r.token, expiresAt: r.expiresAt, user: r.user };
  }

  /** Ends the session on the server. */
  async deconnexion(): Promise<void> {
    await this.appeler('/api/logout', { method: 'POST', body: '{}' });
  }

  async pousser(corps: PushRequest): Promise<PushResponse> {
    return pushResponseSchema.parse(await this.appeler('/api/v1/sync/push', { method: 'POST', body: JSON.stringify(corps) }));
  }

  async tirer(depuis: number): Promise<PullResponse> {
    return pullResponseSchema.parse(await this.appeler(`/api/v1/sync/pull?protocolVersion=${PROTOCOL_VERSION}&since=${depuis}`));
  }

  /** What the server holds for this user, folded by bucket, to tell whether this device drifted. */
  async empreinte(): Promise<DigestResponse> {
    return digestResponseSchema.parse(await this.appeler(`/api/v1/sync/digest?protocolVersion=${PROTOCOL_VERSION}`));
  }

  /**
   * One page of the snapshot a new device starts from (docs/sync.md, « Instantané »). Pages of
   * `ENREGISTREMENTS_PAR_PAGE`: each is read, checked and stored in turns short enough for the
   * screens to stay responsive while a first sync runs. `seaux`: only those buckets, for a repair.
   */
  async instantane(apres: number, seaux: readonly string[] | null = null): Promise<SnapshotResponse> {
    const filtre = seaux === null ? '' : `&buckets=${encodeURIComponent(seaux.join(','))}`;
    return snapshotResponseSchema.parse(
      await this.appeler(
        `/api/v1/sync/snapshot?protocolVersion=${PROTOCOL_VERSION}&after=${apres}&limit=${ENREGISTREMENTS_PAR_PAGE}${filtre}`,
      ),
    );
  }

  async rapporter(corps: TelemetryRequest): Promise<void> {
    await this.appeler('/api/v1/devices/report', { method: 'POST', body: JSON.stringify(corps) });
  }

  /** The organisation's tablets and how their syncs go (encadrants and administrateurs). */
  async appareils(): Promise<DevicesResponse> {
    return devicesResponseSchema.parse(await this.appeler('/api/v1/devices'));
  }

  /** The users of the organisation, who may follow its households. */
  async utilisateurs(): Promise<UsersResponse> {
    return usersResponseSchema.parse(await this.appeler('/api/v1/users'));
  }

  /** The organisations of the user's territory (the demolishing landlord's choice, who designates). */
  async organisationsDuTerritoire(): Promise<TerritoryOrganisationsResponse> {
    return territoryOrganisationsResponseSchema.parse(await this.appeler('/api/v1/territory/organisations'));
  }

  /** The steering report the server computes for this account (the métropole, the State, a landlord's partner account). */
  async pilotage(f: FiltresPilotage): Promise<PilotageResponse> {
    const parametres = new URLSearchParams({ debut: f.periode.debut, fin: f.periode.fin });
    for (const [cle, valeur] of Object.entries({ ...f, periode: null, qpv: f.qpv === null ? null : f.qpv ? 'oui' : 'non' }))
      if (typeof valeur === 'string') parametres.set(cle, valeur);
    return pilotageResponseSchema.parse(await this.appeler(`/api/v1/pilotage?${parametres.toString()}`));
  }

  /** Declares a tablet lost: it erases its data at its next contact (encadrants). */
  async declarerPerdue(userId: string, deviceId: string): Promise<void> {
    await this.appeler('/api/v1/devices/wipe', { method: 'POST', body: JSON.stringify({ userId, deviceId }) });
  }

  /** Declares a user gone: the account is closed and each of its tablets erases its data (encadrants). */
  async declarerDepart(userId: string): Promise<void> {
    await this.appeler(`/api/v1/users/${userId}/depart`, { method: 'POST', body: '{}' });
  }

  /** Everything the server holds about a household, as JSON or as a PDF (encadrants). */
  async exportMenage(menageId: string, format: 'json' | 'pdf'): Promise<Blob> {
    return (await this.requete(`/api/v1/menages/${menageId}/export${format === 'pdf' ? '.pdf' : ''}`)).blob();
  }

  /** Erases a household for good on the server; the devices forget it at their next pull (encadrants). */
  async effacerMenage(menageId: string): Promise<void> {
    await this.appeler(`/api/v1/menages/${menageId}`, { method: 'DELETE', body: '{}' });
  }

  /** Prints and exports made on this device, for the access log. */
  async journaliser(corps: AccessReport): Promise<void> {
    await this.appeler('/api/v1/journal', { method: 'POST', body: JSON.stringify(corps) });
  }

  async acquitterConflit(id: string): Promise<void> {
    await this.appeler(`/api/v1/conflicts/${id}/ack`, { method: 'POST', body: '{}' });
  }
}

/**
 * This device's client: every request names the device, and the session's token once there is one
 * (the engine); without `jeton`, only to log in (the lock screen's new login after a forgotten code).
 */
export const apiDeLAppareil = (db: RelogementDb, base = '', jeton: () => Promise<string | null> = async () => null): ApiSync =>
  new ApiSync(base, jeton, () => identifiantAppareil(db));

/** What a login form says when the login failed. */
export const messageDeConnexion = (err: unknown): string =>
  err instanceof ErreurSync && err.genre === 'connexion'
    ? 'Adresse ou mot de passe incorrect.'
    : err instanceof Error
      ? err.message
      : 'Connexion impossible.';
