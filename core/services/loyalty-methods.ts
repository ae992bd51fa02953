import type { LoyaltyMethods } from '../contract';
import type { ApiArea } from './area';
import type { ServiceContext } from './context';

export function loyaltyArea(_ctx: ServiceContext): ApiArea<LoyaltyMethods> {
  return { methods: {} };
}
