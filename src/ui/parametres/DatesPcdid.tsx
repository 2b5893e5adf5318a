import { verifierDate } from '../../domain/index.ts';
import { listerOperations, modifierDatePcdid } from '../../data/index.ts';
import { useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { ChampSaisie } from '../commun/champs.tsx';

/** The PCDID of each operation: hosted persons count when present 8 months at that date (charte §2.2 A). */
export function DatesPcdid() {
  const db = useBase();
  const operations = useLive(() => listerOperations(db), [db]);
  if (!operations || operations.length === 0) return null;
  return (
    <section class="panneau" aria-labelledby="titre-pcdid">
      <h2 id="titre-pcdid">Opérations : date de la PCDID</h2>
      <div class="grille-champs">
        {operations.map((o) => (
          <ChampSaisie key={o.id} id={`pcdid-${o.id}`} libelle={`PCDID de « ${o.nom} »`} genre="date" valeur={o.datePcdid ?? ''} verifier={(v) => verifierDate(v)}
            enregistrer={async (v) => { if (v === '' || verifierDate(v).ok) await modifierDatePcdid(db, o.id, v || null); }} />
        ))}
      </div>
    </section>
  );
}
