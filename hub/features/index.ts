export { HubError, EventRefused } from './errors';
export { createStore, listStores, storeByCode } from './stores';
export {
  authenticate,
  createRegistrationCode,
  listTerminals,
  registerTerminal,
  revokeTerminal,
  touchTerminal,
  type AuthenticatedTerminal,
} from './terminals';
export { push, eventsChannel } from './push';
export { planPush } from './push-plan';
export { pull, type PullInput } from './pull';
export { claimCoupon, claimHoldMinutes } from './coupons';
export { listConflicts, recordConflict, resolveConflicts, type NewConflict } from './conflicts';
export { mergeMembers, memberAtHub, type HubMemberInfo } from './members';
// The server opens the storage through the features rung, never reaching past it (the layer table).
export { openHubStorage, type HubStorage, type StorageConfig } from '../storage';
export { listProducts, retireProduct, setPrice, upsertProduct } from './catalogue';
export { getRules, listTiers, setRules, upsertTier } from './catalogue-tiers';
export { listCampaigns, listCouponDefinitions, upsertCampaign, upsertCouponDefinition } from './catalogue-offers';
export { parseAdmin } from './admin-input';
export { listContests, upsertContest } from './contests';
export { claimSeat, listHubEvents, seatHoldMinutes, upsertHubEvent } from './events';
