// Rewards bought with points: a manager keeps the list and the stock.
// Stub: filled in by the rewards feature.
export function RewardsTab() {
  return null;
}
