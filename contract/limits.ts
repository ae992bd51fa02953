// Field limits shared by the form (early feedback) and the core (the rule that counts).
export const limits = {
  nameMax: 40,
  communityMax: 60,
  interestMax: 20,
  interestsMaxCount: 10,
  queryMax: 64,
  deviceNameMax: 40,
  scanMax: 256,
  pinMin: 4,
  pinMax: 8,
  searchResultsMax: 50,
} as const;
