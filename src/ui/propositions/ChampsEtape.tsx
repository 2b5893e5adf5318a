import type { Option } from '../../domain/index.ts';

// The plain fields of the proposals forms: each has a visible label, large touch targets, and
// keeps its value whatever the outcome of the step it belongs to.
export type DefChamp = { cle: string; libelle: string; genre: 'date' | 'heure' | 'texte' | 'multiligne' | 'choix'; options?: readonly Option[]; requis?: boolean };

export function Champ({ id, def, valeur, changer }: { id: string; def: DefChamp; valeur: string; changer: (v: string) => void }) {
  const surSaisie = (e: Event) => changer((e.currentTarget as HTMLInputElement).value);
  return (
    <div class="champ">
      <label for={id}>{def.libelle}</label>
      {def.genre === 'choix' ? (
        <select id={id} value={valeur} onChange={surSaisie}>
          <option value="">— choisir —</option>
          {(def.options ?? []).map((o) => <option key={o.valeur} value={o.valeur}>{o.libelle}</option>)}
        </select>
      ) : def.genre === 'multiligne' ? (
        <textarea id={id} rows={2} value={valeur} onInput={surSaisie} />
      ) : (
        <input id={id} type={def.genre === 'date' ? 'date' : def.genre === 'heure' ? 'time' : 'text'} value={valeur} onInput={surSaisie} autoComplete="off" />
      )}
    </div>
  );
}
