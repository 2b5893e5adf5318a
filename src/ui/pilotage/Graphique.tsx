import type { Tableau } from '../../domain/index.ts';
import { formatCellule } from './format.ts';

// Plain SVG charts, each followed by the table it draws: the table is what a screen reader reads
// and what the CSV exports; the drawing is for the eye (aria-hidden).

export function TableauDonnees({ tableau, id }: { tableau: Tableau; id?: string }) {
  return (
    <table class="tableau-pilotage" id={id}>
      <caption>{tableau.titre}</caption>
      <thead>
        <tr>
          {tableau.colonnes.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {tableau.lignes.map((l, i) => (
          <tr key={i}>
            {l.map((v, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {formatCellule(v)}
                </th>
              ) : (
                <td key={j} class={v === 'atteint' ? 'atteint' : v === 'non atteint' ? 'non-atteint' : undefined}>
                  {formatCellule(v)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const LARGEUR = 600;
const HAUTEUR = 220;
const COULEURS = ['#1d4e89', '#c8553d', '#2a7f62'];

/** Vertical bars, one group per row, one bar per series (the numeric columns); an optional target line. */
export function Barres({ tableau, cible }: { tableau: Tableau; cible?: { valeur: number; libelle: string } }) {
  const series = tableau.colonnes.slice(1);
  const valeurs = tableau.lignes.map((l) => l.slice(1).map((v) => (typeof v === 'number' ? v : 0)));
  const max = Math.max(1, cible?.valeur ?? 0, ...valeurs.flat());
  const groupe = LARGEUR / Math.max(1, tableau.lignes.length);
  const barre = (groupe * 0.7) / Math.max(1, series.length);
  const y = (v: number) => HAUTEUR - 30 - (v / max) * (HAUTEUR - 50);
  return (
    <figure class="graphique">
      <svg viewBox={`0 0 ${LARGEUR} ${HAUTEUR}`} aria-hidden="true" focusable="false">
        {valeurs.map((vs, i) =>
          vs.map((v, s) => (
            <rect
              key={`${i}-${s}`}
              x={i * groupe + groupe * 0.15 + s * barre}
              y={y(v)}
              width={barre - 2}
              height={HAUTEUR - 30 - y(v)}
              fill={COULEURS[s % COULEURS.length]}
            />
          )),
        )}
        {tableau.lignes.map((l, i) => (
          <text key={i} x={i * groupe + groupe / 2} y={HAUTEUR - 10} text-anchor="middle" font-size="13">
            {String(l[0])}
          </text>
        ))}
        {cible && <line x1="0" x2={LARGEUR} y1={y(cible.valeur)} y2={y(cible.valeur)} stroke="#000" stroke-dasharray="6 4" />}
        {cible && (
          <text x={LARGEUR - 4} y={y(cible.valeur) - 4} text-anchor="end" font-size="13">
            {cible.libelle}
          </text>
        )}
      </svg>
      {series.length > 1 && (
        <figcaption class="legende" aria-hidden="true">
          {series.map((s, i) => (
            <span key={s}>
              <span class="pastille-couleur" style={{ background: COULEURS[i % COULEURS.length] }} />
              {s}
            </span>
          ))}
        </figcaption>
      )}
      <TableauDonnees tableau={tableau} />
    </figure>
  );
}

/** A share against its objective, as a horizontal gauge. */
export function Jauge({
  titre,
  valeur,
  objectif,
  atteint,
}: {
  titre: string;
  valeur: number | null;
  objectif: number;
  atteint: boolean | null;
}) {
  const largeur = (x: number) => (Math.min(100, Math.max(0, x)) / 100) * LARGEUR;
  return (
    <figure class="graphique">
      <svg viewBox={`0 0 ${LARGEUR} 60`} aria-hidden="true" focusable="false">
        <rect x="0" y="10" width={LARGEUR} height="24" fill="#e6e6e6" />
        {valeur !== null && <rect x="0" y="10" width={largeur(valeur)} height="24" fill={atteint ? '#2a7f62' : '#c8553d'} />}
        <line x1={largeur(objectif)} x2={largeur(objectif)} y1="4" y2="40" stroke="#000" stroke-width="2" />
        <text x={largeur(objectif)} y="55" text-anchor="middle" font-size="13">
          objectif {objectif} %
        </text>
      </svg>
      <TableauDonnees
        tableau={{
          code: 'jauge',
          titre,
          colonnes: ['Mesure', 'Part (%)'],
          lignes: [
            ['Réalisé', valeur],
            ['Objectif', objectif],
          ],
        }}
      />
    </figure>
  );
}
