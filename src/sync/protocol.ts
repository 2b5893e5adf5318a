import { z } from 'zod';
import { changeSchema } from './change.ts';
import { hlcSchema } from './hlc.ts';

// The wire format of the sync API, shared by the devices and the server (docs/sync.md). Both
// ends parse what they receive with these schemas.

/**
 * Bumped on any incompatible change; an older client gets 426 and writes nothing (its changes stay
 * on the tablet until the app is updated). Version 3: new synced tables (moves, meetings, changes
 * of situation, pooled offers and positions), erased households and overruled changes in answers.
 * Version 4: a new device starts from a snapshot (`/api/v1/sync/snapshot`, src/sync/instantane.ts).
 */
export const PROTOCOL_VERSION = 4;
export const MAX_PUSH_CHANGES = 500;
export const MAX_PUSH_BYTES = 5 * 1024 * 1024;
/** Fields per pull page: a first sync of a whole caseload takes tens of pages, not hundreds. */
export const MAX_PULL_LIMIT = 5000;
/** A clock further ahead of the server's time than this is refused (Actual Budget's maxDrift). */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

/** `partenaire`: a user of a landlord, a réservataire or a collectivité, who sees only what its territory submits to it. */
export const ROLES = ['chargé', 'encadrant', 'administrateur', 'partenaire'] as const;
export const roleSchema = z.enum(ROLES, { message: 'Rôle inconnu : chargé, encadrant, administrateur ou partenaire.' });
export type Role = z.infer<typeof roleSchema>;

/** `ville` and `metropole` are the collectivités; `plateforme` is a relocation platform (as in Marseille). */
export const ORGANISATION_KINDS = ['bailleur', 'mous', 'ville', 'metropole', 'etat', 'action_logement', 'plateforme'] as const;
export const organisationKindSchema = z.enum(ORGANISATION_KINDS, {
  message: 'Type d’organisation inconnu : bailleur, mous, ville, metropole, etat, action_logement ou plateforme.',
});
export type OrganisationKind = z.infer<typeof organisationKindSchema>;

/** A métropole, or one town's renewal programme: nothing crosses its border. */
export const TERRITORY_KINDS = ['metropole', 'programme'] as const;
export const territoryKindSchema = z.enum(TERRITORY_KINDS, { message: 'Type de territoire inconnu : metropole ou programme.' });

export const errorSchema = z.object({
  error: z.string(),
  /** The changes of a refused push that caused the refusal, so the device can set them aside. */
  rejected: z.array(z.object({ changeId: z.string(), error: z.string() })).optional(),
  /** The device was declared lost or its user gone: it erases everything it holds (410). */
  wipe: z.object({ reason: z.enum(['perdue', 'depart']) }).optional(),
});
export type WipeReason = 'perdue' | 'depart';
export type ErrorBody = z.infer<typeof errorSchema>;

// Accounts

export const loginRequestSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().min(1).max(1024),
});

/** The header naming the device a request comes from (the node of its clock), for wipes and the access log. */
export const DEVICE_HEADER = 'x-relogement-appareil';
export const deviceIdSchema = z.string().min(1).max(64);

export const profileSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  organisation: z.object({
    id: z.string().uuid(),
    name: z.string(),
    kind: organisationKindSchema.nullable(),
    /** Profiles saved before territories had none. */
    territory: z.object({ id: z.string().uuid(), name: z.string() }).nullable().default(null),
  }),
});
export type Profile = z.infer<typeof profileSchema>;

export const loginResponseSchema = z.object({ token: z.string(), expiresAt: z.string(), user: profileSchema });

// Push

/** Read first, so that an outdated client is told to update whatever shape it sends. */
export const versionedSchema = z.object({ protocolVersion: z.number().int() });

/**
 * A whole number as a query string carries it: decimal digits only, so that '', ' 1', '1e3' or
 * '0x10' are refused rather than read as some number.
 */
export const queryNumber = z
  .string()
  .regex(/^\d{1,15}$/, { error: 'nombre entier attendu, en chiffres' })
  .transform(Number);
/** The protocol version a GET names in its query, for the same first check. */
export const queryVersionSchema = z.object({ protocolVersion: queryNumber });
const queryProtocolVersion = queryNumber.pipe(z.literal(PROTOCOL_VERSION));

export const pushRequestSchema = z.object({
  protocolVersion: z.literal(PROTOCOL_VERSION),
  deviceId: z.string().min(1).max(64),
  changes: z.array(changeSchema).max(MAX_PUSH_CHANGES, `Au plus ${MAX_PUSH_CHANGES} modifications par envoi.`),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

const conflictSideSchema = z.object({
  value: z.json(),
  hlc: hlcSchema,
  /** Display name of the user who wrote the value. */
  author: z.string(),
  /** Wall time of the value's clock (ISO 8601). */
  at: z.string(),
});

/** A concurrent edit: the value kept and the value overwritten, until someone acknowledges it. */
export const conflictSchema = z.object({
  id: z.string().uuid(),
  seq: z.number().int(),
  table: z.string(),
  recordId: z.string(),
  menageId: z.string().nullable(),
  field: z.string(),
  winner: conflictSideSchema,
  loser: conflictSideSchema,
  detectedAt: z.string(),
  acknowledged: z.object({ by: z.string(), at: z.string() }).nullable(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const pushResponseSchema = z.object({
  /** Every change id of the request, new or replayed: the device may drop them from its outbox. */
  ackedChangeIds: z.array(z.string()),
  conflicts: z.array(conflictSchema),
  /**
   * Changes acknowledged but overruled by the server (a fourth designation on an offer, a household
   * designated twice): the value it kept comes back at the next pull; the device sets the change
   * aside with the reason, like a refused one. Older servers send none.
   */
  overruled: z.array(z.object({ changeId: z.string(), error: z.string() })).default([]),
  serverTime: z.string(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// Pull

export const pullQuerySchema = z.object({
  protocolVersion: queryProtocolVersion,
  since: queryNumber.default(0),
  limit: queryNumber.pipe(z.number().min(1).max(MAX_PULL_LIMIT)).default(MAX_PULL_LIMIT),
});

/** A field's value as stored on the server, its clock, and the sequence of its last write. */
export const pulledValueSchema = z.tuple([z.json(), hlcSchema, z.number().int()]);

/**
 * The fields of one record that a page carries, by field name. Grouped by record, so that a
 * first sync moves and stores records, not hundreds of thousands of separate fields.
 */
export const pulledRecordSchema = z.object({
  table: z.string(),
  recordId: z.string(),
  fields: z.record(z.string(), pulledValueSchema),
});
export type PulledRecord = z.infer<typeof pulledRecordSchema>;

export const pullResponseSchema = z.object({
  /** The records written within the page's sequences, then the whole of households shared with the user within it. */
  records: z.array(pulledRecordSchema),
  conflicts: z.array(conflictSchema),
  /** Households the user no longer follows (a chargée unassigned, or no longer référente or binôme): the device forgets them. */
  removed: z.array(z.string()),
  /** Households erased on the server (right to erasure, end of retention): the device forgets them and drops its unsent changes to them. */
  erased: z.array(z.string()).optional(),
  /**
   * Pooled records whose audience changed (a consent withdrawn or given, a designation): the
   * device forgets them, then keeps what `records` of the same page brings again of them, which
   * is all the user may still see (docs/droits-partenaires.md). Older servers send none.
   */
  withdrawn: z.array(z.object({ table: z.string(), recordId: z.string() })).optional(),
  checkpoint: z.number().int(),
  hasMore: z.boolean(),
  /** The server's latest sequence when the page was read: how far a first sync has to go. */
  upto: z.number().int(),
  serverTime: z.string(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** One pulled field with its record, as the merge takes it. */
export type PulledField = { table: string; recordId: string; field: string; value: unknown; hlc: string; seq: number };

/** Every field of a page, record by record. */
export const pulledFields = (page: Pick<PullResponse, 'records'>): PulledField[] =>
  page.records.flatMap(({ table, recordId, fields }) =>
    Object.entries(fields).map(([field, [value, hlc, seq]]) => ({ table, recordId, field, value, hlc, seq })),
  );

// Divergence digests (docs/sync.md, « Empreintes et réparation »): what the server holds for the
// user, folded by bucket (`DigestBuilder`), and its latest sequence, so a device compares only
// when it is up to date with that sequence.

export const digestQuerySchema = z.object({ protocolVersion: queryProtocolVersion });
export const digestResponseSchema = z.object({
  upto: z.number().int(),
  buckets: z.record(z.string(), z.object({ count: z.number().int().nonnegative(), digest: z.string().regex(/^[0-9a-f]{1,16}$/) })),
});
export type DigestResponse = z.infer<typeof digestResponseSchema>;

// Sync telemetry (docs/sync.md, « Suivi des tablettes »): each device reports how its syncs go, so that an encadrant
// finds a silent tablet before its unsent work is at risk.

export const SYNC_ERROR_KINDS = ['reseau', 'serveur', 'connexion', 'version', 'trop_gros', 'refus'] as const;
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const deviceReportSchema = z.object({
  /** The end of the sync this report closes. */
  syncedAt: z.string().datetime(),
  durationMs: count,
  pushed: count,
  pulled: count,
  /** Changes still waiting on the device after the sync. */
  pending: count,
  /** Changes the server refused, set aside on the device until the officer acts (older devices: 0). */
  refused: count.default(0),
  failuresSinceLastSuccess: count,
  lastError: z.enum(SYNC_ERROR_KINDS).nullable(),
  /** Server time minus device time, as the last pulled page measured it. */
  clockOffsetMs: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  storage: z.object({ persisted: z.boolean(), usage: count.nullable(), quota: count.nullable() }),
});
export type DeviceReport = z.infer<typeof deviceReportSchema>;

export const telemetryRequestSchema = z.object({
  protocolVersion: z.literal(PROTOCOL_VERSION),
  deviceId: z.string().min(1).max(64),
  report: deviceReportSchema,
});
export type TelemetryRequest = z.infer<typeof telemetryRequestSchema>;

export const devicesResponseSchema = z.object({
  devices: z.array(
    z.object({
      deviceId: z.string(),
      user: z.object({ id: z.string().uuid(), name: z.string(), email: z.string(), disabled: z.boolean() }),
      receivedAt: z.string(),
      report: deviceReportSchema,
      /** The erasure ordered for this tablet, and when the tablet received it (null: not yet). */
      wipe: z.object({ reason: z.enum(['perdue', 'depart']), requestedAt: z.string(), deliveredAt: z.string().nullable() }).nullable(),
    }),
  ),
});
export type DevicesResponse = z.infer<typeof devicesResponseSchema>;

export const wipeRequestSchema = z.object({ userId: z.string().uuid(), deviceId: deviceIdSchema });

// The access log: prints and exports made on a tablet, reported by it (reads and changes are
// recorded by the server itself).

export const ACCESS_ACTIONS = ['lecture', 'modification', 'export', 'impression', 'effacement'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];
export const accessReportSchema = z.object({
  deviceId: deviceIdSchema,
  events: z.array(z.object({ menageId: z.string().uuid(), action: z.enum(['export', 'impression']), at: z.string().datetime() })).max(500),
});
export type AccessReport = z.infer<typeof accessReportSchema>;
export const accessLogSchema = z.object({
  entries: z.array(
    z.object({
      at: z.string(),
      user: z.object({ id: z.string(), name: z.string() }),
      deviceId: z.string().nullable(),
      menageId: z.string(),
      action: z.enum(ACCESS_ACTIONS),
    }),
  ),
});
export type AccessLog = z.infer<typeof accessLogSchema>;

// Household assignments and the organisation's users

export const assignmentRequestSchema = z.object({ userId: z.string().uuid() });
export const usersResponseSchema = z.object({
  users: z.array(z.object({ id: z.string().uuid(), name: z.string(), email: z.string(), role: roleSchema })),
});
export type UsersResponse = z.infer<typeof usersResponseSchema>;

/** The organisations of the user's territory, no personal data: the demolishing landlord to choose, whether a platform designates. */
export const territoryOrganisationsResponseSchema = z.object({
  organisations: z.array(z.object({ id: z.string().uuid(), name: z.string(), kind: organisationKindSchema })),
});
export type TerritoryOrganisationsResponse = z.infer<typeof territoryOrganisationsResponseSchema>;
export type TerritoryOrganisation = TerritoryOrganisationsResponse['organisations'][number];

// Blobs (photos and scans), addressed by the SHA-256 of their content

export const MAX_BLOB_BYTES = 30 * 1024 * 1024;
export const BLOB_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const blobHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'Empreinte SHA-256 attendue (64 caractères hexadécimaux).');
/** Fields whose values name blobs: the server lets whoever sees the record read those blobs. */
export const BLOB_FIELDS = ['blobHash', 'pages'] as const;
