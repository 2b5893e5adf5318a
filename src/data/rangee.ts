/** The row, among `nombre`, that keeps the entry of this id: FNV-1a of the id, so that ids spread evenly. */
export function rangeeDe(id: string, nombre: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % nombre;
}
