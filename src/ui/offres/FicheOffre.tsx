import { parseNombreFr, verifierOffre } from '../../domain/index.ts';
import type { Offre, Verdict } from '../../domain/index.ts';
import { CaseACocher, ChampChoix, ChampSaisie } from '../commun/champs.tsx';
import { GROUPES_OFFRE, type ChampOffre } from './champs-offre.ts';

// The offer sheet: every field saved as typed, offline; what keeps the offer from being simulated
// is listed and shown at each field, the draft kept as it is.

const OUI_NON = [
  { valeur: 'oui', libelle: 'Oui' },
  { valeur: 'non', libelle: 'Non' },
];

function verifierNombre(texte: string, entier: boolean): Verdict {
  const n = parseNombreFr(texte);
  if (n === null)
    return {
      ok: false,
      message: `« ${texte} » n’est pas un nombre${entier ? ' entier' : ''} : tapez par exemple ${entier ? '3' : '412,50'}.`,
    };
  if (entier && !Number.isInteger(n)) return { ok: false, message: 'Nombre entier attendu.' };
  if (n < 0 && !entier) return { ok: false, message: 'Le montant ne peut pas être négatif.' };
  return { ok: true };
}

const texteDe = (v: unknown): string =>
  v === null || v === undefined
    ? ''
    : typeof v === 'number'
      ? new Intl.NumberFormat('fr-FR', { useGrouping: false, maximumFractionDigits: 2 }).format(v)
      : String(v);

type Enregistrer = (modif: Partial<Offre>) => Promise<unknown>;

function Champ({
  offre,
  champ,
  erreur,
  maj,
  desactive,
}: {
  offre: Offre;
  champ: ChampOffre;
  erreur: string | null;
  maj: Enregistrer;
  desactive: boolean;
}) {
  const id = `offre-${champ.cle}`;
  const valeur = offre[champ.cle];
  switch (champ.genre) {
    case 'case':
      return (
        <CaseACocher
          id={id}
          desactive={desactive}
          libelle={champ.libelle}
          coche={valeur === true}
          enregistrer={(v) => maj({ [champ.cle]: v })}
        />
      );
    case 'ouiNon':
      return (
        <ChampChoix
          id={id}
          desactive={desactive}
          libelle={champ.libelle}
          options={OUI_NON}
          valeur={valeur === true ? 'oui' : valeur === false ? 'non' : ''}
          erreurExterne={erreur}
          enregistrer={(v) => maj({ [champ.cle]: v === 'oui' })}
        />
      );
    case 'choix':
      return (
        <ChampChoix
          id={id}
          desactive={desactive}
          libelle={champ.libelle}
          options={champ.options}
          valeur={texteDe(valeur)}
          erreurExterne={erreur}
          enregistrer={(v) => maj({ [champ.cle]: champ.cle === 'zoneApl' ? Number(v) : v })}
        />
      );
    case 'nombre':
    case 'entier': {
      const verifier = (t: string) => verifierNombre(t, champ.genre === 'entier');
      return (
        <ChampSaisie
          id={id}
          desactive={desactive}
          libelle={champ.libelle}
          genre="nombre"
          valeur={texteDe(valeur)}
          verifier={verifier}
          erreurExterne={erreur}
          enregistrer={async (t) => {
            if (t.trim() === '') await maj({ [champ.cle]: null });
            else if (verifier(t).ok) await maj({ [champ.cle]: parseNombreFr(t) });
          }}
        />
      );
    }
    default:
      return (
        <ChampSaisie
          id={id}
          desactive={desactive}
          libelle={champ.libelle}
          genre={champ.genre}
          valeur={texteDe(valeur)}
          erreurExterne={erreur}
          enregistrer={(t) => maj({ [champ.cle]: champ.genre === 'date' ? t || null : t })}
        />
      );
  }
}

/**
 * `enregistrer` writes a change of the sheet (a team's offer or a pooled one); `sans` leaves out
 * fields the caller holds otherwise; `desactive` shows the sheet to who may not change it.
 */
export function FicheOffre({
  offre,
  enregistrer,
  sans = [],
  desactive = false,
}: {
  offre: Offre;
  enregistrer: Enregistrer;
  sans?: readonly (keyof Offre)[];
  desactive?: boolean;
}) {
  const manques = verifierOffre(offre);
  const parChamp = new Map(manques.map((m) => [m.champ, m.message]));
  return (
    <div>
      {manques.length > 0 ? (
        <section class="panneau a-completer" aria-labelledby="titre-manques">
          <h2 id="titre-manques">À compléter avant de simuler ou de proposer</h2>
          <ul>
            {manques.map((m) => (
              <li key={m.champ}>{m.message}</li>
            ))}
          </ul>
        </section>
      ) : (
        <p class="sans-alerte">Offre complète : elle peut être simulée et proposée.</p>
      )}
      {GROUPES_OFFRE.map((g) => (
        <fieldset class="fiche" key={g.titre}>
          <legend>{g.titre}</legend>
          <div class="grille-champs">
            {g.champs
              .filter((c) => !sans.includes(c.cle))
              .map((c) => (
                <Champ key={c.cle} offre={offre} champ={c} erreur={parChamp.get(c.cle) ?? null} maj={enregistrer} desactive={desactive} />
              ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
