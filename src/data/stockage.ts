// Storage durability (docs/stockage-local.md): ask for persistence at a meaningful moment, show usage.
export type EtatStockage = { persistant: boolean; utilise: number | null; quota: number | null };

export async function etatStockage(): Promise<EtatStockage> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage) return { persistant: false, utilise: null, quota: null };
  const [persistant, estimation] = await Promise.all([storage.persisted?.() ?? false, storage.estimate?.() ?? Promise.resolve(undefined)]);
  return { persistant, utilise: estimation?.usage ?? null, quota: estimation?.quota ?? null };
}

/** Asks the browser to protect the data from eviction; true when it is protected. */
export async function demanderPersistance(): Promise<boolean> {
  const storage = navigator.storage;
  if (!storage?.persist) return false;
  return (await storage.persisted()) || storage.persist();
}

/** A full device: what is typed stays on screen, what was saved before is untouched. */
export class StockagePleinError extends Error {
  constructor() {
    super('L’espace de stockage de la tablette est plein : la dernière saisie n’a pas pu être enregistrée. Elle reste affichée ; libérez de l’espace puis continuez.');
    this.name = 'StockagePleinError';
  }
}

/** A write refused for lack of space, by the browser (possibly wrapped by Dexie) or already reported as such. */
export const estStockagePlein = (e: unknown): boolean => {
  const err = e as { name?: string; inner?: { name?: string } } | null;
  return e instanceof StockagePleinError || err?.name === 'QuotaExceededError' || err?.inner?.name === 'QuotaExceededError';
};
