// At most `limit` pushes are read and applied at once in one hub process. The others wait before
// their body is read (it stays in the socket and TCP holds the sender back), so 200 terminals pushing
// 500-event batches at once cost the memory of `limit` batches, not of 200 (each is a few MB once
// parsed). More at once would only queue for the database pool's connections anyway.
export type Gate = <T>(fn: () => Promise<T>) => Promise<T>;

export function gate(limit: number): Gate {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (fn) => {
    if (active < limit) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await fn();
    } finally {
      // The slot passes straight to the next in line, or is given back.
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
