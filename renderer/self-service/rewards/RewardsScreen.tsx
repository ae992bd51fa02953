//
// Stub: filled in by the rewards feature.
export function RewardsScreen() {
  return null;
}
