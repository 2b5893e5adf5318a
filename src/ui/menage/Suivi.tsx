import type { Menage } from '../../domain/index.ts';
import { lireEquipe, modifierMenage } from '../../data/index.ts';
import { useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { useRole } from '../commun/role.ts';

// Who follows the household, by user account: what gives a chargée access to it on the server
// (docs/sync.md « Droits »). Only an encadrant or administrateur chooses; a chargée reads. Before
// the first sync lists the organisation's users, the names written on the household are shown.

const NOM_STOCKE = { referentId: 'referent', binomeId: 'binome' } as const;

export function ChoixSuivi({ menage, champ, libelle }: { menage: Menage; champ: 'referentId' | 'binomeId'; libelle: string }) {
  const db = useBase();
  const role = useRole();
  const equipe = useLive(() => lireEquipe(db), [db]);
  const id = `menage-${champ}`;
  const choisi = menage[champ] ?? null;
  const encadre = role === 'encadrant' || role === 'administrateur';
  if (equipe === undefined || role === undefined) return null;
  const nomStocke = menage[NOM_STOCKE[champ]];

  if (equipe !== null && encadre) {
    return (
      <div class="champ">
        <label for={id}>{libelle}</label>
        <select
          id={id}
          value={choisi ?? ''}
          onChange={(e) => void modifierMenage(db, menage.id, { [champ]: e.currentTarget.value || null })}
        >
          <option value="">Personne</option>
          {equipe.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
          {choisi !== null && !equipe.some((u) => u.id === choisi) && <option value={choisi}>Compte inconnu de cette tablette</option>}
        </select>
        {choisi === null && nomStocke && (
          <p class="aide" id={`${id}-ancien`}>
            Noté avant les comptes : « {nomStocke} »
          </p>
        )}
      </div>
    );
  }
  const nom = choisi === null ? nomStocke : (equipe?.find((u) => u.id === choisi)?.name ?? nomStocke);
  return (
    <div class="champ">
      <label for={id}>{libelle}</label>
      <input id={id} readOnly value={nom || 'Personne'} />
    </div>
  );
}
