// Loyalty and checkout: catalogue, points ledger, tiers, coupons, sales, refunds, day close.
export interface LoyaltyMethods {}

export const loyaltyMethodNames = [] as const satisfies readonly (keyof LoyaltyMethods)[];

export interface LoyaltyEvents {}
