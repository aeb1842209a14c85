/** An input problem the user can fix: printed as `error: <message>` with exit code 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** `line N: problem` — every message about file content names the line. */
export function lineError(line: number, problem: string): CliError {
  return new CliError(`line ${line}: ${problem}`);
}
