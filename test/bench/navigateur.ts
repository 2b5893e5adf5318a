import { build } from 'vite';
import { fermerTablette, ouvrirTablette } from '../browser/chromium.ts';
import { demarrerServeur, effacerServeur } from '../browser/serveur.ts';

type Mesures = {
  remplir: (n: number) => Promise<number>;
  mesurer: () => Promise<{
    total: number;
    rechercheP95: number;
    rechercheBruteP95: number;
    saisieP95: number;
    putBrutP95: number;
    rechercheApresModification: number;
  }>;
};

const MENAGES = 5000;
const ms = (n: number) => `${n.toFixed(1).replace('.', ',')} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(1).replace('.', ',')}×`;

/** Issue 2's figures, measured in Chromium on the built app (the first screen and the cold start: premier-ecran.ts; the first sync: premiere-synchro.ts). */
export async function bench(): Promise<Record<string, string>> {
  await build({ configFile: 'test/bench/vite.bench.config.ts' });
  const serveur = await demarrerServeur({ mesures: '.tmp/mesures' });
  const tablette = await ouvrirTablette(undefined, { largeur: 1280, hauteur: 800 });
  try {
    const { page } = tablette;
    page.on('pageerror', (e) => console.error(`Erreur dans la page : ${e.message}`));
    await page.goto(`${serveur.url}mesures/index.html`);
    const remplissage = await page.evaluate((n) => (window as unknown as { mesures: Mesures }).mesures.remplir(n), MENAGES);
    const m = await page.evaluate(() => (window as unknown as { mesures: Mesures }).mesures.mesurer());

    return {
      [`Remplissage de ${MENAGES} ménages (démo, occupants, entretiens)`]: ms(remplissage),
      [`Recherche dans « Mes ménages » (${m.total} ménages), p95`]: `${ms(m.rechercheP95)} (objectif ≤ 50 ms) ; ${ratio(m.rechercheP95, m.rechercheBruteP95)} une requête Dexie brute (${ms(m.rechercheBruteP95)})`,
      'Première recherche après une modification (relecture des résumés), médiane': ms(m.rechercheApresModification),
      'Enregistrement automatique d’une réponse, p95': `${ms(m.saisieP95)} (objectif ≤ 20 ms) ; ${ratio(m.saisieP95, m.putBrutP95)} un put Dexie brut (${ms(m.putBrutP95)})`,
      'Chiffrement au repos': 'actif pour toutes ces mesures (AES-GCM 256, clé enveloppée par PBKDF2-SHA-256 × 600 000)',
    };
  } finally {
    await fermerTablette(tablette);
    await serveur.arreter();
    effacerServeur(serveur);
  }
}
