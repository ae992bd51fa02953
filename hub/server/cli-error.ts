/** A refusal the CLI prints as it is (no stack): a wrong flag, the hub's answer, an unreadable file. */
export class CliError extends Error {}
