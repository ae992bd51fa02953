// The core's log when the host gives it none (tests, benchmarks, scripts): the console, as before.
import type { LogPort } from './ports';

const line = (message: string, fields: Record<string, unknown>): unknown[] => {
  const { err, ...rest } = fields;
  return [`[linli] ${message}`, ...(err !== undefined ? [err] : []), ...(Object.keys(rest).length ? [rest] : [])];
};

export const consoleLog: LogPort = {
  error: (fields, message) => console.error(...line(message, fields)),
  warn: (fields, message) => console.warn(...line(message, fields)),
  info: (fields, message) => console.log(...line(message, fields)),
};
