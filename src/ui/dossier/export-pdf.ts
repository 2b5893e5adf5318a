import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import type { PageDossier } from '../../domain/index.ts';

// The dossier as one PDF made on the device, offline, for the national application system: a
// cover page listing the pieces, then each piece's pages in order (photos on A4, imported PDFs
// copied page by page).

export type PieceAExporter = { titre: string; statut: string; pages: readonly PageDossier[] };
export type EnteteExport = { titre: string; sousTitre: string };

const A4: [number, number] = [595.28, 841.89];
const MARGE = 28;

/** The standard fonts only know WinAnsi: other characters (narrow spaces of fr-FR numbers, emoji) are replaced. */
function lisible(police: PDFFont, texte: string): string {
  let sortie = '';
  for (const c of texte.replace(/[\u00a0\u202f]/g, ' ')) {
    try {
      police.encodeText(c);
      sortie += c;
    } catch {
      sortie += '?';
    }
  }
  return sortie;
}

function lignesCoupees(police: PDFFont, texte: string, taille: number, largeur: number): string[] {
  const lignes: string[] = [];
  let ligne = '';
  for (const mot of lisible(police, texte).split(' ')) {
    const essai = ligne ? `${ligne} ${mot}` : mot;
    if (police.widthOfTextAtSize(essai, taille) > largeur && ligne) {
      lignes.push(ligne);
      ligne = mot;
    } else ligne = essai;
  }
  if (ligne) lignes.push(ligne);
  return lignes;
}

function pageDeTexte(doc: PDFDocument, police: PDFFont, texte: string): void {
  const page = doc.addPage(A4);
  lignesCoupees(police, texte, 14, A4[0] - 2 * MARGE).forEach((l, i) =>
    page.drawText(l, { x: MARGE, y: A4[1] - 80 - i * 20, size: 14, font: police }),
  );
}

async function ajouterImage(doc: PDFDocument, page: PageDossier, octets: Uint8Array): Promise<void> {
  const image = page.mime === 'image/png' ? await doc.embedPng(octets) : await doc.embedJpg(octets);
  const paysage = image.width > image.height;
  const format: [number, number] = paysage ? [A4[1], A4[0]] : A4;
  const p: PDFPage = doc.addPage(format);
  const echelle = Math.min((format[0] - 2 * MARGE) / image.width, (format[1] - 2 * MARGE) / image.height);
  const [l, h] = [image.width * echelle, image.height * echelle];
  p.drawImage(image, { x: (format[0] - l) / 2, y: (format[1] - h) / 2, width: l, height: h });
}

async function ajouterPdf(doc: PDFDocument, octets: Uint8Array): Promise<void> {
  const source = await PDFDocument.load(octets, { ignoreEncryption: true });
  const copies = await doc.copyPages(source, source.getPageIndices());
  copies.forEach((p) => doc.addPage(p));
}

/** How many pages a piece takes in the export (an imported PDF: its own count). */
async function nombreDePages(page: PageDossier, octets: Uint8Array | null): Promise<number> {
  if (page.mime !== 'application/pdf' || !octets) return 1;
  try {
    return (await PDFDocument.load(octets, { ignoreEncryption: true })).getPageCount();
  } catch {
    return 1;
  }
}

export async function creerPdfDossier(
  entete: EnteteExport,
  pieces: readonly PieceAExporter[],
  lire: (hash: string) => Promise<Blob | null>,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(entete.titre);
  doc.setCreator('Relogement');
  const police = await doc.embedFont(StandardFonts.Helvetica);
  const gras = await doc.embedFont(StandardFonts.HelveticaBold);

  const contenus = await Promise.all(
    pieces.map((p) =>
      Promise.all(
        p.pages.map(async (page) => {
          const blob = await lire(page.blobHash);
          return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
        }),
      ),
    ),
  );
  const comptes = await Promise.all(
    pieces.map((p, i) => Promise.all(p.pages.map((page, j) => nombreDePages(page, contenus[i]?.[j] ?? null)))),
  );

  // Cover: the pieces with the page each starts on (the cover is page 1).
  const couverture = doc.addPage(A4);
  let y = A4[1] - MARGE - 20;
  const ecrire = (texte: string, taille: number, font = police, couleur = rgb(0, 0, 0)) => {
    for (const ligne of lignesCoupees(font, texte, taille, A4[0] - 2 * MARGE)) {
      if (y < MARGE + taille) return;
      couverture.drawText(ligne, { x: MARGE, y, size: taille, font, color: couleur });
      y -= taille * 1.35;
    }
  };
  ecrire(entete.titre, 20, gras);
  ecrire(entete.sousTitre, 11, police, rgb(0.3, 0.3, 0.3));
  y -= 10;
  let debut = 2;
  pieces.forEach((p, i) => {
    const n = (comptes[i] ?? []).reduce((a, b) => a + b, 0);
    ecrire(
      `${i + 1}. ${p.titre} — ${p.statut} — ${n === 0 ? 'aucune page' : n === 1 ? `page ${debut}` : `pages ${debut} à ${debut + n - 1}`}`,
      11,
    );
    debut += n;
  });

  for (const [i, piece] of pieces.entries()) {
    for (const [j, page] of piece.pages.entries()) {
      const octets = contenus[i]?.[j] ?? null;
      if (!octets) {
        pageDeTexte(
          doc,
          police,
          `${piece.titre} : page ${j + 1} pas encore reçue sur cette tablette. Synchronisez puis exportez de nouveau.`,
        );
        continue;
      }
      try {
        if (page.mime === 'application/pdf') await ajouterPdf(doc, octets);
        else if (page.mime === 'image/webp')
          pageDeTexte(doc, police, `${piece.titre} : page ${j + 1} au format WebP, à joindre séparément.`);
        else await ajouterImage(doc, page, octets);
      } catch {
        pageDeTexte(doc, police, `${piece.titre} : page ${j + 1} illisible ou protégée, à joindre séparément.`);
      }
    }
  }
  return doc.save();
}
