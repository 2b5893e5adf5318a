import { verifierDate } from '../../domain/index.ts';
import { listerOperations, modifierDatePcdid } from '../../data/index.ts';
import { useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { ChampSaisie } from '../commun/champs.tsx';
import { useRole } from '../commun/role.ts';
import { proposesReferenceData } from '../../sync/index.ts';

/** The PCDID of each operation: hosted persons count when present 8 months at that date (charte §2.2 A). */
export function DatesPcdid() {
  const db = useBase();
  const operations = useLive(() => listerOperations(db), [db]);
  // A chargée reads the dates; she may still correct an operation she proposed, until validated.
  const lectureSeule = proposesReferenceData(useRole());
  if (!operations || operations.length === 0) return null;
  return (
    <section class="panneau" aria-labelledby="titre-pcdid">
      <h2 id="titre-pcdid">Opérations : date de la PCDID</h2>
      <div class="grille-champs">
        {operations.map((o) => (
          <fieldset key={o.id} class="sans-cadre" disabled={lectureSeule && !o.aValider}>
            <legend class="invisible">{o.nom}</legend>
            <ChampSaisie
              id={`pcdid-${o.id}`}
              libelle={`PCDID de « ${o.nom} »`}
              genre="date"
              valeur={o.datePcdid ?? ''}
              verifier={(v) => verifierDate(v)}
              enregistrer={async (v) => {
                if (v === '' || verifierDate(v).ok) await modifierDatePcdid(db, o.id, v || null);
              }}
            />
          </fieldset>
        ))}
      </div>
    </section>
  );
}
