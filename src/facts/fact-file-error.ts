// A broken fact file: the message names the file, the fact (by id) and the field, so an editor can fix it.
export class FactFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length} problem(s)\n  - ${problems.join('\n  - ')}`);
    this.name = 'FactFileError';
  }
}
