// Storage durability (LESSONS.md §7): ask for persistence at a meaningful moment, show usage.
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
