import type { DeviceMethods } from '../contract';
import type { ApiArea } from './area';
import type { ServiceContext } from './context';

export function deviceArea(_ctx: ServiceContext): ApiArea<DeviceMethods> {
  return { methods: {} };
}
