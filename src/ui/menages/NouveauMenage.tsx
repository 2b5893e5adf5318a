import { useState } from 'preact/hooks';
import { LIBELLES_TYPE_MENAGE, TYPES_MENAGE } from '../../domain/index.ts';
import type { Residence, TypeMenage } from '../../domain/index.ts';
import { creerMenage } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useBrouillon } from '../commun/brouillon.ts';
import { lien, naviguer } from '../app/route.ts';

/** The few fields needed to open a household; everything else is typed on its own screen. */
export default function NouveauMenage({ residences, fermer }: { residences: readonly Residence[]; fermer: () => void }) {
  const db = useBase();
  const brouillon = useBrouillon('nouveau-menage', { nom: '', residenceId: '', type: 'locataire_social' }, () => null);
  const { nom } = brouillon.valeurs;
  // The residences may arrive after the form opens: until one is chosen, the first is.
  const residenceId = brouillon.valeurs.residenceId || (residences[0]?.id ?? '');
  const type = brouillon.valeurs.type as TypeMenage;
  const [erreurs, setErreurs] = useState<{ nom?: string; residence?: string; general?: string }>({});

  const valider = async (e: Event) => {
    e.preventDefault();
    const manquants = {
      nom: nom.trim() ? undefined : 'Indiquez le nom du ménage.',
      residence: residenceId ? undefined : 'Choisissez la résidence.',
    };
    if (manquants.nom || manquants.residence) return setErreurs(manquants);
    try {
      const menage = await creerMenage(db, { nom: nom.trim(), residenceId, type }, aujourdhui());
      await brouillon.effacer();
      naviguer(lien.menage(menage.id));
    } catch (err) {
      setErreurs({ general: err instanceof Error ? err.message : 'Le ménage n’a pas pu être créé.' });
    }
  };

  return (
    <form class="panneau" aria-labelledby="titre-nouveau" onSubmit={(e) => void valider(e)} noValidate>
      <h2 id="titre-nouveau">Nouveau ménage</h2>
      {residences.length === 0 && (
        <p class="erreur">Aucune résidence : créez-en une (ou ouvrez l’espace de démonstration) dans les paramètres.</p>
      )}
      <div class={`champ${erreurs.nom ? ' en-erreur' : ''}`}>
        <label for="nouveau-nom">Nom du ménage</label>
        <input
          id="nouveau-nom"
          value={nom}
          onInput={(e) => brouillon.changer('nom', e.currentTarget.value)}
          aria-invalid={erreurs.nom ? true : undefined}
          aria-describedby={erreurs.nom ? 'nouveau-nom-erreur' : undefined}
          autoFocus
        />
        {erreurs.nom && (
          <p id="nouveau-nom-erreur" class="erreur" role="alert">
            {erreurs.nom}
          </p>
        )}
      </div>
      <div class={`champ${erreurs.residence ? ' en-erreur' : ''}`}>
        <label for="nouveau-residence">Résidence</label>
        <select id="nouveau-residence" value={residenceId} onChange={(e) => brouillon.changer('residenceId', e.currentTarget.value)}>
          {residences.map((r) => (
            <option key={r.id} value={r.id}>
              {r.nom}
            </option>
          ))}
        </select>
        {erreurs.residence && (
          <p class="erreur" role="alert">
            {erreurs.residence}
          </p>
        )}
      </div>
      <div class="champ">
        <label for="nouveau-type">Situation</label>
        <select id="nouveau-type" value={type} onChange={(e) => brouillon.changer('type', e.currentTarget.value)}>
          {TYPES_MENAGE.map((t) => (
            <option key={t} value={t}>
              {LIBELLES_TYPE_MENAGE[t]}
            </option>
          ))}
        </select>
      </div>
      {erreurs.general && (
        <p class="erreur" role="alert">
          {erreurs.general}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="bouton principal">
          Créer le ménage
        </button>
        <button type="button" class="bouton" onClick={() => void brouillon.effacer().then(fermer)}>
          Annuler
        </button>
      </div>
    </form>
  );
}
