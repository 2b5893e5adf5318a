import { RelogementDb, empreinte } from '../../../src/data/index.ts';
import { ApiSync } from '../../../src/sync-client/api.ts';
import { TransfertFichiers } from '../../../src/sync-client/blobs.ts';
import { preparerFichier } from '../../../src/ui/dossier/image.ts';

// Measured in the page: compression of a 12-megapixel photo, and blob upload through the sync
// engine against plain PUTs of the same number of bytes.

/** A photo-like 4000×3000 JPEG: gradients, text and noise, so it compresses like a real document photo. */
async function photo12Mpx(graine: number): Promise<File> {
  const c = new OffscreenCanvas(4000, 3000);
  const ctx = c.getContext('2d')!;
  const g = ctx.createLinearGradient(0, 0, 4000, 3000);
  g.addColorStop(0, '#d9d2c0');
  g.addColorStop(1, '#f4efe4');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 4000, 3000);
  ctx.fillStyle = '#222';
  ctx.font = '56px serif';
  for (let y = 200; y < 2900; y += 90)
    ctx.fillText(`Ligne ${y} — avis d’impôt ${graine} — revenu fiscal de référence 12 345 € — quittance`, 250, y);
  const bruit = ctx.getImageData(0, 0, 4000, 3000);
  let x = graine * 9301 + 49297;
  for (let i = 0; i < bruit.data.length; i += 4) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const d = (x % 24) - 12;
    bruit.data[i] = (bruit.data[i] ?? 0) + d;
    bruit.data[i + 1] = (bruit.data[i + 1] ?? 0) + d;
    bruit.data[i + 2] = (bruit.data[i + 2] ?? 0) + d;
  }
  ctx.putImageData(bruit, 0, 0);
  const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
  return new File([blob], `photo-${graine}.jpg`, { type: 'image/jpeg' });
}

async function compresser(n: number): Promise<{ durees: number[]; tailles: number[]; entree: number }> {
  const durees: number[] = [];
  const tailles: number[] = [];
  let entree = 0;
  for (let i = 0; i < n; i++) {
    const f = await photo12Mpx(i + 1);
    entree = f.size;
    const t0 = performance.now();
    const page = await preparerFichier(f);
    durees.push(performance.now() - t0);
    tailles.push(page.blob.size);
  }
  return { durees, tailles, entree };
}

/**
 * Distinct JPEG payloads of `octets` bytes each (random, so none is known to the server), each
 * opening with a frame header of 768 × 1024, as the server checks that an image states its size.
 */
function charges(n: number, octets: number): Blob[] {
  return Array.from({ length: n }, () => {
    const b = new Uint8Array(octets);
    for (let i = 0; i < octets; i += 65536) crypto.getRandomValues(b.subarray(i, Math.min(octets, i + 65536)));
    b.set([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x04, 0x00, 0x03, 0x00], 0);
    return new Blob([b], { type: 'image/jpeg' });
  });
}

async function envoyer(jeton: string, n: number, octets: number): Promise<{ moteur: number; brut: number }> {
  const db = new RelogementDb(`mesure-blobs-${Date.now()}`);
  const moteurBlobs = charges(n, octets);
  const brutBlobs = charges(n, octets);
  const hashesBruts = await Promise.all(brutBlobs.map(empreinte));
  await db.blobs.bulkPut(
    await Promise.all(
      moteurBlobs.map(async (blob) => ({
        hash: await empreinte(blob),
        blob,
        mime: 'image/jpeg',
        size: blob.size,
        etat: 'local' as const,
        recuLe: '',
      })),
    ),
  );
  const t0 = performance.now();
  await new TransfertFichiers(db, new ApiSync('', async () => jeton), () => undefined).envoyer();
  const moteur = performance.now() - t0;
  const t1 = performance.now();
  for (const [i, blob] of brutBlobs.entries()) {
    const r = await fetch(`/api/blobs/${hashesBruts[i]}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${jeton}`, 'content-type': 'image/jpeg' },
      body: blob,
    });
    if (!r.ok) throw new Error(`PUT ${r.status}`);
  }
  const brut = performance.now() - t1;
  const restants = await db.blobs.where('etat').equals('local').count();
  db.close();
  if (restants > 0) throw new Error(`${restants} blobs non envoyés`);
  return { moteur, brut };
}

async function connexion(email: string, password: string): Promise<string> {
  const r = await fetch('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return ((await r.json()) as { token: string }).token;
}

Object.assign(window, { mesuresDossier: { compresser, envoyer, connexion } });
