import { deviceReportSchema } from '../../sync/index.ts';
import type { DeviceReport, DevicesResponse, Profile } from '../../sync/index.ts';
import type { Database } from '../db/database.ts';
import { HttpError } from '../http-error.ts';

// Each device's last sync report (docs/sync.md, « Suivi des tablettes »). Reports hold counts, times and error kinds,
// never personal data.

export async function recordReport(db: Database, actor: Profile, deviceId: string, report: DeviceReport): Promise<void> {
  await db.query(
    `insert into devices (device_id, user_id, synced_at, report) values ($1, $2, $3, $4)
     on conflict (device_id, user_id) do update set received_at = now(), synced_at = excluded.synced_at, report = excluded.report`,
    [deviceId, actor.id, report.syncedAt, JSON.stringify(report)],
  );
}

/** The organisation's devices, the longest silent first. */
export async function listDevices(db: Database, actor: Profile): Promise<DevicesResponse> {
  if (actor.role === 'chargé') throw new HttpError(403, 'Seuls les encadrants et administrateurs voient les tablettes de l’organisation.');
  const rows = await db.query<{
    device_id: string;
    user_id: string;
    name: string;
    email: string;
    disabled_at: Date | null;
    received_at: Date | string;
    report: unknown;
    wipe_reason: 'perdue' | 'depart' | null;
    requested_at: Date | null;
    delivered_at: Date | null;
  }>(
    `select d.device_id, u.id as user_id, u.name, u.email, u.disabled_at, d.received_at, d.report,
       w.reason as wipe_reason, w.requested_at, w.delivered_at
     from devices d join users u on u.id = d.user_id
     left join lateral (select * from device_wipes w where w.user_id = d.user_id and (w.device_id is null or w.device_id = d.device_id)
                        order by w.requested_at desc limit 1) w on true
     where u.organisation_id = $1 order by d.synced_at, d.device_id`,
    [actor.organisation.id],
  );
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return {
    devices: rows.map((r) => ({
      deviceId: r.device_id,
      user: { id: r.user_id, name: r.name, email: r.email, disabled: r.disabled_at !== null },
      receivedAt: new Date(r.received_at).toISOString(),
      report: deviceReportSchema.parse(r.report),
      wipe:
        r.wipe_reason === null ? null : { reason: r.wipe_reason, requestedAt: iso(r.requested_at) ?? '', deliveredAt: iso(r.delivered_at) },
    })),
  };
}
