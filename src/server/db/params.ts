/** Numbered SQL parameters built along with the query text, so fragments compose safely. */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
