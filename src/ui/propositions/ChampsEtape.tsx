import type { Option } from '../../domain/index.ts';

// The plain fields of the proposals forms: each has a visible label, large touch targets, and
// keeps its value whatever the outcome of the step it belongs to.
export type DefChamp = {
  cle: string;
  libelle: string;
  genre: 'date' | 'heure' | 'texte' | 'multiligne' | 'choix' | 'cases';
  options?: readonly Option[];
  requis?: boolean;
};

/** Several boxes to tick: the value is the ticked options, joined by commas. */
export const casesCochees = (valeur: string | undefined): string[] => (valeur ?? '').split(',').filter(Boolean);

function Cases({ id, def, valeur, changer }: { id: string; def: DefChamp; valeur: string; changer: (v: string) => void }) {
  const cochees = casesCochees(valeur);
  const basculer = (v: string) => changer((cochees.includes(v) ? cochees.filter((x) => x !== v) : [...cochees, v]).join(','));
  return (
    <fieldset class="champ" id={id}>
      <legend>{def.libelle}</legend>
      <div class="options">
        {(def.options ?? []).map((o) => (
          <label class="option" key={o.valeur}>
            <input type="checkbox" value={o.valeur} checked={cochees.includes(o.valeur)} onChange={() => basculer(o.valeur)} />
            <span>{o.libelle}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Champ({ id, def, valeur, changer }: { id: string; def: DefChamp; valeur: string; changer: (v: string) => void }) {
  const surSaisie = (e: Event) => changer((e.currentTarget as HTMLInputElement).value);
  if (def.genre === 'cases') return <Cases id={id} def={def} valeur={valeur} changer={changer} />;
  return (
    <div class="champ">
      <label for={id}>{def.libelle}</label>
      {def.genre === 'choix' ? (
        <select id={id} value={valeur} onChange={surSaisie}>
          <option value="">— choisir —</option>
          {(def.options ?? []).map((o) => (
            <option key={o.valeur} value={o.valeur}>
              {o.libelle}
            </option>
          ))}
        </select>
      ) : def.genre === 'multiligne' ? (
        <textarea id={id} rows={2} value={valeur} onInput={surSaisie} />
      ) : (
        <input
          id={id}
          type={def.genre === 'date' ? 'date' : def.genre === 'heure' ? 'time' : 'text'}
          value={valeur}
          onInput={surSaisie}
          autoComplete="off"
        />
      )}
    </div>
  );
}
