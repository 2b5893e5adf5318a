import type { ComponentChildren } from 'preact';
import type { Option, Verdict } from '../../domain/index.ts';
import { useAutosave } from './autosave.ts';

type Commun = {
  id: string;
  libelle: string;
  aide?: string;
  desactive?: boolean;
  /** A message from outside the field (a rule spanning fields), shown like the field's own. */
  erreurExterne?: string | null;
};

function Cadre({
  id,
  libelle,
  aide,
  message,
  etat,
  enfants,
  groupe,
}: {
  id: string;
  libelle: string;
  aide?: string | undefined;
  message: string | null;
  etat?: string;
  enfants: ComponentChildren;
  groupe?: boolean;
}) {
  const contenu = (
    <>
      {aide && (
        <p id={`${id}-aide`} class="aide">
          {aide}
        </p>
      )}
      {enfants}
      {message && (
        <p id={`${id}-erreur`} class="erreur" role="alert">
          {message}
        </p>
      )}
      {etat === 'en_cours' && <span class="sauvegarde">Enregistrement…</span>}
    </>
  );
  return groupe ? (
    <fieldset class={`champ${message ? ' en-erreur' : ''}`} aria-describedby={message ? `${id}-erreur` : undefined}>
      <legend>{libelle}</legend>
      {contenu}
    </fieldset>
  ) : (
    <div class={`champ${message ? ' en-erreur' : ''}`}>
      <label for={id}>{libelle}</label>
      {contenu}
    </div>
  );
}

type Saisie = Commun & {
  valeur: string;
  enregistrer: (v: string) => Promise<unknown>;
  verifier?: (v: string) => Verdict;
  genre?: 'texte' | 'multiligne' | 'nombre' | 'date' | 'tel';
};

/** A text, number or date field saved as it is typed; a bad value is kept and explained. */
export function ChampSaisie({
  id,
  libelle,
  aide,
  desactive,
  erreurExterne,
  valeur: stockee,
  enregistrer,
  verifier,
  genre = 'texte',
}: Saisie) {
  const { valeur, changer, relacher, etat, erreur } = useAutosave(stockee, enregistrer);
  const verdict = verifier && valeur.trim() !== '' ? verifier(valeur) : null;
  const message = erreur ?? (verdict && !verdict.ok ? verdict.message : null) ?? erreurExterne ?? null;
  const decrit = [aide ? `${id}-aide` : '', message ? `${id}-erreur` : ''].filter(Boolean).join(' ') || undefined;
  const proprietes = {
    id,
    value: valeur,
    disabled: desactive,
    'aria-invalid': message ? true : undefined,
    'aria-describedby': decrit,
    onInput: (e: Event) => changer((e.currentTarget as HTMLInputElement).value),
    onBlur: () => void relacher(),
  };
  return (
    <Cadre
      id={id}
      libelle={libelle}
      aide={aide}
      message={message}
      etat={etat}
      enfants={
        genre === 'multiligne' ? (
          <textarea rows={3} {...proprietes} />
        ) : (
          <input
            type={genre === 'date' ? 'date' : genre === 'tel' ? 'tel' : 'text'}
            inputMode={genre === 'nombre' ? 'decimal' : undefined}
            autoComplete="off"
            {...proprietes}
          />
        )
      }
    />
  );
}

type Choix = Commun & { options: readonly Option[]; valeur: string; enregistrer: (v: string) => Promise<unknown> };

/** One answer among a few, as large touch targets. */
export function ChampChoix({ id, libelle, aide, desactive, erreurExterne, options, valeur: stockee, enregistrer }: Choix) {
  const { valeur, changer, relacher, etat, erreur } = useAutosave(stockee, enregistrer);
  return (
    <Cadre
      id={id}
      libelle={libelle}
      aide={aide}
      message={erreur ?? erreurExterne ?? null}
      etat={etat}
      groupe
      enfants={
        <div class="options">
          {options.map((o) => (
            <label class="option" key={o.valeur}>
              <input
                type="radio"
                name={id}
                value={o.valeur}
                checked={valeur === o.valeur}
                disabled={desactive}
                onChange={() => {
                  changer(o.valeur);
                  void relacher();
                }}
              />
              <span>{o.libelle}</span>
            </label>
          ))}
        </div>
      }
    />
  );
}

type Multi = Commun & { options: readonly Option[]; valeur: readonly string[]; enregistrer: (v: string[]) => Promise<unknown> };

export function ChampMulti({ id, libelle, aide, desactive, erreurExterne, options, valeur: stockee, enregistrer }: Multi) {
  const { valeur, changer, relacher, etat, erreur } = useAutosave<readonly string[]>(stockee, (v) => enregistrer([...v]));
  const basculer = (v: string) => {
    changer(valeur.includes(v) ? valeur.filter((x) => x !== v) : [...valeur, v]);
    void relacher();
  };
  return (
    <Cadre
      id={id}
      libelle={libelle}
      aide={aide}
      message={erreur ?? erreurExterne ?? null}
      etat={etat}
      groupe
      enfants={
        <div class="options">
          {options.map((o) => (
            <label class="option" key={o.valeur}>
              <input
                type="checkbox"
                value={o.valeur}
                checked={valeur.includes(o.valeur)}
                disabled={desactive}
                onChange={() => basculer(o.valeur)}
              />
              <span>{o.libelle}</span>
            </label>
          ))}
        </div>
      }
    />
  );
}

type Case = { id: string; libelle: string; coche: boolean; desactive?: boolean; enregistrer: (v: boolean) => Promise<unknown> };

export function CaseACocher({ id, libelle, coche: stockee, desactive, enregistrer }: Case) {
  const { valeur, changer, relacher } = useAutosave(stockee, enregistrer);
  return (
    <label class="option case" for={id}>
      <input
        id={id}
        type="checkbox"
        checked={valeur}
        disabled={desactive}
        onChange={(e) => {
          changer((e.currentTarget as HTMLInputElement).checked);
          void relacher();
        }}
      />
      <span>{libelle}</span>
    </label>
  );
}
