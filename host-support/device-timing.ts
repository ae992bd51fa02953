// Operators (and the end-to-end tests) can make device status polling and print retries faster
// or slower without a rebuild. Only the hosts read the environment; the core gets plain options.
import type { DeviceTiming } from '../features/devices/device-service';

const positive = (env: NodeJS.ProcessEnv, name: string): number | undefined => {
  const v = Number(env[name]);
  return Number.isFinite(v) && v > 0 ? v : undefined;
};

export function deviceTimingFromEnv(env: NodeJS.ProcessEnv): DeviceTiming {
  const pollMs = positive(env, 'LINLI_DEVICE_POLL_MS');
  const reconnectMs = positive(env, 'LINLI_DEVICE_RECONNECT_MS');
  const retryMs = positive(env, 'LINLI_PRINT_RETRY_MS');
  return {
    ...(pollMs ? { pollMs } : {}),
    ...(reconnectMs ? { reconnectMs, watchMs: reconnectMs } : {}),
    ...(retryMs ? { retryMs } : {}),
  };
}
