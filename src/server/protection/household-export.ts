import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { applyField, isSyncedTable } from '../../sync/index.ts';
import type { AccessAction, Profile } from '../../sync/index.ts';
import type { Sql } from '../db/database.ts';
import { HttpError, forbidden } from '../http-error.ts';
import { recordEach } from './access-log.ts';

// Everything the server holds about one household (RGPD art. 15 and 20): every record of every
// table with all its fields, the values its conflicts kept, the files it names, and who accessed
// it. As JSON, complete and machine-readable, and as a PDF a person can read.

type Json = unknown;
export type HouseholdExport = {
  menageId: string;
  organisation: string;
  exportedAt: string;
  records: Record<string, Record<string, Json>[]>;
  conflicts: { table: string; recordId: string; field: string; keptValue: Json; overwrittenValue: Json; detectedAt: string }[];
  files: { hash: string; contentType: string; size: number; table: string; recordId: string }[];
  accessLog: { at: string; user: string; action: AccessAction }[];
};

/** Encadrants and administrateurs answer the requests of the people; the export is logged. */
export async function exportHousehold(db: Sql, actor: Profile, menageId: string, deviceId: string | null): Promise<HouseholdExport> {
  if (actor.role === 'chargé') throw new HttpError(403, 'Seuls les encadrants et administrateurs exportent les données d’un ménage.');
  const org = actor.organisation.id;
  const [known] = await db.query('select 1 from records where tbl = $1 and record_id = $2 and org_id = $3', ['menages', menageId, org]);
  if (!known) throw forbidden();
  const fields = await db.query<{ tbl: string; record_id: string; field: string; value: Json }>(
    `select r.tbl, r.record_id, f.field, f.value from records r join fields f on f.rid = r.rid
     where r.org_id = $1 and r.menage_id = $2 order by r.tbl, r.record_id, f.seq`,
    [org, menageId],
  );
  const records: Record<string, Record<string, Json>[]> = {};
  const byKey = new Map<string, Record<string, Json>>();
  for (const f of fields) {
    const key = `${f.tbl}|${f.record_id}`;
    const record = byKey.get(key) ?? { id: f.record_id };
    byKey.set(key, isSyncedTable(f.tbl) ? applyField(record, f.field, f.value) : { ...record, [f.field]: f.value });
  }
  for (const [key, record] of byKey) (records[key.split('|', 1)[0] ?? ''] ??= []).push(record);
  const conflicts = await db.query<{
    tbl: string;
    record_id: string;
    field: string;
    winner_value: Json;
    loser_value: Json;
    detected_at: Date;
  }>(
    `select r.tbl, r.record_id, c.field, c.winner_value, c.loser_value, c.detected_at from conflicts c join records r on r.rid = c.rid
     where r.org_id = $1 and r.menage_id = $2 order by c.seq`,
    [org, menageId],
  );
  const files = await db.query<{ hash: string; content_type: string; size: number; tbl: string; record_id: string }>(
    `select b.hash, b.content_type, b.size, r.tbl, r.record_id from blob_refs br join records r on r.rid = br.rid join blobs b on b.hash = br.hash
     where r.org_id = $1 and r.menage_id = $2 order by r.tbl, r.record_id, b.hash`,
    [org, menageId],
  );
  const access = await db.query<{ at: Date; name: string; action: AccessAction }>(
    'select l.at, u.name, l.action from access_log l join users u on u.id = l.user_id where l.org_id = $1 and l.menage_id = $2 order by l.at, l.id',
    [org, menageId],
  );
  await recordEach(db, actor, deviceId, [menageId], 'export');
  return {
    menageId,
    organisation: actor.organisation.name,
    exportedAt: new Date().toISOString(),
    records,
    conflicts: conflicts.map((c) => ({
      table: c.tbl,
      recordId: c.record_id,
      field: c.field,
      keptValue: c.winner_value,
      overwrittenValue: c.loser_value,
      detectedAt: new Date(c.detected_at).toISOString(),
    })),
    files: files.map((f) => ({ hash: f.hash, contentType: f.content_type, size: f.size, table: f.tbl, recordId: f.record_id })),
    accessLog: access.map((a) => ({ at: new Date(a.at).toISOString(), user: a.name, action: a.action })),
  };
}

const TABLE_TITLES: Record<string, string> = {
  menages: 'Ménage',
  personnes: 'Personnes',
  entretiens: 'Entretiens',
  simulations: 'Simulations',
  visites: 'Visites de courtoisie',
  enquetes: 'Enquêtes de satisfaction',
  orientations: 'Orientations',
  propositions: 'Propositions de logement',
  mediations: 'Médiations',
  pieces: 'Pièces du dossier',
};

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;
const SIZE = 9;
const LEADING = 12;

/** Writes lines top to bottom, page after page. */
class Writer {
  private page: PDFPage;
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = this.newPage();
  }

  private newPage(): PDFPage {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
    return this.page;
  }

  /** The standard fonts only know WinAnsi: other characters are replaced. */
  private printable(text: string, font: PDFFont): string {
    let out = '';
    for (const c of text.replace(/[\u00a0\u202f]/g, ' ').replace(/[\r\n\t]+/g, ' ')) {
      try {
        font.encodeText(c);
        out += c;
      } catch {
        out += '?';
      }
    }
    return out;
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of this.printable(text, font).split(' ')) {
      const attempt = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(attempt, size) <= width || !line) line = attempt;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
    // A single word wider than the page (a long hash) is cut.
    return lines.flatMap((l) => {
      const parts: string[] = [];
      let rest = l;
      while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let n = rest.length - 1;
        while (n > 1 && font.widthOfTextAtSize(rest.slice(0, n), size) > width) n--;
        parts.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      parts.push(rest);
      return parts;
    });
  }

  line(text: string, options: { bold?: boolean; size?: number; indent?: number } = {}): void {
    const font = options.bold ? this.bold : this.font;
    const size = options.size ?? SIZE;
    const indent = options.indent ?? 0;
    for (const l of this.wrap(text, font, size, A4[0] - 2 * MARGIN - indent)) {
      if (this.y < MARGIN + size) this.newPage();
      this.y -= size + (LEADING - SIZE);
      this.page.drawText(l, { x: MARGIN + indent, y: this.y, size, font });
    }
  }

  gap(): void {
    this.y -= LEADING / 2;
  }
}

const shown = (value: Json): string =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
const dateTime = (iso: string) => new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' });

/** The export as a PDF: one section per table, one block per record, one line per field. */
export async function householdPdf(data: HouseholdExport): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Données détenues sur le ménage ${data.menageId}`);
  doc.setCreator('Relogement');
  const w = new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  w.line('Données détenues sur un ménage', { bold: true, size: 16 });
  w.line(`Organisation : ${data.organisation} · export du ${dateTime(data.exportedAt)} · identifiant ${data.menageId}`);
  w.gap();
  const tables = [...Object.keys(TABLE_TITLES), ...Object.keys(data.records).filter((t) => !(t in TABLE_TITLES))];
  for (const table of tables) {
    const list = data.records[table];
    if (!list || list.length === 0) continue;
    w.gap();
    w.line(`${TABLE_TITLES[table] ?? table} (${list.length})`, { bold: true, size: 12 });
    for (const record of list) {
      w.gap();
      for (const [field, value] of Object.entries(record)) w.line(`${field} : ${shown(value)}`, { indent: 10 });
    }
  }
  w.gap();
  w.line(`Valeurs remplacées lors de modifications simultanées (${data.conflicts.length})`, { bold: true, size: 12 });
  for (const c of data.conflicts)
    w.line(
      `${dateTime(c.detectedAt)} · ${TABLE_TITLES[c.table] ?? c.table} · ${c.field} : « ${shown(c.overwrittenValue)} » remplacé par « ${shown(c.keptValue)} »`,
      { indent: 10 },
    );
  w.gap();
  w.line(`Fichiers (photos et scans) (${data.files.length})`, { bold: true, size: 12 });
  for (const f of data.files)
    w.line(
      `${f.contentType}, ${new Intl.NumberFormat('fr-FR').format(f.size)} octets, empreinte ${f.hash} (${TABLE_TITLES[f.table] ?? f.table})`,
      { indent: 10 },
    );
  w.gap();
  w.line(`Accès au dossier (${data.accessLog.length})`, { bold: true, size: 12 });
  for (const a of data.accessLog) w.line(`${dateTime(a.at)} · ${a.user} · ${a.action}`, { indent: 10 });
  return doc.save();
}
