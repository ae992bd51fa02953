// pino-roll ships no types: the part of it host-support/logger.ts uses. The stream it returns is a
// sonic-boom stream; only the members used are declared (host-support may not lean on sonic-boom).
declare module 'pino-roll' {
  interface PinoRollOptions {
    /** The path without number and extension; pino-roll appends `.<date>.<n>` and the extension. */
    file: string;
    /** '10m', '1k', '500b'; a bare number counts megabytes. */
    size?: string;
    /** 'daily', 'hourly', or milliseconds. */
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    dateFormat?: string;
    mkdir?: boolean;
    sync?: boolean;
  }

  export interface RollStream {
    /** The file being written now (changes at each rotation). */
    readonly file: string;
    write(line: string): boolean;
    flushSync(): void;
    end(): void;
    on(event: 'ready' | 'close', listener: () => void): RollStream;
    on(event: 'error', listener: (error: Error) => void): RollStream;
    once(event: 'close', listener: () => void): RollStream;
  }

  export default function pinoRoll(options: PinoRollOptions): Promise<RollStream>;
}
