import { useState } from 'preact/hooks';
import { LIBELLES_STATUT_PIECE, STATUTS_PIECE, dateEnLettres, verifierDate, verifierNumeroUnique } from '../../domain/index.ts';
import type { LigneDossier, PieceDossier, StatutPiece } from '../../domain/index.ts';
import { StockagePleinError, ajouterPages, creerPiece, modifierPiece, retirerPage, supprimerPiece } from '../../data/index.ts';
import type { PagePreparee } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { ChampChoix, ChampSaisie } from '../commun/champs.tsx';
import { ErreurFichier, preparerFichier } from './image.ts';
import { Miniature, Visionneuse } from './apercu.tsx';

const optionsStatut = STATUTS_PIECE.filter((s) => s !== 'expiree').map((s) => ({ valeur: s, libelle: LIBELLES_STATUT_PIECE[s] }));

/** Each file in turn (a tablet has little memory for 12-megapixel photos); the good ones are kept. */
async function preparerTous(
  fichiers: readonly File[],
  progres: (i: number) => void,
): Promise<{ pages: PagePreparee[]; erreurs: string[] }> {
  const pages: PagePreparee[] = [];
  const erreurs: string[] = [];
  for (const [i, f] of fichiers.entries()) {
    progres(i + 1);
    try {
      pages.push(await preparerFichier(f));
    } catch (e) {
      erreurs.push(e instanceof ErreurFichier ? e.message : `« ${f.name} » n’a pas pu être lu : rien n’a été ajouté pour ce fichier.`);
    }
  }
  return { pages, erreurs };
}

function Ajout({ id, titre, ajouter }: { id: string; titre: string; ajouter: (f: File[]) => void }) {
  const choisir = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const fichiers = [...(input.files ?? [])];
    input.value = '';
    if (fichiers.length > 0) ajouter(fichiers);
  };
  return (
    <div class="ajout-pages">
      <label class="bouton principal" for={`${id}-photo`}>
        Photographier
      </label>
      <input
        id={`${id}-photo`}
        class="fichier-cache"
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        onChange={choisir}
        aria-label={`Photographier : ${titre}`}
      />
      <label class="bouton" for={`${id}-import`}>
        Importer des images ou PDF
      </label>
      <input
        id={`${id}-import`}
        class="fichier-cache"
        type="file"
        accept="image/*,application/pdf"
        multiple
        onChange={choisir}
        aria-label={`Importer : ${titre}`}
      />
    </div>
  );
}

function Details({ piece }: { piece: PieceDossier }) {
  const db = useBase();
  const id = `piece-${piece.id}`;
  const maj = (modif: Partial<PieceDossier>) => modifierPiece(db, piece.id, modif);
  const date = (champ: 'dateDocument' | 'dateFournie' | 'expireLe', libelle: string, aide?: string) => (
    <ChampSaisie
      id={`${id}-${champ}`}
      libelle={libelle}
      aide={aide}
      genre="date"
      valeur={piece[champ]}
      enregistrer={(v) => maj({ [champ]: v })}
      verifier={(v) => verifierDate(v, { pasApres: champ === 'expireLe' ? '9999-12-31' : aujourdhui() })}
    />
  );
  return (
    <details class="details-piece">
      <summary>Dates, statut et notes</summary>
      <ChampChoix
        id={`${id}-statut`}
        libelle="Statut"
        options={optionsStatut}
        valeur={piece.statut === 'expiree' ? 'manquante' : piece.statut}
        enregistrer={(v) => maj({ statut: v as StatutPiece })}
      />
      <div class="grille-champs">
        {date('dateDocument', 'Date du document')}
        {date('dateFournie', 'Fournie le')}
        {date('expireLe', 'Fin de validité inscrite sur le document', 'Carte d’identité, titre de séjour… Laisser vide sinon.')}
      </div>
      {piece.kind === 'numero_unique' && (
        <ChampSaisie
          id={`${id}-numero`}
          libelle="Numéro unique de la demande"
          aide="Tel qu’il figure sur l’attestation d’enregistrement ; il est repris sur la fiche CALEOL."
          valeur={piece.numero}
          enregistrer={(v) => maj({ numero: v })}
          verifier={verifierNumeroUnique}
        />
      )}
      <ChampSaisie id={`${id}-notes`} libelle="Notes" genre="multiligne" valeur={piece.notes} enregistrer={(v) => maj({ notes: v })} />
    </details>
  );
}

/** One line of the checklist: status, validity, pages with capture, viewer and removal. */
export function LignePiece({ ligne, titre, menageId }: { ligne: LigneDossier; titre: string; menageId: string }) {
  const db = useBase();
  const [travail, setTravail] = useState<string | null>(null);
  const [erreurs, setErreurs] = useState<string[]>([]);
  const [vue, setVue] = useState<number | null>(null);
  const piece = ligne.piece;
  const id = `ligne-${ligne.cle.replace(/[^\w-]/g, '-')}`;
  const pages = piece?.pages ?? [];

  const ajouter = async (fichiers: File[]) => {
    setErreurs([]);
    const { pages: prets, erreurs: refus } = await preparerTous(fichiers, (i) =>
      setTravail(`Traitement de la page ${i} sur ${fichiers.length}…`),
    );
    try {
      if (prets.length > 0)
        await ajouterPages(
          db,
          piece ? { pieceId: piece.id } : { menageId, kind: ligne.kind, personneId: ligne.personneId },
          prets,
          aujourdhui(),
        );
    } catch (e) {
      refus.push(
        e instanceof StockagePleinError
          ? e.message
          : 'Les pages n’ont pas pu être enregistrées. Réessayez ; rien de ce qui était déjà enregistré n’a été perdu.',
      );
    }
    setTravail(null);
    setErreurs(refus);
  };
  // The dossier is read live: until a change is stored, the screen still shows what was there.
  const echec = (quoi: string) => (e: unknown) =>
    setErreurs([e instanceof StockagePleinError ? e.message : `${quoi} : l’enregistrement a échoué. Réessayez.`]);
  const retirer = (i: number) => {
    if (piece && confirm(`Supprimer la page ${i + 1} de « ${titre} » ? Elle ne sera plus dans le dossier.`))
      retirerPage(db, piece.id, i).catch(echec('Retrait de la page'));
  };
  const supprimer = () => {
    if (piece && confirm(`Supprimer la pièce « ${titre} » et ses ${pages.length} page(s) ?`))
      supprimerPiece(db, piece.id).catch(echec('Suppression de la pièce'));
  };
  const nonApplicable = () => {
    creerPiece(db, { menageId, kind: ligne.kind, personneId: ligne.personneId })
      .then((p) => modifierPiece(db, p.id, { statut: 'non_applicable' }))
      .catch(echec('« Non applicable »'));
  };

  return (
    <li class={`piece statut-${ligne.statut}`} aria-labelledby={`${id}-titre`}>
      <div class="piece-entete">
        <h3 id={`${id}-titre`}>{titre}</h3>
        <span class={`badge statut-${ligne.statut}`}>{LIBELLES_STATUT_PIECE[ligne.statut]}</span>
        {ligne.finValidite && ligne.statut !== 'non_applicable' && (
          <span class="aide">Valable jusqu’au {dateEnLettres(ligne.finValidite)}</span>
        )}
      </div>
      {pages.length > 0 && (
        <ul class="miniatures" aria-label={`Pages de ${titre}`}>
          {pages.map((p, i) => (
            <li key={`${p.blobHash}-${i}`}>
              <Miniature page={p} libelle={`la page ${i + 1} de ${titre}`} ouvrir={() => setVue(i)} />
              <button type="button" class="bouton discret" onClick={() => retirer(i)} aria-label={`Supprimer la page ${i + 1} de ${titre}`}>
                Supprimer
              </button>
            </li>
          ))}
        </ul>
      )}
      {ligne.statut !== 'non_applicable' && <Ajout id={id} titre={titre} ajouter={(f) => void ajouter(f)} />}
      {travail && (
        <p class="info" role="status">
          {travail}
        </p>
      )}
      {erreurs.map((m) => (
        <p key={m} class="erreur" role="alert">
          {m}
        </p>
      ))}
      {piece ? (
        <Details piece={piece} />
      ) : (
        <button type="button" class="bouton discret" onClick={nonApplicable}>
          Sans objet pour ce ménage
        </button>
      )}
      {piece && !ligne.exigee && (
        <button type="button" class="bouton discret" onClick={supprimer}>
          Supprimer cette pièce
        </button>
      )}
      {vue !== null && <Visionneuse pages={pages} titre={titre} index={vue} changer={setVue} fermer={() => setVue(null)} />}
    </li>
  );
}
