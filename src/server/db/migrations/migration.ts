// One step of the server's schema. Frozen once released: its SQL never changes (not even its
// spacing), and its file imports nothing but this type (docs/donnees.md §4).
export type Migration = { readonly id: number; readonly name: string; readonly sql: string };
