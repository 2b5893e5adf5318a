import type { PagePreparee } from '../../data/index.ts';

// A page photographed at the household's table: turned upright from its EXIF orientation,
// scaled to about 1800 px on its long side (≈ 150 dpi on A4, enough to read a payslip) and
// re-encoded as JPEG, lowering the quality until it weighs at most 400 KB (docs/donnees.md §2).

export const TAILLE_MAX_FICHIER = 30 * 1024 * 1024;
export const POIDS_CIBLE = 400 * 1024;
const COTE_LONG = 1800;
const QUALITES = [0.82, 0.72, 0.62, 0.52, 0.42] as const;

/** A file that cannot become a page; the message is for the officer. */
export class ErreurFichier extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ErreurFichier';
  }
}

const mo = (octets: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(octets / 1024 / 1024);

type Toile = { largeur: number; hauteur: number; encoder: (qualite: number) => Promise<Blob> };

function toile(image: ImageBitmap, largeur: number, hauteur: number): Toile {
  if (typeof OffscreenCanvas !== 'undefined') {
    const c = new OffscreenCanvas(largeur, hauteur);
    const ctx = c.getContext('2d');
    if (!ctx) throw new ErreurFichier('Impossible de traiter l’image sur cette tablette.');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, largeur, hauteur);
    ctx.drawImage(image, 0, 0, largeur, hauteur);
    return { largeur, hauteur, encoder: (quality) => c.convertToBlob({ type: 'image/jpeg', quality }) };
  }
  const c = document.createElement('canvas');
  c.width = largeur;
  c.height = hauteur;
  const ctx = c.getContext('2d');
  if (!ctx) throw new ErreurFichier('Impossible de traiter l’image sur cette tablette.');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, largeur, hauteur);
  ctx.drawImage(image, 0, 0, largeur, hauteur);
  return {
    largeur,
    hauteur,
    encoder: (quality) =>
      new Promise((ok, ko) =>
        c.toBlob((b) => (b ? ok(b) : ko(new ErreurFichier('L’image n’a pas pu être compressée.'))), 'image/jpeg', quality),
      ),
  };
}

/** Upright, resized and compressed; the smallest acceptable quality is kept if none fits. */
export async function compresserImage(fichier: Blob): Promise<PagePreparee> {
  let image: ImageBitmap;
  try {
    image = await createImageBitmap(fichier, { imageOrientation: 'from-image' });
  } catch {
    throw new ErreurFichier(
      'Image illisible : le fichier est abîmé ou dans un format que la tablette ne sait pas lire. Reprenez la photo.',
    );
  }
  try {
    const echelle = Math.min(1, COTE_LONG / Math.max(image.width, image.height));
    const t = toile(image, Math.max(1, Math.round(image.width * echelle)), Math.max(1, Math.round(image.height * echelle)));
    let blob: Blob | null = null;
    for (const qualite of QUALITES) {
      blob = await t.encoder(qualite);
      if (blob.size <= POIDS_CIBLE) break;
    }
    if (!blob) throw new ErreurFichier('L’image n’a pas pu être compressée.');
    return { blob, mime: 'image/jpeg', width: t.largeur, height: t.hauteur };
  } finally {
    image.close();
  }
}

async function commencePar(fichier: Blob, signature: string): Promise<boolean> {
  const octets = new Uint8Array(await fichier.slice(0, signature.length).arrayBuffer());
  return String.fromCharCode(...octets) === signature;
}

/** Any file the officer chose: an image becomes a compressed page, a PDF is kept as it is. */
export async function preparerFichier(fichier: File): Promise<PagePreparee> {
  const nom = fichier.name ? `« ${fichier.name} »` : 'Le fichier';
  if (fichier.size > TAILLE_MAX_FICHIER)
    throw new ErreurFichier(
      `${nom} pèse ${mo(fichier.size)} Mo : 30 Mo au plus. Reprenez la photo en qualité normale ou importez un fichier plus léger.`,
    );
  if (fichier.size === 0) throw new ErreurFichier(`${nom} est vide : rien n’a été ajouté.`);
  const estPdf = fichier.type === 'application/pdf' || /\.pdf$/i.test(fichier.name);
  if (estPdf) {
    if (!(await commencePar(fichier, '%PDF-'))) throw new ErreurFichier(`${nom} n’est pas un PDF lisible : rien n’a été ajouté.`);
    return { blob: new Blob([fichier], { type: 'application/pdf' }), mime: 'application/pdf' };
  }
  if (!fichier.type.startsWith('image/') && fichier.type !== '') {
    throw new ErreurFichier(
      `${nom} n’est ni une image ni un PDF : seuls les photos (JPEG, PNG, WebP, HEIC selon la tablette) et les PDF sont acceptés.`,
    );
  }
  try {
    return await compresserImage(fichier);
  } catch (e) {
    if (e instanceof ErreurFichier) throw new ErreurFichier(`${nom} : ${e.message}`);
    throw e;
  }
}
