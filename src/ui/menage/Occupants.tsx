import {
  ACTIVITES,
  LIBELLES_ACTIVITE,
  LIBELLES_LIEN,
  LIBELLES_NATIONALITE,
  LIENS,
  NATIONALITES,
  nomAffiche,
  verifierDate,
  verifierOccupants,
  verifierPersonne,
} from '../../domain/index.ts';
import type { Activite, DroitHeberge, Lien, Personne } from '../../domain/index.ts';
import { useState } from 'preact/hooks';
import { StockagePleinError, ajouterPersonne, droitsDesHeberges, modifierPersonne, retirerPersonne } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { CaseACocher, ChampChoix, ChampSaisie } from '../commun/champs.tsx';

const optionsLien = LIENS.map((l) => ({ valeur: l, libelle: LIBELLES_LIEN[l] }));
const optionsActivite = ACTIVITES.map((a) => ({ valeur: a, libelle: LIBELLES_ACTIVITE[a] }));
const optionsNationalite = NATIONALITES.map((n) => ({ valeur: n, libelle: LIBELLES_NATIONALITE[n] }));
const optionsSexe = [
  { valeur: 'F', libelle: 'Femme' },
  { valeur: 'M', libelle: 'Homme' },
];

function FichePersonne({ personne, lectureSeule, droit }: { personne: Personne; lectureSeule: boolean; droit: DroitHeberge | undefined }) {
  const db = useBase();
  const id = `personne-${personne.id}`;
  const maj = (modif: Partial<Personne>) => modifierPersonne(db, personne.id, modif);
  const erreurs = verifierPersonne(personne, aujourdhui());
  const erreurDe = (champ: string) => erreurs.find((e) => e.champ === champ)?.message ?? null;
  const [echecRetrait, setEchecRetrait] = useState<string | null>(null);
  const retirer = () => {
    if (!confirm(`Retirer ${nomAffiche(personne)} de la liste des occupants ?`)) return;
    setEchecRetrait(null);
    retirerPersonne(db, personne.id).catch((e: unknown) =>
      setEchecRetrait(
        e instanceof StockagePleinError
          ? e.message
          : 'Le retrait n’a pas pu être enregistré : l’occupant est toujours dans la liste. Réessayez.',
      ),
    );
  };
  return (
    <fieldset class="fiche" disabled={lectureSeule}>
      <legend>{nomAffiche(personne)}</legend>
      <div class="grille-champs">
        <ChampSaisie id={`${id}-prenom`} libelle="Prénom" valeur={personne.prenom} enregistrer={(v) => maj({ prenom: v })} />
        <ChampSaisie id={`${id}-nom`} libelle="Nom" valeur={personne.nom} enregistrer={(v) => maj({ nom: v })} />
        <ChampSaisie
          id={`${id}-naissance`}
          libelle="Date de naissance"
          genre="date"
          valeur={personne.dateNaissance}
          enregistrer={(v) => maj({ dateNaissance: v })}
          erreurExterne={erreurDe('dateNaissance')}
          verifier={(v) =>
            verifierDate(v, { pasApres: aujourdhui(), messageApres: 'La date de naissance ne peut pas être dans le futur.' })
          }
        />
        <ChampChoix
          id={`${id}-sexe`}
          libelle="Sexe"
          options={optionsSexe}
          valeur={personne.sexe ?? ''}
          enregistrer={(v) => maj({ sexe: v as 'F' | 'M' })}
        />
      </div>
      <ChampChoix
        id={`${id}-lien`}
        libelle="Lien avec le titulaire du bail"
        options={optionsLien}
        valeur={personne.lien}
        enregistrer={(v) => maj({ lien: v as Lien })}
      />
      <ChampChoix
        id={`${id}-activite`}
        libelle="Activité"
        options={optionsActivite}
        valeur={personne.activite ?? ''}
        enregistrer={(v) => maj({ activite: v as Activite })}
      />
      <ChampChoix
        id={`${id}-nationalite`}
        libelle="Nationalité"
        options={optionsNationalite}
        valeur={personne.nationalite ?? ''}
        enregistrer={(v) => maj({ nationalite: v as Personne['nationalite'] })}
      />
      <div class="grille-champs">
        <ChampSaisie
          id={`${id}-heberge`}
          libelle="Hébergé(e) depuis le"
          aide="Seulement pour une personne hébergée."
          genre="date"
          valeur={personne.hebergeDepuis}
          enregistrer={(v) => maj({ hebergeDepuis: v })}
          erreurExterne={erreurDe('hebergeDepuis')}
        />
      </div>
      {droit && <p class="aide">{droit.motif}</p>}
      <CaseACocher
        id={`${id}-handicap`}
        libelle="Handicap ou perte d’autonomie"
        coche={personne.handicap}
        enregistrer={(v) => maj({ handicap: v })}
      />
      <CaseACocher
        id={`${id}-decohabitation`}
        libelle="Souhaite un logement à part (décohabitation)"
        coche={personne.souhaitDecohabitation}
        enregistrer={(v) => maj({ souhaitDecohabitation: v })}
      />
      {!lectureSeule && (
        <button type="button" class="bouton discret" onClick={retirer}>
          Retirer cet occupant
        </button>
      )}
      {echecRetrait && (
        <p class="erreur" role="alert">
          {echecRetrait}
        </p>
      )}
    </fieldset>
  );
}

/** The état d'occupation: every person living in the home, hosted persons included. */
export function Occupants({
  menageId,
  personnes,
  lectureSeule = false,
}: {
  menageId: string;
  personnes: readonly Personne[];
  lectureSeule?: boolean;
}) {
  const db = useBase();
  const probleme = verifierOccupants(personnes)[0];
  const droits = useLive(() => droitsDesHeberges(db, menageId), [db, menageId]);
  const ajouter = async () => {
    const p = await ajouterPersonne(db, menageId, { lien: personnes.length === 0 ? 'titulaire' : 'enfant' });
    requestAnimationFrame(() => document.getElementById(`personne-${p.id}-prenom`)?.focus());
  };
  return (
    <div class="occupants">
      <p class="compteurs" role="status">
        {personnes.length === 0 ? 'Aucun occupant' : `${personnes.length} occupant${personnes.length > 1 ? 's' : ''}`}
      </p>
      {probleme && (
        <p class="erreur" role="alert">
          {probleme.message}
        </p>
      )}
      {personnes.map((p) => (
        <FichePersonne key={p.id} personne={p} lectureSeule={lectureSeule} droit={droits?.get(p.id)} />
      ))}
      {!lectureSeule && (
        <button type="button" class="bouton" onClick={() => void ajouter()}>
          Ajouter un occupant
        </button>
      )}
    </div>
  );
}
