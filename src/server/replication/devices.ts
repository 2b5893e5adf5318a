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
  const rows = await db.query<{ device_id: string; name: string; email: string; received_at: Date | string; report: unknown }>(
    `select d.device_id, u.name, u.email, d.received_at, d.report from devices d join users u on u.id = d.user_id
     where u.organisation_id = $1 order by d.synced_at, d.device_id`,
    [actor.organisation.id],
  );
  return { devices: rows.map((r) => ({ deviceId: r.device_id, user: { name: r.name, email: r.email }, receivedAt: new Date(r.received_at).toISOString(), report: deviceReportSchema.parse(r.report) })) };
}
